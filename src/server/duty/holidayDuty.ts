// R-PRE-2 holiday duty from bookings: whenever a booking's handlers or time may have changed, its
// holiday duty shifts are brought in step (one per handler, covering the agreed time) inside the
// booking action's own transaction; a completed booking also updates its handlers' comp time.
import type { Database, Transaction } from '@nocobase/database';
import { shanghaiDate } from '../../rules/calendar';
import { holidayDutyFor, syncHolidayDuty } from '../../rules/roster';
import { syncEarned } from './compTime';
import { insertShifts } from './roster';
import { factsLoadedWith } from '../bookings/engine';

/** Booking actions after which the duty can differ (register/dispatch/logContact cannot change it). */
const DUTY_ACTIONS = new Set(['signFor', 'assignHandlers', 'decideReschedule', 'cancel', 'complete', 'correctServedTime', 'abandon']);

/** Whether the booking's holiday duty follows `action` (the engine then reads the shifts with the booking). */
export const dutyFollows = (action: string) => DUTY_ACTIONS.has(action);

/**
 * `loaded`: the booking as the action just saved it (bookings/engine.ts recordEvent), else read
 * here; its holiday shifts too when they were read with it (no step writes shifts in between).
 */
export async function syncBookingDuty(db: Database, bookingId: number, transaction?: Transaction, loaded?: any) {
  const b: any = loaded ? loaded.get({ plain: true }) : await db.getModel('bookings').findByPk(bookingId, { raw: true, transaction } as any);
  if (!b) return;
  const wanted = holidayDutyFor(b);
  const Shift = db.getModel('dutyShifts');
  const facts = factsLoadedWith(loaded);
  const existing: any[] = facts?.holidayShifts
    ?? await Shift.findAll({ where: { bookingId, kind: 'holiday' }, raw: true, transaction } as any);
  // Used once: what this sync writes makes them stale for another step on the same instance.
  if (facts) delete facts.holidayShifts;
  const plan = syncHolidayDuty(wanted, existing);
  // Holiday shifts are published at once: the booking is the roster's decision (signed for by the lead).
  await insertShifts(db, plan.create, transaction as Transaction, 'published');
  for (const u of plan.update) {
    await Shift.update(
      { date: u.shift.date, plannedStart: u.shift.plannedStart, plannedEnd: u.shift.plannedEnd, windowId: u.shift.windowId, status: 'published' },
      { where: { id: u.id }, transaction } as any,
    );
  }
  if (plan.cancel.length) await Shift.update({ status: 'cancelled' }, { where: { id: plan.cancel }, transaction } as any);
  return { wanted, ...plan };
}

export function registerHolidayDuty(db: Database) {
  db.on('bookingEvents.afterCreate', async (event: any, options: any) => {
    const action = event.get('action');
    if (!dutyFollows(action)) return;
    const bookingId = Number(event.get('bookingId'));
    const loaded = Number(options?.booking?.get?.('id')) === bookingId ? options.booking : undefined;
    await syncBookingDuty(db, bookingId, options?.transaction, loaded);
    if (action === 'complete' || action === 'correctServedTime') {
      // R-X-6 the ledger follows the served time: one row per booking and handler, recomputed for
      // the day served (and, after a correction, the day the old times were on), never added twice.
      const b: any = loaded ? loaded.get({ plain: true }) : await db.getModel('bookings').findByPk(bookingId, { raw: true, transaction: options?.transaction } as any);
      const before = event.get('data')?.before?.actualStart;
      const days = [b.actualStart, before].filter(Boolean).map((t) => shanghaiDate(new Date(t)));
      for (const u of [b.handler1Id, b.handler2Id].filter(Boolean)) {
        await syncEarned(db, Number(u), days, options?.transaction);
      }
    }
  });
}
