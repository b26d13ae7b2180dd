// Time arithmetic of the "Booking time" workflow trigger (提醒): when a fire is due relative to a
// booking's date field, whether it still applies, and the key that makes it fire once (R-X-4).
// Pure: no NocoBase, no clock — callers pass the calendar and "now". Working days use the
// statutory calendar (R-CAL-3), keeping the base's Shanghai wall time.
import { Calendar, fromShanghai, shanghaiDate, shanghaiMinutes } from './calendar';

export type OffsetUnit = 'minutes' | 'hours' | 'workingDays';
export const OFFSET_UNITS: OffsetUnit[] = ['minutes', 'hours', 'workingDays'];

/** Booking date fields a time trigger may count from (columns of `bookings`). */
export const BOOKING_DATE_FIELDS = [
  'appointmentStart', 'appointmentEnd', 'recordedAt', 'dispatchedAt', 'signedForAt', 'assignedAt', 'contactedAt',
  'arrivedAt', 'actualEnd',
] as const;
export type BookingDateField = (typeof BOOKING_DATE_FIELDS)[number];

/**
 * Settings (基本设置 › booking) a timed trigger may name as its offset, with the unit each is in:
 * the default reminders follow them, so a centre that changes a number changes it once.
 */
export const OFFSET_SETTINGS = {
  /** R-DAY-1 minutes past the agreed time: the late prompt. */
  lateMinutes: 'minutes',
  /** R-RSC-2 hours before the original appointment: the reschedule deadline reminder. */
  rescheduleNoticeHours: 'hours',
  /** R-PRE-1 hours after assignment without a logged contact: the contact reminder. */
  contactReminderHours: 'hours',
} as const satisfies Record<string, OffsetUnit>;
export type OffsetSetting = keyof typeof OFFSET_SETTINGS;

export interface TimeTriggerConfig {
  field: BookingDateField;
  /** Signed: -1 with unit 'hours' is one hour before the field's time. Ignored with `offsetSetting`. */
  offset: number;
  unit: OffsetUnit;
  /** The offset is this setting's current value (in its own unit), times `offsetSign`. */
  offsetSetting?: OffsetSetting;
  /** -1: before the date, 1 (default): after it. */
  offsetSign?: 1 | -1;
  /** Fire only while the booking is in one of these statuses (empty = any). */
  statuses?: string[];
  /** Fire only while a reschedule request is pending (R-RSC-2). */
  pendingReschedule?: boolean;
  /** A fire found later than this after its due time is dropped as missed (catch-up limit); 0/absent = default. */
  maxLatenessMinutes?: number;
}

/** One day: a reminder found more than a day late (app down for long) is stale, not useful. */
export const DEFAULT_MAX_LATENESS_MINUTES = 24 * 60;

/** The problems of a config, as field → message code; null when it is usable. */
export function checkTimeTriggerConfig(c: Partial<TimeTriggerConfig> | null | undefined): Record<string, string> | null {
  const problems: Record<string, string> = {};
  if (!c || !(BOOKING_DATE_FIELDS as readonly string[]).includes(c.field as string)) problems.field = 'TIMER_FIELD_INVALID';
  if (c?.offsetSetting !== undefined && c.offsetSetting !== null) {
    if (!Object.prototype.hasOwnProperty.call(OFFSET_SETTINGS, c.offsetSetting)) problems.offsetSetting = 'TIMER_OFFSET_SETTING_INVALID';
    if (c.offsetSign !== undefined && c.offsetSign !== null && c.offsetSign !== 1 && c.offsetSign !== -1) problems.offsetSign = 'TIMER_OFFSET_SIGN_INVALID';
  } else {
    if (!c || !Number.isInteger(c.offset) || Math.abs(c.offset as number) > 100000) problems.offset = 'TIMER_OFFSET_INVALID';
    if (!c || !OFFSET_UNITS.includes(c.unit as OffsetUnit)) problems.unit = 'TIMER_UNIT_INVALID';
  }
  if (c?.statuses !== undefined && c.statuses !== null && !Array.isArray(c.statuses)) problems.statuses = 'TIMER_STATUSES_INVALID';
  const late = c?.maxLatenessMinutes;
  if (late !== undefined && late !== null && (!Number.isInteger(late) || late < 0)) problems.maxLatenessMinutes = 'TIMER_LATENESS_INVALID';
  return Object.keys(problems).length ? problems : null;
}

/** The offset in force: the config's own number, or the named setting's value now (with its sign and unit). */
export function resolveOffset(
  c: Pick<TimeTriggerConfig, 'offset' | 'unit' | 'offsetSetting' | 'offsetSign'>, settings?: Partial<Record<OffsetSetting, number>>,
): { offset: number; unit: OffsetUnit } {
  if (!c.offsetSetting) return { offset: Number(c.offset), unit: c.unit };
  const value = settings?.[c.offsetSetting];
  if (!Number.isInteger(value)) throw new RangeError(`setting ${c.offsetSetting} is not a whole number`);
  return { offset: (c.offsetSign === -1 ? -1 : 1) * (value as number), unit: OFFSET_SETTINGS[c.offsetSetting] };
}

/** Does a workflow's offset come from the settings (and so move when they change)? */
export const offsetFromSettings = (c: Partial<TimeTriggerConfig> | null | undefined) => !!c?.offsetSetting;

/**
 * The instant a fire is due: `base` shifted by the offset. Working days move along the calendar
 * (R-CAL-3) and keep the base's wall time: "2 working days after Friday 16:00 before a holiday" is
 * 16:00 on the second working day after it. Throws CalendarNotConfiguredError past known years.
 */
export function dueAt(base: Date, offset: number, unit: OffsetUnit, calendar?: Calendar): Date {
  if (unit === 'minutes') return new Date(base.getTime() + offset * 60000);
  if (unit === 'hours') return new Date(base.getTime() + offset * 3600000);
  if (!calendar) throw new RangeError('working-day offsets need the calendar');
  const day = calendar.addWorkingDays(shanghaiDate(base), offset);
  return new Date(fromShanghai(day, shanghaiMinutes(base)).getTime() + (base.getTime() % 60000));
}

export interface BookingFacts {
  status: string;
  hasPendingReschedule?: boolean;
}

/** Does the trigger's condition hold for the booking as it is now? (checked when planning and when firing) */
export function conditionHolds(c: Pick<TimeTriggerConfig, 'statuses' | 'pendingReschedule'>, b: BookingFacts): boolean {
  if (c.statuses?.length && !c.statuses.includes(b.status)) return false;
  if (c.pendingReschedule && !b.hasPendingReschedule) return false;
  return true;
}

/**
 * The fire's identity (R-X-4): workflow, booking, the field's value it was planned from (its
 * version) and the due time. A re-planned booking (moved appointment) gets a new key; the same
 * plan made twice — two processes, a restart — gets the same key, which the database keeps unique.
 */
export function fireKey(workflowId: number | string, bookingId: number | string, field: string, base: Date, due: Date): string {
  return `bt:${workflowId}:${bookingId}:${field}@${base.toISOString()}>${due.toISOString()}`;
}

/** A due fire: fire it, or drop it as missed when the app found it too late (catch-up limit). */
export function isTooLate(due: Date, now: Date, maxLatenessMinutes?: number | null): boolean {
  const limit = maxLatenessMinutes && maxLatenessMinutes > 0 ? maxLatenessMinutes : DEFAULT_MAX_LATENESS_MINUTES;
  return now.getTime() - due.getTime() > limit * 60000;
}
