// After the service (R-AFT-1..2) and its supervision (R-SUP-1): follow-up visits (回访), the five
// national rating levels (好差评), the rating window, rectification cases and complaints with a
// deadline in working days, malicious-rating appeals. Pure: no NocoBase, no clock — callers pass
// `now` and the calendar. Dates are Asia/Shanghai through the calendar helpers.
import { Calendar, fromShanghai, shanghaiDate } from './calendar';
import { RuleViolation } from './errors';
import { AftercareSettings, CaseType } from './aftercareSettings';

// ---------- ratings (好差评) ----------

/** The five national levels, best first. The last two are bad reviews (差评). */
export const RATING_LEVELS = [
  'verySatisfied', // 非常满意
  'satisfied', // 满意
  'basicallySatisfied', // 基本满意
  'dissatisfied', // 不满意
  'veryDissatisfied', // 非常不满意
] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LABELS_ZH: Record<RatingLevel, string> = {
  verySatisfied: '非常满意', satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意', veryDissatisfied: '非常不满意',
};

export const BAD_REVIEW_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'veryDissatisfied'];
/** Satisfied in the satisfaction rate: the three upper levels (基本满意 included). */
export const SATISFIED_LEVELS: readonly RatingLevel[] = ['verySatisfied', 'satisfied', 'basicallySatisfied'];

export const isRatingLevel = (v: unknown): v is RatingLevel => (RATING_LEVELS as readonly unknown[]).includes(v);
export const isBadReview = (level: RatingLevel | null | undefined): boolean => !!level && BAD_REVIEW_LEVELS.includes(level);

/** Every *named* bad review opens a rectification case (R-AFT-2); an anonymous one is counted only. */
export const opensRectification = (level: RatingLevel | null | undefined, anonymous: boolean): boolean =>
  isBadReview(level) && !anonymous;

/** The last Shanghai date on which the applicant may still rate: N working days after the service day. */
export function ratingDeadline(calendar: Calendar, serviceEnd: Date, workingDays: number): string {
  return calendar.addWorkingDays(shanghaiDate(serviceEnd), workingDays);
}

// ---------- follow-up visits (回访) ----------

export const FOLLOW_UP_METHODS = ['phone', 'sms', 'onSite'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

/** Bookings a follow-up can be about: the service took place (an abandoned booking has nobody to ask). */
export const FOLLOW_UP_BOOKING_STATUSES = ['completed'];

export interface FollowUpInput {
  bookingStatus: string;
  bookingNumber: string;
  /** When the service ended (actualEnd; appointmentEnd when no actual time was recorded). */
  serviceEnd: Date;
  visitedAt: Date;
  method: unknown;
  rating?: unknown;
  now: Date;
}

/** Minutes a client clock may run ahead of the server's before "in the future" is refused. */
const CLOCK_SKEW_MS = 5 * 60000;

/**
 * R-AFT-1: a follow-up visit of a completed booking, made after the service and not in the future;
 * a rating, when given, is one of the five levels and inside the rating window (R-AFT-2).
 * Returns the normalised rating (null = visit without a rating, e.g. applicant not reached).
 */
export function checkFollowUp(input: FollowUpInput, calendar: Calendar, settings: AftercareSettings): { rating: RatingLevel | null; ratingDeadline: string | null } {
  if (!FOLLOW_UP_BOOKING_STATUSES.includes(input.bookingStatus)) {
    throw new RuleViolation('FOLLOW_UP_BOOKING_NOT_COMPLETED', { number: input.bookingNumber, status: input.bookingStatus });
  }
  if (!(FOLLOW_UP_METHODS as readonly unknown[]).includes(input.method)) {
    throw new RuleViolation('FOLLOW_UP_METHOD_INVALID', { value: String(input.method ?? '') });
  }
  if (input.visitedAt.getTime() > input.now.getTime() + CLOCK_SKEW_MS) {
    throw new RuleViolation('FOLLOW_UP_IN_FUTURE', {});
  }
  if (input.visitedAt.getTime() < input.serviceEnd.getTime()) {
    throw new RuleViolation('FOLLOW_UP_BEFORE_SERVICE', { number: input.bookingNumber });
  }
  const blank = input.rating === undefined || input.rating === null || input.rating === '';
  if (blank) return { rating: null, ratingDeadline: null };
  if (!isRatingLevel(input.rating)) throw new RuleViolation('RATING_LEVEL_INVALID', { value: String(input.rating) });
  const deadline = ratingDeadline(calendar, input.serviceEnd, settings.ratingWorkingDays);
  if (shanghaiDate(input.visitedAt) > deadline) {
    throw new RuleViolation('RATING_WINDOW_CLOSED', { deadline, days: settings.ratingWorkingDays });
  }
  return { rating: input.rating, ratingDeadline: deadline };
}

// ---------- cases: rectification of a bad review (整改) and complaints (投诉) ----------

export const CASE_STATUSES = ['open', 'overdue', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Due at the end (Shanghai midnight) of the N-th working day after the day the case was opened.
 * Stored as that instant so "overdue" is one comparison in SQL: `dueAt <= now AND status = 'open'`.
 */
export function caseDueAt(calendar: Calendar, openedAt: Date, type: CaseType, settings: AftercareSettings): Date {
  const days = settings.caseWorkingDays[type];
  const dueDate = calendar.addWorkingDays(shanghaiDate(openedAt), days);
  return fromShanghai(dueDate, 24 * 60);
}

/** The Shanghai date a case is due (the last day on which closing it is on time). */
export const dueDateOf = (dueAt: Date): string => shanghaiDate(new Date(dueAt.getTime() - 1));

export const isOverdue = (c: { status: CaseStatus; dueAt: Date }, now: Date): boolean =>
  c.status === 'open' && now.getTime() >= c.dueAt.getTime();

export const closedOnTime = (closedAt: Date, dueAt: Date): boolean => closedAt.getTime() < dueAt.getTime();

export type CaseAction = 'addStep' | 'recordCallback' | 'close';
export type CaseRole = 'admin' | 'section' | 'sectionChief' | 'windowLead' | 'windowStaff';

/**
 * Who may do what on a case, once, as data. The responsible window works the case (steps, the
 * callback to the applicant); its lead or the section closes it. Window roles act only on cases of
 * their own window (checked by the adapter). Closed cases take nothing more.
 */
export const CASE_TRANSITIONS: Record<CaseAction, { from: CaseStatus[]; roles: CaseRole[] }> = {
  addStep: { from: ['open', 'overdue'], roles: ['admin', 'section', 'sectionChief', 'windowLead', 'windowStaff'] },
  recordCallback: { from: ['open', 'overdue'], roles: ['admin', 'section', 'sectionChief', 'windowLead', 'windowStaff'] },
  close: { from: ['open', 'overdue'], roles: ['admin', 'section', 'sectionChief', 'windowLead'] },
};

export function checkCaseAction(status: CaseStatus, action: CaseAction, roles: string[]): CaseRole {
  const t = CASE_TRANSITIONS[action];
  if (!t.from.includes(status)) throw new RuleViolation('CASE_ACTION_NOT_ALLOWED', { action, status });
  const role = (t.roles as string[]).find((r) => roles.includes(r));
  if (!role) throw new RuleViolation('ROLE_NOT_ALLOWED', { action, role: roles.join(',') || '-' }, 403);
  return role as CaseRole;
}

/**
 * Closing needs the outcome, and for a bad review the callback to the applicant (every named bad
 * review gets a callback, R-AFT-2).
 */
export function checkClose(type: CaseType, c: { callbackAt?: Date | null }, outcome: unknown): void {
  if (typeof outcome !== 'string' || !outcome.trim()) throw new RuleViolation('OUTCOME_REQUIRED', {});
  if (type === 'badReview' && !c.callbackAt) throw new RuleViolation('CALLBACK_REQUIRED', {});
}

// ---------- complaints (投诉) ----------

export const COMPLAINT_SOURCES = ['followUp', 'phone', 'section'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

export function checkComplaint(input: { source: unknown; subject: unknown; windowId: unknown }): void {
  if (!(COMPLAINT_SOURCES as readonly unknown[]).includes(input.source)) {
    throw new RuleViolation('COMPLAINT_SOURCE_INVALID', { value: String(input.source ?? '') });
  }
  if (typeof input.subject !== 'string' || !input.subject.trim()) throw new RuleViolation('COMPLAINT_SUBJECT_REQUIRED', {});
  // Against whom: a window at least (the booking's, or named); a person is optional.
  if (input.windowId === null || input.windowId === undefined) throw new RuleViolation('COMPLAINT_WINDOW_REQUIRED', {});
}

// ---------- malicious-rating appeals (恶意差评申诉) ----------

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** The window may appeal a bad review once; the section chief decides; the decision is kept. */
export function checkAppeal(f: { rating: RatingLevel | null; appealStatus: AppealStatus | null }, reason: unknown): void {
  if (!isBadReview(f.rating)) throw new RuleViolation('APPEAL_ONLY_BAD_REVIEW', {});
  if (f.appealStatus) throw new RuleViolation('APPEAL_ALREADY_FILED', { status: f.appealStatus });
  if (typeof reason !== 'string' || !reason.trim()) throw new RuleViolation('REASON_REQUIRED', { action: 'appeal' });
}

/** Upheld = the rating was malicious: it stays recorded but is excluded from statistics. */
export function decideAppeal(f: { appealStatus: AppealStatus | null }, decision: unknown): { appealStatus: AppealStatus; malicious: boolean } {
  if (f.appealStatus !== 'pending') throw new RuleViolation('NO_PENDING_APPEAL', {});
  if (decision !== 'upheld' && decision !== 'rejected') throw new RuleViolation('APPEAL_DECISION_INVALID', { value: String(decision ?? '') });
  return { appealStatus: decision, malicious: decision === 'upheld' };
}
