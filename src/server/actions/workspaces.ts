// Resource `workspaces`: read-only views the role workspaces need and the stock bookings:list cannot
// give, because the roles have no ACL grant on the collections behind them (bookingEvents,
// bookingContacts, rescheduleRequests, bookingDispatches, users). Each answer is scoped here by the
// access policy as every other read (R-X-2, src/rules/policy.ts): the timeline only for relations that
// may read it, the applicant's phone in full only where the policy says so (the mask otherwise).
import type { Context, Next } from '@nocobase/actions';
import type { Database } from '@nocobase/database';
import type { Plugin } from '@nocobase/server';
import { RuleViolation } from '../../rules/errors';
import { rescheduleDeadline } from '../../rules/booking';
import { fieldVisibility, mayDo } from '../../rules/policy';
import { recordId } from '../../rules/input';
import type { DutySettings } from '../../rules/settings';
import { loadSettings } from '../settings/store';
import { Actor, actorOf } from '../shared/acting';
import { clock } from '../shared/clock';
import { fullPhoneOf } from '../bookings/phoneVault';
import { actionInput } from './input';

const SECTION_ROLES = ['admin', 'section', 'sectionChief'];
const OPEN_STATUSES = ['registered', 'dispatched', 'signedFor', 'contacted', 'inService'];
export const WORKSPACE_ACTIONS = ['me', 'timeline', 'reschedules', 'cooperation'];


const userOf = (u: any) => (u ? { id: u.get('id'), nickname: u.get('nickname') || u.get('username') } : null);
const windowOf = (w: any) => (w ? { id: w.get('id'), code: w.get('code'), name: w.get('name') } : null);

const factsOf = (b: any, dispatches: any[] = []) => ({
  recorderId: b.get('recorderId'), handler1Id: b.get('handler1Id'), handler2Id: b.get('handler2Id'), windowId: b.get('windowId'),
  dispatches: dispatches.map((d: any) => ({ windowId: d.get('windowId'), role: d.get('role') })),
});

/** The stored row holds the mask; the full number is opened only where the policy shows it. */
function phoneFor(actor: Actor, booking: any): string {
  return fieldVisibility(actor, factsOf(booking), 'applicantPhone') === 'full' ? fullPhoneOf(booking) : booking.get('applicantPhone');
}

/** The booking as the workspaces show it in a list row (no foreign keys beyond what a row needs). */
function bookingRow(actor: Actor, b: any) {
  return {
    id: b.get('id'), number: b.get('number'), status: b.get('status'), kind: b.get('kind'),
    applicantName: b.get('applicantName'), applicantPhone: phoneFor(actor, b), applicantUnit: b.get('applicantUnit'),
    appointmentStart: b.get('appointmentStart'), appointmentEnd: b.get('appointmentEnd'),
    serviceItem: b.get('serviceItem') ? { id: b.get('serviceItem').get('id'), name: b.get('serviceItem').get('name') } : null,
    window: windowOf(b.get('window')),
  };
}


async function windowsOfUser(db: Database, ids: number[]) {
  if (!ids.length) return [];
  return (await db.getRepository('windows').find({ filter: { id: ids }, sort: ['code'] })).map(windowOf);
}

/** GET workspaces:me — who I am in the booking workflow: roles, windows I lead and staff. */
async function me(ctx: Context, next: Next) {
  const actor = await actorOf(ctx);
  const user = ctx.state.currentUser;
  ctx.body = {
    userId: actor.userId, nickname: user?.nickname || user?.username, roles: actor.roles,
    leads: await windowsOfUser(ctx.db, actor.leads), staffs: await windowsOfUser(ctx.db, actor.staffs),
  };
  await next();
}

/** GET workspaces:timeline?filterByTk=<booking id> — status changes, contacts and reschedules of one booking. */
async function timeline(ctx: Context, next: Next) {
  const actor = await actorOf(ctx);
  const v = actionInput(ctx);
  const id = recordId(v.filterByTk);
  const booking: any = id === null ? null : await ctx.db.getRepository('bookings').findOne({
    filterByTk: id, appends: ['serviceItem', 'window', 'dispatches'],
  });
  if (!booking) throw new RuleViolation('BOOKING_NOT_FOUND', { id: String(v.filterByTk ?? '').slice(0, 40) }, 404);
  if (!mayDo(actor, factsOf(booking, booking.get('dispatches') ?? []), 'readTimeline')) throw new RuleViolation('NOT_YOUR_WINDOW', { number: booking.get('number') }, 403);
  const byBooking = { filter: { bookingId: id }, sort: ['id'] };
  const settings = await loadSettings(ctx.db);
  const [events, contacts, reschedules] = await Promise.all([
    ctx.db.getRepository('bookingEvents').find({ ...byBooking, appends: ['by'] }),
    ctx.db.getRepository('bookingContacts').find({ ...byBooking, appends: ['by'] }),
    ctx.db.getRepository('rescheduleRequests').find({ ...byBooking, appends: ['requestedBy', 'decidedBy'] }),
  ]);
  ctx.body = {
    booking: bookingRow(actor, booking),
    events: events.map((e: any) => ({
      id: e.get('id'), action: e.get('action'), fromStatus: e.get('fromStatus'), toStatus: e.get('toStatus'),
      role: e.get('role'), at: e.get('at'), reason: e.get('reason'), by: userOf(e.get('by')),
    })),
    contacts: contacts.map((c: any) => ({
      id: c.get('id'), at: c.get('at'), by: userOf(c.get('by')), result: c.get('result'),
      materialsNoticeGiven: !!c.get('materialsNoticeGiven'), confirmedStart: c.get('confirmedStart'), note: c.get('note'),
    })),
    reschedules: reschedules.map((r: any) => rescheduleRow(r, settings)),
  };
  await next();
}

function rescheduleRow(r: any, settings: DutySettings) {
  return {
    id: r.get('id'), kind: r.get('kind'), reason: r.get('reason'), requestedAt: r.get('requestedAt'),
    requestedBy: userOf(r.get('requestedBy')), originalStart: r.get('originalStart'), proposedStart: r.get('proposedStart'),
    decision: r.get('decision'), decidedAt: r.get('decidedAt'), decidedBy: userOf(r.get('decidedBy')),
    decisionNote: r.get('decisionNote'), reportedToSection: !!r.get('reportedToSection'),
    deadline: rescheduleDeadline(new Date(r.get('originalStart')), settings),
  };
}

/**
 * GET workspaces:reschedules?decision=pending — the section's approval inbox (R-RSC-2/3). Each row
 * carries the 12 h deadline and whether an ordinary approval is still possible now.
 */
async function reschedules(ctx: Context, next: Next) {
  const actor = await actorOf(ctx, undefined, { windows: false });
  if (!actor.roles.some((r) => SECTION_ROLES.includes(r))) {
    throw new RuleViolation('ROLE_NOT_ALLOWED', { action: 'reschedules', role: actor.roles.join(',') || '-' }, 403);
  }
  const v = actionInput(ctx);
  const decision = ['pending', 'approved', 'rejected'].includes(v.decision) ? v.decision : 'pending';
  const now = clock.now();
  const rows = await ctx.db.getRepository('rescheduleRequests').find({
    filter: { decision }, sort: decision === 'pending' ? ['originalStart'] : ['-decidedAt'], limit: 200,
    appends: ['requestedBy', 'decidedBy', 'booking', 'booking.serviceItem', 'booking.window'],
  });
  const settings = await loadSettings(ctx.db);
  ctx.body = rows.map((r: any) => {
    const row = rescheduleRow(r, settings);
    return { ...row, booking: bookingRow(actor, r.get('booking')),
      ordinaryApprovalOpen: row.kind === 'forceMajeure' || now.getTime() <= row.deadline.getTime() };
  });
  await next();
}

/** GET workspaces:cooperation — dispatches to windows I lead as a cooperating window (R-DSP-3). */
async function cooperation(ctx: Context, next: Next) {
  const actor = await actorOf(ctx);
  if (!actor.leads.length) {
    ctx.body = [];
    return next();
  }
  const rows = await ctx.db.getRepository('bookingDispatches').find({
    filter: { role: 'cooperating', windowId: actor.leads, 'booking.status': OPEN_STATUSES },
    sort: ['-id'], limit: 200,
    appends: ['window', 'signedForBy', 'booking', 'booking.serviceItem', 'booking.window'],
  });
  ctx.body = rows.map((d: any) => ({
    id: d.get('id'), window: windowOf(d.get('window')), dispatchedAt: d.get('dispatchedAt'),
    signedForAt: d.get('signedForAt'), signedForBy: userOf(d.get('signedForBy')),
    booking: bookingRow(actor, d.get('booking')),
  }));
  await next();
}

export const workspacesResource = {
  name: 'workspaces',
  actions: { me, timeline, reschedules, cooperation },
};

/** Wiring: the resource and who may call it (any signed-in user; each action scopes its answer). */
export function registerWorkspaces(plugin: Plugin) {
  plugin.app.resourceManager.define(workspacesResource as any);
  plugin.app.acl.allow('workspaces', WORKSPACE_ACTIONS, 'loggedIn');
}
