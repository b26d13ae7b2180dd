// Resource `rectificationCases` (整改, R-AFT-2): the responsible window records steps and the callback
// to the applicant; its lead or the section closes the case. `checkOverdue` runs the overdue check
// now (the same check runs on every read of the list, before statistics and on a timer).
import type { Context, Next } from '@nocobase/actions';
import { CaseAction } from '../../rules/aftercare';
import { roleIn, withActing } from '../aftercare/acting';
import { clock } from '../shared/clock';
import { actOnCase, CaseCollection } from '../aftercare/cases';
import { markOverdue } from '../aftercare/overdue';
import { actorOf } from '../shared/acting';
import { actionInput } from './input';

export const caseAction = (collection: CaseCollection, action: CaseAction) => async (ctx: Context, next: Next) => {
  const v = actionInput(ctx);
  ctx.body = await withActing(ctx, (a) => actOnCase(a, collection, v.filterByTk, action, v));
  await next();
};

/** Section/admin: flag overdue cases now; answers how many were flagged by this call. */
export async function checkOverdue(ctx: Context, next: Next) {
  roleIn(await actorOf(ctx, undefined, { windows: false }), ['admin', 'section', 'sectionChief'], 'checkOverdue');
  ctx.body = { flagged: await markOverdue(ctx.app, ctx.db, clock.now()) };
  await next();
}

export const CASE_ACTIONS = {
  addStep: caseAction('rectificationCases', 'addStep'),
  recordCallback: caseAction('rectificationCases', 'recordCallback'),
  close: caseAction('rectificationCases', 'close'),
  checkOverdue,
};
