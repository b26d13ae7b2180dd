// The booking service: the registration form's life (docs/api.md § Bookings) as functions taking who
// acts, when, in which transaction (Acting, src/server/shared/acting.ts) and the step's input.
// HTTP actions (src/server/actions/bookings.ts), the workflow nodes (src/server/workflow) and the
// demo seed call these same functions; permission is the access policy's (through engine.act).
import { shanghaiDate } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import {
  checkAbandon, checkCompletion, checkRegistration, checkRescheduleDecision, checkRescheduleRequest, checkServedTime,
  formatBookingNumber, formatShanghai, nextFreeStarts, parseStart, sessionsFor, slotKey,
} from '../../rules/booking';
import { recordId } from '../../rules/input';
import { normalizePhone } from '../../rules/phone';
import { RELATION_ROLE, assertMayDo, mayDo } from '../../rules/policy';
import { DutySettings } from '../../rules/settings';
import { loadCalendar } from '../calendar/store';
import { loadSettings } from '../settings/store';
import type { Acting } from '../shared/acting';
import { act, actOn, createBooking, factsLoadedWith, factsOf, loadBooking, recordEvent, settingsFor } from './engine';
import { applicantTurnSql, checkApplicantBookings, checkHeld, heldSql } from './applicantLimit';
import { prefetchRegistration } from './prefetch';
import { claimSeat, releaseSeat, takenByStart } from './seats';

export { loadBooking } from './engine';

/** The booking's service item, loaded with it (engine.ts loadBooking); gone only if an admin deleted it. */
function itemOf(b: any) {
  const item = b.get('serviceItem');
  if (!item) throw new RuleViolation('ITEM_NOT_FOUND', { id: String(b.get('serviceItemId') ?? '-') });
  return item;
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

/** An optional instant from the input ('2026-02-17 10:00' Shanghai or ISO with zone), else START_INVALID. */
function optionalInstant(value: unknown): Date | null {
  if (blank(value)) return null;
  const d = parseStart(value);
  if (!d) throw new RuleViolation('START_INVALID', { value: String(value).slice(0, 40) });
  return d;
}

// ---------- register (desk) ----------

export interface RegisterInput {
  applicantName: unknown; applicantPhone: unknown; applicantUnit?: unknown; channel: unknown;
  serviceItemId?: unknown; serviceItem?: unknown; start: unknown; notes?: unknown;
}

// Cost per request (issues 3 and 14): NocoBase's own auth/ACL work, then BEGIN, ONE read (the item
// with the calendar and settings cache versions and the next booking id, bookings/prefetch.ts; on
// SQLite also the applicant's open bookings), one INSERT per table (the booking with its number,
// engine.ts createBooking; the seat, picked in its INSERT, on PostgreSQL with the applicant's open
// bookings read alongside; the audit event), COMMIT. No re-read: the response is built from the
// rows just written. The policy asks the role only (no booking yet): no window look-ups.
export async function register(a: Acting, v: RegisterInput) {
  const relation = assertMayDo(a.actor, null, 'register');
  const dialect = a.db.sequelize.getDialect();
  // R-HOL-6's read rides on a statement the request runs anyway (applicantLimit.ts heldSql): on
  // SQLite the first, on PostgreSQL the seat's, which runs after the first has taken the number's turn.
  const turn = applicantTurnSql(a.db, v.applicantPhone);
  const pre = await prefetchRegistration(a.db, v.serviceItemId ?? v.serviceItem, a.transaction, {
    turn, held: dialect === 'sqlite' ? heldSql(a.db, v.applicantPhone) : null,
  });
  const item = pre.item;
  const calendar = await loadCalendar(a.db, {
    transaction: a.transaction, around: [shanghaiDate(a.now), String(v.start ?? '').slice(0, 10)], version: pre.calendarVersion,
  });
  const settings = await loadSettings(a.db, { transaction: a.transaction, version: pre.settingsVersion });
  const reg = checkRegistration(
    { applicantName: v.applicantName as string, phone: v.applicantPhone as string, unit: v.applicantUnit as string, channel: v.channel as any,
      start: v.start as string, item: item.get() },
    { calendar, now: a.now, settings },
  );
  if ('held' in pre.also) checkHeld(pre.also.held, { reg, settings });
  else if (dialect !== 'postgres') await checkApplicantBookings(a.db, a.transaction, { phone: v.applicantPhone, reg, settings, turnTaken: turn !== null });
  const windowId = item.get('leadWindowId');
  const key = slotKey(item.get('id'), windowId, reg.start);
  const year = Number(shanghaiDate(a.now).slice(0, 4));
  const id = pre.nextBookingId;
  const booking: any = await createBooking(a, {
    ...(id !== null ? { id, number: formatBookingNumber(year, id) } : {}),
    status: 'registered', kind: reg.kind, applicantName: String(v.applicantName).trim(),
    applicantPhone: normalizePhone(v.applicantPhone as string), applicantUnit: v.applicantUnit ?? null,
    serviceItemId: item.get('id'), windowId, channel: v.channel, appointmentStart: reg.start, appointmentEnd: reg.end,
    slotKey: key, recordedAt: a.now, recorderId: a.actor.userId, notes: v.notes ?? null,
  });
  const held = dialect === 'postgres' ? heldSql(a.db, v.applicantPhone, booking.get('id')) : null;
  const seat = await claimSeat(a.db, key, Number(item.get('capacityPerSlot')), booking.get('id'), a.transaction, held);
  if (held) checkHeld(seat.also, { reg, settings }); // R-HOL-6 refuses before SLOT_FULL, as it always did
  if (!seat.seatNo) await refuseFullSlot(a, item, windowId, reg, calendar, settings);
  if (id === null) {
    // Dialects without a safe pre-read id: the number derives from the id known only after the
    // INSERT — one UPDATE of this instance (a repository update would first re-SELECT the row).
    await booking.update({ number: formatBookingNumber(year, Number(booking.get('id'))) }, { transaction: a.transaction });
  }
  // Every column set (asLoaded) before the listeners get the booking: the reminder plan reads it.
  const loaded = asLoaded(booking, item);
  await recordEvent(a, loaded, 'register', null, 'registered', RELATION_ROLE[relation], {
    versions: { calendarVersion: pre.calendarVersion, settingsVersion: pre.settingsVersion },
  });
  return loaded;
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

/**
 * The chosen lead window and the item's cooperating windows, read with the booking (engine.ts
 * loadBooking `dispatchTo`). The window a booking is sent to must exist (R-DSP-1): one positive id
 * of a stored window, else 400 — after the policy has spoken, as before.
 */
function dispatchWindows(b: any, raw: unknown): { leadWindowId: number; cooperating: number[] } {
  const found = factsLoadedWith(b)?.dispatch;
  if (!found) throw new Error('dispatch: the booking was not loaded with its dispatch windows');
  const shown = blank(raw) ? b.get('windowId') ?? itemOf(b).get('leadWindowId') : raw;
  const notFound = () => new RuleViolation('DISPATCH_WINDOW_NOT_FOUND', { id: String(shown ?? '-').slice(0, 40) });
  if ((!blank(raw) && recordId(raw) === null) || found.windowId === null) throw notFound();
  const id = found.windowId;
  const cooperating = [...new Set(found.cooperating)].sort((x, y) => x - y);
  return { leadWindowId: id, cooperating: cooperating.filter((w) => w !== id) };
}

export async function dispatch(a: Acting, v: { bookingId: unknown; windowId?: unknown }) {
  return act(a, v.bookingId, 'dispatch', { dispatchTo: blank(v.windowId) ? null : recordId(v.windowId) ?? 0 }, async (booking) => {
    const { leadWindowId, cooperating } = dispatchWindows(booking, v.windowId);
    const rows = [{ windowId: leadWindowId, role: 'lead' }, ...cooperating.map((windowId: number) => ({ windowId, role: 'cooperating' }))];
    // The model, not the repository (no associations to write); one INSERT each, ids known on every dialect.
    const parts = [];
    for (const r of rows) {
      parts.push(await a.db.getModel('bookingDispatches').create(
        { ...r, bookingId: booking.get('id'), dispatchedAt: a.now, dispatchedById: a.actor.userId }, { transaction: a.transaction },
      ));
    }
    booking.setDataValue('dispatches', [...(booking.get('dispatches') ?? []), ...parts]);
    booking.set({ windowId: leadWindowId, dispatchedAt: a.now, dispatcherId: a.actor.userId });
    return { windows: rows };
  });
}

// ---------- sign for and assign (window lead; a window cannot refuse, R-DSP-2) ----------

export interface HandlersInput {
  bookingId: unknown;
  handler1Id?: unknown;
  handler2Id?: unknown;
}

/**
 * The lead window's lead signs for the booking and names its handlers. A cooperating window's lead
 * calling it signs their own dispatch part instead (R-DSP-3, as signForCooperation).
 */
export async function signFor(a: Acting, v: HandlersInput) {
  const booking = await loadBooking(a.db, v.bookingId, a.transaction, a.actor, { members: true, holidayShifts: true });
  const facts = factsOf(booking);
  if (!mayDo(a.actor, facts, 'signFor') && mayDo(a.actor, facts, 'signForCooperation')) return signForCooperationOf(a, booking);
  const leadWindow = Number(booking.get('windowId'));
  return actOn(a, booking, 'signFor', {}, async (b) => {
    const handlers = await checkHandlers(a, b, v);
    b.set({ signedForAt: a.now, signedForById: a.actor.userId, ...handlers, assignedAt: a.now });
    await markDispatchSigned(a, b, leadWindow);
    return handlers;
  });
}

/** The window lead changes who handles a signed-for booking (e.g. a handler is off that day). */
export async function assignHandlers(a: Acting, v: HandlersInput) {
  return act(a, v.bookingId, 'assignHandlers', { members: true }, async (b) => {
    const handlers = await checkHandlers(a, b, v);
    b.set({ ...handlers, assignedAt: a.now });
    return handlers;
  });
}

/** A cooperating window's lead signs their own dispatch part (R-DSP-3); the booking's status stays. */
export async function signForCooperation(a: Acting, v: { bookingId: unknown }) {
  return signForCooperationOf(a, await loadBooking(a.db, v.bookingId, a.transaction, a.actor));
}

async function signForCooperationOf(a: Acting, booking: any) {
  return actOn(a, booking, 'signForCooperation', {}, async (b) => {
    // The policy allowed it: the actor leads at least one cooperating part; the first still unsigned.
    const parts = (b.get('dispatches') ?? []).filter((d: any) => d.get('role') === 'cooperating' && a.actor.leads.includes(Number(d.get('windowId'))));
    const mine = parts.find((d: any) => !d.get('signedForAt')) ?? parts[0];
    if (mine.get('signedForAt')) throw new RuleViolation('ALREADY_SIGNED_FOR', { number: b.get('number') });
    await markDispatchSigned(a, b, Number(mine.get('windowId')));
    return { windowId: mine.get('windowId') };
  });
}

/** The window's dispatch parts of the loaded booking, signed: an UPDATE each, and the answer has them. */
async function markDispatchSigned(a: Acting, b: any, windowId: number) {
  for (const part of b.get('dispatches') ?? []) {
    if (Number(part.get('windowId')) !== windowId) continue;
    await part.update({ signedForAt: a.now, signedForById: a.actor.userId }, { transaction: a.transaction });
  }
}

/**
 * Handlers are one or two stored users, each on the staff or the lead of the booking's window
 * (R-DSP-2); its members were read with the booking (loadBooking `members`).
 */
async function checkHandlers(a: Acting, b: any, v: HandlersInput) {
  const windowId = Number(b.get('windowId'));
  const given = [v.handler1Id, v.handler2Id].filter((x) => !blank(x));
  if (!given.length) throw new RuleViolation('HANDLER_REQUIRED');
  const ids = [...new Set(given.map((raw) => {
    const id = recordId(raw);
    if (id === null) throw new RuleViolation('HANDLER_NOT_FOUND', { id: String(raw).slice(0, 40) });
    return id;
  }))];
  const members = factsLoadedWith(b)?.windowMembers;
  if (!members) throw new Error('checkHandlers: the booking was not loaded with its window members');
  const stranger = ids.find((id) => !members.has(id));
  if (stranger !== undefined) {
    const window: any = await a.db.getRepository('windows').findOne({ filterByTk: windowId, fields: ['name'], transaction: a.transaction });
    throw new RuleViolation('HANDLER_NOT_IN_WINDOW', { id: stranger, window: window?.get('name') ?? windowId });
  }
  return { handler1Id: ids[0], handler2Id: ids[1] ?? null };
}

// ---------- before the day (R-PRE-1) ----------

export interface ContactInput {
  bookingId: unknown; result?: unknown; materialsNoticeGiven?: unknown; confirmedStart?: unknown; note?: unknown;
}

export async function logContact(a: Acting, v: ContactInput) {
  return act(a, v.bookingId, 'logContact', {}, async (b) => {
    const item = itemOf(b);
    const contact = {
      bookingId: b.get('id'), byId: a.actor.userId, at: a.now, result: v.result ?? 'reached',
      materialsNoticeGiven: !!v.materialsNoticeGiven, materials: v.materialsNoticeGiven ? item.get('materials') : null,
      confirmedStart: optionalInstant(v.confirmedStart), note: v.note ?? null,
    };
    await a.db.getModel('bookingContacts').create(contact, { transaction: a.transaction });
    b.set({ contactedAt: a.now });
    return { result: contact.result, materialsNoticeGiven: contact.materialsNoticeGiven };
  });
}

// ---------- reschedule (R-RSC-1..3) ----------

export interface RescheduleInput {
  bookingId: unknown; reason?: unknown; kind?: unknown; proposedStart?: unknown;
}

export async function requestReschedule(a: Acting, v: RescheduleInput) {
  const reason = v.reason as string | undefined;
  return act(a, v.bookingId, 'requestReschedule', { reason }, async (b) => {
    const kind = (v.kind ?? 'ordinary') as any;
    const check = checkRescheduleRequest({
      originalStart: new Date(b.get('appointmentStart')), proposedStart: v.proposedStart as any ?? null,
      now: a.now, kind, reason: reason as string, settings: await settingsFor(a, b),
    });
    // Counted with the booking, in this transaction (engine.ts loadBooking).
    const pending = factsLoadedWith(b)!.pendingReschedules;
    if (pending) throw new RuleViolation('RESCHEDULE_ALREADY_PENDING', { number: b.get('number') });
    const request: any = await a.db.getRepository('rescheduleRequests').create({
      values: {
        bookingId: b.get('id'), requestedById: a.actor.userId, requestedAt: a.now, reason, kind,
        originalStart: b.get('appointmentStart'), proposedStart: optionalInstant(v.proposedStart),
        reportedToSection: check.reportToSection,
      },
      transaction: a.transaction,
    });
    return { requestId: request.get('id'), kind };
  });
}

export interface DecisionInput {
  bookingId: unknown; decision?: unknown; note?: unknown; applicantToldAt?: unknown;
}

export async function decideReschedule(a: Acting, v: DecisionInput) {
  return act(a, v.bookingId, 'decideReschedule', { reason: v.note as string }, async (b) => {
    const request: any = await a.db.getRepository('rescheduleRequests').findOne({
      filter: { bookingId: b.get('id'), decision: 'pending' }, transaction: a.transaction,
    });
    if (!request) throw new RuleViolation('NO_PENDING_RESCHEDULE', { number: b.get('number') });
    const approve = v.decision === 'approved' || v.decision === 'approve';
    if (!approve && v.decision !== 'rejected' && v.decision !== 'reject') throw new RuleViolation('INVALID_DECISION', { value: String(v.decision) });
    const toldAt = optionalInstant(v.applicantToldAt);
    const settings = await settingsFor(a, b);
    checkRescheduleDecision({ originalStart: new Date(request.get('originalStart')), now: a.now, kind: request.get('kind'), approve, settings });
    if (approve && request.get('proposedStart')) await moveAppointment(a, b, new Date(request.get('proposedStart')));
    await a.db.getRepository('rescheduleRequests').update({
      filterByTk: request.get('id'),
      values: { decision: approve ? 'approved' : 'rejected', decidedById: a.actor.userId, decidedAt: a.now,
        decisionNote: v.note ?? null, applicantToldAt: toldAt },
      transaction: a.transaction,
    });
    return { requestId: request.get('id'), decision: approve ? 'approved' : 'rejected' };
  });
}

/** An approved new time obeys the same rules as a new booking, including capacity. */
async function moveAppointment(a: Acting, b: any, start: Date) {
  const item = itemOf(b);
  const calendar = await loadCalendar(a.db, {
    transaction: a.transaction, around: [shanghaiDate(a.now), shanghaiDate(start)], version: factsLoadedWith(b)?.calendarVersion,
  });
  const settings = await settingsFor(a, b);
  const reg = checkRegistration(
    { applicantName: b.get('applicantName'), phone: b.get('applicantPhone'), unit: b.get('applicantUnit'), channel: 'onSite',
      start: start.toISOString(), item: item.get() },
    { calendar, now: a.now, settings, rescheduling: true },
  );
  await checkApplicantBookings(a.db, a.transaction, { hash: b.get('applicantPhoneHash'), reg, settings, excludeId: b.get('id') }); // R-HOL-6
  await releaseSeat(a.db, b.get('id'), a.transaction);
  const key = slotKey(item.get('id'), b.get('windowId'), reg.start);
  const seat = await claimSeat(a.db, key, Number(item.get('capacityPerSlot')), b.get('id'), a.transaction);
  if (!seat.seatNo) await refuseFullSlot(a, item, b.get('windowId'), reg, calendar, settings);
  b.set({ appointmentStart: reg.start, appointmentEnd: reg.end, slotKey: key });
}

// ---------- on the day (R-DAY-1..3) and served time (R-X-6) ----------

export async function arrive(a: Acting, v: { bookingId: unknown }) {
  return act(a, v.bookingId, 'arrive', {}, async (b) => {
    b.set({ arrivedAt: a.now });
  });
}

export interface CompleteInput {
  bookingId: unknown; outcome?: unknown; actualStart?: unknown; actualEnd?: unknown; applicantSignature?: unknown;
  notes?: unknown; completed?: unknown;
}

/** What bounds a booking's served time: its arrival, now, the appointment day's sessions (R-X-6). */
async function servedBounds(a: Acting, b: any) {
  const settings = await settingsFor(a, b);
  return {
    now: a.now, arrivedAt: b.get('arrivedAt') ? new Date(b.get('arrivedAt')) : null,
    appointmentStart: new Date(b.get('appointmentStart')), sessions: sessionsFor(b.get('kind') === 'weekend' ? 'weekend' : 'holiday', settings),
  };
}

export async function complete(a: Acting, v: CompleteInput) {
  return act(a, v.bookingId, 'complete', {}, async (b) => {
    const done = checkCompletion({ actualStart: v.actualStart as any, actualEnd: v.actualEnd as any, signature: v.applicantSignature, ...(await servedBounds(a, b)) });
    b.set({
      completed: v.completed !== false, outcome: v.outcome ?? null, actualStart: done.start, actualEnd: done.end,
      durationMinutes: done.durationMinutes, applicantSignature: done.signature, notes: v.notes ?? b.get('notes'),
    });
    return { durationMinutes: done.durationMinutes };
  });
}

/**
 * R-X-6 the window lead corrects the recorded served time of a completed booking, with a reason;
 * the audit row keeps before and after, and the handlers' comp time is recomputed from the new
 * times (one ledger row per booking: corrected, never added twice — src/server/duty/holidayDuty.ts).
 */
export async function correctServedTime(a: Acting, v: { bookingId: unknown; actualStart?: unknown; actualEnd?: unknown; reason?: unknown }) {
  return act(a, v.bookingId, 'correctServedTime', { reason: v.reason as string }, async (b) => {
    const served = checkServedTime({ actualStart: v.actualStart as any, actualEnd: v.actualEnd as any, ...(await servedBounds(a, b)) });
    const before = { actualStart: b.get('actualStart'), actualEnd: b.get('actualEnd'), durationMinutes: b.get('durationMinutes') };
    b.set({ actualStart: served.start, actualEnd: served.end, durationMinutes: served.durationMinutes });
    return { before, after: { actualStart: served.start, actualEnd: served.end, durationMinutes: served.durationMinutes } };
  });
}

export async function abandon(a: Acting, v: { bookingId: unknown; reason?: unknown }) {
  return act(a, v.bookingId, 'abandon', { reason: v.reason as string }, async (b) => {
    const { lateMinutes } = await settingsFor(a, b);
    checkAbandon(new Date(b.get('appointmentStart')), a.now, lateMinutes);
    b.set({ completed: false, outcome: v.reason ?? null });
  });
}

export async function cancel(a: Acting, v: { bookingId: unknown; reason?: unknown }) {
  return act(a, v.bookingId, 'cancel', { reason: v.reason as string }, async (b) => {
    await releaseSeat(a.db, b.get('id'), a.transaction);
    b.set({ cancelReason: v.reason });
  });
}
