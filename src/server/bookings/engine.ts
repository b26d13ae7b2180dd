// The booking engine's core: every lifecycle step on an existing booking goes through `act`, which
// loads the booking under the transaction, asks the access policy (src/rules/policy.ts) whether
// this actor may take this step on this booking, then the state machine (src/rules/booking.ts)
// whether the step fits the status, applies the change and writes the audit row (R-X-1).
import type { Database } from '@nocobase/database';
import { RuleViolation } from '../../rules/errors';
import { recordId } from '../../rules/input';
import { BookingAction, BookingStatus, transition } from '../../rules/booking';
import { BookingFacts, BookingRelation, RELATION_ROLE, assertMayDo } from '../../rules/policy';
import { type Acting, type Actor, type Role, idList, idsAgg, pendingWindowsOf, settleWindows, windowMembersSql, windowsOfSql } from '../shared/acting';
import { calendarVersionOf, calendarVersionSql } from '../calendar/store';
import { loadSettings, settingsVersionOf, settingsVersionSql } from '../settings/store';
import { pendingReschedulesSql } from '../workflow/timerPlan';
import { dutyFollows } from '../duty/holidayDuty';
import { instancesFromJson, jsonArraySql, jsonObjectSql, rowsFromJson } from '../shared/jsonRows';
import { column, ident, table as tableOf } from '../shared/sql';

/**
 * What the step's own reads and its listeners would otherwise each ask again, read with the booking:
 * the calendar's and the settings' cache versions (src/server/calendar/store.ts, settings/store.ts)
 * and the booking's pending reschedule requests (the reminder planner's condition).
 */
export interface LoadedFacts {
  calendarVersion: string;
  settingsVersion: string;
  pendingReschedules: number;
  /** Asked for with `members`: the lead and staff of the booking's window (who may handle it, R-DSP-2). */
  windowMembers?: Set<number>;
  /**
   * Asked for with `dispatchTo`: the window the booking would be sent to if it exists (the given id,
   * else the booking's window, else its item's lead window) and the item's cooperating windows.
   */
  dispatch?: { windowId: number | null; cooperating: number[] };
  /** Asked for with `holidayShifts`: the booking's holiday duty shifts (duty/holidayDuty.ts brings them in step). */
  holidayShifts?: Record<string, any>[];
}

export interface LoadOptions {
  members?: boolean;
  /** A window id from the request (already a positive integer), or null for the booking's own. */
  dispatchTo?: number | null;
  holidayShifts?: boolean;
}
const loadedFacts = new WeakMap<object, LoadedFacts>();
const FACT_COLUMNS = [
  'calendarDaysN', 'calendarDaysT', 'calendarYearsN', 'calendarYearsT', 'settingsN', 'settingsR', 'settingsT', 'pendingReschedules', 'actorLeads', 'actorStaffs',
  'windowLead', 'windowStaff', 'dispatchWindow', 'itemCooperating', 'holidayShiftsJson',
];

/** The facts read with this booking instance by `loadBooking`, if it was loaded so. */
export const factsLoadedWith = (booking: any): LoadedFacts | undefined => (booking ? loadedFacts.get(booking) : undefined);

/**
 * The booking a step acts on, with its item and dispatch parts. `actor`: one whose windows are still
 * to be read (shared/acting.ts 'withBooking') gets them from this same statement; so do the members
 * of the booking's window with `members` (the steps that name handlers).
 */
export async function loadBooking(db: Database, rawId: unknown, transaction: any, actor?: Actor, opts: LoadOptions = {}) {
  const { members = false, holidayShifts = false } = opts;
  // Only a single positive id: a missing one must not fall through to "the first booking".
  const id = recordId(rawId);
  if (id === null) throw new RuleViolation('BOOKING_NOT_FOUND', { id: String(rawId ?? '').slice(0, 40) }, 404);
  const extra: [string, string][] = [['pendingReschedules', pendingReschedulesSql(db)]];
  const awaiting = pendingWindowsOf(actor);
  if (awaiting !== null) {
    const w = windowsOfSql(db, awaiting);
    extra.push(['actorLeads', w.leads], ['actorStaffs', w.staffs]);
  }
  if (members) {
    const m = windowMembersSql(db);
    extra.push(['windowLead', m.lead], ['windowStaff', m.staff]);
  }
  const dispatching = opts.dispatchTo !== undefined;
  if (dispatching) {
    const d = dispatchWindowsSql(db, opts.dispatchTo ?? null);
    extra.push(['dispatchWindow', d.window], ['itemCooperating', d.cooperating]);
  }
  if (holidayShifts) extra.push(['holidayShiftsJson', holidayShiftsSql(db)]);
  const versions = [calendarVersionSql(db), settingsVersionSql(db)];
  const booking: any = await selectBooking(db, id, extra, versions, transaction);
  if (!booking) throw new RuleViolation('BOOKING_NOT_FOUND', { id: String(id) }, 404);
  const row = booking.dataValues;
  if (awaiting !== null) settleWindows(actor!, { leads: idList(row.actorLeads), staffs: idList(row.actorStaffs) });
  loadedFacts.set(booking, {
    calendarVersion: calendarVersionOf(row), settingsVersion: settingsVersionOf(row), pendingReschedules: Number(row.pendingReschedules ?? 0),
    ...(members ? { windowMembers: new Set([...idList(row.windowLead), ...idList(row.windowStaff)]) } : {}),
    ...(dispatching ? { dispatch: { windowId: row.dispatchWindow == null ? null : Number(row.dispatchWindow), cooperating: idList(row.itemCooperating) } } : {}),
    ...(holidayShifts ? { holidayShifts: rowsFromJson(db, 'dutyShifts', row.holidayShiftsJson) } : {}),
  });
  // Not columns of the booking: kept out of its answer and its save.
  for (const c of FACT_COLUMNS) {
    delete row[c];
    delete booking._previousDataValues?.[c];
  }
  return booking;
}

/** `dispatchTo`'s two subselects over the outer `bookings` row (see LoadedFacts.dispatch). */
function dispatchWindowsSql(db: Database, given: number | null) {
  const b = ident(db, db.getModel('bookings').name);
  const col = (c: string, attr: string) => column(db, c, attr);
  const table = (c: string) => tableOf(db, c);
  const itemLead = `(SELECT si.${col('serviceItems', 'leadWindowId')} FROM ${table('serviceItems')} si WHERE si.${col('serviceItems', 'id')} = ${b}.${col('bookings', 'serviceItemId')})`;
  const target = given === null ? `COALESCE(${b}.${col('bookings', 'windowId')}, ${itemLead})` : String(Number(given));
  return {
    window: `(SELECT w.${col('windows', 'id')} FROM ${table('windows')} w WHERE w.${col('windows', 'id')} = ${target})`,
    cooperating: `(SELECT ${idsAgg(db, `cw.${col('serviceItemsCooperatingWindows', 'windowId')}`)} FROM ${table('serviceItemsCooperatingWindows')} cw ` +
      `WHERE cw.${col('serviceItemsCooperatingWindows', 'serviceItemId')} = ${b}.${col('bookings', 'serviceItemId')})`,
  };
}

/** The booking's holiday duty shifts as a JSON subselect over the outer `bookings` row. */
function holidayShiftsSql(db: Database) {
  const b = ident(db, db.getModel('bookings').name);
  const col = (attr: string) => `ds.${column(db, 'dutyShifts', attr)}`;
  return jsonArraySql(db, 'dutyShifts', 'ds', `${col('bookingId')} = ${b}.${column(db, 'bookings', 'id')} AND ${col('kind')} = 'holiday'`);
}

/**
 * The booking row with its facts, its service item and its dispatch parts (by id) in ONE statement,
 * the item and the parts as JSON subselects (shared/jsonRows.ts): sequelize's include cost 3–4 ms
 * of CPU per step for the same rows.
 */
async function selectBooking(db: Database, id: number, extra: [string, string][], versions: string[], transaction: any) {
  const Bookings: any = db.getModel('bookings');
  const b = ident(db, Bookings.name); // the alias the facts' subselects refer to
  const related: [string, string][] = [
    ['serviceItemJson', jsonObjectSql(db, 'serviceItems', 'si', `si.${column(db, 'serviceItems', 'id')} = ${b}.${column(db, 'bookings', 'serviceItemId')}`)],
    ['dispatchesJson', jsonArraySql(db, 'bookingDispatches', 'bd', `bd.${column(db, 'bookingDispatches', 'bookingId')} = ${b}.${column(db, 'bookings', 'id')}`)],
  ];
  const sql =
    `SELECT ${b}.*, ${versions.join(', ')}` +
    [...extra, ...related].map(([name, expr]) => `, ${expr} AS ${ident(db, name)}`).join('') +
    ` FROM ${tableOf(db, 'bookings')} AS ${b} WHERE ${b}.${column(db, 'bookings', 'id')} = ?`;
  const [booking]: any[] = await db.sequelize.query(sql, {
    model: Bookings, mapToModel: true, type: 'SELECT' as any, replacements: [id], transaction,
  } as any);
  if (!booking) return null;
  const row = booking.dataValues;
  // Into dataValues as an include puts them (setDataValue would mark them changed: a needless save).
  row.serviceItem = instancesFromJson(db, 'serviceItems', row.serviceItemJson)[0] ?? null;
  row.dispatches = instancesFromJson(db, 'bookingDispatches', row.dispatchesJson);
  for (const k of ['serviceItemJson', 'dispatchesJson']) {
    delete row[k];
    delete booking._previousDataValues?.[k];
  }
  return booking;
}

/** The settings in force, from the version read with the booking (no second version query). */
export const settingsFor = (a: Acting, booking: any) =>
  loadSettings(a.db, { transaction: a.transaction, version: factsLoadedWith(booking)?.settingsVersion });

/** The booking as the policy sees it: who recorded and handles it, its lead window and dispatch parts. */
export function factsOf(booking: any): BookingFacts {
  return {
    recorderId: booking.get('recorderId'), handler1Id: booking.get('handler1Id'), handler2Id: booking.get('handler2Id'),
    windowId: booking.get('windowId'),
    dispatches: (booking.get('dispatches') ?? []).map((d: any) => ({ windowId: d.get('windowId'), role: d.get('role') })),
  };
}

export async function recordEvent(
  a: Acting, booking: any, action: string, from: string | null, to: string, role: Role,
  extra: { reason?: string | null; data?: Record<string, unknown>; versions?: { calendarVersion: string; settingsVersion: string; hasPendingReschedule?: boolean } } = {},
) {
  // The model, not the repository: an audit row has no associations to write, and the repository's
  // extra work (value guards, association updates) doubled its cost. Model hooks (afterCreate, which
  // the duty and workflow features listen to) fire as before.
  await a.db.getModel('bookingEvents').create(
    {
      bookingId: booking.get('id'), action, fromStatus: from, toStatus: to, byId: a.actor.userId, role,
      at: a.now, reason: extra.reason ?? null, data: extra.data ?? null,
    },
    // The booking rides along to the listeners (duty, reminders): they need not read it again.
    { transaction: a.transaction, booking, versions: extra.versions ?? knownTo(booking, action) } as any,
  );
}

/** Steps that add or decide a reschedule request: the count read with the booking is stale after them. */
const CHANGES_RESCHEDULES = new Set(['requestReschedule', 'decideReschedule']);

/** The facts read with the booking, as the listeners may use them after `action`. */
function knownTo(booking: any, action: string) {
  const facts = factsLoadedWith(booking);
  if (!facts) return undefined;
  const { calendarVersion, settingsVersion, pendingReschedules } = facts;
  return { calendarVersion, settingsVersion, ...(CHANGES_RESCHEDULES.has(action) ? {} : { hasPendingReschedule: pendingReschedules > 0 }) };
}

/**
 * A step's own work. Changes to the booking itself are `set` on the instance (`b.set({...})`), not
 * written: the engine writes them with the new status in one UPDATE. The return value goes into
 * the audit row's `data`.
 */
export type Apply = (booking: any, relation: BookingRelation) => Promise<Record<string, unknown> | void>;

/**
 * One lifecycle step on an existing booking, all or nothing: policy (403), status and reason
 * (400), the step's own changes, the new status, the audit row; answers the booking as stored.
 */
export async function act(a: Acting, id: unknown, action: BookingAction, opts: { reason?: string | null } & LoadOptions, apply: Apply) {
  const booking = await loadBooking(a.db, id, a.transaction, a.actor, {
    members: opts.members, dispatchTo: opts.dispatchTo, holidayShifts: dutyFollows(action),
  });
  return actOn(a, booking, action, opts, apply);
}

export async function actOn(a: Acting, booking: any, action: BookingAction, opts: { reason?: string | null }, apply: Apply) {
  const relation = assertMayDo(a.actor, factsOf(booking), action, booking.get('number'));
  const from = booking.get('status') as BookingStatus;
  const { to } = transition(from, action, { reason: opts.reason });
  const data = (await apply(booking, relation)) || undefined;
  if (to !== from) booking.set('status', to);
  await saveBooking(a, booking);
  await recordEvent(a, booking, action, from, to, RELATION_ROLE[relation], { reason: opts.reason, data: data as any });
  // The instance is the row as stored now (loaded in this transaction, changed only here): no re-read.
  return booking;
}

/**
 * A new booking in one INSERT, with the events a repository create emits: the model hooks (the phone
 * vault) and then afterCreateWithAssociations and afterSaveWithAssociations (NocoBase's
 * collection-event workflows on bookings). What the repository adds besides — guarding and setting
 * request values, writing associations — has nothing to do here: the values are the server's own
 * and name no association (measured alone: a repository create 2.4–3.3 ms, a model create 1.9–2.5).
 */
export async function createBooking(a: Acting, values: Record<string, unknown>) {
  const booking: any = await a.db.getModel('bookings').create(values, { transaction: a.transaction });
  const options = { transaction: a.transaction };
  await a.db.emitAsync('bookings.afterCreateWithAssociations', booking, options);
  await a.db.emitAsync('bookings.afterSaveWithAssociations', booking, options);
  return booking;
}

/**
 * The booking's changed columns in one UPDATE, with the events a repository update emits, so the
 * model hooks (the phone vault) and NocoBase's collection-event workflows on bookings still fire.
 * (A repository update re-SELECTs the row first: two statements per change, two changes per step.)
 */
export async function saveBooking(a: Acting, booking: any) {
  if (!booking.changed()) return;
  await booking.save({ transaction: a.transaction });
  const options = { transaction: a.transaction };
  await a.db.emitAsync('bookings.afterUpdateWithAssociations', booking, options);
  await a.db.emitAsync('bookings.afterSaveWithAssociations', booking, options);
}
