// Resource `followUps` (回访, 好差评; R-AFT-1..2): the section records a visit of a completed booking
// with the applicant's rating; a named bad review opens a rectification case for the window in the
// same transaction. The window may appeal a bad review as malicious; the section chief decides.
import type { Context, Next } from '@nocobase/actions';
import { checkAppeal, checkFollowUp, decideAppeal, isBadReview, opensRectification } from '../../rules/aftercare';
import { shanghaiDate } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import { optionalText } from '../../rules/input';
import { loadCalendar } from '../calendar/store';
import { Acting, assertOwnWindow, loadRow, roleIn, withActing } from '../aftercare/acting';
import { openCase } from '../aftercare/cases';
import { loadAftercareSettings } from '../aftercare/settings';
import { actionInput } from './input';

const SECTION = ['admin', 'section', 'sectionChief'];

function instant(field: string, value: unknown, fallback: Date): Date {
  if (value === undefined || value === null || value === '') return fallback;
  const d = typeof value === 'string' ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime()) || !/[zZ]|[+-]\d{2}:?\d{2}$/.test(String(value))) {
    throw new RuleViolation('INSTANT_INVALID', { field, value: String(value).slice(0, 40) });
  }
  return d;
}

async function record(a: Acting, v: any) {
  const role = roleIn(a.actor, SECTION, 'record');
  const booking = await loadRow(a.db, 'bookings', v.bookingId, a.transaction, 'BOOKING_NOT_FOUND');
  const visitedAt = instant('visitedAt', v.visitedAt, a.now);
  const comments = optionalText('comments', v.comments);
  const serviceEnd = new Date(booking.get('actualEnd') ?? booking.get('appointmentEnd'));
  const settings = await loadAftercareSettings(a.db, { transaction: a.transaction });
  const calendar = await loadCalendar(a.db, { transaction: a.transaction, around: [shanghaiDate(serviceEnd), shanghaiDate(visitedAt)] });
  const { rating } = checkFollowUp(
    { bookingStatus: booking.get('status'), bookingNumber: booking.get('number'), serviceEnd, visitedAt, method: v.method, rating: v.rating, now: a.now },
    calendar, settings,
  );
  if (rating && (await a.db.getRepository('followUps').count({ filter: { ratedBookingId: booking.get('id') }, transaction: a.transaction }))) {
    throw new RuleViolation('RATING_ALREADY_GIVEN', { number: booking.get('number') });
  }
  const anonymous = v.anonymous === true;
  const followUp: any = await a.db.getRepository('followUps').create({
    values: {
      bookingId: booking.get('id'), windowId: booking.get('windowId'), serviceItemId: booking.get('serviceItemId'),
      visitedAt, visitedById: a.actor.userId, method: v.method, rating, ratedBookingId: rating ? booking.get('id') : null,
      anonymous, badReview: isBadReview(rating), comments, malicious: false,
    },
    transaction: a.transaction,
  });
  if (opensRectification(rating, anonymous)) {
    await openCase(a, 'rectificationCases', { followUpId: followUp.get('id'), bookingId: booking.get('id'), windowId: booking.get('windowId') }, role);
  }
  return a.db.getRepository('followUps').findOne({ filterByTk: followUp.get('id'), appends: ['rectificationCase'], transaction: a.transaction });
}

async function appeal(a: Acting, v: any) {
  roleIn(a.actor, ['admin', 'windowLead'], 'appeal');
  const f = await loadRow(a.db, 'followUps', v.filterByTk, a.transaction, 'FOLLOW_UP_NOT_FOUND');
  assertOwnWindow({ ...a.actor, staffs: [] }, f.get('windowId'), `#${f.get('id')}`);
  const reason = optionalText('reason', v.reason);
  checkAppeal({ rating: f.get('rating'), appealStatus: f.get('appealStatus') ?? null }, reason);
  await a.db.getRepository('followUps').update({
    filterByTk: f.get('id'),
    values: { appealStatus: 'pending', appealReason: reason, appealedById: a.actor.userId, appealedAt: a.now },
    transaction: a.transaction,
  });
  return a.db.getRepository('followUps').findOne({ filterByTk: f.get('id'), transaction: a.transaction });
}

async function decide(a: Acting, v: any) {
  roleIn(a.actor, ['admin', 'sectionChief'], 'decideAppeal');
  const f = await loadRow(a.db, 'followUps', v.filterByTk, a.transaction, 'FOLLOW_UP_NOT_FOUND');
  const note = optionalText('note', v.note);
  const decision = decideAppeal({ appealStatus: f.get('appealStatus') ?? null }, v.decision);
  await a.db.getRepository('followUps').update({
    filterByTk: f.get('id'),
    values: { ...decision, appealDecisionNote: note, appealDecidedById: a.actor.userId, appealDecidedAt: a.now },
    transaction: a.transaction,
  });
  return a.db.getRepository('followUps').findOne({ filterByTk: f.get('id'), transaction: a.transaction });
}

const respond = (fn: (a: Acting, v: any) => Promise<any>) => async (ctx: Context, next: Next) => {
  const v = actionInput(ctx);
  ctx.body = await withActing(ctx, (a) => fn(a, v));
  await next();
};

export const FOLLOW_UP_ACTIONS = { record: respond(record), appeal: respond(appeal), decideAppeal: respond(decide) };
