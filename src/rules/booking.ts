// Booking rules of the registration form 《预约服务登记表》: the state machine (R-DSP, R-X-1),
// registration (R-HOL-1..3, R-LST-3), capacity hints (R-HOL-5), reschedule (R-RSC-1..3), the day
// itself (R-DAY-1..3). Pure: no NocoBase, no clock — callers pass `now`. Every wall time is
// Asia/Shanghai through the calendar helpers, whatever the server's TZ.
import {
  Calendar, HolidayPeriod, exceedsHalfWorkingDay, fromShanghai, shanghaiDate, shanghaiMinutes,
} from './calendar';
import { RuleViolation } from './errors';
import { checkPhone } from './phone';
import { DEFAULT_SETTINGS, DutySettings, Session, formatSessions, sessionMinutes } from './settings';

// ---------- status and the state machine (once, as data) ----------

export const BOOKING_STATUSES = [
  'registered', // 登记: the desk filled in the form
  'dispatched', // 派单: the section sent it to the lead window (R-DSP-1)
  'signedFor', // 签收: the window lead signed for it and assigned handlers (R-DSP-2)
  'contacted', // 已联系: the handler reached the applicant, gave the material list, reconfirmed the time (R-PRE-1)
  'inService', // 到场办理: the applicant arrived
  'completed', // 完成 (R-DAY-3)
  'abandoned', // 申请人放弃: closed as done, not a staff failure (R-DAY-2)
  'cancelled', // 取消, with a reason (R-RSC-1)
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const ROLES = ['admin', 'desk', 'section', 'sectionChief', 'windowLead', 'windowStaff'] as const;
export type Role = (typeof ROLES)[number];

export type BookingAction =
  | 'register' | 'dispatch' | 'signFor' | 'signForCooperation' | 'assignHandlers' | 'logContact' | 'requestReschedule'
  | 'decideReschedule' | 'arrive' | 'complete' | 'correctServedTime' | 'abandon' | 'cancel';

/** Who may take a step is the access policy's (src/rules/policy.ts BOOKING_POLICY), not the state machine's. */
export interface Transition {
  /** Statuses the action may start from; `null` = no booking yet (only `register`). */
  from: (BookingStatus | null)[];
  /** The new status, or 'same' for actions that record something without moving the booking. */
  to: BookingStatus | 'same';
  reasonRequired?: boolean;
}

/** After sign-for and before anyone arrived: the window holds the booking. */
const HELD: BookingStatus[] = ['signedFor', 'contacted'];

/**
 * There is no "reject" for a window (R-DSP-2: 不得拒绝). A reschedule is a request with its own
 * decision and never moves the status (the booking stays with the window meanwhile). `arrive`
 * needs `contacted`, so a handler logs at least one contact (attempt) first (R-PRE-1); `abandon`
 * does not, because an applicant who cannot be reached at all may still give up (R-DAY-2). A
 * cooperating window signs for its part while the booking is open after dispatch (R-DSP-3); the
 * served times of a completed booking are corrected with a reason (R-X-6).
 */
export const TRANSITIONS: Record<BookingAction, Transition> = {
  register: { from: [null], to: 'registered' },
  dispatch: { from: ['registered'], to: 'dispatched' },
  signFor: { from: ['dispatched'], to: 'signedFor' },
  signForCooperation: { from: ['dispatched', ...HELD, 'inService'], to: 'same' },
  assignHandlers: { from: HELD, to: 'same' },
  logContact: { from: HELD, to: 'contacted' },
  requestReschedule: { from: HELD, to: 'same', reasonRequired: true },
  decideReschedule: { from: HELD, to: 'same' },
  arrive: { from: ['contacted'], to: 'inService' },
  complete: { from: ['inService'], to: 'completed' },
  correctServedTime: { from: ['completed'], to: 'same', reasonRequired: true },
  abandon: { from: HELD, to: 'abandoned', reasonRequired: true },
  cancel: { from: ['registered', 'dispatched', ...HELD], to: 'cancelled', reasonRequired: true },
};

export const BOOKING_ACTIONS = Object.keys(TRANSITIONS) as BookingAction[];

const isBlank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/**
 * May `action` be taken on a booking in `status`? Returns the resulting status ('same' resolved)
 * or throws: the status first (the action makes no sense here), then the missing reason. Who may
 * is asked before, of the policy (assertMayDo).
 */
export function transition(
  status: BookingStatus | null,
  action: BookingAction,
  opts: { reason?: string | null } = {},
): { to: BookingStatus } {
  const rule = Object.prototype.hasOwnProperty.call(TRANSITIONS, action) ? TRANSITIONS[action] : undefined;
  if (!rule) throw new RuleViolation('UNKNOWN_ACTION', { action: String(action) });
  if (!rule.from.includes(status ?? null)) {
    throw new RuleViolation('ACTION_NOT_ALLOWED_FROM_STATUS', { action, status: status ?? 'none' });
  }
  if (rule.reasonRequired && isBlank(opts.reason)) throw new RuleViolation('REASON_REQUIRED', { action });
  return { to: rule.to === 'same' ? (status as BookingStatus) : rule.to };
}

// ---------- time helpers ----------

/** 'YYYY-MM-DD HH:mm' in Shanghai, the way every message shows a time. */
export function formatShanghai(instant: Date): string {
  const m = shanghaiMinutes(instant);
  const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${shanghaiDate(instant)} ${hhmm}`;
}

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_MINUTE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:00)?$/;

/**
 * An appointment start: a Date, an ISO instant with zone, or Shanghai wall time 'YYYY-MM-DD HH:mm'
 * (never server-local). Null for anything else, including a date without a time.
 */
export function parseStart(value: unknown): Date | null {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = new Date((value as Date).getTime());
    return Number.isFinite(d.getTime()) ? d : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  try {
    if (ZONED.test(text)) {
      shanghaiDate(text); // rejects 2026-02-30, which Date.parse would roll over into March
      return new Date(Date.parse(text));
    }
    if (WALL_MINUTE.test(text)) return fromShanghai(shanghaiDate(text), shanghaiMinutes(text));
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
  return null;
}

const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60000);

// ---------- service kinds and sessions ----------

export type ServiceKind = 'holiday' | 'weekend';

/** The appointment kind of a Shanghai date, or null for a working day (normal service, not this model). */
export function serviceKindOf(calendar: Calendar, date: string): ServiceKind | null {
  if (calendar.isHoliday(date)) return 'holiday';
  if (calendar.isWeekendServiceDay(date)) return 'weekend';
  return null;
}

export function sessionsFor(kind: ServiceKind, settings: DutySettings = DEFAULT_SETTINGS): Session[] {
  return kind === 'holiday' ? settings.holidaySessions : settings.weekendSessions;
}

/** The session a minute-of-day falls in (start inclusive, end exclusive), or undefined. */
function sessionAt(sessions: readonly Session[], minute: number) {
  return sessionMinutes(sessions).find((s) => minute >= s.start && minute < s.end);
}

// ---------- registration (R-HOL-1..4, R-LST-3) ----------

export type Channel = 'onSite' | 'phone';
export const CHANNELS: Channel[] = ['onSite', 'phone'];
export const NAME_MAX = 50;
export const UNIT_MAX = 100;

export interface BookableItem {
  name: string;
  published?: boolean | null;
  offeredOnHolidays?: boolean | null;
  offeredOnWeekends?: boolean | null;
  expectedMinutes: number;
}

export interface RegistrationInput {
  applicantName: string;
  phone: string;
  unit?: string | null;
  channel: Channel;
  start: string | Date;
  item: BookableItem;
}

export interface RegistrationContext {
  calendar: Calendar;
  now: Date;
  settings: DutySettings;
  /**
   * An approved reschedule moves an existing booking: the appointment rules apply, but not the
   * rules about when and how a NEW booking is taken (phone hours, R-HOL-2 "before the holiday") —
   * a force-majeure postponement is typically decided during the holiday itself.
   */
  rescheduling?: boolean;
}

export interface Registration {
  kind: ServiceKind;
  start: Date;
  end: Date;
  holidayPeriod?: HolidayPeriod;
}

// Angle brackets never occur in a name; refusing them keeps markup out of every later view and export.
const MARKUP_OR_CONTROL = /[<>\u0000-\u001f\u007f]/;

function checkApplicant(input: RegistrationInput, rescheduling = false): void {
  if (isBlank(input.applicantName)) throw new RuleViolation('APPLICANT_NAME_REQUIRED');
  const name = String(input.applicantName).trim();
  if ([...name].length > NAME_MAX) throw new RuleViolation('APPLICANT_NAME_TOO_LONG', { max: NAME_MAX });
  if (MARKUP_OR_CONTROL.test(name)) throw new RuleViolation('APPLICANT_NAME_INVALID');
  if (!isBlank(input.unit)) {
    const unit = String(input.unit).trim();
    if ([...unit].length > UNIT_MAX || MARKUP_OR_CONTROL.test(unit)) throw new RuleViolation('APPLICANT_UNIT_INVALID', { max: UNIT_MAX });
  }
  // A booking being moved keeps the number checked when it was taken (stored sealed, R-X-2).
  const phone = rescheduling ? null : checkPhone(input.phone);
  if (phone) throw phone;
  if (!CHANNELS.includes(input.channel)) throw new RuleViolation('CHANNEL_INVALID', { value: String(input.channel ?? '') });
}

/** R-HOL-1: the phone line is answered on working days, inside the phone hours only. */
export function checkPhoneHours(ctx: RegistrationContext): void {
  const today = shanghaiDate(ctx.now);
  const open = ctx.calendar.isWorkingDay(today) && !!sessionAt(ctx.settings.phoneHours, shanghaiMinutes(ctx.now));
  if (!open) {
    throw new RuleViolation('PHONE_OUTSIDE_HOURS', {
      phone: ctx.settings.phoneNumber, hours: formatSessions(ctx.settings.phoneHours), now: formatShanghai(ctx.now),
    });
  }
}

/** R-HOL-3 and the weekend counterpart: only announced items, and only those offered that kind of day. */
export function checkItem(item: BookableItem, kind: ServiceKind, settings: DutySettings): number {
  const name = item?.name ?? '';
  if (!item?.published) throw new RuleViolation('ITEM_NOT_PUBLISHED', { name });
  if (kind === 'holiday' && !item.offeredOnHolidays) throw new RuleViolation('ITEM_NOT_OFFERED_ON_HOLIDAYS', { name });
  if (kind === 'weekend' && !item.offeredOnWeekends) throw new RuleViolation('ITEM_NOT_OFFERED_ON_WEEKENDS', { name });
  const minutes = Number(item.expectedMinutes);
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw new RuleViolation('EXPECTED_MINUTES_INVALID', { name, value: String(item.expectedMinutes) });
  }
  if (exceedsHalfWorkingDay(minutes, settings.halfDayMinutes)) {
    throw new RuleViolation('EXPECTED_MINUTES_OVER_HALF_DAY', { name, minutes, limit: settings.halfDayMinutes });
  }
  return minutes;
}

/** The whole [start, end] inside ONE session, starting on the slot grid (R-HOL-5). */
function checkSessionFit(start: Date, minutes: number, kind: ServiceKind, settings: DutySettings): void {
  const sessions = sessionsFor(kind, settings);
  const from = shanghaiMinutes(start);
  const session = sessionAt(sessions, from);
  if (!session || from + minutes > session.end) {
    throw new RuleViolation('OUTSIDE_SERVICE_HOURS', {
      start: formatShanghai(start), end: formatShanghai(addMinutes(start, minutes)), minutes, sessions: formatSessions(sessions),
    });
  }
  if ((from - session.start) % settings.slotMinutes !== 0) {
    throw new RuleViolation('START_NOT_ON_SLOT_GRID', { start: formatShanghai(start), step: settings.slotMinutes });
  }
}

/** R-HOL-2: booked on a working day strictly before the holiday period begins. */
export function checkHolidayBookingDay(period: HolidayPeriod, ctx: RegistrationContext): void {
  const today = shanghaiDate(ctx.now);
  const params = { holiday: period.name, start: period.start, lastDay: ctx.calendar.workingDayBefore(period.start), today };
  if (today >= period.start) throw new RuleViolation('HOLIDAY_BOOKING_TOO_LATE', params);
  if (!ctx.calendar.isWorkingDay(today)) throw new RuleViolation('BOOKING_NOT_ON_WORKING_DAY', params);
}

/**
 * Checks a new booking (or a rescheduled time, ctx.rescheduling) and returns its kind and times.
 * Throws RuleViolation; CalendarNotConfiguredError (a RuleViolation too) passes through untouched.
 */
export function checkRegistration(input: RegistrationInput, ctx: RegistrationContext): Registration {
  const settings = ctx.settings ?? DEFAULT_SETTINGS;
  checkApplicant(input, ctx.rescheduling);
  const start = parseStart(input.start);
  if (!start) throw new RuleViolation('START_INVALID', { value: String(input.start ?? '').slice(0, 40) });
  if (start.getTime() <= ctx.now.getTime()) throw new RuleViolation('START_IN_PAST', { start: formatShanghai(start) });
  if (input.channel === 'phone' && !ctx.rescheduling) checkPhoneHours({ ...ctx, settings });
  const date = shanghaiDate(start);
  const kind = serviceKindOf(ctx.calendar, date);
  if (!kind) throw new RuleViolation('WORKDAY_NO_APPOINTMENT', { date });
  const minutes = checkItem(input.item, kind, settings);
  checkSessionFit(start, minutes, kind, settings);
  const end = addMinutes(start, minutes);
  if (kind === 'weekend') return { kind, start, end };
  const holidayPeriod = ctx.calendar.holidayPeriodOf(date) as HolidayPeriod;
  if (!ctx.rescheduling) checkHolidayBookingDay(holidayPeriod, { ...ctx, settings });
  return { kind, start, end, holidayPeriod };
}

// ---------- capacity (R-HOL-5) ----------

/** The seat key of one start time of one item at one window; ends with the ISO start (see `nextFreeStarts`). */
export function slotKey(itemId: number | string, windowId: number | string | null | undefined, start: Date): string {
  return `${itemId}:${windowId ?? '-'}:${start.toISOString()}`;
}

export interface NextFreeOptions {
  /** Seats taken per start, keyed by `start.toISOString()`. */
  taken: Map<string, number>;
  capacity: number;
  calendar: Calendar;
  /** The requested (full) start; suggestions are at or after it. */
  from: Date;
  durationMinutes: number;
  limit?: number;
  /** Sessions of the kind of day; default: `sessionsFor(kind, settings)`. */
  kindSessions?: Session[];
  /** Default: the kind of `from`'s date. */
  kind?: ServiceKind;
  /** Default: settings.slotMinutes. */
  stepMinutes?: number;
  settings?: DutySettings;
}

/** How far to look for a free weekend slot: about four weekends. */
const SEARCH_DAYS = 31;

/** Later dates of the same kind: the rest of this holiday period, or the next weekend service days. */
function* sameKindDates(calendar: Calendar, first: string, kind: ServiceKind): Generator<string> {
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const date = shanghaiDate(fromShanghai(first, i * 1440));
    let dayKind: ServiceKind | null;
    try {
      dayKind = serviceKindOf(calendar, date);
    } catch (e) {
      if ((e as RuleViolation).code === 'CALENDAR_YEAR_NOT_CONFIGURED') return; // no guessing beyond the data
      throw e;
    }
    if (kind === 'holiday' && dayKind !== 'holiday') return; // a holiday appointment stays in its period
    if (dayKind === kind) yield date;
  }
}

/** The next start times (same day first, then later days of the same kind) whose slot is not full. */
export function nextFreeStarts(o: NextFreeOptions): Date[] {
  const settings = o.settings ?? DEFAULT_SETTINGS;
  const first = shanghaiDate(o.from);
  const kind = o.kind ?? serviceKindOf(o.calendar, first);
  if (!kind) return [];
  const sessions = sessionMinutes(o.kindSessions ?? sessionsFor(kind, settings));
  const step = o.stepMinutes ?? settings.slotMinutes;
  const limit = o.limit ?? 3;
  const found: Date[] = [];
  for (const date of sameKindDates(o.calendar, first, kind)) {
    for (const start of slotStarts(date, sessions, o.durationMinutes, step)) {
      if (start < o.from || (o.taken.get(start.toISOString()) ?? 0) >= o.capacity) continue;
      found.push(start);
      if (found.length >= limit) return found;
    }
  }
  return found;
}

/**
 * The slot grid of one day (R-HOL-5): every start at session start + k × step whose whole
 * appointment of `durationMinutes` fits in that session — the starts `checkSessionFit` accepts.
 */
export function slotStarts(
  date: string, sessions: readonly { start: number; end: number }[], durationMinutes: number, step: number,
): Date[] {
  const starts: Date[] = [];
  for (const s of sessions) {
    for (let m = s.start; m + durationMinutes <= s.end; m += step) starts.push(fromShanghai(date, m));
  }
  return starts;
}

// ---------- reschedule (R-RSC-1..3) ----------

export type RescheduleKind = 'ordinary' | 'forceMajeure';

export interface RescheduleRequestInput {
  originalStart: Date;
  proposedStart?: Date | string | null;
  now: Date;
  kind: RescheduleKind;
  reason: string;
  settings?: DutySettings;
}

export interface RescheduleCheck {
  forceMajeure: boolean;
  /** R-RSC-3: force majeure is reported to the section, recorded as such. */
  reportToSection: boolean;
  /** Latest moment the applicant can be told for an ordinary reschedule. */
  deadline: Date;
}

/** The latest moment an ordinary reschedule can still be notified (original start − notice hours). */
export function rescheduleDeadline(originalStart: Date, settings: DutySettings = DEFAULT_SETTINGS): Date {
  return new Date(originalStart.getTime() - settings.rescheduleNoticeHours * 3600000);
}

function noticeTooShort(originalStart: Date, now: Date, settings: DutySettings, code: string): RuleViolation {
  const hoursLeft = Math.max(0, Math.floor((originalStart.getTime() - now.getTime()) / 3600000));
  return new RuleViolation(code, {
    hours: settings.rescheduleNoticeHours, hoursLeft, deadline: formatShanghai(rescheduleDeadline(originalStart, settings)),
  });
}

/** R-RSC-1 a reason; R-RSC-2 at least `rescheduleNoticeHours` before the original start unless force majeure. */
export function checkRescheduleRequest(input: RescheduleRequestInput): RescheduleCheck {
  const settings = input.settings ?? DEFAULT_SETTINGS;
  if (isBlank(input.reason)) throw new RuleViolation('REASON_REQUIRED', { action: 'requestReschedule' });
  if (input.kind !== 'ordinary' && input.kind !== 'forceMajeure') {
    throw new RuleViolation('RESCHEDULE_KIND_INVALID', { value: String(input.kind ?? '') });
  }
  if (!isBlank(input.proposedStart)) {
    const proposed = parseStart(input.proposedStart);
    if (!proposed) throw new RuleViolation('START_INVALID', { value: String(input.proposedStart).slice(0, 40) });
    if (proposed.getTime() <= input.now.getTime()) throw new RuleViolation('START_IN_PAST', { start: formatShanghai(proposed) });
  }
  const deadline = rescheduleDeadline(input.originalStart, settings);
  const forceMajeure = input.kind === 'forceMajeure';
  if (!forceMajeure && input.now.getTime() > deadline.getTime()) {
    throw noticeTooShort(input.originalStart, input.now, settings, 'RESCHEDULE_NOTICE_TOO_SHORT');
  }
  return { forceMajeure, reportToSection: forceMajeure, deadline };
}

/**
 * R-RSC-2 the chief's approval of an ordinary reschedule must itself still leave the notice time,
 * since the applicant is told only after it. Rejections (the original time stands) are always fine.
 */
export function checkRescheduleDecision(input: {
  originalStart: Date; now: Date; kind: RescheduleKind; approve: boolean; settings?: DutySettings;
}): void {
  const settings = input.settings ?? DEFAULT_SETTINGS;
  if (!input.approve || input.kind === 'forceMajeure') return;
  if (input.now.getTime() > rescheduleDeadline(input.originalStart, settings).getTime()) {
    throw noticeTooShort(input.originalStart, input.now, settings, 'RESCHEDULE_DECISION_TOO_LATE');
  }
}

// ---------- on the day (R-DAY-1, R-DAY-2) ----------

/** R-DAY-1: `lateMinutes` or more past the agreed start (from 09:30 for a 09:00 booking). */
export function isLate(start: Date, now: Date, lateMinutes: number = DEFAULT_SETTINGS.lateMinutes): boolean {
  return now.getTime() >= addMinutes(start, lateMinutes).getTime();
}

/** R-DAY-2: "the applicant gave up" is recorded only once they are late, not before. */
export function checkAbandon(start: Date, now: Date, lateMinutes: number = DEFAULT_SETTINGS.lateMinutes): void {
  if (!isLate(start, now, lateMinutes)) {
    throw new RuleViolation('ABANDON_BEFORE_LATE', { from: formatShanghai(addMinutes(start, lateMinutes)), minutes: lateMinutes });
  }
}

// ---------- completion (R-DAY-3) and served time (R-X-6) ----------

export interface Signature {
  /** 'image': the applicant's drawn signature (a PNG data URL); 'confirmation': a recorded confirmation (e.g. by phone). */
  kind: 'image' | 'confirmation';
  value: string;
}

export interface ServedTimeInput {
  actualStart?: Date | string | null;
  actualEnd?: Date | string | null;
  now: Date;
  /** When the applicant's arrival was recorded (bookings.arrivedAt); null only for rows from before it was. */
  arrivedAt: Date | null;
  /** The agreed start: its Shanghai date is the appointment day. */
  appointmentStart: Date;
  /** The service sessions of that day's kind (sessionsFor(booking.kind, settings)). */
  sessions: readonly Session[];
}

export interface CompletionInput extends ServedTimeInput {
  signature?: unknown;
}

/**
 * Clocks of tablets and servers drift, and the form sends whole minutes: a start up to this much
 * before the recorded arrival, or an end this much "ahead", is the same moment — stored as the
 * arrival / now, never beyond.
 */
export const CLOCK_SKEW_MINUTES = 5;
/** A signature pad's PNG is a few KB to a few tens of KB; 200 KB is generous and bounds the row. */
export const SIGNATURE_IMAGE_MAX_BYTES = 200 * 1024;
export const CONFIRMATION_MAX = 500;
const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f<>]/;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The signature as stored: exactly { kind, value }, a bounded PNG or a bounded plain-text confirmation. */
export function checkSignature(signature: unknown): Signature {
  if (signature === undefined || signature === null || signature === '') throw new RuleViolation('SIGNATURE_REQUIRED');
  if (!isPlainObject(signature)) throw new RuleViolation('SIGNATURE_INVALID', { kind: '-' });
  const kind = String(signature.kind ?? '-').slice(0, 20);
  const extra = Object.keys(signature).filter((k) => k !== 'kind' && k !== 'value');
  if (extra.length || typeof signature.value !== 'string' && signature.value !== undefined && signature.value !== null) {
    throw new RuleViolation('SIGNATURE_INVALID', { kind });
  }
  if (isBlank(signature.value)) throw new RuleViolation('SIGNATURE_REQUIRED');
  const value = String(signature.value).trim();
  if (signature.kind === 'image') {
    const m = PNG_DATA_URL.exec(value);
    const bytes = m ? Math.floor((m[1].length * 3) / 4) - (m[1].endsWith('==') ? 2 : m[1].endsWith('=') ? 1 : 0) : 0;
    if (!m) throw new RuleViolation('SIGNATURE_INVALID', { kind });
    if (bytes > SIGNATURE_IMAGE_MAX_BYTES) throw new RuleViolation('SIGNATURE_TOO_LARGE', { kb: Math.ceil(bytes / 1024), maxKb: SIGNATURE_IMAGE_MAX_BYTES / 1024 });
    return { kind: 'image', value };
  }
  if (signature.kind === 'confirmation') {
    if ([...value].length > CONFIRMATION_MAX || CONTROL.test(value)) throw new RuleViolation('SIGNATURE_INVALID', { kind });
    return { kind: 'confirmation', value };
  }
  throw new RuleViolation('SIGNATURE_INVALID', { kind });
}

/** Is the instant inside one of the day's sessions (ends inclusive: a service may end as the session does)? */
function inSessions(instant: Date, date: string, sessions: readonly Session[]): boolean {
  if (shanghaiDate(instant) !== date) return false;
  const m = shanghaiMinutes(instant) + (instant.getUTCSeconds() * 1000 + instant.getUTCMilliseconds()) / 60000;
  return sessionMinutes(sessions).some((s) => m >= s.start && m <= s.end);
}

/**
 * R-X-6 served time is what was served: the actual start not before the recorded arrival, the
 * actual end not after now, both on the appointment day inside its service sessions. Returns the
 * times to store (within CLOCK_SKEW_MINUTES clamped to the arrival / now) and their minutes.
 */
export function checkServedTime(input: ServedTimeInput): { start: Date; end: Date; durationMinutes: number } {
  if (isBlank(input.actualStart) || isBlank(input.actualEnd)) throw new RuleViolation('ACTUAL_TIMES_REQUIRED');
  let start = parseStart(input.actualStart);
  let end = parseStart(input.actualEnd);
  if (!start || !end) throw new RuleViolation('START_INVALID', { value: String(start ? input.actualEnd : input.actualStart).slice(0, 40) });
  if (end.getTime() > addMinutes(input.now, CLOCK_SKEW_MINUTES).getTime()) {
    throw new RuleViolation('ACTUAL_END_IN_FUTURE', { end: formatShanghai(end) });
  }
  if (end.getTime() > input.now.getTime()) end = new Date(input.now.getTime());
  const arrived = input.arrivedAt ? new Date(input.arrivedAt) : null;
  if (arrived && start.getTime() < addMinutes(arrived, -CLOCK_SKEW_MINUTES).getTime()) {
    throw new RuleViolation('ACTUAL_START_BEFORE_ARRIVAL', { start: formatShanghai(start), arrived: formatShanghai(arrived) });
  }
  if (arrived && start.getTime() < arrived.getTime()) start = arrived;
  if (end.getTime() <= start.getTime()) {
    throw new RuleViolation('ACTUAL_END_NOT_AFTER_START', { start: formatShanghai(start), end: formatShanghai(end) });
  }
  const day = shanghaiDate(input.appointmentStart);
  for (const t of [start, end]) {
    if (!inSessions(t, day, input.sessions)) {
      throw new RuleViolation('ACTUAL_TIME_OUTSIDE_SESSIONS', { time: formatShanghai(t), date: day, sessions: formatSessions(input.sessions) });
    }
  }
  return { start, end, durationMinutes: Math.round((end.getTime() - start.getTime()) / 60000) };
}

/** R-DAY-3 R-X-6: the served time and the applicant's signature; returns what to store. */
export function checkCompletion(input: CompletionInput): { start: Date; end: Date; durationMinutes: number; signature: Signature } {
  const served = checkServedTime(input);
  return { ...served, signature: checkSignature(input.signature) };
}

// ---------- booking number ----------

/** 'YY-2026-000123': YY = 预约, the year of registration, the sequence padded to 6 digits. */
export function formatBookingNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Invalid sequence: ${seq}`);
  return `YY-${year}-${String(seq).padStart(6, '0')}`;
}

// ---------- who may see an applicant's full phone number (R-X-2, PIPL) ----------

export interface Viewer {
  userId: number;
  roles: readonly string[];
  /** Windows the viewer leads. */
  leads: readonly number[];
}

/**
 * Involved in a booking: the desk and section (they take and dispatch bookings), the recorder, its
 * handlers and the lead of its window. Everyone else sees a masked number.
 */
export function involvedInBooking(viewer: Viewer, b: { recorderId?: unknown; handler1Id?: unknown; handler2Id?: unknown; windowId?: unknown }) {
  if (viewer.roles.some((r) => ['admin', 'root', 'desk', 'section', 'sectionChief'].includes(r))) return true;
  const ids = [b.recorderId, b.handler1Id, b.handler2Id].map(Number);
  return ids.includes(viewer.userId) || viewer.leads.includes(Number(b.windowId));
}
