// Who may do and see what (R-X-2, R-DSP-2/3, R-PRE-1, R-X-5): the access policy, written once.
// Pure: no NocoBase. The server asks it on every path that reads or changes a booking — lifecycle
// actions, list/get, appends, filters, action responses, exports, workspace look-ups, workflow
// nodes, the demo seed. The state machine (booking.ts TRANSITIONS) keeps the statuses; who may
// move them is decided here, from the actor's *relation* to the booking, not from a role alone.
import type { BookingAction } from './booking';
import { RuleViolation } from './errors';

// ---------- the actor ----------

export type RoleName = 'admin' | 'desk' | 'section' | 'sectionChief' | 'windowLead' | 'windowStaff';

export interface PolicyActor {
  /** Null for a workflow node acting for a role without a configured user. */
  userId: number | null;
  roles: readonly RoleName[];
  /** Windows the actor leads (windows.leadId). */
  leads: readonly number[];
  /** Windows the actor is staff of (windows.staff). */
  staffs: readonly number[];
}

// ---------- the booking as the policy sees it ----------

export interface BookingFacts {
  recorderId?: unknown;
  handler1Id?: unknown;
  handler2Id?: unknown;
  /** The lead window (bookings.windowId). */
  windowId?: unknown;
  /** Its dispatch parts (bookingDispatches): the lead window's and each cooperating window's. */
  dispatches?: readonly { windowId: unknown; role: 'lead' | 'cooperating' | string }[];
}

/**
 * An actor's relations to one booking. Several can hold at once (a window lead who recorded it);
 * every check asks "does any relation allow it".
 */
export const BOOKING_RELATIONS = [
  'admin',
  'desk', // 咨询台: takes bookings, answers callers
  'recorder', // the desk user who recorded this booking (登记人)
  'section', // 政务服务管理科
  'sectionChief', // 科长
  'leadWindowLead', // lead of the booking's lead window (牵头窗口负责人)
  'leadWindowStaff', // staff of the lead window who is not a handler
  'handler', // 经办人 1 or 2
  'coopWindowLead', // lead of a cooperating window (配合窗口): its own dispatch part only
  'coopWindowStaff',
] as const;
export type BookingRelation = (typeof BOOKING_RELATIONS)[number];

const num = (v: unknown) => (v === null || v === undefined || v === '' ? NaN : Number(v));
const isMe = (actor: PolicyActor, v: unknown) => actor.userId !== null && num(v) === actor.userId;

export function bookingRelations(actor: PolicyActor, b: BookingFacts): Set<BookingRelation> {
  const out = new Set<BookingRelation>();
  const roles = new Set(actor.roles);
  if (roles.has('admin')) out.add('admin');
  if (roles.has('desk')) out.add('desk');
  if (roles.has('section')) out.add('section');
  if (roles.has('sectionChief')) out.add('sectionChief');
  if (isMe(actor, b.recorderId)) out.add('recorder');
  if (isMe(actor, b.handler1Id) || isMe(actor, b.handler2Id)) out.add('handler');
  const lead = num(b.windowId);
  if (actor.leads.includes(lead)) out.add('leadWindowLead');
  else if (actor.staffs.includes(lead) && !out.has('handler')) out.add('leadWindowStaff');
  for (const d of b.dispatches ?? []) {
    const w = num(d.windowId);
    if (d.role !== 'cooperating' || w === lead) continue;
    if (actor.leads.includes(w)) out.add('coopWindowLead');
    else if (actor.staffs.includes(w)) out.add('coopWindowStaff');
  }
  return out;
}

// ---------- relation × action ----------

/** Actions on a booking beyond the state machine's: reading it, a cooperating window's sign-for,
 * and the lead's correction of recorded served times (R-X-6). */
export type BookingPolicyAction = BookingAction | 'read' | 'readTimeline' | 'signForCooperation' | 'correctServedTime';

const SECTION: BookingRelation[] = ['admin', 'section', 'sectionChief'];
/** The people who run the booking at the lead window: its lead and the assigned handlers. */
const RUNNERS: BookingRelation[] = ['admin', 'leadWindowLead', 'handler'];

export const BOOKING_POLICY: Record<BookingPolicyAction, readonly BookingRelation[]> = {
  register: ['admin', 'desk'],
  dispatch: SECTION,
  signFor: ['admin', 'leadWindowLead'],
  signForCooperation: ['coopWindowLead'],
  assignHandlers: ['admin', 'leadWindowLead'],
  // R-PRE-1: the assigned handler contacts the applicant; the lead may step in. Staff of the window
  // who are not handlers read only (the lead reassigns), and cooperating windows never run it.
  logContact: RUNNERS,
  requestReschedule: RUNNERS,
  decideReschedule: ['admin', 'sectionChief'],
  arrive: RUNNERS,
  complete: RUNNERS,
  abandon: RUNNERS,
  correctServedTime: ['admin', 'leadWindowLead'],
  cancel: SECTION,
  read: [...SECTION, 'desk', 'recorder', 'leadWindowLead', 'leadWindowStaff', 'handler', 'coopWindowLead', 'coopWindowStaff'],
  // The audit trail, contacts and reschedule requests of a booking (its timeline).
  readTimeline: [...SECTION, 'recorder', 'leadWindowLead', 'leadWindowStaff', 'handler', 'coopWindowLead'],
};

/**
 * Relations that forbid an action whatever else the actor is (R-X-6: nobody corrects the served
 * time they are credited for — the lead corrects a handler's, an admin the lead's).
 */
export const BOOKING_DENIED: Partial<Record<BookingPolicyAction, readonly BookingRelation[]>> = {
  correctServedTime: ['handler'],
};

/** The relation that allows `action`, or null. `b` null: register (no booking yet, the role counts). */
export function mayDo(actor: PolicyActor, b: BookingFacts | null, action: BookingPolicyAction): BookingRelation | null {
  const allowed = Object.prototype.hasOwnProperty.call(BOOKING_POLICY, action) ? BOOKING_POLICY[action] : undefined;
  if (!allowed) return null;
  if (b === null) {
    return allowed.find((r) => (actor.roles as readonly string[]).includes(r)) ?? null;
  }
  const rel = bookingRelations(actor, b);
  if ((BOOKING_DENIED[action] ?? []).some((r) => rel.has(r))) return null;
  return allowed.find((r) => rel.has(r)) ?? null;
}

const WINDOW_RELATIONS: readonly BookingRelation[] = ['leadWindowLead', 'leadWindowStaff', 'handler', 'coopWindowLead', 'coopWindowStaff'];

/**
 * Refuses (403) what `mayDo` does not allow, with the message that tells the actor why: nobody
 * corrects the served time they are credited for; a cooperating window does only its own part
 * (R-DSP-3); window staff who are not handlers read (the lead reassigns); a window user who has
 * no part in this booking is told it is not their window's; anyone else's role may not.
 */
export function assertMayDo(actor: PolicyActor, b: BookingFacts | null, action: BookingPolicyAction, number: unknown = '-'): BookingRelation {
  const relation = mayDo(actor, b, action);
  if (relation) return relation;
  const allowed: readonly BookingRelation[] = BOOKING_POLICY[action] ?? [];
  const rel = b ? bookingRelations(actor, b) : new Set<BookingRelation>();
  const params = { action, number: String(number ?? '-') };
  if ((BOOKING_DENIED[action] ?? []).some((r) => rel.has(r))) throw new RuleViolation('OWN_SERVED_TIME', params, 403);
  const leadWindowMay = allowed.includes('leadWindowLead') || allowed.includes('handler');
  if (leadWindowMay && (rel.has('coopWindowLead') || rel.has('coopWindowStaff'))) {
    throw new RuleViolation('COOPERATING_WINDOW_PART_ONLY', params, 403);
  }
  if (allowed.includes('handler') && rel.has('leadWindowStaff')) throw new RuleViolation('HANDLERS_ONLY', params, 403);
  const windowUser = actor.roles.some((r) => r === 'windowLead' || r === 'windowStaff') || actor.leads.length + actor.staffs.length > 0;
  const windowMay = allowed.some((r) => WINDOW_RELATIONS.includes(r));
  if (b && windowMay && windowUser && !WINDOW_RELATIONS.some((r) => rel.has(r))) throw new RuleViolation('NOT_YOUR_WINDOW', params, 403);
  throw new RuleViolation('ROLE_NOT_ALLOWED', { ...params, role: actor.roles.join(',') || '-' }, 403);
}

/** The audit row's role for the relation an action was allowed by (R-X-1: in which capacity). */
export const RELATION_ROLE: Record<BookingRelation, RoleName> = {
  admin: 'admin', desk: 'desk', recorder: 'desk', section: 'section', sectionChief: 'sectionChief',
  leadWindowLead: 'windowLead', coopWindowLead: 'windowLead', leadWindowStaff: 'windowStaff', handler: 'windowStaff', coopWindowStaff: 'windowStaff',
};

// ---------- relation × field ----------

export type Visibility = 'full' | 'masked' | 'hidden';

/**
 * Fields that are not 'full' for everyone who may read the booking. Absent relations get the
 * field's `otherwise`. PIPL: the applicant's phone in full only for the recorder, the handlers,
 * the lead window's lead, the section and admins — masked for everyone else, the desk included.
 */
export const BOOKING_FIELDS: Record<string, { full: readonly BookingRelation[]; otherwise: Visibility }> = {
  applicantPhone: { full: ['admin', 'section', 'sectionChief', 'recorder', 'handler', 'leadWindowLead'], otherwise: 'masked' },
  applicantSignature: { full: ['admin', 'section', 'sectionChief', 'handler', 'leadWindowLead'], otherwise: 'hidden' },
  // The keyed hash and the sealed number (src/server/bookings/phoneVault.ts): for no-one, admins
  // included — the number is opened only by our own read paths, for those who see applicantPhone full.
  applicantPhoneHash: { full: [], otherwise: 'hidden' },
  applicantPhoneSealed: { full: [], otherwise: 'hidden' },
};

/** What a related user (a booking's handler, a window's staff, an event's author) shows to someone who may not read users. */
export const RELATED_USER_FIELDS: readonly string[] = ['id', 'nickname'];

export function fieldVisibility(actor: PolicyActor, b: BookingFacts, field: string): Visibility {
  const rule = BOOKING_FIELDS[field];
  if (!rule) return 'full';
  const rel = bookingRelations(actor, b);
  return rule.full.some((r) => rel.has(r)) ? 'full' : rule.otherwise;
}

/**
 * A field no-one sees in full unless the booking says so may not be filtered or sorted on through
 * generic reads (the filter would answer what the mask hides). True when some booking could show
 * this actor the field masked or hidden: only roles that see it in full on every booking may.
 */
export function mayFilterOn(actor: PolicyActor, field: string): boolean {
  const rule = BOOKING_FIELDS[field];
  if (!rule) return true;
  return actor.roles.some((r) => (rule.full as readonly string[]).includes(r));
}
