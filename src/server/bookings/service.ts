// The booking engine's adapter: every lifecycle action goes through `act`, which loads the booking
// under the transaction, asks the pure state machine (src/rules/booking.ts) whether this actor may
// do this from the current status, applies the change and writes the audit trail (R-X-1).
import type { Database, Transaction } from '@nocobase/database';
import { RuleViolation } from '../../rules/errors';
import { recordId } from '../../rules/input';
import { BookingAction, BookingStatus, transition } from '../../rules/booking';
import { Actor, ownsWindow, Role } from './context';

export interface Acting {
  db: Database;
  actor: Actor;
  now: Date;
  transaction: Transaction;
}

/** The first of the actor's roles that may do `action` from `status`; else the most telling refusal. */
export function allowedRole(actor: Actor, status: BookingStatus | null, action: BookingAction, reason?: string) {
  let refusal: RuleViolation | null = null;
  for (const role of actor.roles) {
    try {
      transition(status, action, role, { reason });
      return role;
    } catch (e) {
      if (!(e instanceof RuleViolation)) throw e;
      // A status or reason problem says more than "not your role".
      if (!refusal || refusal.status === 403) refusal = e;
    }
  }
  throw refusal ?? new RuleViolation('ROLE_NOT_ALLOWED', { action, role: actor.roles.join(',') || '-' }, 403);
}

export async function loadBooking(db: Database, rawId: unknown, transaction: Transaction) {
  // Only a single positive id: a missing one must not fall through to "the first booking".
  const id = recordId(rawId);
  if (id === null) throw new RuleViolation('BOOKING_NOT_FOUND', { id: String(rawId ?? '').slice(0, 40) }, 404);
  const booking: any = await db.getRepository('bookings').findOne({
    filterByTk: id,
    appends: ['serviceItem', 'dispatches'],
    transaction,
  });
  if (!booking) throw new RuleViolation('BOOKING_NOT_FOUND', { id: String(id ?? '') }, 404);
  return booking;
}

export function bookingWindows(booking: any): number[] {
  const ids = (booking.get('dispatches') ?? []).map((d: any) => Number(d.get('windowId')));
  if (booking.get('windowId')) ids.push(Number(booking.get('windowId')));
  return [...new Set<number>(ids)];
}

export async function recordEvent(
  a: Acting, booking: any, action: string, from: string | null, to: string, role: Role,
  extra: { reason?: string; data?: Record<string, unknown> } = {},
) {
  // The model, not the repository: an audit row has no associations to write, and the repository's
  // extra work (value guards, association updates) doubled its cost. Model hooks (afterCreate, which
  // the duty and workflow features listen to) fire as before.
  await a.db.getModel('bookingEvents').create(
    {
      bookingId: booking.get('id'), action, fromStatus: from, toStatus: to, byId: a.actor.userId, role,
      at: a.now, reason: extra.reason ?? null, data: extra.data ?? null,
    },
    { transaction: a.transaction },
  );
}

/**
 * Runs one lifecycle action on an existing booking: permission (state machine + own window),
 * the action's own changes, the new status and the audit event — all or nothing.
 */
export async function act(
  a: Acting,
  id: unknown,
  action: BookingAction,
  opts: { reason?: string; windowIds?: (booking: any) => number[] },
  apply: (booking: any, role: Role) => Promise<Record<string, unknown> | void>,
) {
  const booking = await loadBooking(a.db, id, a.transaction);
  const from = booking.get('status') as BookingStatus;
  const role = allowedRole(a.actor, from, action, opts.reason);
  const windows = (opts.windowIds ?? bookingWindows)(booking);
  if (!ownsWindow(a.actor, role, windows)) {
    throw new RuleViolation('NOT_YOUR_WINDOW', { number: booking.get('number') }, 403);
  }
  const { to } = transition(from, action, role, { reason: opts.reason });
  const data = (await apply(booking, role)) || undefined;
  const status = ((to as string) === 'same' ? from : to) as BookingStatus;
  if (status !== from) {
    await a.db.getRepository('bookings').update({ filterByTk: booking.get('id'), values: { status }, transaction: a.transaction });
  }
  await recordEvent(a, booking, action, from, status, role, { reason: opts.reason, data: data as any });
  return loadBooking(a.db, booking.get('id'), a.transaction);
}
