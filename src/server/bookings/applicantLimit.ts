// R-HOL-6 on the server: the same number's open bookings (by the keyed hash, phoneVault.ts) read
// in the booking's transaction, then the pure rule. Called from register and an approved reschedule.
import { Op } from '@nocobase/database';
import type { Database, Transaction } from '@nocobase/database';
import { OPEN_STATUSES, checkApplicantLimit } from '../../rules/applicantLimit';
import type { HolidayPeriod } from '../../rules/calendar';
import type { DutySettings } from '../../rules/settings';
import { PHONE_HASH, phoneHash } from './phoneVault';
import { column, table } from '../shared/sql';

export interface ApplicantCheck {
  /** The number as typed (register) or the booking's stored hash (reschedule). */
  phone?: unknown;
  hash?: string | null;
  reg: { start: Date; end: Date; holidayPeriod?: HolidayPeriod | null };
  settings: DutySettings;
  /** The booking being moved: not counted against itself. */
  excludeId?: number | null;
}

/** `turnTaken`: the caller's earlier statement took this number's turn already (applicantTurnSql). */
export async function checkApplicantBookings(db: Database, transaction: Transaction, c: ApplicantCheck & { turnTaken?: boolean }) {
  const hash = c.hash ?? (c.phone !== undefined ? phoneHash(c.phone) : null);
  if (!hash) return;
  if (!c.turnTaken) await takeApplicantTurn(db, hash, transaction);
  const where: any = { [PHONE_HASH]: hash, status: [...OPEN_STATUSES] };
  if (c.excludeId) where.id = { [Op.ne]: c.excludeId };
  // The model, raw: four columns of a few rows need no repository filter parsing nor instances.
  const held: any[] = await db.getModel('bookings').findAll({
    where, attributes: ['id', 'number', 'appointmentStart', 'appointmentEnd'], raw: true, transaction,
  } as any);
  checkHeld(held.map((b) => ({ number: b.number, start: b.appointmentStart, end: b.appointmentEnd })), c);
}

/**
 * The same read as one expression of another statement (register saves a statement with it): the
 * number's open bookings as a JSON array of {number, start, end}. Where it may run: after the
 * number's turn is taken (SQLite: always, its writes take turns; PostgreSQL: in a statement after
 * the one taking applicantTurnSql). Null on other dialects, which read with checkApplicantBookings.
 */
export function heldSql(db: Database, phone: unknown, excludeId?: number | null): string | null {
  const dialect = db.sequelize.getDialect();
  if ((dialect !== 'postgres' && dialect !== 'sqlite') || phone === undefined) return null;
  const col = (a: string) => column(db, 'bookings', a);
  const [agg, obj] = dialect === 'postgres' ? ['json_agg', 'json_build_object'] : ['json_group_array', 'json_object'];
  const esc = (v: unknown) => db.sequelize.escape(v as any);
  return `(SELECT ${agg}(${obj}('number', ${col('number')}, 'start', ${col('appointmentStart')}, 'end', ${col('appointmentEnd')})) ` +
    `FROM ${table(db, 'bookings')} WHERE ${col(PHONE_HASH)} = ${esc(phoneHash(phone))} ` +
    `AND ${col('status')} IN (${OPEN_STATUSES.map(esc).join(', ')})` +
    (excludeId ? ` AND ${col('id')} <> ${Number(excludeId)}` : '') + ')';
}

/** R-HOL-6 on what heldSql (a JSON array, or its text; null: none held) or the model read returned. */
export function checkHeld(raw: unknown, c: Pick<ApplicantCheck, 'reg' | 'settings'>) {
  const list: any[] = raw === null || raw === undefined ? [] : typeof raw === 'string' ? JSON.parse(raw) : (raw as any[]);
  checkApplicantLimit({
    start: c.reg.start, end: c.reg.end, period: c.reg.holidayPeriod ?? null, max: c.settings.maxOpenBookingsPerPeriod,
    held: list.map((b) => ({ number: b.number, start: new Date(b.start), end: new Date(b.end) })),
  });
}

/**
 * PostgreSQL: the turn as an expression another statement can select, so that register takes it in
 * its one prefetch read (bookings/prefetch.ts) instead of a statement of its own. The lock is held
 * once that statement has run, before the read of the number's bookings starts (which, at READ
 * COMMITTED, then sees what the previous holder committed). Null on other dialects.
 */
export function applicantTurnSql(db: Database, phone: unknown): string | null {
  if (db.sequelize.getDialect() !== 'postgres' || phone === undefined) return null;
  const hash = phoneHash(phone);
  return hash ? `pg_advisory_xact_lock(hashtext(${db.sequelize.escape(`govhall-applicant:${hash}`)}))` : null;
}

/**
 * Server databases run registrations concurrently: one number's checks take turns, so that two
 * requests cannot both see "nothing held". Both locks last until the transaction ends; the read
 * after them sees what the other committed (PostgreSQL's and, for our write transactions,
 * MariaDB's READ COMMITTED: shared/acting.ts). SQLite's writes take turns already (sqliteTurns.ts).
 */
async function takeApplicantTurn(db: Database, hash: string, transaction: Transaction) {
  const dialect = db.sequelize.getDialect();
  if (dialect === 'postgres') {
    await db.sequelize.query('SELECT pg_advisory_xact_lock(hashtext(?))', { replacements: [`govhall-applicant:${hash}`], transaction });
  } else if (dialect === 'mariadb' || dialect === 'mysql') {
    const col = (a: string) => column(db, 'applicantLocks', a);
    const now = new Date();
    await db.sequelize.query(
      `INSERT INTO ${table(db, 'applicantLocks')} (${col('hash')}, ${col('createdAt')}, ${col('updatedAt')}) ` +
        `VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE ${col('updatedAt')} = VALUES(${col('updatedAt')})`,
      { replacements: [hash, now, now], transaction },
    );
  }
}
