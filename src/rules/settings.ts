// Plugin settings: every number the plan fixes but a centre may need to change (the catalogue's
// *configurable* values). Pure: the server stores a partial object, `withDefaults` fills the rest,
// and `checkSettings` refuses a bad one before it is saved (R-X-3).
import { DEFAULT_HALF_WORKING_DAY_MINUTES } from './calendar';
import { RuleViolation } from './errors';
import { checkPhone } from './phone';

/** A daily opening span in Shanghai wall time, 'HH:mm'; the end is exclusive for starts. */
export interface Session {
  start: string;
  end: string;
}

export interface DutySettings {
  /** R-HOL-1 the centre's booking line (预约电话). */
  phoneNumber: string;
  /** R-HOL-1 when the phone is answered, on working days only. */
  phoneHours: Session[];
  /** R-WKD-1 周末无休 service sessions. */
  weekendSessions: Session[];
  /**
   * R-HOL-2 节假日预约 sessions. The plan says "双方约定时间段" (a time both sides agree on) and sets
   * no hours; we default to the weekend sessions so staff are never booked at night or over lunch.
   */
  holidaySessions: Session[];
  /** R-LST-3 0.5 working day in minutes. */
  halfDayMinutes: number;
  /**
   * R-HOL-5 slot grid: appointments start at session start + k × slotMinutes. Capacity is counted
   * per start time, so free-minute starts (10:01, 10:02 …) would make "capacity per slot" meaningless.
   */
  slotMinutes: number;
  /** R-RSC-2 the applicant must be told this many hours before the original appointment. */
  rescheduleNoticeHours: number;
  /** R-DAY-1 minutes past the agreed time before the handler calls / may record "gave up". */
  lateMinutes: number;
  /** R-PRE-1 remind the handler when nobody has contacted the applicant this many hours before. */
  contactReminderHours: number;
  /** R-AFT-1 follow-up visit (回访) due within this many working days after completion. */
  followUpWorkingDays: number;
  /** R-AFT-2 complaints / bad reviews handled within this many working days. */
  complaintWorkingDays: number;
}

const WORKING_HOURS: Session[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

const freezeSessions = (list: Session[]): Session[] => Object.freeze(list.map((s) => Object.freeze({ ...s }))) as Session[];

/** Frozen: callers that want other values build a new object (see `withDefaults`). */
export const DEFAULT_SETTINGS: DutySettings = Object.freeze({
  phoneNumber: '0533-2512345',
  phoneHours: freezeSessions(WORKING_HOURS),
  weekendSessions: freezeSessions(WORKING_HOURS),
  holidaySessions: freezeSessions(WORKING_HOURS),
  halfDayMinutes: DEFAULT_HALF_WORKING_DAY_MINUTES,
  slotMinutes: 30,
  rescheduleNoticeHours: 12,
  lateMinutes: 30,
  contactReminderHours: 24,
  followUpWorkingDays: 5,
  complaintWorkingDays: 5,
});

/** A stored (possibly partial, possibly older) settings object completed with the defaults. */
export function withDefaults(stored?: Partial<DutySettings> | null): DutySettings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (key in DEFAULT_SETTINGS && value !== undefined && value !== null) out[key] = value;
  }
  return out as unknown as DutySettings;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:mm' → minutes after midnight; '24:00' is allowed as an end only. */
export function parseHHmm(text: string, allowMidnightEnd = false): number | null {
  if (allowMidnightEnd && text === '24:00') return 1440;
  const m = typeof text === 'string' ? HHMM.exec(text) : null;
  return m ? +m[1] * 60 + +m[2] : null;
}

/** Sessions as minute ranges (assumes `checkSessions` passed). */
export function sessionMinutes(sessions: readonly Session[]): { start: number; end: number }[] {
  return sessions.map((s) => ({ start: parseHHmm(s.start) as number, end: parseHHmm(s.end, true) as number }));
}

/** '09:00–12:00、13:00–17:00' for messages. */
export function formatSessions(sessions: readonly Session[]): string {
  return sessions.map((s) => `${s.start}–${s.end}`).join('、');
}

const SESSION_FIELDS = ['phoneHours', 'weekendSessions', 'holidaySessions'] as const;
const NUMBER_FIELDS = [
  'halfDayMinutes', 'slotMinutes', 'rescheduleNoticeHours', 'lateMinutes',
  'contactReminderHours', 'followUpWorkingDays', 'complaintWorkingDays',
] as const;

/** Non-empty, valid HH:mm, each start < end, ordered and not overlapping (touching is fine). */
function checkSessions(field: string, sessions: unknown): RuleViolation | null {
  if (!Array.isArray(sessions) || sessions.length === 0) return new RuleViolation('SETTINGS_SESSIONS_EMPTY', { field });
  let previousEnd = -1;
  for (const s of sessions) {
    const start = parseHHmm(s?.start);
    const end = parseHHmm(s?.end, true);
    if (start === null) return new RuleViolation('SETTINGS_TIME_INVALID', { field, value: String(s?.start) });
    if (end === null) return new RuleViolation('SETTINGS_TIME_INVALID', { field, value: String(s?.end) });
    if (start >= end || start < previousEnd) {
      return new RuleViolation('SETTINGS_SESSIONS_INVALID', { field, value: `${s.start}–${s.end}` });
    }
    previousEnd = end;
  }
  return null;
}

/** The first problem of a settings object, or null when it may be saved. */
export function checkSettings(s: DutySettings): RuleViolation | null {
  if (!s || typeof s !== 'object') return new RuleViolation('SETTINGS_INVALID');
  const phone = checkPhone(s.phoneNumber);
  if (phone) return phone;
  for (const field of SESSION_FIELDS) {
    const problem = checkSessions(field, s[field]);
    if (problem) return problem;
  }
  for (const field of NUMBER_FIELDS) {
    const value = s[field];
    // Whole positive numbers only: the settings form offers integers, and "0 h notice" would silently disable a rule.
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      return new RuleViolation('SETTINGS_NUMBER_INVALID', { field, value: String(value) });
    }
  }
  if (s.slotMinutes > s.halfDayMinutes) {
    return new RuleViolation('SETTINGS_SLOT_OVER_HALF_DAY', { slot: s.slotMinutes, limit: s.halfDayMinutes });
  }
  return null;
}
