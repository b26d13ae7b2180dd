// The comp-time ledger (调休, R-CMP-1..3) as rows: earned entries kept in step with what was served,
// balances for many people in one query, requests and the window lead's sign-off.
import { Op } from '@nocobase/database';
import type { Database, Transaction } from '@nocobase/database';
import {
  Balance, ServedTime, balanceOf, checkCompTimeRequest, checkDecision, creditServedTime, hours, requestMinutes, servedInBooking, servedInShift,
} from '../../rules/compTime';
import { fromShanghai, shanghaiDate } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import { optionalText } from '../../rules/input';
import { parseStart } from '../../rules/booking';
import { assertMayDoDuty, mayDoDuty } from '../../rules/dutyPolicy';
import { loadCalendar } from '../calendar/store';
import { windowsOf } from '../shared/acting';
import { instancesFromJson, jsonArraySql, rowsFromJson } from '../shared/jsonRows';
import { column, ident, table } from '../shared/sql';
import { DutyActing, idOf } from './context';
import { loadDutySettings } from './settings';

/**
 * R-CMP-1 R-CMP-3 recomputes a person's earned entries for the given days from what they served
 * there (attended weekend shifts, completed bookings they handled) and upserts one entry per source.
 * Credits are computed per person and day together, so a booking inside an attended shift adds
 * nothing whichever was recorded first; a source that stops earning keeps its row at 0 minutes.
 */
export async function syncEarned(db: Database, userId: number, dates: string[], transaction: Transaction) {
  if (!userId) return;
  const Entry = db.getModel('compTimeEntries');
  for (const date of [...new Set(dates)]) {
    const { shifts, bookings, existing } = await servedOn(db, userId, date, transaction);
    const served = [...shifts.map(servedInShift), ...bookings.map(servedInBooking)].filter((s): s is ServedTime => !!s);
    const credits = creditServedTime(served);
    const windowOf = new Map<string, number>([
      ...shifts.map((s) => [`dutyShift:${s.id}`, s.windowId] as [string, number]),
      ...bookings.map((b) => [`booking:${b.id}`, b.windowId] as [string, number]),
    ]);
    const servedAt = new Map(served.map((s) => [`${s.sourceType}:${s.sourceId}`, s.start]));
    const sources = [...shifts.map((s) => ['dutyShift', s.id]), ...bookings.map((b) => ['booking', b.id])] as [string, number][];
    const byKey = new Map(existing.map((e) => [`${e.get('sourceType')}:${e.get('sourceId')}`, e]));
    const minutesOf = new Map(credits.map((c) => [`${c.sourceType}:${c.sourceId}`, c.minutes]));
    for (const [sourceType, sourceId] of sources) {
      const key = `${sourceType}:${sourceId}`;
      const minutes = minutesOf.get(key) ?? 0;
      const row = byKey.get(key);
      if (row) {
        // A corrected served time can move a booking's row to this day (R-X-6): minutes and day follow.
        const at = servedAt.get(key) ?? row.get('at');
        const moved = String(row.get('date')).slice(0, 10) !== date || +new Date(row.get('at')) !== +new Date(at);
        if (Number(row.get('minutes')) !== minutes || moved) await row.update({ minutes, date, at }, { transaction });
      } else if (minutes > 0) {
        await Entry.create({
          userId, windowId: windowOf.get(key) ?? null, kind: 'earned', minutes, at: servedAt.get(key), date, sourceType, sourceId,
        }, { transaction });
      }
    }
  }
}

/**
 * What a person served on a day and the ledger rows of those sources, in ONE statement (three JSON
 * subselects, shared/jsonRows.ts): their weekend shifts of the day, the bookings they handled that
 * started that day, and their entries for those shifts and bookings.
 */
async function servedOn(db: Database, userId: number, date: string, transaction: Transaction) {
  const c = (collection: string, alias: string) => (attr: string) => `${alias}.${column(db, collection, attr)}`;
  const [s, b, e] = [c('dutyShifts', 's'), c('bookings', 'b'), c('compTimeEntries', 'e')];
  const shiftsOfDay = `${s('userId')} = :userId AND ${s('date')} = :date AND ${s('kind')} = 'weekend'`;
  const bookingsOfDay = `(${b('handler1Id')} = :userId OR ${b('handler2Id')} = :userId) AND ${b('actualStart')} >= :from AND ${b('actualStart')} < :to`;
  const entries = `${e('userId')} = :userId AND ((${e('sourceType')} = 'dutyShift' AND ${e('sourceId')} IN (SELECT ${s('id')} FROM ${table(db, 'dutyShifts')} s WHERE ${shiftsOfDay}))` +
    ` OR (${e('sourceType')} = 'booking' AND ${e('sourceId')} IN (SELECT ${b('id')} FROM ${table(db, 'bookings')} b WHERE ${bookingsOfDay})))`;
  const sql = `SELECT ${jsonArraySql(db, 'dutyShifts', 's', shiftsOfDay)} AS ${ident(db, 'shifts')}, ` +
    `${jsonArraySql(db, 'bookings', 'b', bookingsOfDay, ['status', 'actualStart', 'actualEnd', 'windowId'])} AS ${ident(db, 'bookings')}, ` +
    `${jsonArraySql(db, 'compTimeEntries', 'e', entries)} AS ${ident(db, 'entries')}`;
  const [row]: any[] = await db.sequelize.query(sql, {
    replacements: { userId: Number(userId), date, from: fromShanghai(date), to: fromShanghai(date, 1440) }, type: 'SELECT' as any, transaction,
  });
  return {
    shifts: rowsFromJson(db, 'dutyShifts', row.shifts) as any[],
    bookings: rowsFromJson(db, 'bookings', row.bookings) as any[],
    existing: instancesFromJson(db, 'compTimeEntries', row.entries),
  };
}


/**
 * R-CMP-3 balances of many people in ONE query. Without expiry the database sums; with expiry the
 * entries come back in the same one query and the FIFO rule (balanceOf) runs per person here.
 * `userIds` null = everyone with an entry.
 */
export async function balances(db: Database, userIds: number[] | null, asOf: Date, transaction?: Transaction): Promise<Map<number, Balance>> {
  const settings = await loadDutySettings(db, { transaction });
  const out = new Map<number, Balance>();
  if (userIds && !userIds.length) return out;
  for (const id of userIds ?? []) out.set(id, { earned: 0, taken: 0, expired: 0, balance: 0 });
  const from = table(db, 'compTimeEntries');
  const [user, kind, minutes, at] = ['userId', 'kind', 'minutes', 'at'].map((f) => column(db, 'compTimeEntries', f));
  const where = userIds ? `WHERE ${user} IN (${userIds.map(Number).join(',')})` : '';
  if (settings.compTimeExpiryDays === null) {
    const rows: any[] = await db.sequelize.query(
      `SELECT ${user} AS u, SUM(CASE WHEN ${kind} = 'earned' THEN ${minutes} ELSE 0 END) AS e, SUM(CASE WHEN ${kind} = 'taken' THEN ${minutes} ELSE 0 END) AS t FROM ${from} ${where} GROUP BY ${user}`,
      { type: 'SELECT' as any, transaction },
    );
    for (const r of rows) {
      const earned = Number(r.e ?? 0);
      const taken = Number(r.t ?? 0);
      out.set(Number(r.u), { earned, taken, expired: 0, balance: earned - taken });
    }
    return out;
  }
  const rows: any[] = await db.sequelize.query(`SELECT ${user} AS u, ${kind} AS k, ${minutes} AS m, ${at} AS a FROM ${from} ${where}`, { type: 'SELECT' as any, transaction });
  const byUser = new Map<number, any[]>();
  for (const r of rows) byUser.set(Number(r.u), [...(byUser.get(Number(r.u)) ?? []), { kind: r.k, minutes: Number(r.m), at: new Date(r.a) }]);
  for (const [u, entries] of byUser) out.set(u, balanceOf(entries, asOf, settings.compTimeExpiryDays));
  return out;
}

async function pendingMinutes(db: Database, userId: number, transaction: Transaction, exceptId?: number) {
  const rows: any[] = await db.getModel('compTimeRequests').findAll({
    where: { userId, status: 'pending', ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}) } as any, attributes: ['minutes'], raw: true, transaction,
  } as any);
  return rows.reduce((n, r) => n + Number(r.minutes), 0);
}

/** Who may see a person's ledger (the duty policy): themselves, the lead of a window they belong to, the section. */
export async function assertMaySee(a: DutyActing, userId: number) {
  if (mayDoDuty(a.actor, { userId }, 'compTimeEntries:balance')) return; // themselves, the section: no look-up
  const { leads, staffs } = await windowsOf(a.db, userId, a.transaction);
  assertMayDoDuty(a.actor, { userId, windowIds: [...leads, ...staffs] }, 'compTimeEntries:balance');
}

export async function balanceOfUser(a: DutyActing, userId: number) {
  await assertMaySee(a, userId);
  const b = (await balances(a.db, [userId], a.now, a.transaction)).get(userId)!;
  const pending = await pendingMinutes(a.db, userId, a.transaction);
  const entries = await a.db.getRepository('compTimeEntries').find({ filter: { userId }, sort: ['-at'], transaction: a.transaction });
  return { userId, ...b, pending, entries: entries.map((e: any) => e.toJSON()) };
}

/** Balances of a window's people (lead) or of everyone with a ledger / one window (section). */
export async function windowBalances(a: DutyActing, windowId: number | null) {
  let ids: number[] | null;
  if (windowId) {
    assertMayDoDuty(a.actor, { windowIds: [windowId] }, 'compTimeEntries:balances', { window: windowId });
    const w: any = await a.db.getRepository('windows').findOne({ filterByTk: windowId, appends: ['staff'], transaction: a.transaction });
    ids = [...new Set([...(w?.get('staff') ?? []).map((u: any) => Number(u.get('id'))), ...(w?.get('leadId') ? [Number(w.get('leadId'))] : [])])];
  } else if (mayDoDuty(a.actor, {}, 'compTimeEntries:balances')) ids = null;
  else throw new RuleViolation('SECTION_ONLY', {}, 403);
  const map = await balances(a.db, ids, a.now, a.transaction);
  return [...map.entries()].map(([userId, b]) => ({ userId, ...b }));
}

// ---------- requests (R-CMP-2) ----------

function instant(field: string, value: unknown): Date {
  const d = parseStart(value);
  if (!d) throw new RuleViolation('COMP_TIME_TIME_INVALID', { field, value: String(value ?? '').slice(0, 40) });
  return d;
}

/** The cover (顶岗) is of the same window and free then: no comp time of their own, no other duty. */
async function assertCoverFree(a: DutyActing, coverId: number, windowId: number, start: Date, end: Date) {
  const w: any = await a.db.getRepository('windows').findOne({ filterByTk: windowId, appends: ['staff'], transaction: a.transaction });
  const members = new Set([...(w?.get('staff') ?? []).map((u: any) => Number(u.get('id'))), Number(w?.get('leadId'))]);
  if (!members.has(coverId)) throw new RuleViolation('COVER_NOT_IN_WINDOW', { user: coverId, window: w?.get('name') ?? windowId });
  const away = await a.db.getModel('compTimeRequests').count({
    where: { userId: coverId, status: ['pending', 'approved'], start: { [Op.lt]: end }, end: { [Op.gt]: start } } as any, transaction: a.transaction,
  } as any);
  const duty = await a.db.getModel('dutyShifts').count({
    where: { userId: coverId, status: ['draft', 'published'], plannedStart: { [Op.lt]: end }, plannedEnd: { [Op.gt]: start } } as any, transaction: a.transaction,
  } as any);
  if (away || duty) throw new RuleViolation('COVER_NOT_FREE', { user: coverId });
}

export async function submitRequest(a: DutyActing, v: any) {
  const start = instant('start', v.start);
  const end = instant('end', v.end);
  const reason = optionalText('reason', v.reason);
  const windows = [...new Set([...a.actor.staffs, ...a.actor.leads])];
  const windowId = v.windowId ? idOf(v.windowId, 'WINDOW_NOT_FOUND') : windows[0];
  assertMayDoDuty(a.actor, { userId: a.actor.userId, windowIds: windowId ? [windowId] : [] }, 'compTimeRequests:submit', { window: windowId ?? '-' });
  const settings = await loadDutySettings(a.db, { transaction: a.transaction });
  const calendar = await loadCalendar(a.db, { transaction: a.transaction, around: [shanghaiDate(start), shanghaiDate(end)] });
  const minutes = +end > +start ? requestMinutes(start, end, settings.workingHours, (d) => calendar.isWorkingDay(d)) : 0;
  const coverUserId = v.coverUserId ? idOf(v.coverUserId, 'USER_NOT_FOUND') : null;
  const balance = (await balances(a.db, [a.actor.userId], a.now, a.transaction)).get(a.actor.userId)!.balance;
  const pending = await pendingMinutes(a.db, a.actor.userId, a.transaction);
  checkCompTimeRequest({ requesterId: a.actor.userId, coverUserId, start, end, minutes, balance, pending });
  const twice = await a.db.getModel('compTimeRequests').count({
    where: { userId: a.actor.userId, status: ['pending', 'approved'], start: { [Op.lt]: end }, end: { [Op.gt]: start } } as any, transaction: a.transaction,
  } as any);
  if (twice) throw new RuleViolation('COMP_TIME_OVERLAP');
  await assertCoverFree(a, coverUserId!, windowId, start, end);
  return a.db.getRepository('compTimeRequests').create({
    values: { userId: a.actor.userId, windowId, start, end, minutes, reason, coverUserId, status: 'pending', requestedAt: a.now },
    transaction: a.transaction,
  });
}

async function loadRequest(a: DutyActing, raw: unknown) {
  const r: any = await a.db.getRepository('compTimeRequests').findOne({ filterByTk: idOf(raw, 'COMP_TIME_REQUEST_NOT_FOUND'), transaction: a.transaction });
  if (!r) throw new RuleViolation('COMP_TIME_REQUEST_NOT_FOUND', { id: String(raw) }, 404);
  return r;
}

/** The window lead signs off — never their own request (the section signs a lead's). */
function assertMaySignOff(a: DutyActing, r: any, action: 'compTimeRequests:signOff' | 'compTimeRequests:reject') {
  assertMayDoDuty(a.actor, { userId: r.get('userId'), windowIds: [r.get('windowId')] }, action, { window: r.get('windowId') });
}

/** R-CMP-2 sign-off with a note (签字说明): the balance is checked again, then the taken entry is written. */
export async function signOff(a: DutyActing, v: any) {
  const r = await loadRequest(a, v.filterByTk);
  assertMaySignOff(a, r, 'compTimeRequests:signOff');
  const note = checkDecision(r.get('status'), optionalText('note', v.note));
  const userId = Number(r.get('userId'));
  const minutes = Number(r.get('minutes'));
  const balance = (await balances(a.db, [userId], a.now, a.transaction)).get(userId)!.balance;
  if (minutes > balance) {
    throw new RuleViolation('COMP_TIME_OVER_BALANCE', { requested: hours(minutes), balance: hours(balance), pending: 0, available: hours(Math.max(0, balance)) });
  }
  await a.db.getModel('compTimeEntries').create({
    userId, windowId: r.get('windowId'), kind: 'taken', minutes, at: r.get('start'), date: shanghaiDate(r.get('start')),
    sourceType: 'compTimeRequest', sourceId: r.get('id'),
  }, { transaction: a.transaction });
  await r.update({ status: 'approved', decidedById: a.actor.userId, decidedAt: a.now, decisionNote: note }, { transaction: a.transaction });
  return r;
}

export async function rejectRequest(a: DutyActing, v: any) {
  const r = await loadRequest(a, v.filterByTk);
  assertMaySignOff(a, r, 'compTimeRequests:reject');
  const note = checkDecision(r.get('status'), optionalText('note', v.note));
  await r.update({ status: 'rejected', decidedById: a.actor.userId, decidedAt: a.now, decisionNote: note }, { transaction: a.transaction });
  return r;
}

/** Requests waiting for the caller's sign-off (their windows; the section: all), with each balance. */
export async function pendingForMe(a: DutyActing) {
  const filter: any = { status: 'pending', userId: { $ne: a.actor.userId } };
  if (!mayDoDuty(a.actor, {}, 'compTimeRequests:signOff')) {
    const led = a.actor.leads.filter((w) => mayDoDuty(a.actor, { windowIds: [w] }, 'compTimeRequests:signOff'));
    if (!led.length) return [];
    filter.windowId = led;
  }
  const rows: any[] = await a.db.getRepository('compTimeRequests').find({
    filter, appends: ['user', 'coverUser', 'window'], sort: ['start'], transaction: a.transaction,
  });
  const b = await balances(a.db, [...new Set(rows.map((r) => Number(r.get('userId'))))], a.now, a.transaction);
  return rows.map((r) => ({
    id: r.get('id'), userId: r.get('userId'), userName: r.get('user')?.get('nickname'), windowId: r.get('windowId'),
    windowName: r.get('window')?.get('name'), start: r.get('start'), end: r.get('end'), minutes: r.get('minutes'),
    reason: r.get('reason'), coverUserId: r.get('coverUserId'), coverName: r.get('coverUser')?.get('nickname'),
    balance: b.get(Number(r.get('userId')))?.balance ?? 0,
  }));
}
