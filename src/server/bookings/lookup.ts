// GET bookings:lookup?q=<booking number | the applicant's full phone number> — the desk's look-up
// (R-X-2): exact match only, the caller states what they look for. A number found by phone shows
// the number the caller stated, never another; by booking number the field policy decides. Every
// row is one the policy lets this actor read (desk, section, chief, admin: all; window roles: theirs).
import type { Context, Next } from '@nocobase/actions';
import type { Plugin } from '@nocobase/server';
import { RuleViolation } from '../../rules/errors';
import { mayDo } from '../../rules/policy';
import { normalizePhone } from '../../rules/phone';
import { readerOf, shapeBooking } from './reads';
import { PHONE_HASH, PHONE_SEALED, phoneHash } from './phoneVault';
import { actionInput } from '../actions/input';

const BOOKING_NUMBER = /^YY-\d{4}-\d{6}$/;
const LIMIT = 50;

/** What the caller looks for: a booking number, or a phone number in its canonical form. */
export function lookupQuery(q: unknown): { number: string } | { phone: string } {
  const text = typeof q === 'string' ? q.normalize('NFKC').trim() : '';
  if (BOOKING_NUMBER.test(text.toUpperCase())) return { number: text.toUpperCase() };
  try {
    return { phone: normalizePhone(text) };
  } catch {
    throw new RuleViolation('LOOKUP_QUERY_INVALID', { value: text.slice(0, 40) });
  }
}

const FIELDS = ['id', 'number', 'status', 'applicantName', 'applicantPhone', 'appointmentStart', 'appointmentEnd', 'channel', 'recordedAt',
  'recorderId', 'handler1Id', 'handler2Id', 'windowId', PHONE_SEALED];

async function lookup(ctx: Context & any, next: Next) {
  const query = lookupQuery(actionInput(ctx).q);
  const filter = 'number' in query ? { number: query.number } : { [PHONE_HASH]: phoneHash(query.phone) };
  const rows: any[] = await ctx.db.getRepository('bookings').find({
    filter, fields: FIELDS, appends: ['serviceItem', 'window', 'dispatches'], sort: ['-appointmentStart', '-id'], limit: LIMIT,
  });
  const actor = await readerOf(ctx);
  const facts = (b: any) => ({
    recorderId: b.get('recorderId'), handler1Id: b.get('handler1Id'), handler2Id: b.get('handler2Id'), windowId: b.get('windowId'),
    dispatches: (b.get('dispatches') ?? []).map((d: any) => ({ windowId: d.get('windowId'), role: d.get('role') })),
  });
  ctx.body = rows
    .filter((b) => mayDo(actor, facts(b), 'read'))
    .map((b) => {
      const row: any = {
        id: b.get('id'), number: b.get('number'), status: b.get('status'), applicantName: b.get('applicantName'),
        applicantPhone: b.get('applicantPhone'), [PHONE_SEALED]: b.get(PHONE_SEALED),
        serviceItem: b.get('serviceItem') ? { id: b.get('serviceItem').get('id'), name: b.get('serviceItem').get('name') } : null,
        window: b.get('window') ? { id: b.get('window').get('id'), name: b.get('window').get('name') } : null,
        appointmentStart: b.get('appointmentStart'), appointmentEnd: b.get('appointmentEnd'), channel: b.get('channel'),
        recordedAt: b.get('recordedAt'),
      };
      // By phone the caller already knows the number: show what they stated. By booking number: the policy.
      if ('phone' in query) {
        row.applicantPhone = query.phone;
        delete row[PHONE_SEALED];
      } else shapeBooking(actor, row, { ...facts(b), [PHONE_SEALED]: b.get(PHONE_SEALED) });
      return row;
    });
  await next();
}

export function registerBookingLookup(plugin: Plugin) {
  plugin.app.resourceManager.registerActionHandlers({ 'bookings:lookup': lookup });
  plugin.app.acl.allow('bookings', ['lookup'], 'loggedIn');
}
