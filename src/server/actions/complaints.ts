// Resource `complaints` (投诉, R-AFT-2): filed by the section (from a visit, the phone, or on its
// own), against a window (the booking's unless named) and optionally a person; handled with the
// same deadline, steps, callback and close as rectification cases.
import type { Context, Next } from '@nocobase/actions';
import { checkComplaint, COMPLAINT_SOURCES } from '../../rules/aftercare';
import { RuleViolation } from '../../rules/errors';
import { optionalText, recordId } from '../../rules/input';
import { Acting, loadRow, roleIn, withActing } from '../aftercare/acting';
import { openCase } from '../aftercare/cases';
import { caseAction, checkOverdue } from './cases';
import { actionInput } from './input';

async function file(a: Acting, v: any) {
  const role = roleIn(a.actor, ['admin', 'section', 'sectionChief'], 'file');
  const booking = v.bookingId !== undefined && v.bookingId !== null && v.bookingId !== ''
    ? await loadRow(a.db, 'bookings', v.bookingId, a.transaction, 'BOOKING_NOT_FOUND') : null;
  let windowId: number | null = booking ? Number(booking.get('windowId')) || null : null;
  if (v.windowId !== undefined && v.windowId !== null && v.windowId !== '') {
    windowId = Number((await loadRow(a.db, 'windows', v.windowId, a.transaction, 'WINDOW_NOT_FOUND')).get('id'));
  }
  const againstUserId = v.againstUserId ? recordId(v.againstUserId) : null;
  if (v.againstUserId && (!againstUserId || !(await a.db.getRepository('users').count({ filter: { id: againstUserId }, transaction: a.transaction })))) {
    throw new RuleViolation('USER_NOT_FOUND', { id: String(v.againstUserId).slice(0, 40) });
  }
  const subject = optionalText('subject', v.subject);
  checkComplaint({ source: v.source, subject, windowId });
  return openCase(a, 'complaints', {
    source: v.source as (typeof COMPLAINT_SOURCES)[number], subject, complainantName: optionalText('complainantName', v.complainantName, 50),
    bookingId: booking?.get('id') ?? null, windowId, againstUserId,
  }, role);
}

export const COMPLAINT_ACTIONS = {
  file: async (ctx: Context, next: Next) => {
    const v = actionInput(ctx);
    ctx.body = await withActing(ctx, (a) => file(a, v));
    await next();
  },
  addStep: caseAction('complaints', 'addStep'),
  recordCallback: caseAction('complaints', 'recordCallback'),
  close: caseAction('complaints', 'close'),
  checkOverdue,
};
