// Statistics (R-SUP-3) computed by the database: one grouped query per source table (bookings,
// approved reschedules, ratings, rectification cases, complaints, penalty points, comp-time ledger),
// each returning a few rows per group × period, merged here by key. Each fact counts in the period it
// happened in: bookings by appointmentStart, ratings by visitedAt, cases/complaints by openedAt,
// penalty points by occurredAt, comp time by the ledger entry's `at` — all as Shanghai dates.
import type { Database } from '@nocobase/database';
import { RATING_LEVELS } from '../../rules/aftercare';
import { COUNT_FIELDS, GroupBy, Period, StatCounts, emptyCounts, ratesOf } from '../../rules/statistics';
import { ident, table as tableOf } from '../shared/sql';

export interface StatQuery {
  groupBy: GroupBy;
  period: Period;
  from: Date;
  to: Date;
  /** Limit to these windows (a window lead's own); null = all. */
  windowIds: number[] | null;
}

type Source = {
  table: string;
  /** SQL for the group id, the instant the period is taken from, the window id (for the scope). */
  group: Record<GroupBy, string>;
  at: string;
  window: string;
  joins: string;
  where?: string;
  select: string[];
};

function sql(db: Database) {
  const qi = (s: string) => ident(db, s);
  const table = (name: string) => tableOf(db, name);
  // Column names as the model maps them (underscored apps too).
  const c = (alias: string, collection: string, attr: string) => {
    const field = (db.getModel(collection).rawAttributes as any)[attr]?.field ?? attr;
    return `${alias}.${qi(field)}`;
  };
  return { qi, table, c, ...dialectSql(db) };
}

/**
 * The only dialect-specific SQL of the statistics, chosen once: the Shanghai date bucket of an
 * instant column, and the boolean literals. Shanghai has had no daylight saving since 1991, so a
 * fixed +08:00 is exact for every date the plugin stores.
 */
function dialectSql(db: Database) {
  const dialect = db.sequelize.getDialect();
  const pg = dialect === 'postgres';
  const bool = { yes: pg ? 'true' : '1', no: pg ? 'false' : '0' };
  const period = (expr: string, p: Period): string => {
    if (p === 'all') return `'all'`;
    if (dialect === 'postgres') return `to_char(${expr} AT TIME ZONE 'Asia/Shanghai', '${p === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')`;
    // SQLite stores ISO text in UTC ('2026-03-01 00:00:00.000 +00:00').
    if (dialect === 'sqlite') return `strftime('${p === 'day' ? '%Y-%m-%d' : '%Y-%m'}', substr(${expr}, 1, 19), '+8 hours')`;
    if (dialect === 'mariadb' || dialect === 'mysql') {
      // DATETIME holds the wall time of the connection's time zone (Sequelize's `timezone`, NocoBase's
      // default +00:00); an offset needs no time-zone tables.
      const tz = String((db.sequelize as any).options?.timezone ?? '+00:00');
      const local = tz === '+08:00' ? expr : `CONVERT_TZ(${expr}, ${db.sequelize.escape(tz)}, '+08:00')`;
      return `DATE_FORMAT(${local}, '${p === 'day' ? '%Y-%m-%d' : '%Y-%m'}')`;
    }
    throw new Error(`statistics: dialect ${dialect} is not supported (PostgreSQL, MariaDB/MySQL and SQLite are)`);
  };
  return { period, bool };
}

const sum = (cond: string, value = '1') => `SUM(CASE WHEN ${cond} THEN ${value} ELSE 0 END)`;

function sources(db: Database): Source[] {
  const { table, c, bool } = sql(db);
  const b = (attr: string) => c('b', 'bookings', attr);
  const bookingGroup = { window: b('windowId'), item: b('serviceItemId') };
  const completedTimed = `${b('status')} = 'completed' AND ${b('durationMinutes')} IS NOT NULL`;
  const f = (attr: string) => c('f', 'followUps', attr);
  // Booleans: NULL counts as false (rows written outside our actions may leave it unset).
  const isTrue = (col: string) => `COALESCE(${col}, ${bool.no}) = ${bool.yes}`;
  const counted = `${f('rating')} = '%L' AND NOT ${isTrue(f('malicious'))}`;
  const k = (attr: string) => c('k', 'rectificationCases', attr);
  const m = (attr: string) => c('m', 'complaints', attr);
  const p = (attr: string) => c('p', 'penalties', attr);
  const e = (attr: string) => c('e', 'compTimeEntries', attr);
  return [
    {
      table: `${table('bookings')} b`, joins: `LEFT JOIN ${table('serviceItems')} si ON si.${sql(db).qi('id')} = ${b('serviceItemId')}`,
      group: bookingGroup, at: b('appointmentStart'), window: b('windowId'),
      select: [
        `COUNT(*) AS "bookings"`, `${sum(`${b('channel')} = 'onSite'`)} AS "onSite"`, `${sum(`${b('channel')} = 'phone'`)} AS "phone"`,
        `${sum(`${b('status')} = 'completed'`)} AS "completed"`, `${sum(`${b('status')} = 'abandoned'`)} AS "abandoned"`,
        `${sum(`${b('status')} = 'cancelled'`)} AS "cancelled"`,
        `${sum(`${b('status')} NOT IN ('completed', 'abandoned', 'cancelled')`)} AS "open"`,
        `${sum(`${b('status')} = 'completed' AND ${b('actualEnd')} <= ${b('appointmentEnd')}`)} AS "onTime"`,
        `${sum(completedTimed, b('durationMinutes'))} AS "handlingMinutes"`,
        `${sum(completedTimed, `COALESCE(${c('si', 'serviceItems', 'expectedMinutes')}, 0)`)} AS "expectedMinutes"`,
        `${sum(completedTimed)} AS "timed"`,
      ],
    },
    {
      table: `${table('rescheduleRequests')} r`, joins: `JOIN ${table('bookings')} b ON b.${sql(db).qi('id')} = ${c('r', 'rescheduleRequests', 'bookingId')}`,
      group: bookingGroup, at: b('appointmentStart'), window: b('windowId'),
      where: `${c('r', 'rescheduleRequests', 'decision')} = 'approved'`,
      select: [
        `${sum(`${c('r', 'rescheduleRequests', 'kind')} <> 'forceMajeure'`)} AS "reschedules"`,
        `${sum(`${c('r', 'rescheduleRequests', 'kind')} = 'forceMajeure'`)} AS "reschedulesForceMajeure"`,
      ],
    },
    {
      table: `${table('followUps')} f`, joins: '', group: { window: f('windowId'), item: f('serviceItemId') }, at: f('visitedAt'), window: f('windowId'),
      where: `${f('rating')} IS NOT NULL`,
      select: [
        ...RATING_LEVELS.map((l) => `${sum(counted.replace('%L', l))} AS "${l}"`),
        `${sum(isTrue(f('malicious')))} AS "ratingsExcluded"`,
      ],
    },
    {
      table: `${table('rectificationCases')} k`, joins: `LEFT JOIN ${table('bookings')} b ON b.${sql(db).qi('id')} = ${k('bookingId')}`,
      group: { window: k('windowId'), item: b('serviceItemId') }, at: k('openedAt'), window: k('windowId'),
      select: [
        `COUNT(*) AS "badReviewCases"`, `${sum(isTrue(k('closedOnTime')))} AS "badReviewCasesClosedOnTime"`,
        // Overdue now, or closed after the due time.
        `${sum(`${k('status')} = 'overdue' OR (${k('status')} = 'closed' AND NOT ${isTrue(k('closedOnTime'))})`)} AS "badReviewCasesOverdue"`,
      ],
    },
    {
      table: `${table('complaints')} m`, joins: `LEFT JOIN ${table('bookings')} b ON b.${sql(db).qi('id')} = ${m('bookingId')}`,
      group: { window: m('windowId'), item: b('serviceItemId') }, at: m('openedAt'), window: m('windowId'),
      select: [`COUNT(*) AS "complaints"`, `${sum(isTrue(m('closedOnTime')))} AS "complaintsClosedOnTime"`],
    },
    {
      table: `${table('penalties')} p`, joins: `LEFT JOIN ${table('bookings')} b ON b.${sql(db).qi('id')} = ${p('bookingId')}`,
      group: { window: p('windowId'), item: b('serviceItemId') }, at: p('occurredAt'), window: p('windowId'),
      where: `${p('status')} IN ('confirmed', 'proposed')`,
      select: [
        `${sum(`${p('status')} = 'confirmed'`, `COALESCE(${p('points')}, 0)`)} AS "penaltyPointsConfirmed"`,
        `${sum(`${p('status')} = 'proposed'`, `COALESCE(${p('points')}, 0)`)} AS "penaltyPointsProposed"`,
      ],
    },
    {
      // Comp time (调休, R-CMP-3): earned rows of a booking follow its item; shift-earned and taken
      // rows have no item (grouped apart, like complaints without a booking).
      table: `${table('compTimeEntries')} e`,
      joins: `LEFT JOIN ${table('bookings')} b ON ${e('sourceType')} = 'booking' AND b.${sql(db).qi('id')} = ${e('sourceId')}`,
      group: { window: e('windowId'), item: b('serviceItemId') }, at: e('at'), window: e('windowId'),
      where: `${e('kind')} IN ('earned', 'taken')`,
      select: [
        `${sum(`${e('kind')} = 'earned'`, `COALESCE(${e('minutes')}, 0)`)} AS "compTimeEarnedMinutes"`,
        `${sum(`${e('kind')} = 'taken'`, `COALESCE(${e('minutes')}, 0)`)} AS "compTimeTakenMinutes"`,
      ],
    },
  ];
}

export interface StatRow extends Record<string, unknown> {
  groupId: number | null;
  groupName: string;
  period: string;
}

/** Counts per group and period from the database, then the rates (src/rules/statistics.ts). */
export async function computeStatistics(db: Database, q: StatQuery): Promise<{ rows: StatRow[]; totals: StatRow }> {
  const { period } = sql(db);
  const byKey = new Map<string, { groupId: number | null; period: string; counts: StatCounts }>();
  const dialect = db.sequelize.getDialect();
  // Instants as literals in the connection's time zone: a raw query's replacements format a Date in
  // the process's zone, which on MariaDB (DATETIME, no zone) shifts the range by the difference.
  const from = db.sequelize.escape(q.from as any);
  const to = db.sequelize.escape(q.to as any);
  const run = (s: Source) => {
    const where = [`${s.at} >= ${from}`, `${s.at} < ${to}`, s.where, q.windowIds ? `${s.window} IN (:windowIds)` : null].filter(Boolean);
    const query = `SELECT ${s.group[q.groupBy]} AS "groupId", ${period(s.at, q.period)} AS "period", ${s.select.join(', ')}
      FROM ${s.table} ${s.joins} WHERE ${where.join(' AND ')} GROUP BY 1, 2`;
    return db.sequelize.query(query, {
      type: 'SELECT' as any, raw: true,
      replacements: { windowIds: q.windowIds?.length ? q.windowIds : [-1] },
    }) as Promise<any[]>;
  };
  // Server databases answer the seven queries side by side; SQLite has one connection anyway.
  const list = sources(db);
  const results = dialect === 'sqlite' ? await list.reduce(async (acc, s) => [...(await acc), await run(s)], Promise.resolve([] as any[][])) : await Promise.all(list.map(run));
  for (const rows of results) {
    if (!rows.length) continue;
    const columns = Object.keys(rows[0]).filter((n) => n !== 'groupId' && n !== 'period');
    const isLevel = columns.map((n) => (RATING_LEVELS as readonly string[]).includes(n));
    for (const r of rows) {
      const groupId = r.groupId === null || r.groupId === undefined ? null : Number(r.groupId);
      const key = `${groupId}|${r.period}`;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { groupId, period: String(r.period), counts: emptyCounts() }));
      const counts = entry.counts as any;
      for (let i = 0; i < columns.length; i++) {
        const value = Number(r[columns[i]] ?? 0);
        if (isLevel[i]) counts.ratings[columns[i]] += value;
        else counts[columns[i]] += value;
      }
    }
  }
  const names = await groupNames(db, q.groupBy, [...byKey.values()].map((e) => e.groupId).filter((id): id is number => id !== null));
  // Plain comparison: periods are ASCII dates (no locale collation needed).
  const entries = [...byKey.values()].sort((x, y) => (x.groupId ?? 0) - (y.groupId ?? 0) || (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
  const total = emptyCounts();
  for (const e of entries) addCounts(total, e.counts);
  return {
    rows: entries.map((e) => flatten(e.groupId, e.groupId === null ? '-' : names.get(e.groupId) ?? `#${e.groupId}`, e.period, e.counts)),
    totals: flatten(null, 'total', 'all', total),
  };
}

function addCounts(into: StatCounts, c: StatCounts) {
  for (const [k, v] of Object.entries(c)) {
    if (k === 'ratings') for (const l of RATING_LEVELS) into.ratings[l] += c.ratings[l];
    else (into as any)[k] += v as number;
  }
}

/** One flat row per group and period: counts, each rating level, its share, the rates (charts, Excel). */
function flatten(groupId: number | null, groupName: string, period: string, c: StatCounts): StatRow {
  const r = ratesOf(c);
  // Plain assignments (no spreads): item × day over a year is ~8,000 rows of ~55 fields.
  const row: StatRow = { groupId, groupName, period };
  for (const f of COUNT_FIELDS) row[f] = c[f];
  for (const l of RATING_LEVELS) {
    row[l] = c.ratings[l];
    row[`${l}Share`] = r.ratingShares[l];
  }
  for (const f of RATE_FIELDS) row[f] = r[f];
  return row;
}

const RATE_FIELDS = ['rated', 'satisfiedTotal', 'badReviews', 'satisfactionRate', 'onTimeRate', 'avgHandlingMinutes', 'avgExpectedMinutes',
  'badReviewClosedOnTimeRate', 'compTimeEarnedHours', 'compTimeTakenHours'] as const;

async function groupNames(db: Database, groupBy: GroupBy, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db.getRepository(groupBy === 'window' ? 'windows' : 'serviceItems').find({ filter: { id: [...new Set(ids)] } });
  return new Map<number, string>(rows.map((r: any) => [Number(r.get('id')), groupBy === 'window' ? `${r.get('code')} ${r.get('name')}` : r.get('name')]));
}

/** Column order and titles for the Excel sheet (titles are translated by the caller). */
export const STAT_COLUMNS: [string, string][] = [
  ['groupName', 'Group'], ['period', 'Period'], ['bookings', 'Number of bookings'], ['onSite', 'On site'], ['phone', 'By phone'],
  ['completed', 'Completed'], ['abandoned', 'Abandoned by applicant'], ['cancelled', 'Cancelled'], ['open', 'Still open'],
  ['onTime', 'Completed on time'], ['onTimeRate', 'On-time rate (%)'], ['avgHandlingMinutes', 'Average handling (min)'],
  ['avgExpectedMinutes', 'Expected handling (min)'], ['reschedules', 'Reschedules'], ['reschedulesForceMajeure', 'Reschedules (force majeure)'],
  ['rated', 'Ratings'], ['verySatisfied', 'Very satisfied'], ['satisfied', 'Satisfied'], ['basicallySatisfied', 'Basically satisfied'],
  ['dissatisfied', 'Dissatisfied'], ['veryDissatisfied', 'Very dissatisfied'], ['satisfactionRate', 'Satisfaction rate (%)'],
  ['ratingsExcluded', 'Malicious ratings excluded'], ['badReviewCases', 'Bad-review cases'],
  ['badReviewCasesClosedOnTime', 'Closed on time'], ['badReviewClosedOnTimeRate', 'Closed on time (%)'],
  ['badReviewCasesOverdue', 'Overdue or closed late'], ['complaints', 'Complaints'], ['complaintsClosedOnTime', 'Complaints closed on time'],
  ['penaltyPointsConfirmed', 'Penalty points (confirmed)'], ['penaltyPointsProposed', 'Penalty points (proposed)'],
  ['compTimeEarnedHours', 'Comp time earned (h)'], ['compTimeTakenHours', 'Comp time taken (h)'],
];
