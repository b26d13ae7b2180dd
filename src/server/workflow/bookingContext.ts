// What a workflow sees of a booking: the row with its item, window (and lead), handlers and
// per-window dispatches — the same shape for both triggers, so nodes use the same variables.
import type { Database, Transaction } from '@nocobase/database';
import { fullPhoneOf } from '../bookings/phoneVault';

export const BOOKING_APPENDS = ['serviceItem', 'window', 'handler1', 'handler2', 'dispatches'];

export async function bookingJson(db: Database, id: number, transaction?: Transaction) {
  // One JOIN where the repository's appends made one query per association (six statements per
  // notification). NocoBase's toJSON shapes it alike: hidden fields (a user's password) left out
  // at every level, hasMany sorted by the field's sortBy.
  const booking: any = await db.getModel('bookings').findByPk(id, {
    include: BOOKING_APPENDS.map((association) => ({ association })), transaction,
  } as any);
  // The handlers' reminders read out the number to call (R-PRE-1): the full one, opened here (the row holds the mask).
  return booking ? { ...booking.toJSON(), applicantPhone: fullPhoneOf(booking) } : null;
}

/** The booking's windows: the lead window and every dispatched (cooperating) window. */
export function windowsOf(json: any): number[] {
  const ids = (json?.dispatches ?? []).map((d: any) => Number(d.windowId));
  if (json?.windowId) ids.push(Number(json.windowId));
  return [...new Set<number>(ids)];
}
