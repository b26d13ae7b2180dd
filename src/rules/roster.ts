// The duty roster (值班 / 带班) and attendance (考勤): R-WKD-1..3, R-SUP-1..2, R-PRE-2.
// Pure rules, no NocoBase import. Dates are Shanghai 'YYYY-MM-DD', instants are Dates.
import { Calendar, assertDate, fromShanghai, shanghaiDate } from './calendar';
import { DutyRosterSettings, ShiftTime } from './dutySettings';
import { RuleViolation } from './errors';
import { parseHHmm } from './settings';

export type DutyRole = 'staff' | 'lead';
export type DutyKind = 'weekend' | 'holiday';
export const SHIFT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

/** A shift to be stored. `rosterKey` is unique in the table: it makes generation idempotent. */
export interface PlannedShift {
  rosterKey: string;
  date: string;
  windowId: number;
  userId: number | null;
  role: DutyRole;
  kind: DutyKind;
  plannedStart: Date;
  plannedEnd: Date;
  bookingId?: number | null;
}

/** What the roster needs to know of a window: its lead and its staff (the lead excluded). */
export interface RosterWindow {
  id: number;
  leadId: number | null;
  staffIds: number[];
}

/** Someone's existing shift, to keep one person off two shifts at once. */
export interface BusyShift {
  id?: number;
  userId: number | null;
  plannedStart: Date;
  plannedEnd: Date;
}

const DAY_MS = 86400000;
export const MAX_ROSTER_DAYS = 400;

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** A date range from input: both real dates, from ≤ to, at most MAX_ROSTER_DAYS long. */
export function checkDateRange(from: unknown, to: unknown): { from: string; to: string } {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    try {
      assertDate(value as string);
    } catch {
      throw new RuleViolation('INVALID_DATE', { value: String(value ?? '') });
    }
    void field;
  }
  const days = dayNumber(to as string) - dayNumber(from as string) + 1;
  if (days < 1 || days > MAX_ROSTER_DAYS) throw new RuleViolation('ROSTER_RANGE_INVALID', { from, to, max: MAX_ROSTER_DAYS });
  return { from: from as string, to: to as string };
}

/** R-CAL-2: the weekend-service days in [from, to] — never a make-up workday or a holiday. */
export function weekendServiceDates(calendar: Calendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWeekendServiceDay(d)) out.push(d);
  return out;
}

/** The instants of a configured shift on a date. */
export function shiftInstants(date: string, shift: ShiftTime): { start: Date; end: Date } {
  return { start: fromShanghai(date, parseHHmm(shift.start)!), end: fromShanghai(date, parseHHmm(shift.end, true)!) };
}

export const overlaps = (a: { plannedStart: Date; plannedEnd: Date }, b: { plannedStart: Date; plannedEnd: Date }) =>
  +a.plannedStart < +b.plannedEnd && +b.plannedStart < +a.plannedEnd;

/**
 * Tracks who is already on duty when, so generation and edits never double-book a person. Shifts
 * are bucketed per person and Shanghai day: a clash check looks at three buckets, not at a whole
 * year of someone's shifts (generation does one check per slot).
 */
export class BusyIndex {
  private readonly buckets = new Map<string, { id?: number; start: number; end: number }[]>();

  constructor(shifts: BusyShift[] = []) {
    for (const s of shifts) this.add(s);
  }

  private static day(ms: number) {
    return Math.floor((ms + 8 * 3600000) / DAY_MS);
  }

  add(s: BusyShift) {
    if (s.userId == null) return;
    const start = +new Date(s.plannedStart);
    const end = +new Date(s.plannedEnd);
    // A shift is filed under every day it touches, so a look at the stretch's own days finds it.
    for (let d = BusyIndex.day(start); d <= BusyIndex.day(end - 1); d++) {
      const key = `${s.userId}:${d}`;
      const list = this.buckets.get(key);
      if (list) list.push({ id: s.id, start, end });
      else this.buckets.set(key, [{ id: s.id, start, end }]);
    }
  }

  /** The first shift of `userId` overlapping the stretch (other than `exceptId`), or null. */
  clash(userId: number, stretch: { plannedStart: Date; plannedEnd: Date }, exceptId?: number): { id?: number } | null {
    const start = +stretch.plannedStart;
    const end = +stretch.plannedEnd;
    for (let d = BusyIndex.day(start); d <= BusyIndex.day(end - 1); d++) {
      for (const s of this.buckets.get(`${userId}:${d}`) ?? []) {
        if ((exceptId === undefined || s.id !== exceptId) && s.start < end && start < s.end) return s;
      }
    }
    return null;
  }
}

export interface RosterPlanInput {
  calendar: Calendar;
  from: string;
  to: string;
  windows: RosterWindow[];
  settings: Pick<DutyRosterSettings, 'weekendShifts' | 'staffPerShift'>;
  /** rosterKeys already stored: those slots are kept as they are (the lead may have edited them). */
  existingKeys: Set<string>;
  /** Existing shifts of the people concerned (any window), to avoid double-booking. */
  busy: BusyShift[];
}

export interface RosterPlan {
  shifts: PlannedShift[];
  /** Slots nobody free could take (window, date, shift): left for the lead to fill by hand. */
  unfilled: { windowId: number; date: string; start: string; role: DutyRole }[];
}

export const weekendKey = (date: string, windowId: number, start: string, role: DutyRole, seat: number) =>
  `weekend:${date}:${windowId}:${start}:${role}:${seat}`;

/**
 * R-WKD-1 R-WKD-2 R-SUP-2 the weekend roster for a date range: on each weekend-service day, for
 * each window, each configured shift gets the window lead on duty (带班) and `staffPerShift` staff.
 * Staff rotate by day (one person keeps the whole day: fewer hand-overs), skipping anyone already
 * on duty then. Slots whose key exists are left alone, so running it twice adds nothing.
 * A window without a lead is refused: every service day needs one (R-SUP-2).
 */
export function planWeekendRoster(input: RosterPlanInput): RosterPlan {
  const noLead = input.windows.filter((w) => !w.leadId);
  if (noLead.length) throw new RuleViolation('WINDOW_HAS_NO_LEAD', { windows: noLead.map((w) => w.id).join(',') });
  const busy = new BusyIndex(input.busy);
  const shifts: PlannedShift[] = [];
  const unfilled: RosterPlan['unfilled'] = [];
  const staffOf = new Map(input.windows.map((w) => [w.id, w.staffIds.filter((id) => id !== w.leadId)]));
  for (const date of weekendServiceDates(input.calendar, input.from, input.to)) {
    const turn = dayNumber(date);
    const times = input.settings.weekendShifts.map((time) => ({ time, ...shiftInstants(date, time) }));
    for (const w of input.windows) {
      const staff = staffOf.get(w.id)!;
      for (const { time, start, end } of times) {
        const stretch = { plannedStart: start, plannedEnd: end };
        const seats: { role: DutyRole; seat: number; candidates: number[] }[] = [{ role: 'lead', seat: 1, candidates: [w.leadId!] }];
        for (let seat = 1; seat <= input.settings.staffPerShift; seat++) {
          // Seat k starts the rotation k-1 places further, so two seats never pick the same person.
          const offset = staff.length ? (turn + seat - 1) % staff.length : 0;
          seats.push({ role: 'staff', seat, candidates: [...staff.slice(offset), ...staff.slice(0, offset)] });
        }
        for (const { role, seat, candidates } of seats) {
          const rosterKey = weekendKey(date, w.id, time.start, role, seat);
          if (input.existingKeys.has(rosterKey)) continue;
          const userId = candidates.find((id) => !busy.clash(id, stretch));
          if (userId === undefined) {
            unfilled.push({ windowId: w.id, date, start: time.start, role });
            continue;
          }
          const shift: PlannedShift = { rosterKey, date, windowId: w.id, userId, role, kind: 'weekend', plannedStart: start, plannedEnd: end };
          busy.add(shift);
          shifts.push(shift);
        }
      }
    }
  }
  return { shifts, unfilled };
}

// ---------- holiday duty from bookings (R-PRE-2) ----------

export interface BookingForDuty {
  id: number;
  kind: string | null;
  status: string;
  windowId: number | null;
  handler1Id: number | null;
  handler2Id: number | null;
  appointmentStart: Date | string | null;
  appointmentEnd: Date | string | null;
}

/** Booking statuses in which its handlers are expected on duty at the agreed time. */
const DUTY_BOOKING_STATUSES = new Set(['signedFor', 'contacted', 'inService', 'completed', 'abandoned']);

export const holidayKey = (bookingId: number, userId: number) => `holiday:booking:${bookingId}:user:${userId}`;

/**
 * R-PRE-2 one holiday duty shift per handler covering the agreed time of a holiday booking.
 * Empty when the booking is not (or no longer) a holiday appointment with handlers — a cancelled
 * booking needs nobody on duty; an abandoned or completed one keeps the duty that was served.
 */
export function holidayDutyFor(b: BookingForDuty): PlannedShift[] {
  if (b.kind !== 'holiday' || !DUTY_BOOKING_STATUSES.has(b.status) || !b.windowId || !b.appointmentStart || !b.appointmentEnd) return [];
  const start = new Date(b.appointmentStart);
  const end = new Date(b.appointmentEnd);
  const handlers = [...new Set([b.handler1Id, b.handler2Id].filter((id): id is number => !!id).map(Number))];
  return handlers.map((userId) => ({
    rosterKey: holidayKey(b.id, userId), date: shanghaiDate(start), windowId: Number(b.windowId), userId, role: 'staff',
    kind: 'holiday', plannedStart: start, plannedEnd: end, bookingId: b.id,
  }));
}

export interface DutySync {
  create: PlannedShift[];
  /** Existing shifts to move to the wanted time (a rescheduled booking). */
  update: { id: number; shift: PlannedShift }[];
  /** Existing shifts no longer wanted (a handler replaced, a booking cancelled). */
  cancel: number[];
}

/** What to change so that the stored holiday shifts of a booking are exactly `wanted`. */
export function syncHolidayDuty(
  wanted: PlannedShift[],
  existing: { id: number; rosterKey: string; status: string; plannedStart: Date; plannedEnd: Date }[],
): DutySync {
  const byKey = new Map(existing.map((e) => [e.rosterKey, e]));
  const out: DutySync = { create: [], update: [], cancel: [] };
  for (const w of wanted) {
    const e = byKey.get(w.rosterKey);
    if (!e) out.create.push(w);
    else if (e.status === 'cancelled' || +new Date(e.plannedStart) !== +w.plannedStart || +new Date(e.plannedEnd) !== +w.plannedEnd) {
      out.update.push({ id: e.id, shift: w });
    }
  }
  const keep = new Set(wanted.map((w) => w.rosterKey));
  for (const e of existing) if (!keep.has(e.rosterKey) && e.status !== 'cancelled') out.cancel.push(e.id);
  return out;
}

// ---------- attendance (考勤, R-WKD-3, R-SUP-1) ----------

export interface ShiftAttendance {
  plannedStart: Date;
  plannedEnd: Date;
  checkInAt: Date | null;
  checkOutAt: Date | null;
}

export type AttendanceFailure = 'late' | 'absent' | 'leftEarly';

export interface PenaltyProposal {
  reason: AttendanceFailure;
  points: number;
  minutes: number;
}

type AttendanceSettings = Pick<DutyRosterSettings, 'graceMinutes' | 'latePoints' | 'absentPoints' | 'leftEarlyPoints'>;

/**
 * R-WKD-3 R-SUP-1 what a shift's attendance deserves as of `now`: absent when nobody checked in
 * before the planned end (decided only once the shift is over), late when the check-in came
 * after start + grace, left early when the check-out came before end − grace.
 */
export function attendanceFailures(s: ShiftAttendance, now: Date, settings: AttendanceSettings): PenaltyProposal[] {
  const grace = settings.graceMinutes * 60000;
  const start = +new Date(s.plannedStart);
  const end = +new Date(s.plannedEnd);
  const checkIn = s.checkInAt ? +new Date(s.checkInAt) : null;
  const checkOut = s.checkOutAt ? +new Date(s.checkOutAt) : null;
  if (checkIn === null || checkIn >= end) {
    return +now >= end ? [{ reason: 'absent', points: settings.absentPoints, minutes: Math.round((end - start) / 60000) }] : [];
  }
  const out: PenaltyProposal[] = [];
  if (checkIn > start + grace) out.push({ reason: 'late', points: settings.latePoints, minutes: Math.round((checkIn - start) / 60000) });
  if (checkOut !== null && checkOut < end - grace) {
    out.push({ reason: 'leftEarly', points: settings.leftEarlyPoints, minutes: Math.round((end - checkOut) / 60000) });
  }
  return out;
}

/** Check-in: not cancelled, not twice, not before it opens, not after the shift ended. */
export function checkCheckIn(s: ShiftAttendance & { status: string }, at: Date, settings: Pick<DutyRosterSettings, 'checkInOpensMinutes'>) {
  if (s.status === 'cancelled') throw new RuleViolation('SHIFT_CANCELLED');
  if (s.checkInAt) throw new RuleViolation('ALREADY_CHECKED_IN', { at: formatHHmm(new Date(s.checkInAt)) });
  if (+at < +new Date(s.plannedStart) - settings.checkInOpensMinutes * 60000) {
    throw new RuleViolation('CHECK_IN_TOO_EARLY', { opens: formatHHmm(new Date(+new Date(s.plannedStart) - settings.checkInOpensMinutes * 60000)) });
  }
  if (+at >= +new Date(s.plannedEnd)) throw new RuleViolation('CHECK_IN_AFTER_SHIFT');
}

export function checkCheckOut(s: ShiftAttendance & { status: string }, at: Date) {
  if (s.status === 'cancelled') throw new RuleViolation('SHIFT_CANCELLED');
  if (!s.checkInAt) throw new RuleViolation('NOT_CHECKED_IN');
  if (s.checkOutAt) throw new RuleViolation('ALREADY_CHECKED_OUT', { at: formatHHmm(new Date(s.checkOutAt)) });
  if (+at <= +new Date(s.checkInAt)) throw new RuleViolation('CHECK_OUT_BEFORE_CHECK_IN');
}

export function formatHHmm(instant: Date): string {
  const m = Math.floor(((+instant + 8 * 3600000) % DAY_MS) / 60000);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** 'YYYY-MM' → the month's first and last date. */
export function monthRange(month: unknown): { from: string; to: string } {
  const m = typeof month === 'string' ? /^(\d{4})-(\d{2})$/.exec(month) : null;
  if (!m || +m[2] < 1 || +m[2] > 12) throw new RuleViolation('INVALID_MONTH', { value: String(month ?? '') });
  const from = `${m[1]}-${m[2]}-01`;
  const to = addDays(new Date(Date.UTC(+m[1], +m[2], 1)).toISOString().slice(0, 10), -1);
  return { from, to };
}
