// bookings:register reads everything it needs before writing in ONE query (issue 3 performance):
// the service item, the calendar's and the settings' cache versions (src/server/calendar/store.ts,
// src/server/settings/store.ts) and the id the new booking will get, so its number (YY-2026-000123)
// goes into the INSERT instead of a second UPDATE; on PostgreSQL also the applicant's turn (R-HOL-6).
import type { Database, Transaction } from '@nocobase/database';
import { RuleViolation } from '../../rules/errors';
import { recordId } from '../../rules/input';
import { calendarVersionOf, calendarVersionSql } from '../calendar/store';
import { settingsVersionOf, settingsVersionSql } from '../settings/store';
import { column, ident, table } from '../shared/sql';

export interface Prefetched {
  item: any;
  calendarVersion: string;
  settingsVersion: string;
  /** The id to insert the booking with; null where the dialect gives no cheap safe way (then: INSERT, UPDATE). */
  nextBookingId: number | null;
  /** The values of the `also` expressions, by name. */
  also: Record<string, unknown>;
}

/**
 * PostgreSQL: nextval of the id sequence (atomic; a refused request leaves a gap, as a rolled-back
 * insert always did). SQLite: every booking write runs under the bookings lock (actions/bookings.ts)
 * on its one connection, so the next AUTOINCREMENT value cannot be taken in between; it is the larger
 * of sqlite_sequence and MAX(id), exactly what AUTOINCREMENT would give.
 */
function nextIdSql(db: Database): string | null {
  const c = db.getCollection('bookings');
  const id = column(db, 'bookings', 'id');
  const dialect = db.sequelize.getDialect();
  if (dialect === 'postgres') return `nextval(pg_get_serial_sequence(${db.sequelize.escape(c.quotedTableName())}, ${db.sequelize.escape('id')}))`;
  if (dialect === 'sqlite') {
    const name = db.sequelize.escape((c.model as any).getTableName());
    return `max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ${name}), 0), coalesce((SELECT MAX(${id}) FROM ${table(db, 'bookings')}), 0)) + 1`;
  }
  return null;
}

/**
 * `also`: more expressions to evaluate in the same statement, by name (the applicant's turn and,
 * on SQLite, the number's open bookings: applicantLimit.ts); a null one is left out.
 */
export async function prefetchRegistration(
  db: Database, rawItemId: unknown, transaction: Transaction, also: Record<string, string | null> = {},
): Promise<Prefetched> {
  const itemId = recordId(rawItemId); // never a filter object or a list from the request
  const notFound = () => new RuleViolation('ITEM_NOT_FOUND', { id: String(rawItemId ?? '').slice(0, 40) });
  if (itemId === null) throw notFound();
  const next = nextIdSql(db);
  const named = Object.entries(also).filter(([, expr]) => expr);
  const alias = (name: string) => ident(db, `also_${name}`);
  const sql =
    `SELECT i.*, ${calendarVersionSql(db)}, ${settingsVersionSql(db)}${next ? `, ${next} AS ${ident(db, 'nextBookingId')}` : ''}` +
    named.map(([name, expr]) => `, ${expr} AS ${alias(name)}`).join('') +
    ` FROM ${table(db, 'serviceItems')} i WHERE i.${column(db, 'serviceItems', 'id')} = ?`;
  // mapToModel: the row becomes a serviceItems instance (JSON and boolean columns parsed as findOne does).
  const [item]: any[] = await db.sequelize.query(sql, {
    model: db.getModel('serviceItems'), mapToModel: true, type: 'SELECT' as any, replacements: [itemId], transaction,
  } as any);
  if (!item) throw notFound();
  const extra = item.dataValues;
  const prefetched = {
    item,
    calendarVersion: calendarVersionOf(extra),
    settingsVersion: settingsVersionOf(extra),
    nextBookingId: next ? Number(extra.nextBookingId) : null,
    also: Object.fromEntries(named.map(([name]) => [name, extra[`also_${name}`]])),
  };
  const facts = ['calendarDaysN', 'calendarDaysT', 'calendarYearsN', 'calendarYearsT', 'settingsN', 'settingsR', 'settingsT', 'nextBookingId'];
  for (const k of [...facts, ...named.map(([name]) => `also_${name}`)]) delete extra[k];
  return prefetched;
}
