// Resource `bookings`: the registration form's life as actions the roles call (README § Bookings).
// Permission is the state machine's (src/rules/booking.ts TRANSITIONS) plus "own window"; the ACL
// only requires a signed-in user for these actions so that every refusal has one clear source.
import type { Context, Next } from '@nocobase/actions';
import type { Database, Transaction } from '@nocobase/database';
import { shanghaiDate } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import {
  checkAbandon, checkCompletion, checkRegistration, checkRescheduleDecision, checkRescheduleRequest, formatBookingNumber,
  formatShanghai, nextFreeStarts, slotKey,
} from '../../rules/booking';
import { optionalText, recordId } from '../../rules/input';
import { normalizePhone } from '../../rules/phone';
import { DutySettings } from '../../rules/settings';
import { loadCalendar } from '../calendar/store';
import { loadSettings } from '../settings/store';
import { actorOf } from '../bookings/context';
import { prefetchRegistration } from '../bookings/prefetch';
import { Acting, act, allowedRole, loadBooking, recordEvent } from '../bookings/service';
import { actionInput } from './input';
import { releaseSeat, takeSeat, takenByStart } from '../bookings/seats';


/** Test clock: an admin-only header lets tests fix "now"; production always uses the real time. */
export function nowOf(ctx: Context): Date {
  const fixed = ctx.get?.('X-Test-Now');
  return fixed && process.env.APPOINTMENT_DUTY_TEST_CLOCK === 'true' ? new Date(fixed) : new Date();
}

async function withActing<T>(ctx: Context, fn: (a: Acting) => Promise<T>, opts: { windows?: boolean } = {}): Promise<T> {
  return inBookingTransaction(ctx.app, ctx.db, async (transaction) => {
    const actor = await actorOf(ctx, transaction, opts);
    return fn({ db: ctx.db, actor, now: nowOf(ctx), transaction });
  });
}

/** SQLite only: the lock that queues booking writes (and, see src/server/workflow/sqlite.ts, workflow executions). */
export const BOOKING_SQLITE_LOCK = 'appointment-duty:bookings-sqlite';

/** One booking write in its own transaction (also used by the workflow nodes, src/server/workflow). */
export function inBookingTransaction<T>(app: any, db: Database, fn: (transaction: Transaction) => Promise<T>): Promise<T> {
  const run = () => db.sequelize.transaction(fn);
  // SQLite has one connection and no concurrent transactions: queue our writes through NocoBase's
  // lock manager. Server databases run them concurrently; the unique seat index keeps capacity.
  if (db.sequelize.getDialect() !== 'sqlite') return run();
  return app.lockManager.runExclusive(BOOKING_SQLITE_LOCK, run, 60000);
}

// Free-text inputs: text of bounded length or nothing — never coerced ("[object Object]").
const TEXT_FIELDS = ['applicantUnit', 'notes', 'reason', 'note', 'outcome', 'result'];

function checkShapes(v: any) {
  for (const f of TEXT_FIELDS) optionalText(f, v[f]);
  if (v.applicantName !== undefined && v.applicantName !== null && typeof v.applicantName !== 'string') {
    throw new RuleViolation('FIELD_NOT_TEXT', { field: 'applicantName' });
  }
}

const respond = (fn: (ctx: Context, a: Acting, v: any) => Promise<any>, opts?: { windows?: boolean }) => async (ctx: Context, next: Next) => {
  const v = actionInput(ctx);
  checkShapes(v);
  ctx.body = await withActing(ctx, (a) => fn(ctx, a, v), opts);
  await next();
};

async function loadItem(db: Database, rawId: unknown, transaction: Transaction, appends = ['cooperatingWindows']) {
  const id = recordId(rawId); // never a filter object or a list from the request
  const item: any = id !== null ? await db.getRepository('serviceItems').findOne({ filterByTk: id, appends, transaction }) : null;
  if (!item) throw new RuleViolation('ITEM_NOT_FOUND', { id: String(rawId ?? '').slice(0, 40) });
  return item;
}

// ---------- register (desk) ----------

// Cost per request (issue 3): NocoBase's own auth/ACL work, then BEGIN, ONE read (the item with
// the calendar and settings cache versions and the next booking id, bookings/prefetch.ts), one INSERT
// per table (booking with its number, seat, audit event), COMMIT. No re-read: the response is built
// from the rows just written. Roles-only actor (no window look-ups, see BOOKING_ACTIONS).
async function register(ctx: Context, a: Acting, v: any) {
  const role = allowedRole(a.actor, null, 'register');
  const pre = await prefetchRegistration(a.db, v.serviceItemId ?? v.serviceItem, a.transaction);
  const item = pre.item;
  const calendar = await loadCalendar(a.db, {
    transaction: a.transaction, around: [shanghaiDate(a.now), String(v.start ?? '').slice(0, 10)], version: pre.calendarVersion,
  });
  const settings = await loadSettings(a.db, { transaction: a.transaction, version: pre.settingsVersion });
  const reg = checkRegistration(
    {
      applicantName: v.applicantName, phone: v.applicantPhone, unit: v.applicantUnit, channel: v.channel, start: v.start,
      item: item.get(),
    },
    { calendar, now: a.now, settings },
  );
  const windowId = item.get('leadWindowId');
  const key = slotKey(item.get('id'), windowId, reg.start);
  const year = Number(shanghaiDate(a.now).slice(0, 4));
  const id = pre.nextBookingId;
  const booking: any = await a.db.getRepository('bookings').create({
    values: {
      ...(id !== null ? { id, number: formatBookingNumber(year, id) } : {}),
      status: 'registered', kind: reg.kind, applicantName: String(v.applicantName).trim(),
      applicantPhone: normalizePhone(v.applicantPhone), applicantUnit: v.applicantUnit ?? null,
      serviceItemId: item.get('id'), windowId, channel: v.channel, appointmentStart: reg.start, appointmentEnd: reg.end,
      slotKey: key, recordedAt: a.now, recorderId: a.actor.userId, notes: v.notes ?? null,
    },
    transaction: a.transaction,
  });
  const seat = await takeSeat(a.db, key, Number(item.get('capacityPerSlot')), booking.get('id'), a.transaction);
  if (!seat) await refuseFullSlot(a, item, windowId, reg, calendar, settings);
  if (id === null) {
    // Dialects without a safe pre-read id: the number derives from the id known only after the
    // INSERT — one UPDATE of this instance (a repository update would first re-SELECT the row).
    await booking.update({ number: formatBookingNumber(year, Number(booking.get('id'))) }, { transaction: a.transaction });
  }
  await recordEvent(a, booking, 'register', null, 'registered', role);
  return asLoaded(booking, item);
}

/**
 * The just-created booking shaped as loadBooking returns it, without reading it back: columns
 * the INSERT left out are NULL in the row (no database-side defaults), the item is the one loaded
 * above and a new booking has no dispatches yet.
 */
function asLoaded(booking: any, item: any) {
  for (const name of Object.keys(booking.constructor.rawAttributes)) {
    if (booking.get(name) === undefined) booking.setDataValue(name, null);
  }
  booking.setDataValue('serviceItem', item);
  booking.setDataValue('dispatches', []);
  return booking;
}

async function refuseFullSlot(a: Acting, item: any, windowId: number, reg: any, calendar: any, settings: DutySettings): Promise<never> {
  const prefix = slotKey(item.get('id'), windowId, reg.start).slice(0, -reg.start.toISOString().length);
  const taken = await takenByStart(a.db, prefix, a.transaction);
  const next = nextFreeStarts({
    taken, capacity: Number(item.get('capacityPerSlot')), calendar, from: reg.start, kind: reg.kind,
    durationMinutes: Number(item.get('expectedMinutes')), settings, limit: 3,
  });
  throw new RuleViolation(
    'SLOT_FULL', { item: item.get('name'), start: formatShanghai(reg.start), next: next.map(formatShanghai).join('、') || '-' }, 409,
  );
}

// ---------- dispatch (section) ----------

async function dispatch(ctx: Context, a: Acting, v: any) {
  return act(a, v.filterByTk, 'dispatch', {}, async (booking) => {
    const item = await loadItem(a.db, booking.get('serviceItemId'), a.transaction);
    const leadWindowId = Number(v.windowId ?? booking.get('windowId') ?? item.get('leadWindowId'));
    const cooperating = (item.get('cooperatingWindows') ?? []).map((w: any) => Number(w.get('id'))).filter((id: number) => id !== leadWindowId);
    const rows = [{ windowId: leadWindowId, role: 'lead' }, ...cooperating.map((windowId: number) => ({ windowId, role: 'cooperating' }))];
    for (const r of rows) {
      await a.db.getRepository('bookingDispatches').create({
        values: { ...r, bookingId: booking.get('id'), dispatchedAt: a.now, dispatchedById: a.actor.userId },
        transaction: a.transaction,
      });
    }
    await a.db.getRepository('bookings').update({
      filterByTk: booking.get('id'),
      values: { windowId: leadWindowId, dispatchedAt: a.now, dispatcherId: a.actor.userId },
      transaction: a.transaction,
    });
    return { windows: rows };
  });
}

// ---------- sign for and assign (window lead; a window cannot refuse, R-DSP-2) ----------

async function signFor(ctx: Context, a: Acting, v: any) {
  const booking = await loadBooking(a.db, v.filterByTk, a.transaction);
  const leadWindow = Number(booking.get('windowId'));
  if (!a.actor.roles.includes('admin') && !a.actor.leads.includes(leadWindow)) return signForCooperation(a, booking);
  return act(a, booking.get('id'), 'signFor', { windowIds: () => [leadWindow] }, async (b) => {
    const handlers = await checkHandlers(a, leadWindow, v);
    await a.db.getRepository('bookings').update({
      filterByTk: b.get('id'),
      values: { signedForAt: a.now, signedForById: a.actor.userId, ...handlers, assignedAt: a.now },
      transaction: a.transaction,
    });
    await markDispatchSigned(a, b.get('id'), leadWindow);
    return handlers;
  });
}

/** The window lead changes who handles a signed-for booking (e.g. a handler is off that day). */
async function assignHandlers(ctx: Context, a: Acting, v: any) {
  const booking = await loadBooking(a.db, v.filterByTk, a.transaction);
  const leadWindow = Number(booking.get('windowId'));
  return act(a, booking.get('id'), 'assignHandlers', { windowIds: () => [leadWindow] }, async (b) => {
    const handlers = await checkHandlers(a, leadWindow, v);
    await a.db.getRepository('bookings').update({
      filterByTk: b.get('id'), values: { ...handlers, assignedAt: a.now }, transaction: a.transaction,
    });
    return handlers;
  });
}

/** A cooperating window's lead signs their own dispatch (R-DSP-3); the booking's status stays. */
async function signForCooperation(a: Acting, booking: any) {
  const mine = (booking.get('dispatches') ?? []).find((d: any) => d.get('role') === 'cooperating' && a.actor.leads.includes(Number(d.get('windowId'))));
  if (!mine || !a.actor.roles.includes('windowLead')) throw new RuleViolation('NOT_YOUR_WINDOW', { number: booking.get('number') }, 403);
  if (mine.get('signedForAt')) throw new RuleViolation('ALREADY_SIGNED_FOR', { number: booking.get('number') });
  await markDispatchSigned(a, booking.get('id'), Number(mine.get('windowId')));
  await recordEvent(a, booking, 'signForCooperation', booking.get('status'), booking.get('status'), 'windowLead', {
    data: { windowId: mine.get('windowId') },
  });
  return loadBooking(a.db, booking.get('id'), a.transaction);
}

async function markDispatchSigned(a: Acting, bookingId: number, windowId: number) {
  await a.db.getRepository('bookingDispatches').update({
    filter: { bookingId, windowId }, values: { signedForAt: a.now, signedForById: a.actor.userId }, transaction: a.transaction,
  });
}

async function checkHandlers(a: Acting, windowId: number, v: any) {
  const ids = [v.handler1Id, v.handler2Id].filter((x) => x !== undefined && x !== null && x !== '').map(Number);
  if (!ids.length) throw new RuleViolation('HANDLER_REQUIRED');
  const window: any = await a.db.getRepository('windows').findOne({ filterByTk: windowId, appends: ['staff'], transaction: a.transaction });
  const members = new Set([...(window?.get('staff') ?? []).map((u: any) => Number(u.get('id'))), Number(window?.get('leadId'))]);
  const stranger = ids.find((id) => !members.has(id));
  if (stranger !== undefined) throw new RuleViolation('HANDLER_NOT_IN_WINDOW', { id: stranger, window: window?.get('name') });
  return { handler1Id: ids[0], handler2Id: ids[1] ?? null };
}

// ---------- before the day (R-PRE-1) ----------

async function logContact(ctx: Context, a: Acting, v: any) {
  return act(a, v.filterByTk, 'logContact', {}, async (b) => {
    const item = await loadItem(a.db, b.get('serviceItemId'), a.transaction);
    const contact = {
      bookingId: b.get('id'), byId: a.actor.userId, at: a.now, result: v.result ?? 'reached',
      materialsNoticeGiven: !!v.materialsNoticeGiven, materials: v.materialsNoticeGiven ? item.get('materials') : null,
      confirmedStart: v.confirmedStart ?? null, note: v.note ?? null,
    };
    await a.db.getRepository('bookingContacts').create({ values: contact, transaction: a.transaction });
    await a.db.getRepository('bookings').update({ filterByTk: b.get('id'), values: { contactedAt: a.now }, transaction: a.transaction });
    return { result: contact.result, materialsNoticeGiven: contact.materialsNoticeGiven };
  });
}

// ---------- reschedule (R-RSC-1..3) ----------

async function requestReschedule(ctx: Context, a: Acting, v: any) {
  return act(a, v.filterByTk, 'requestReschedule', { reason: v.reason }, async (b) => {
    const check = checkRescheduleRequest({
      originalStart: new Date(b.get('appointmentStart')), proposedStart: v.proposedStart ?? null,
      now: a.now, kind: v.kind ?? 'ordinary', reason: v.reason, settings: await loadSettings(a.db, { transaction: a.transaction }),
    });
    const pending = await a.db.getRepository('rescheduleRequests').count({ filter: { bookingId: b.get('id'), decision: 'pending' }, transaction: a.transaction });
    if (pending) throw new RuleViolation('RESCHEDULE_ALREADY_PENDING', { number: b.get('number') });
    const request: any = await a.db.getRepository('rescheduleRequests').create({
      values: {
        bookingId: b.get('id'), requestedById: a.actor.userId, requestedAt: a.now, reason: v.reason, kind: v.kind ?? 'ordinary',
        originalStart: b.get('appointmentStart'), proposedStart: v.proposedStart ?? null,
        reportedToSection: check.reportToSection,
      },
      transaction: a.transaction,
    });
    return { requestId: request.get('id'), kind: v.kind ?? 'ordinary' };
  });
}

async function decideReschedule(ctx: Context, a: Acting, v: any) {
  return act(a, v.filterByTk, 'decideReschedule', { reason: v.note }, async (b) => {
    const request: any = await a.db.getRepository('rescheduleRequests').findOne({
      filter: { bookingId: b.get('id'), decision: 'pending' }, transaction: a.transaction,
    });
    if (!request) throw new RuleViolation('NO_PENDING_RESCHEDULE', { number: b.get('number') });
    const approve = v.decision === 'approved' || v.decision === 'approve';
    if (!approve && v.decision !== 'rejected' && v.decision !== 'reject') throw new RuleViolation('INVALID_DECISION', { value: String(v.decision) });
    const settings = await loadSettings(a.db, { transaction: a.transaction });
    checkRescheduleDecision({ originalStart: new Date(request.get('originalStart')), now: a.now, kind: request.get('kind'), approve, settings });
    if (approve && request.get('proposedStart')) await moveAppointment(a, b, new Date(request.get('proposedStart')));
    await a.db.getRepository('rescheduleRequests').update({
      filterByTk: request.get('id'),
      values: { decision: approve ? 'approved' : 'rejected', decidedById: a.actor.userId, decidedAt: a.now,
        decisionNote: v.note ?? null, applicantToldAt: v.applicantToldAt ?? null },
      transaction: a.transaction,
    });
    return { requestId: request.get('id'), decision: approve ? 'approved' : 'rejected' };
  });
}

/** An approved new time obeys the same rules as a new booking, including capacity. */
async function moveAppointment(a: Acting, b: any, start: Date) {
  const item = await loadItem(a.db, b.get('serviceItemId'), a.transaction);
  const calendar = await loadCalendar(a.db, { transaction: a.transaction, around: [shanghaiDate(a.now), shanghaiDate(start)] });
  const settings = await loadSettings(a.db, { transaction: a.transaction });
  const reg = checkRegistration(
    { applicantName: b.get('applicantName'), phone: b.get('applicantPhone'), unit: b.get('applicantUnit'), channel: 'onSite',
      start: start.toISOString(), item: item.get() },
    { calendar, now: a.now, settings, rescheduling: true },
  );
  await releaseSeat(a.db, b.get('id'), a.transaction);
  const key = slotKey(item.get('id'), b.get('windowId'), reg.start);
  const seat = await takeSeat(a.db, key, Number(item.get('capacityPerSlot')), b.get('id'), a.transaction);
  if (!seat) await refuseFullSlot(a, item, b.get('windowId'), reg, calendar, settings);
  await a.db.getRepository('bookings').update({
    filterByTk: b.get('id'), values: { appointmentStart: reg.start, appointmentEnd: reg.end, slotKey: key }, transaction: a.transaction,
  });
}

// ---------- on the day (R-DAY-1..3) ----------

async function arrive(ctx: Context, a: Acting, v: any) {
  return act(a, v.filterByTk, 'arrive', {}, async (b) => {
    await a.db.getRepository('bookings').update({ filterByTk: b.get('id'), values: { arrivedAt: a.now }, transaction: a.transaction });
  });
}

async function complete(ctx: Context, a: Acting, v: any) {
  return act(a, v.filterByTk, 'complete', {}, async (b) => {
    const { durationMinutes } = checkCompletion({
      actualStart: v.actualStart, actualEnd: v.actualEnd, signature: v.applicantSignature, now: a.now,
    });
    await a.db.getRepository('bookings').update({
      filterByTk: b.get('id'),
      values: { completed: v.completed !== false, outcome: v.outcome ?? null, actualStart: v.actualStart, actualEnd: v.actualEnd,
        durationMinutes, applicantSignature: v.applicantSignature, notes: v.notes ?? b.get('notes') },
      transaction: a.transaction,
    });
    return { durationMinutes };
  });
}

async function abandon(ctx: Context, a: Acting, v: any) {
  return act(a, v.filterByTk, 'abandon', { reason: v.reason }, async (b) => {
    const { lateMinutes } = await loadSettings(a.db, { transaction: a.transaction });
    checkAbandon(new Date(b.get('appointmentStart')), a.now, lateMinutes);
    await a.db.getRepository('bookings').update({
      filterByTk: b.get('id'), values: { completed: false, outcome: v.reason ?? null }, transaction: a.transaction,
    });
  });
}

async function cancel(ctx: Context, a: Acting, v: any) {
  return act(a, v.filterByTk, 'cancel', { reason: v.reason }, async (b) => {
    await releaseSeat(a.db, b.get('id'), a.transaction);
    await a.db.getRepository('bookings').update({ filterByTk: b.get('id'), values: { cancelReason: v.reason }, transaction: a.transaction });
  });
}

/** Dispatch as the section does it by hand (the workflow's Dispatch booking node calls this). */
export const dispatchBooking = (a: Acting, v: { filterByTk: unknown; windowId?: unknown }) => dispatch(undefined as any, a, v);
/** Change handlers as the window lead does it (the workflow's Assign handler node calls this). */
export const assignBookingHandlers = (a: Acting, v: { filterByTk: unknown; handler1Id: number; handler2Id?: number | null }) =>
  assignHandlers(undefined as any, a, v);

export const BOOKING_ACTIONS = {
  // register's only permission is the state machine's roles: no window look-ups.
  register: respond(register, { windows: false }), dispatch: respond(dispatch), signFor: respond(signFor),
  assignHandlers: respond(assignHandlers), logContact: respond(logContact),
  requestReschedule: respond(requestReschedule), decideReschedule: respond(decideReschedule), arrive: respond(arrive),
  complete: respond(complete), abandon: respond(abandon), cancel: respond(cancel),
};
