// What the desk may offer for one service item (R-HOL-1..3, R-HOL-5): the days of the right kind
// (holiday days for a holiday appointment, weekend service days for weekend items) and each
// slot's remaining seats. Pure, and built only from the rules `checkRegistration` applies, so the
// form never offers a time that bookings:register would refuse (except a seat taken meanwhile).
import { Calendar, shanghaiDate, shanghaiMinutes, fromShanghai, assertDate } from './calendar';
import { RuleViolation } from './errors';
import {
  BookableItem, ServiceKind, checkHolidayBookingDay, checkItem, checkPhoneHours, serviceKindOf, sessionsFor, slotStarts,
} from './booking';
import { DutySettings, sessionMinutes } from './settings';

/** The longest range one request may ask for: a quarter is more than any holiday period ahead. */
export const AVAILABILITY_MAX_DAYS = 92;

export interface AvailabilityItem extends BookableItem {
  capacityPerSlot: number;
}

export interface SlotAvailability {
  /** ISO instant; what bookings:register takes as `start`. */
  start: string;
  /** 'HH:mm' Shanghai. */
  time: string;
  remaining: number;
}

export interface Refusal {
  code: string;
  params: Record<string, unknown>;
}

export interface DayAvailability {
  date: string;
  kind: ServiceKind;
  holidayName: string | null;
  /** A new booking can be made for this day now: no refusal and at least one free slot. */
  bookable: boolean;
  /** Why the day cannot be booked (e.g. HOLIDAY_BOOKING_TOO_LATE), or null. */
  refusal: Refusal | null;
  slots: SlotAvailability[];
}

export interface Availability {
  capacity: number;
  days: DayAvailability[];
  /** First date whose year the calendar has not configured (nothing is offered from there on). */
  notConfiguredFrom: string | null;
  /** R-HOL-1: may the phone line take a booking right now. */
  phoneOpen: boolean;
  phoneRefusal: Refusal | null;
}

export interface AvailabilityInput {
  calendar: Calendar;
  item: AvailabilityItem;
  from: string;
  to: string;
  now: Date;
  /** Seats taken per start (ISO) of this item at its window. */
  taken: Map<string, number>;
  settings: DutySettings;
}

const refusalOf = (e: unknown): Refusal => {
  if (e instanceof RuleViolation) return { code: e.code, params: e.params ?? {} };
  throw e;
};

const hhmm = (d: Date) => {
  const m = shanghaiMinutes(d);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** Checks and orders a from/to pair of Shanghai dates; throws AVAILABILITY_RANGE_INVALID. */
export function checkRange(from: string, to: string): number {
  try {
    assertDate(from);
    assertDate(to);
  } catch {
    throw new RuleViolation('AVAILABILITY_RANGE_INVALID', { from: String(from).slice(0, 20), to: String(to).slice(0, 20), max: AVAILABILITY_MAX_DAYS });
  }
  const days = Math.round((fromShanghai(to).getTime() - fromShanghai(from).getTime()) / 86400000) + 1;
  if (days < 1 || days > AVAILABILITY_MAX_DAYS) {
    throw new RuleViolation('AVAILABILITY_RANGE_INVALID', { from, to, max: AVAILABILITY_MAX_DAYS });
  }
  return days;
}

function dayOf(input: AvailabilityInput, date: string, kind: ServiceKind): DayAvailability {
  const { calendar, item, now, settings } = input;
  let refusal: Refusal | null = null;
  let minutes = 0;
  try {
    minutes = checkItem(item, kind, settings);
    if (kind === 'holiday') checkHolidayBookingDay(calendar.holidayPeriodOf(date)!, { calendar, now, settings });
  } catch (e) {
    refusal = refusalOf(e);
  }
  const capacity = Number(item.capacityPerSlot);
  const slots = minutes
    ? slotStarts(date, sessionMinutes(sessionsFor(kind, settings)), minutes, settings.slotMinutes)
        .filter((start) => start.getTime() > now.getTime())
        .map((start) => ({
          start: start.toISOString(),
          time: hhmm(start),
          remaining: Math.max(0, capacity - (input.taken.get(start.toISOString()) ?? 0)),
        }))
    : [];
  const holidayName = kind === 'holiday' ? calendar.day(date).holidayName ?? calendar.holidayPeriodOf(date)?.name ?? null : null;
  return { date, kind, holidayName, refusal, slots, bookable: !refusal && slots.some((s) => s.remaining > 0) };
}

/**
 * Days from `from` to `to` (inclusive) on which the item is offered — holiday days when it takes
 * holiday appointments, weekend service days when it takes weekend bookings — with their slots.
 * Working days are left out (normal service, not this model); so are days of a kind the item is
 * not offered on. Stops at the first year the calendar does not know (no guessing, R-CAL-1).
 */
export function availability(input: AvailabilityInput): Availability {
  const total = checkRange(input.from, input.to);
  const days: DayAvailability[] = [];
  let notConfiguredFrom: string | null = null;
  for (let i = 0; i < total; i++) {
    const date = shanghaiDate(fromShanghai(input.from, i * 1440));
    let kind: ServiceKind | null;
    try {
      kind = serviceKindOf(input.calendar, date);
    } catch (e) {
      if ((e as RuleViolation).code !== 'CALENDAR_YEAR_NOT_CONFIGURED') throw e;
      notConfiguredFrom = date;
      break;
    }
    if (!kind) continue;
    if (kind === 'holiday' && !input.item.offeredOnHolidays) continue;
    if (kind === 'weekend' && !input.item.offeredOnWeekends) continue;
    days.push(dayOf(input, date, kind));
  }
  let phoneRefusal: Refusal | null = null;
  try {
    checkPhoneHours({ calendar: input.calendar, now: input.now, settings: input.settings });
  } catch (e) {
    phoneRefusal = refusalOf(e);
  }
  return { capacity: Number(input.item.capacityPerSlot), days, notConfiguredFrom, phoneOpen: !phoneRefusal, phoneRefusal };
}
