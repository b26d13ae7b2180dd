// What a workflow sees of a booking: the row with its item, window (and lead), handlers and
// per-window dispatches — the same shape for both triggers, so nodes use the same variables.
import type { Database, Transaction } from '@nocobase/database';

export const BOOKING_APPENDS = ['serviceItem', 'window', 'handler1', 'handler2', 'dispatches'];

export async function bookingJson(db: Database, id: number, transaction?: Transaction) {
  const booking: any = await db.getRepository('bookings').findOne({ filterByTk: id, appends: BOOKING_APPENDS, transaction });
  return booking ? booking.toJSON() : null;
}

/** The booking's windows: the lead window and every dispatched (cooperating) window. */
export function windowsOf(json: any): number[] {
  const ids = (json?.dispatches ?? []).map((d: any) => Number(d.windowId));
  if (json?.windowId) ids.push(Number(json.windowId));
  return [...new Set<number>(ids)];
}
