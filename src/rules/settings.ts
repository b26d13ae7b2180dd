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
  /**
   * R-PRE-1 remind the handler this many hours after being assigned while no contact with the
   * applicant is logged (the default "contact reminder" workflow counts from it).
   */
  contactReminderHours: number;
  /**
   * R-CAL-4 'MM-DD': from this day of each year, while next year's statutory calendar is not
   * configured, admins are warned (weekly workflow) and the desk's form says so.
   */
  nextYearWarningFrom: string;
  /** R-HOL-6 open bookings one phone number may hold in one holiday period. */
  maxOpenBookingsPerPeriod: number;
  // The after-service deadlines (R-AFT-1..2: rating window, case deadlines in working days) are the
  // `aftercare` section's (src/rules/aftercareSettings.ts), registered with registerSettingsSection.
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
  contactReminderHours: 4,
  nextYearWarningFrom: '11-01',
  maxOpenBookingsPerPeriod: 3,
});

/** A stored (possibly partial, possibly older) settings object completed with the defaults. */
export function withDefaults(stored?: Partial<DutySettings> | null): DutySettings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, key) && value !== undefined && value !== null) out[key] = value;
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

/** 'MM-DD' of a day every year has (so not 02-29). */
export function isMonthDay(value: unknown): value is string {
  const m = typeof value === 'string' ? /^(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2001, month, 0)).getUTCDate();
}

const SESSION_FIELDS = ['phoneHours', 'weekendSessions', 'holidaySessions'] as const;
/**
 * Whole numbers and their sane range: below it a rule would be silently disabled ("0 h notice"),
 * above it the value is a typo, not a policy (a "half day" of 13 h, a week's notice).
 */
export const NUMBER_RANGES = {
  halfDayMinutes: [60, 720],
  slotMinutes: [5, 240],
  rescheduleNoticeHours: [1, 168],
  lateMinutes: [5, 240],
  contactReminderHours: [1, 168],
  maxOpenBookingsPerPeriod: [1, 20],
} as const;
const NUMBER_FIELDS = Object.keys(NUMBER_RANGES) as (keyof typeof NUMBER_RANGES)[];

/** Sessions in one day: a centre opens in two or three spans; dozens are a mistake (or an attack on the checks). */
export const MAX_SESSIONS = 8;

/** Non-empty, at most MAX_SESSIONS, valid HH:mm, each start < end, ordered and not overlapping (touching is fine). */
function checkSessions(field: string, sessions: unknown): RuleViolation | null {
  if (!Array.isArray(sessions) || sessions.length === 0) return new RuleViolation('SETTINGS_SESSIONS_EMPTY', { field });
  if (sessions.length > MAX_SESSIONS) return new RuleViolation('SETTINGS_SESSIONS_TOO_MANY', { field, count: sessions.length, max: MAX_SESSIONS });
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
  // Named field: the settings form shows the message beside the phone number.
  if (phone) return new RuleViolation(phone.code, { ...phone.params, field: 'phoneNumber' });
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
    const [min, max] = NUMBER_RANGES[field];
    if (value < min || value > max) return new RuleViolation('SETTINGS_NUMBER_OUT_OF_RANGE', { field, value, min, max });
  }
  if (!isMonthDay(s.nextYearWarningFrom)) {
    return new RuleViolation('SETTINGS_MONTH_DAY_INVALID', { field: 'nextYearWarningFrom', value: String(s.nextYearWarningFrom).slice(0, 20) });
  }
  if (s.slotMinutes > s.halfDayMinutes) {
    return new RuleViolation('SETTINGS_SLOT_OVER_HALF_DAY', { field: 'slotMinutes', slot: s.slotMinutes, limit: s.halfDayMinutes });
  }
  return null;
}

// ---------- sections: one registry, each feature adds its own ----------

/**
 * A feature's part of the stored settings: its defaults and its check. `check` may return a
 * RuleViolation (or null), throw one, or return the normalised value (e.g. checkDutySettings);
 * `complete` turns a stored partial object into a whole one (default: the defaults, overridden
 * key by key by the stored values, unknown keys dropped).
 */
export interface SettingsSection<T extends object = any> {
  defaults: Readonly<T>;
  check: (value: T) => RuleViolation | T | null | void;
  complete?: (stored: Partial<T> | null | undefined) => T;
}

const SECTIONS = new Map<string, SettingsSection>();

/** e.g. registerSettingsSection('duty', { defaults: DUTY_SETTINGS_DEFAULTS, check: checkDutySettings }). */
export function registerSettingsSection<T extends object>(key: string, section: SettingsSection<T>): void {
  if (!/^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(key)) throw new Error(`Invalid settings section key: ${key}`);
  SECTIONS.set(key, section as SettingsSection);
}

export function settingsSectionKeys(): string[] {
  return [...SECTIONS.keys()];
}

function sectionOf(key: string): SettingsSection {
  const section = SECTIONS.get(String(key));
  if (!section) throw new RuleViolation('SETTINGS_SECTION_UNKNOWN', { section: String(key).slice(0, 40) });
  return section;
}

const owns = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A stored section (possibly partial, possibly from an older version) made whole. */
export function completeSection<T = any>(key: string, stored: unknown): T {
  const section = sectionOf(key);
  const partial = isPlainObject(stored) ? stored : {};
  if (section.complete) return section.complete(partial as any);
  const out: Record<string, unknown> = { ...section.defaults };
  for (const [k, v] of Object.entries(partial)) if (owns(section.defaults, k) && v !== undefined && v !== null) out[k] = v;
  return out as T;
}

/** The section's verdict: the value to store, or the first problem (thrown or returned). */
export function checkSection<T = any>(key: string, value: T): T {
  const section = sectionOf(key);
  const verdict = section.check(value);
  if (verdict instanceof RuleViolation) throw verdict;
  return (isPlainObject(verdict) ? verdict : value) as T;
}

/**
 * An admin's change of one or more sections: each patch names known keys only (a typo must not be
 * saved silently), is laid over the current value and checked whole. Returns the new sections.
 * Throws the first problem; the caller stores nothing then (R-X-3).
 */
export function applySettingsPatch(
  current: Record<string, unknown>, patch: unknown,
): Record<string, unknown> {
  if (!isPlainObject(patch) || !Object.keys(patch).length) throw new RuleViolation('SETTINGS_INVALID');
  const next: Record<string, unknown> = {};
  for (const [key, change] of Object.entries(patch)) {
    const section = sectionOf(key);
    if (!isPlainObject(change)) throw new RuleViolation('SETTINGS_INVALID', { section: key });
    for (const field of Object.keys(change)) {
      if (!owns(section.defaults, field)) throw new RuleViolation('SETTINGS_FIELD_UNKNOWN', { section: key, field: field.slice(0, 60) });
    }
    const whole = { ...completeSection<Record<string, unknown>>(key, current[key]), ...change };
    try {
      next[key] = checkSection(key, whole);
    } catch (e) {
      // Name the section too, so a page with several can show the message at the right field.
      if (e instanceof RuleViolation && !('section' in e.params)) throw new RuleViolation(e.code, { ...e.params, section: key }, e.status);
      throw e;
    }
  }
  return next;
}

/** A checked booking section with only its own keys (no stray properties inside sessions either). */
function normaliseSettings(s: DutySettings): DutySettings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    const value = (s as any)[key];
    out[key] = Array.isArray(value) ? value.map((x: Session) => ({ start: x.start, end: x.end })) : value;
  }
  return out as unknown as DutySettings;
}

// The booking engine's own section (phone, sessions, slots, notice, late): always present.
registerSettingsSection<DutySettings>('booking', {
  defaults: DEFAULT_SETTINGS,
  check: (s) => checkSettings(s) ?? normaliseSettings(s),
  complete: withDefaults,
});
