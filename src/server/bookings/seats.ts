// Seats of a slot (R-HOL-5). A seat is a row with a unique (slotKey, seatNo); INSERT … ON CONFLICT
// DO NOTHING (sequelize's ignoreDuplicates, on SQLite, PostgreSQL and MariaDB alike) either gets it
// or leaves the transaction usable to try the next seat — capacity holds under any concurrency.
// claimSeat picks the free seat in the INSERT itself; the unique index still has the last word.
import type { Database, Transaction } from '@nocobase/database';
import { column, table as tableOf } from '../shared/sql';

/** Tries seats 1…capacity in turn, one INSERT each, until one is free (every dialect; the fallback of claimSeat). */
export async function takeSeat(
  db: Database, slotKey: string, capacity: number, bookingId: number, transaction: Transaction,
): Promise<number | null> {
  const Seat = db.getModel('slotSeats');
  for (let seatNo = 1; seatNo <= capacity; seatNo++) {
    // No read-back: sequelize gives the returned instance an id only for a row actually inserted
    // (SQLite: statement `changes`, PostgreSQL: RETURNING rows, MariaDB: affectedRows), so a null
    // id means the unique index refused the seat. Verified on SQLite and PostgreSQL (6.37).
    const [seat] = await Seat.bulkCreate([{ slotKey, seatNo, bookingId }], { ignoreDuplicates: true, transaction });
    if (seat?.get('id') != null) return seatNo;
  }
  return null;
}

export interface SeatClaim {
  seatNo: number | null;
  /** The value of `also` (PostgreSQL): read in the seat's statement, so it sees what was committed before it began. */
  also?: unknown;
}

/**
 * The slot's first free seat in ONE statement on SQLite and PostgreSQL (issue 14): the INSERT picks
 * the lowest seat number no row holds, so a second or third booking of a slot costs no refused
 * INSERTs. The unique index still decides: if a concurrent registration took that seat between
 * the pick and the write (PostgreSQL), nothing is inserted and the seats are tried in turn.
 * `also` (PostgreSQL only): one more expression to select in that statement (R-HOL-6's read, heldSql).
 */
export async function claimSeat(
  db: Database, slotKey: string, capacity: number, bookingId: number, transaction: Transaction, also?: string | null,
): Promise<SeatClaim> {
  const dialect = db.sequelize.getDialect();
  // (PostgreSQL with `also`: the statement still runs, for `also`; its series of seats is empty.)
  if (capacity < 1 && !(also && dialect === 'postgres')) return { seatNo: null };
  if (dialect !== 'postgres' && dialect !== 'sqlite') return { seatNo: await takeSeat(db, slotKey, capacity, bookingId, transaction) };
  const col = (a: string) => column(db, 'slotSeats', a);
  const table = tableOf(db, 'slotSeats');
  const cols = ['slotKey', 'seatNo', 'bookingId', 'createdAt', 'updatedAt'].map(col).join(', ');
  const taken = `SELECT ${col('seatNo')} FROM ${table} WHERE ${col('slotKey')} = :key`;
  const replacements = { key: slotKey, capacity: Math.floor(capacity), booking: bookingId, now: new Date() };
  if (dialect === 'sqlite') {
    // The write lock queues SQLite's writes (shared/acting.ts): nothing can take the seat in between.
    const sql = `WITH RECURSIVE seat(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seat WHERE n < :capacity) ` +
      `INSERT INTO ${table} (${cols}) SELECT :key, n, :booking, :now, :now FROM seat WHERE n NOT IN (${taken}) ORDER BY n LIMIT 1 ` +
      `ON CONFLICT DO NOTHING RETURNING ${col('seatNo')} AS "seatNo"`;
    const [row]: any[] = await db.sequelize.query(sql, { replacements, type: 'SELECT' as any, transaction });
    return { seatNo: row ? Number(row.seatNo) : null };
  }
  const sql = `WITH free AS (SELECT n FROM generate_series(1, :capacity) AS n WHERE n NOT IN (${taken}) ORDER BY n LIMIT 1), ` +
    `ins AS (INSERT INTO ${table} (${cols}) SELECT :key, n, :booking, :now, :now FROM free ON CONFLICT DO NOTHING RETURNING ${col('seatNo')}) ` +
    `SELECT (SELECT ${col('seatNo')} FROM ins) AS "seatNo", (SELECT COUNT(*) FROM free) AS "free"${also ? `, ${also} AS "also"` : ''}`;
  const [row]: any[] = await db.sequelize.query(sql, { replacements, type: 'SELECT' as any, transaction });
  if (row.seatNo !== null) return { seatNo: Number(row.seatNo), also: row.also };
  // No seat was free, or a concurrent registration won the one picked: the seats in turn decide.
  return { seatNo: Number(row.free) ? await takeSeat(db, slotKey, capacity, bookingId, transaction) : null, also: row.also };
}

export async function releaseSeat(db: Database, bookingId: number, transaction: Transaction) {
  await db.getModel('slotSeats').destroy({ where: { bookingId }, transaction });
}

/** Seats taken per start time, for the slots of one item at one window (for "next free" hints). */
export async function takenByStart(db: Database, prefix: string, transaction?: Transaction) {
  const rows: any[] = await db.getRepository('slotSeats').find({ filter: { slotKey: { $startsWith: prefix } }, transaction });
  const taken = new Map<string, number>();
  for (const r of rows) {
    const start = String(r.get('slotKey')).slice(prefix.length);
    taken.set(start, (taken.get(start) ?? 0) + 1);
  }
  return taken;
}
