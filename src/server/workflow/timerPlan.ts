// Reminder planning as SQL (issue 14): whatever the number of Booking time workflows, one booking
// transition costs one read (the booking with what the conditions need) and one write.
//
// The write is ONE upsert on bookingTimers that at once
//   - inserts the fires the workflows want now (new fireKeys),
//   - drops the booking's pending fires no workflow wants any more (they are selected from the
//     table into the same INSERT as 'dropped' rows, conflict on their fireKey and are updated),
//   - leaves a wanted fire that exists as it is (pending, claimed, fired: never twice), and
//     revives one that an earlier plan dropped (the booking came back to the same time).
import type { Database, Transaction } from '@nocobase/database';
import { calendarVersionOf, calendarVersionSql } from '../calendar/store';
import { settingsVersionOf, settingsVersionSql } from '../settings/store';
import { column, ident, table } from '../shared/sql';

export interface PlannedFire {
  fireKey: string;
  workflowId: number;
  bookingId: number;
  field: string;
  basis: Date;
  dueAt: Date;
}

const COLUMNS = ['fireKey', 'workflowId', 'bookingId', 'field', 'basis', 'dueAt', 'status', 'createdAt', 'updatedAt'] as const;

function names(db: Database) {
  const col = (attr: string) => column(db, 'bookingTimers', attr);
  return { table: table(db, 'bookingTimers'), col, cols: COLUMNS.map(col).join(', ') };
}

/** A row's literals; typed for PostgreSQL, whose UNION of bare literals would make dates text. */
function valuesOf(db: Database, fire: PlannedFire, now: Date, typed = false) {
  const e = (v: unknown) => db.sequelize.escape(v as any);
  const pg = typed && db.sequelize.getDialect() === 'postgres';
  const date = (d: Date) => (pg ? `CAST(${e(d)} AS TIMESTAMP WITH TIME ZONE)` : e(d));
  const id = (n: unknown) => (pg ? `CAST(${e(Number(n))} AS BIGINT)` : e(Number(n)));
  return [e(fire.fireKey), id(fire.workflowId), id(fire.bookingId), e(fire.field), date(fire.basis), date(fire.dueAt), e('pending'), date(now), date(now)];
}

/**
 * The one statement for a booking: `fresh` (a booking just created has no fires yet) is a plain
 * multi-row INSERT; otherwise the upsert that also drops what is no longer wanted. Null when a
 * fresh booking wants nothing.
 */
export function planStatement(db: Database, bookingId: number, wanted: PlannedFire[], now: Date, fresh: boolean): string | null {
  if (fresh && !wanted.length) return null;
  const { table, col, cols } = names(db);
  const dialect = db.sequelize.getDialect();
  const mysql = dialect === 'mysql' || dialect === 'mariadb';
  const e = (v: unknown) => db.sequelize.escape(v as any);
  if (fresh) {
    const rows = wanted.map((w) => `(${valuesOf(db, w, now).join(', ')})`).join(', ');
    return mysql ? `INSERT IGNORE INTO ${table} (${cols}) VALUES ${rows}` : `INSERT INTO ${table} (${cols}) VALUES ${rows} ON CONFLICT (${col('fireKey')}) DO NOTHING`;
  }
  // Aliased columns: MariaDB names a derived table's columns after the first SELECT's, and two equal literals clash.
  const as = (list: string[]) => list.map((v, i) => `${v} AS c${i}`).join(', ');
  const wantedRows = wanted.map((w) => `SELECT ${as(valuesOf(db, w, now, true))}`);
  const keep = wanted.length ? ` AND ${col('fireKey')} NOT IN (${wanted.map((w) => e(w.fireKey)).join(', ')})` : '';
  // Last, so that SQLite's upsert sees its WHERE (INSERT … SELECT … ON CONFLICT needs one).
  const stale =
    `SELECT ${as([...['fireKey', 'workflowId', 'bookingId', 'field', 'basis', 'dueAt'].map(col), e('dropped'), col('createdAt'), e(now)])}` +
    ` FROM ${table} WHERE ${col('bookingId')} = ${e(Number(bookingId))} AND ${col('status')} = ${e('pending')}${keep}`;
  const select = [...wantedRows, stale].join(' UNION ALL ');
  if (mysql) {
    const status = col('status');
    return `INSERT INTO ${table} (${cols}) SELECT * FROM (${select}) AS plan ON DUPLICATE KEY UPDATE ${status} = ` +
      `IF(VALUES(${status}) = 'dropped', 'dropped', IF(${status} = 'dropped', 'pending', ${status})), ${col('updatedAt')} = VALUES(${col('updatedAt')})`;
  }
  const status = col('status');
  return `INSERT INTO ${table} AS t (${cols}) ${select} ON CONFLICT (${col('fireKey')}) DO UPDATE SET ${status} = ` +
    `CASE WHEN excluded.${status} = 'dropped' THEN 'dropped' WHEN t.${status} = 'dropped' THEN 'pending' ELSE t.${status} END, ` +
    `${col('updatedAt')} = excluded.${col('updatedAt')}`;
}

export interface BookingFacts {
  booking: Record<string, any>;
  hasPendingReschedule: boolean;
  /** Set when asked for: the calendar's and the settings' cache versions, read in the same statement. */
  calendarVersion?: string;
  settingsVersion?: string;
}

/** A subselect counting the pending reschedule requests of the `bookings` row of the outer query. */
export function pendingReschedulesSql(db: Database): string {
  const rc = (a: string) => column(db, 'rescheduleRequests', a);
  const ref = `${ident(db, db.getModel('bookings').name)}.${column(db, 'bookings', 'id')}`;
  return `(SELECT COUNT(*) FROM ${table(db, 'rescheduleRequests')} r WHERE r.${rc('bookingId')} = ${ref} AND r.${rc('decision')} = 'pending')`;
}

/** The booking row, whether it has a pending reschedule and (optionally) the calendar's and settings' versions — one SELECT. */
export async function readBookingFacts(
  db: Database, bookingId: number, { reschedule, calendar, settings }: { reschedule: boolean; calendar: boolean; settings: boolean },
  transaction?: Transaction,
): Promise<BookingFacts | null> {
  const Bookings: any = db.getModel('bookings');
  const literal = (sql: string) => db.sequelize.literal(sql);
  const include: any[] = [];
  if (reschedule) include.push([literal(pendingReschedulesSql(db)), 'pendingReschedules']);
  if (calendar) include.push(literal(calendarVersionSql(db)));
  if (settings) include.push(literal(settingsVersionSql(db)));
  const row = await Bookings.findOne({ where: { id: bookingId }, attributes: { include }, raw: true, transaction });
  if (!row) return null;
  const facts: BookingFacts = { booking: row, hasPendingReschedule: Number(row.pendingReschedules ?? 0) > 0 };
  if (calendar) facts.calendarVersion = calendarVersionOf(row);
  if (settings) facts.settingsVersion = settingsVersionOf(row);
  return facts;
}
