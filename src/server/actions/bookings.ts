// Resource `bookings`: HTTP adapters of the booking service (src/server/bookings/service.ts) —
// request → input shapes → the signed-in actor, now and one write transaction → the service.
// Who may do what is the access policy's (src/rules/policy.ts); the ACL only requires a
// signed-in user for these actions so that every refusal has one clear source.
import type { Context, Next } from '@nocobase/actions';
import { RuleViolation } from '../../rules/errors';
import { optionalText } from '../../rules/input';
import * as service from '../bookings/service';
import { Acting, WindowsLookup, withActing } from '../shared/acting';
import { actionInput } from './input';

// Free-text inputs: text of bounded length or nothing — never coerced ("[object Object]").
const TEXT_FIELDS = ['applicantUnit', 'notes', 'reason', 'note', 'outcome', 'result'];

function checkShapes(v: any) {
  for (const f of TEXT_FIELDS) optionalText(f, v[f]);
  if (v.applicantName !== undefined && v.applicantName !== null && typeof v.applicantName !== 'string') {
    throw new RuleViolation('FIELD_NOT_TEXT', { field: 'applicantName' });
  }
}

const adapter = (fn: (a: Acting, v: any) => Promise<any>, opts?: { windows?: WindowsLookup }) => async (ctx: Context, next: Next) => {
  const v = actionInput(ctx);
  checkShapes(v);
  ctx.body = await withActing(ctx, (a) => fn(a, v), opts);
  await next();
};

/**
 * The booking a step acts on is `?filterByTk=`; the rest of the input goes to the service as is.
 * The actor's windows are read with that booking (engine.ts loadBooking): one query fewer per step.
 */
const on = (fn: (a: Acting, v: any) => Promise<any>) => adapter((a, v) => fn(a, { ...v, bookingId: v.filterByTk }), { windows: 'withBooking' });

export const BOOKING_ACTIONS = {
  // register's permission is the role alone: no window look-ups (kept as cheap as a plain create).
  register: adapter(service.register, { windows: false }),
  dispatch: on(service.dispatch),
  signFor: on(service.signFor),
  signForCooperation: on(service.signForCooperation),
  assignHandlers: on(service.assignHandlers),
  logContact: on(service.logContact),
  requestReschedule: on(service.requestReschedule),
  decideReschedule: on(service.decideReschedule),
  arrive: on(service.arrive),
  complete: on(service.complete),
  correctServedTime: on(service.correctServedTime),
  abandon: on(service.abandon),
  cancel: on(service.cancel),
};
