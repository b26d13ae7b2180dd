// The weekend roster as stored rows (R-WKD-1, R-WKD-2, R-SUP-2): generation from the calendar,
// publishing, the lead's edits (assign, swap) and the views "my duty" and "the window's month".
import { Op } from '@nocobase/database';
import type { Database, Transaction } from '@nocobase/database';
import { shanghaiDate } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import { BusyIndex, PlannedShift, RosterWindow, addDays, planWeekendRoster } from '../../rules/roster';
import { DutyAction, assertMayDoDuty, mayDoDuty } from '../../rules/dutyPolicy';
import { loadCalendar } from '../calendar/store';
import { DutyActing, idOf } from './context';
import { loadDutySettings } from './settings';
import { windowMembers } from '../shared/acting';
import { column, table as tableOf } from '../shared/sql';

/** The actor may do `action` for every window (the section), not only for windows they lead. */
export const forEveryWindow = (a: DutyActing, action: DutyAction) => mayDoDuty(a.actor, {}, action) !== null;
const assertForWindow = (a: DutyActing, action: DutyAction, windowId: number) =>
  assertMayDoDuty(a.actor, { windowIds: [windowId] }, action, { window: windowId });

/** Windows that serve on weekends: lead or cooperating window of a published weekend item (R-WKD-1). */
export async function weekendWindowIds(db: Database, transaction?: Transaction): Promise<Set<number>> {
  const items = await db.getRepository('serviceItems').find({
    filter: { published: true, offeredOnWeekends: true }, fields: ['id', 'leadWindowId'], appends: ['cooperatingWindows'], transaction,
  });
  const ids = new Set<number>();
  for (const item of items as any[]) {
    if (item.get('leadWindowId')) ids.add(Number(item.get('leadWindowId')));
    for (const w of item.get('cooperatingWindows') ?? []) ids.add(Number(w.get('id')));
  }
  return ids;
}

async function rosterWindows(db: Database, ids: number[], transaction: Transaction): Promise<RosterWindow[]> {
  const rows = await db.getRepository('windows').find({ filter: { id: ids }, appends: ['staff'], sort: ['id'], transaction });
  return (rows as any[]).map((w) => ({
    id: Number(w.get('id')),
    leadId: w.get('leadId') ? Number(w.get('leadId')) : null,
    staffIds: (w.get('staff') ?? []).map((u: any) => Number(u.get('id'))).sort((x: number, y: number) => x - y),
  }));
}

/** Stored shifts as the roster rules see them. */
const busyOf = (rows: any[]) => rows.map((r) => ({
  id: Number(r.id ?? r.get?.('id')), userId: (r.userId ?? r.get?.('userId')) ?? null,
  plannedStart: new Date(r.plannedStart ?? r.get('plannedStart')), plannedEnd: new Date(r.plannedEnd ?? r.get('plannedEnd')),
}));

export interface GenerateInput {
  from: string;
  to: string;
  windowId?: number | null;
}

/**
 * R-WKD-2 generate the weekend roster of [from, to] (drafts). A lead generates for the windows they
 * lead, the section for every weekend window. Idempotent: existing slots (rosterKey) are kept as the
 * lead left them, and the unique rosterKey drops a concurrent duplicate.
 */
export async function generateRoster(a: DutyActing, input: GenerateInput) {
  const weekend = await weekendWindowIds(a.db, a.transaction);
  let ids: number[];
  if (input.windowId) {
    assertForWindow(a, 'dutyShifts:generate', input.windowId);
    if (!weekend.has(input.windowId)) throw new RuleViolation('WINDOW_NOT_WEEKEND', { window: input.windowId });
    ids = [input.windowId];
  } else {
    ids = [...weekend].filter((id) => mayDoDuty(a.actor, { windowIds: [id] }, 'dutyShifts:generate'));
    if (!ids.length) throw new RuleViolation('NOT_WINDOW_LEAD', { window: '-' }, 403);
  }
  const settings = await loadDutySettings(a.db, { transaction: a.transaction });
  const calendar = await loadCalendar(a.db, { transaction: a.transaction, around: [input.from, input.to] });
  let windows = await rosterWindows(a.db, ids, a.transaction);
  // Asked for one window, a missing lead is refused (R-SUP-2); asked for all, those windows are
  // named in the answer and the others get their roster.
  const withoutLead = input.windowId ? [] : windows.filter((w) => !w.leadId).map((w) => w.id);
  windows = windows.filter((w) => !withoutLead.includes(w.id));
  const people = [...new Set(windows.flatMap((w) => [...w.staffIds, ...(w.leadId ? [w.leadId] : [])]))];
  const Shift = a.db.getModel('dutyShifts');
  // Two raw reads: the slots already there, and everything the people concerned already hold.
  const existing: any[] = await Shift.findAll({
    where: { date: { [Op.gte]: input.from, [Op.lte]: input.to }, windowId: ids, kind: 'weekend' } as any,
    attributes: ['rosterKey'], raw: true, transaction: a.transaction,
  } as any);
  const busy: any[] = people.length ? await Shift.findAll({
    where: { date: { [Op.gte]: addDays(input.from, -1), [Op.lte]: addDays(input.to, 1) }, userId: people, status: ['draft', 'published'] } as any,
    attributes: ['id', 'userId', 'plannedStart', 'plannedEnd'], raw: true, transaction: a.transaction,
  } as any) : [];
  const plan = planWeekendRoster({
    calendar, from: input.from, to: input.to, windows, settings,
    existingKeys: new Set(existing.map((r) => r.rosterKey)), busy: busyOf(busy),
  });
  await insertShifts(a.db, plan.shifts, a.transaction);
  return { created: plan.shifts.length, kept: existing.length, unfilled: plan.unfilled, windows: windows.length, withoutLead };
}

/**
 * Multi-row INSERTs, 2,000 rows each, with the SQL written here: a year of 50 windows is ~17,000
 * rows, and sequelize's bulk INSERT spends seconds validating and formatting each of its ~200,000
 * values one by one (dates through moment). Each value is still rendered by sequelize's own escape
 * with the column's type — once per distinct value: a year has a few hundred distinct times, one
 * "now" and a handful of roles and statuses. A key already taken (a concurrent run) is skipped by the
 * unique rosterKey (ON CONFLICT DO NOTHING / INSERT IGNORE).
 */
/** `status`: drafts for a generated roster; a booking's holiday shifts are published at once. */
export async function insertShifts(db: Database, shifts: PlannedShift[], transaction: Transaction, status: 'draft' | 'published' = 'draft') {
  if (!shifts.length) return;
  const model: any = db.getModel('dutyShifts');
  const attrs: Record<string, any> = model.rawAttributes;
  const qi: any = db.sequelize.getQueryInterface();
  const escape = (attr: string, value: unknown) => qi.queryGenerator.escape(value, attrs[attr], { context: 'INSERT' });
  const once = <K>(attr: string) => {
    const seen = new Map<K, string>();
    return (key: K, value: unknown = key) => {
      let out = seen.get(key);
      if (out === undefined) seen.set(key, (out = escape(attr, value)));
      return out;
    };
  };
  const instant = once<number>('plannedStart');
  const day = once<string>('date');
  const word = once<string>('role');
  const kind = once<string>('kind');
  const now = new Date();
  // status, createdAt, updatedAt: the same for every row.
  const tail = `${escape('status', status)}, ${escape('createdAt', now)}, ${escape('updatedAt', now)}`;
  const columns = ['rosterKey', 'date', 'windowId', 'userId', 'role', 'kind', 'plannedStart', 'plannedEnd', 'bookingId', 'status', 'createdAt', 'updatedAt'];
  const head = columns.map((c) => column(db, 'dutyShifts', c)).join(', ');
  const id = (n: number | null | undefined) => (n === null || n === undefined ? 'NULL' : String(Number(n)));
  const row = (s: PlannedShift) =>
    `(${escape('rosterKey', s.rosterKey)}, ${day(s.date)}, ${id(s.windowId)}, ${id(s.userId)}, ${word(s.role)}, ${kind(s.kind)}, ` +
    `${instant(+s.plannedStart, s.plannedStart)}, ${instant(+s.plannedEnd, s.plannedEnd)}, ${id(s.bookingId)}, ${tail})`;
  const table = tableOf(db, 'dutyShifts');
  const dialect = db.sequelize.getDialect();
  const insert = dialect === 'mysql' || dialect === 'mariadb' ? 'INSERT IGNORE INTO' : dialect === 'sqlite' ? 'INSERT OR IGNORE INTO' : 'INSERT INTO';
  const onConflict = dialect === 'postgres' ? ' ON CONFLICT DO NOTHING' : '';
  for (let i = 0; i < shifts.length; i += 2000) {
    const values = shifts.slice(i, i + 2000).map(row).join(', ');
    await db.sequelize.query(`${insert} ${table} (${head}) VALUES ${values}${onConflict}`, { transaction });
  }
}

/** The lead publishes the drafts of their windows for a range (the section: any window). */
export async function publishRoster(a: DutyActing, input: GenerateInput) {
  const ids = input.windowId ? [input.windowId] : forEveryWindow(a, 'dutyShifts:publish')
    ? null : a.actor.leads.filter((id) => mayDoDuty(a.actor, { windowIds: [id] }, 'dutyShifts:publish'));
  if (input.windowId) assertForWindow(a, 'dutyShifts:publish', input.windowId);
  if (ids && !ids.length) throw new RuleViolation('NOT_WINDOW_LEAD', { window: '-' }, 403);
  const where: any = { date: { [Op.gte]: input.from, [Op.lte]: input.to }, status: 'draft' };
  if (ids) where.windowId = ids;
  const [count] = await a.db.getModel('dutyShifts').update({ status: 'published' }, { where, transaction: a.transaction } as any);
  return { published: count };
}

export async function loadShift(a: DutyActing, raw: unknown) {
  const shift: any = await a.db.getRepository('dutyShifts').findOne({ filterByTk: idOf(raw, 'SHIFT_NOT_FOUND'), transaction: a.transaction });
  if (!shift) throw new RuleViolation('SHIFT_NOT_FOUND', { id: String(raw) }, 404);
  return shift;
}

/** R-WKD-2 a person cannot be on two shifts at once: the clash named, nothing changed. */
async function assertFree(a: DutyActing, userId: number, stretch: { plannedStart: Date; plannedEnd: Date }, exceptIds: number[]) {
  const date = shanghaiDate(stretch.plannedStart);
  const rows: any[] = await a.db.getModel('dutyShifts').findAll({
    where: { userId, status: ['draft', 'published'], date: { [Op.gte]: addDays(date, -1), [Op.lte]: addDays(date, 1) } } as any,
    raw: true, transaction: a.transaction,
  } as any);
  const clash = new BusyIndex(busyOf(rows.filter((r) => !exceptIds.includes(Number(r.id))))).clash(userId, stretch);
  if (clash) {
    const other = rows.find((r) => Number(r.id) === clash.id);
    throw new RuleViolation('SHIFT_OVERLAP', { user: userId, date, window: other?.windowId ?? '-' });
  }
}

/** The window lead puts a person of the window on a shift (edit of the roster). */
export async function assignShift(a: DutyActing, v: { filterByTk: unknown; userId: unknown; note?: string | null }) {
  const shift = await loadShift(a, v.filterByTk);
  const windowId = Number(shift.get('windowId'));
  assertForWindow(a, 'dutyShifts:assign', windowId);
  if (shift.get('kind') === 'holiday') throw new RuleViolation('HOLIDAY_SHIFT_FROM_BOOKING');
  if (shift.get('checkInAt')) throw new RuleViolation('ALREADY_CHECKED_IN', { at: '-' });
  const userId = idOf(v.userId, 'USER_NOT_FOUND');
  if (!(await windowMembers(a.db, windowId, a.transaction)).has(userId)) throw new RuleViolation('NOT_WINDOW_MEMBER', { user: userId, window: windowId });
  await assertFree(a, userId, { plannedStart: shift.get('plannedStart'), plannedEnd: shift.get('plannedEnd') }, [Number(shift.get('id'))]);
  await shift.update({ userId, note: v.note ?? shift.get('note') }, { transaction: a.transaction });
  return shift;
}

/** Swapping two people's shifts needs the window lead (of both windows). */
export async function swapShifts(a: DutyActing, v: { filterByTk: unknown; withShiftId: unknown }) {
  const one = await loadShift(a, v.filterByTk);
  const two = await loadShift(a, v.withShiftId);
  for (const s of [one, two]) {
    assertForWindow(a, 'dutyShifts:swap', Number(s.get('windowId')));
    if (s.get('kind') === 'holiday') throw new RuleViolation('HOLIDAY_SHIFT_FROM_BOOKING');
    if (s.get('checkInAt')) throw new RuleViolation('ALREADY_CHECKED_IN', { at: '-' });
  }
  const [u1, u2] = [one.get('userId'), two.get('userId')];
  const ids = [Number(one.get('id')), Number(two.get('id'))];
  if (u2) await assertFree(a, Number(u2), { plannedStart: one.get('plannedStart'), plannedEnd: one.get('plannedEnd') }, ids);
  if (u1) await assertFree(a, Number(u1), { plannedStart: two.get('plannedStart'), plannedEnd: two.get('plannedEnd') }, ids);
  await one.update({ userId: u2 }, { transaction: a.transaction });
  await two.update({ userId: u1 }, { transaction: a.transaction });
  return { swapped: ids };
}

const VIEW_FIELDS = ['id', 'date', 'windowId', 'userId', 'role', 'kind', 'plannedStart', 'plannedEnd', 'status', 'checkInAt', 'checkOutAt', 'attendance', 'bookingId', 'note'];

async function shiftsView(a: DutyActing, filter: any) {
  const rows = await a.db.getRepository('dutyShifts').find({
    filter, fields: VIEW_FIELDS, appends: ['user', 'window'], sort: ['plannedStart', 'windowId', 'role'], transaction: a.transaction,
  });
  return (rows as any[]).map((r) => ({
    ...Object.fromEntries(VIEW_FIELDS.map((f) => [f, r.get(f)])),
    userName: r.get('user')?.get('nickname') ?? null, windowName: r.get('window')?.get('name') ?? null,
  }));
}

/** "My duty": the caller's own non-cancelled shifts in a range. */
export function myShifts(a: DutyActing, range: { from: string; to: string }) {
  return shiftsView(a, { userId: a.actor.userId, status: { $ne: 'cancelled' }, date: { $gte: range.from, $lte: range.to } });
}

/** The window's month: the lead and the section see drafts; the window's staff the published roster. */
export function windowShifts(a: DutyActing, windowId: number, range: { from: string; to: string }) {
  assertForWindow(a, 'dutyShifts:viewMonth', windowId);
  const manages = mayDoDuty(a.actor, { windowIds: [windowId] }, 'dutyShifts:viewDrafts') !== null;
  return shiftsView(a, { windowId, date: { $gte: range.from, $lte: range.to }, status: manages ? { $ne: 'cancelled' } : 'published' });
}
