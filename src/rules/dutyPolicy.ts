// Who may do what with duty and comp time (R-WKD-2/3, R-SUP-1/2, R-CMP-2/3, R-X-2): the same shape
// as the booking policy (policy.ts) — the actor's relations to one record, and one table
// relation × action. Pure: no NocoBase. The duty actions (src/server/duty, actions/dutyShifts.ts,
// compTime.ts, penalties.ts) ask it and nothing else.
import { RuleViolation } from './errors';
import type { PolicyActor } from './policy';

export const DUTY_RELATIONS = [
  'admin',
  'section', // 政务服务管理科: every window
  'sectionChief',
  'windowLead', // leads the record's window (带班 / 窗口负责人)
  'windowStaff', // staff of the record's window
  'self', // the record is the actor's own (their shift, request, ledger)
] as const;
export type DutyRelation = (typeof DUTY_RELATIONS)[number];

/** A duty record as the policy sees it: the person it is about and the window(s) it belongs to. */
export interface DutyFacts {
  userId?: unknown;
  windowIds?: readonly unknown[];
}

const num = (v: unknown) => (v === null || v === undefined || v === '' ? NaN : Number(v));

export function dutyRelations(actor: PolicyActor, facts: DutyFacts): Set<DutyRelation> {
  const out = new Set<DutyRelation>();
  for (const r of ['admin', 'section', 'sectionChief'] as const) if ((actor.roles as readonly string[]).includes(r)) out.add(r);
  if (actor.userId !== null && num(facts.userId) === actor.userId) out.add('self');
  const windows = (facts.windowIds ?? []).map(num);
  if (windows.some((w) => actor.leads.includes(w))) out.add('windowLead');
  if (windows.some((w) => actor.staffs.includes(w))) out.add('windowStaff');
  return out;
}

export type DutyAction =
  | 'dutyShifts:generate' | 'dutyShifts:publish' | 'dutyShifts:assign' | 'dutyShifts:swap'
  | 'dutyShifts:checkIn' | 'dutyShifts:checkOut' | 'dutyShifts:recordAttendanceTime' | 'dutyShifts:reviewAttendance'
  | 'dutyShifts:viewMonth' | 'dutyShifts:viewDrafts'
  | 'compTimeRequests:submit' | 'compTimeRequests:signOff' | 'compTimeRequests:reject'
  | 'compTimeEntries:balance' | 'compTimeEntries:balances'
  | 'penalties:confirm' | 'penalties:dismiss';

export interface DutyRule {
  allow: readonly DutyRelation[];
  /** Relations that forbid it whatever else the actor is. */
  deny?: readonly DutyRelation[];
  /** The refusal when no relation allows it (403), and when a denied one holds. */
  refusal: string;
  denied?: string;
}

const SECTION: DutyRelation[] = ['admin', 'section', 'sectionChief'];
const MANAGES: DutyRelation[] = [...SECTION, 'windowLead'];

export const DUTY_POLICY: Record<DutyAction, DutyRule> = {
  // R-WKD-2 the lead keeps the window's roster; the section may for any window.
  'dutyShifts:generate': { allow: MANAGES, refusal: 'NOT_WINDOW_LEAD' },
  'dutyShifts:publish': { allow: MANAGES, refusal: 'NOT_WINDOW_LEAD' },
  'dutyShifts:assign': { allow: MANAGES, refusal: 'NOT_WINDOW_LEAD' },
  'dutyShifts:swap': { allow: MANAGES, refusal: 'NOT_WINDOW_LEAD' },
  // R-WKD-3 the person checks in and out at "now"; the lead (or section) records it for them.
  'dutyShifts:checkIn': { allow: ['self', ...MANAGES], refusal: 'NOT_YOUR_SHIFT' },
  'dutyShifts:checkOut': { allow: ['self', ...MANAGES], refusal: 'NOT_YOUR_SHIFT' },
  // A time other than now, from a paper sign-in sheet: for others only — nobody backdates their own.
  'dutyShifts:recordAttendanceTime': { allow: MANAGES, deny: ['self'], refusal: 'ATTENDANCE_TIME_LEAD_ONLY', denied: 'ATTENDANCE_OWN_TIME_NOW' },
  'dutyShifts:reviewAttendance': { allow: MANAGES, refusal: 'NOT_WINDOW_LEAD' },
  'dutyShifts:viewMonth': { allow: [...MANAGES, 'windowStaff'], refusal: 'NOT_WINDOW_MEMBER' },
  'dutyShifts:viewDrafts': { allow: MANAGES, refusal: 'NOT_WINDOW_LEAD' },
  // R-CMP-2 a member of the window asks; its lead signs off, never their own (the section signs a lead's).
  'compTimeRequests:submit': { allow: ['windowLead', 'windowStaff'], refusal: 'NOT_WINDOW_MEMBER' },
  'compTimeRequests:signOff': { allow: MANAGES, deny: ['self'], refusal: 'NOT_WINDOW_LEAD', denied: 'SIGN_OFF_OWN_REQUEST' },
  'compTimeRequests:reject': { allow: MANAGES, deny: ['self'], refusal: 'NOT_WINDOW_LEAD', denied: 'SIGN_OFF_OWN_REQUEST' },
  // R-CMP-3 a ledger: the person, a lead of a window they belong to, the section.
  'compTimeEntries:balance': { allow: ['self', ...MANAGES], refusal: 'NOT_WINDOW_LEAD' },
  'compTimeEntries:balances': { allow: MANAGES, refusal: 'NOT_WINDOW_LEAD' },
  // R-SUP-1 penalties are the section's decision — never on their own penalty.
  'penalties:confirm': { allow: SECTION, deny: ['self'], refusal: 'SECTION_ONLY', denied: 'PENALTY_OWN' },
  'penalties:dismiss': { allow: SECTION, deny: ['self'], refusal: 'SECTION_ONLY', denied: 'PENALTY_OWN' },
};

/** The relation that allows `action` on the record, or null. */
export function mayDoDuty(actor: PolicyActor, facts: DutyFacts, action: DutyAction): DutyRelation | null {
  const rule = Object.prototype.hasOwnProperty.call(DUTY_POLICY, action) ? DUTY_POLICY[action] : undefined;
  if (!rule) return null;
  const rel = dutyRelations(actor, facts);
  if ((rule.deny ?? []).some((r) => rel.has(r))) return null;
  return rule.allow.find((r) => rel.has(r)) ?? null;
}

/** As mayDoDuty, or 403 with the rule's refusal (the denied one when a denied relation holds). */
export function assertMayDoDuty(actor: PolicyActor, facts: DutyFacts, action: DutyAction, params: Record<string, unknown> = {}): DutyRelation {
  const relation = mayDoDuty(actor, facts, action);
  if (relation) return relation;
  const rule = DUTY_POLICY[action];
  const denied = rule && (rule.deny ?? []).some((r) => dutyRelations(actor, facts).has(r));
  throw new RuleViolation(denied && rule.denied ? rule.denied : rule?.refusal ?? 'ROLE_NOT_ALLOWED', { window: '-', user: actor.userId ?? '-', ...params }, 403);
}
