// Seats of a slot (R-HOL-5). A seat is a row with a unique (slotKey, seatNo); INSERT … ON CONFLICT
// DO NOTHING (sequelize's ignoreDuplicates, on SQLite, PostgreSQL and MariaDB alike) either gets it
// or leaves the transaction usable to try the next seat — capacity holds under any concurrency.
import type { Database, Transaction } from '@nocobase/database';

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
