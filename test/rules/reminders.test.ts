// Pure time arithmetic of the Booking time trigger and the Assign handler choice.
import { Calendar, CalendarNotConfiguredError } from '../../src/rules/calendar';
import { seedDays, seedYearsAvailable } from '../../src/rules/calendarSeed';
import {
  checkTimeTriggerConfig, conditionHolds, DEFAULT_MAX_LATENESS_MINUTES, dueAt, fireKey, isTooLate, offsetFromSettings, resolveOffset,
} from '../../src/rules/reminders';
import { DEFAULT_SETTINGS, withDefaults } from '../../src/rules/settings';
import { onDutyFor, pickHandlers } from '../../src/rules/assignment';

const years = seedYearsAvailable();
const cal = new Calendar(years.flatMap(seedDays), years);
const at = (s: string) => new Date(s);
const iso = (d: Date) => d.toISOString();

describe('due time', () => {
  test('R-DAY-1 30 minutes after the appointment start; R-PRE-2 one day (24 h) before it', () => {
    expect(iso(dueAt(at('2026-02-17T10:00:00+08:00'), 30, 'minutes'))).toBe('2026-02-17T02:30:00.000Z');
    expect(iso(dueAt(at('2026-02-17T10:00:00+08:00'), -24, 'hours'))).toBe('2026-02-16T02:00:00.000Z');
  });

  test('R-RSC-2 12 h before the original appointment', () => {
    expect(iso(dueAt(at('2026-02-23T10:00:00+08:00'), -12, 'hours'))).toBe('2026-02-22T14:00:00.000Z');
  });

  test('R-AFT-1 R-CAL-3 working days follow the statutory calendar and keep the wall time', () => {
    // Completed inside Spring Festival 2026 (02-15..23): 1 working day later is Tue 02-24, 11:10 Shanghai.
    expect(iso(dueAt(at('2026-02-17T11:10:00+08:00'), 1, 'workingDays', cal))).toBe('2026-02-24T03:10:00.000Z');
    // Friday 02-13 16:00: the make-up Saturday 02-14 is a working day.
    expect(iso(dueAt(at('2026-02-13T16:00:00+08:00'), 1, 'workingDays', cal))).toBe('2026-02-14T08:00:00.000Z');
    // Wed 2026-02-25 09:30 + 5 working days = Sat 02-28 (make-up) is the 3rd, so Tue 03-03.
    expect(iso(dueAt(at('2026-02-25T09:30:00+08:00'), 5, 'workingDays', cal))).toBe('2026-03-03T01:30:00.000Z');
  });

  test('R-CAL-3 working days past the configured years refuse instead of guessing', () => {
    expect(() => dueAt(at('2026-12-31T10:00:00+08:00'), 3, 'workingDays', cal)).toThrow(CalendarNotConfiguredError);
    expect(() => dueAt(at('2026-02-17T10:00:00+08:00'), 1, 'workingDays')).toThrow(RangeError);
  });
});

describe('fire identity and lateness (R-X-4)', () => {
  test('R-X-4 the same plan gives the same key; a moved appointment gives another', () => {
    const base = at('2026-02-17T10:00:00+08:00');
    const due = dueAt(base, 30, 'minutes');
    expect(fireKey(7, 42, 'appointmentStart', base, due)).toBe(fireKey(7, 42, 'appointmentStart', new Date(base), new Date(due)));
    const moved = at('2026-02-17T14:00:00+08:00');
    expect(fireKey(7, 42, 'appointmentStart', moved, dueAt(moved, 30, 'minutes'))).not.toBe(fireKey(7, 42, 'appointmentStart', base, due));
    expect(fireKey(8, 42, 'appointmentStart', base, due)).not.toBe(fireKey(7, 42, 'appointmentStart', base, due));
  });

  test('R-X-4 catch-up: late fires within the maximum lateness are sent, older ones are missed', () => {
    const due = at('2026-02-17T10:30:00+08:00');
    expect(isTooLate(due, at('2026-02-17T10:40:00+08:00'))).toBe(false);
    expect(isTooLate(due, new Date(due.getTime() + DEFAULT_MAX_LATENESS_MINUTES * 60000 + 60000))).toBe(true);
    expect(isTooLate(due, at('2026-02-17T11:31:00+08:00'), 60)).toBe(true);
    expect(isTooLate(due, at('2026-02-17T11:29:00+08:00'), 60)).toBe(false);
  });
});

describe('condition and config', () => {
  test('R-PRE-1 only while no contact is logged (status signedFor); R-RSC-2 only with a pending request', () => {
    expect(conditionHolds({ statuses: ['signedFor'] }, { status: 'signedFor' })).toBe(true);
    expect(conditionHolds({ statuses: ['signedFor'] }, { status: 'contacted' })).toBe(false);
    expect(conditionHolds({ statuses: [] }, { status: 'cancelled' })).toBe(true);
    expect(conditionHolds({ pendingReschedule: true }, { status: 'signedFor', hasPendingReschedule: false })).toBe(false);
    expect(conditionHolds({ pendingReschedule: true }, { status: 'signedFor', hasPendingReschedule: true })).toBe(true);
  });

  test('a config names a booking date field, an integer offset and a unit', () => {
    expect(checkTimeTriggerConfig({ field: 'appointmentStart', offset: -24, unit: 'hours' })).toBeNull();
    expect(checkTimeTriggerConfig({ field: 'applicantName' as any, offset: 1.5, unit: 'days' as any, maxLatenessMinutes: -1 })).toEqual({
      field: 'TIMER_FIELD_INVALID', offset: 'TIMER_OFFSET_INVALID', unit: 'TIMER_UNIT_INVALID', maxLatenessMinutes: 'TIMER_LATENESS_INVALID',
    });
    expect(checkTimeTriggerConfig(null)).not.toBeNull();
  });
});

describe('offset named by a setting (every number once)', () => {
  test('R-DAY-1 R-RSC-2 R-PRE-1 the offset is the setting in force, with its sign and its unit', () => {
    const late = { field: 'appointmentStart' as const, offsetSetting: 'lateMinutes' as const, offsetSign: 1 as const, offset: 999, unit: 'hours' as const };
    expect(resolveOffset(late, DEFAULT_SETTINGS)).toEqual({ offset: 30, unit: 'minutes' });
    expect(resolveOffset(late, withDefaults({ lateMinutes: 45 }))).toEqual({ offset: 45, unit: 'minutes' });
    const notice = { field: 'appointmentStart' as const, offsetSetting: 'rescheduleNoticeHours' as const, offsetSign: -1 as const } as any;
    expect(resolveOffset(notice, withDefaults({ rescheduleNoticeHours: 24 }))).toEqual({ offset: -24, unit: 'hours' });
    expect(resolveOffset({ offsetSetting: 'contactReminderHours' } as any, DEFAULT_SETTINGS)).toEqual({ offset: 4, unit: 'hours' });
    // Without a setting: the config's own number and unit.
    expect(resolveOffset({ offset: -24, unit: 'hours' } as any, withDefaults({ lateMinutes: 45 }))).toEqual({ offset: -24, unit: 'hours' });
    expect(offsetFromSettings(late)).toBe(true);
    expect(offsetFromSettings({ offset: 1, unit: 'hours' } as any)).toBe(false);
    expect(() => resolveOffset(late, undefined)).toThrow(RangeError);
  });

  test('a config that names a setting needs no number of its own; an unknown setting or sign is refused', () => {
    expect(checkTimeTriggerConfig({ field: 'appointmentStart', offsetSetting: 'lateMinutes', offsetSign: 1 } as any)).toBeNull();
    expect(checkTimeTriggerConfig({ field: 'appointmentStart', offsetSetting: 'phoneNumber', offsetSign: 2 } as any)).toEqual({
      offsetSetting: 'TIMER_OFFSET_SETTING_INVALID', offsetSign: 'TIMER_OFFSET_SIGN_INVALID',
    });
    // Not a prototype key either.
    expect(checkTimeTriggerConfig({ field: 'appointmentStart', offsetSetting: 'toString' } as any)).toEqual({ offsetSetting: 'TIMER_OFFSET_SETTING_INVALID' });
  });
});

describe('assign handler', () => {
  const shift = (userId: number, over: any = {}) => ({
    userId, role: 'staff', status: 'published', plannedStart: '2026-02-20T09:00:00+08:00', plannedEnd: '2026-02-20T17:00:00+08:00', ...over,
  });
  const start = at('2026-02-20T10:00:00+08:00');
  const end = at('2026-02-20T10:20:00+08:00');

  test('only published staff shifts covering the whole appointment count (not drafts, not the lead, not a shift ending early)', () => {
    const shifts = [shift(1), shift(2, { status: 'draft' }), shift(3, { role: 'lead' }), shift(4, { plannedEnd: '2026-02-20T10:10:00+08:00' }), shift(5, { status: 'cancelled' })];
    expect(onDutyFor(shifts, start, end)).toEqual([1]);
  });

  test('fewest bookings in the slot first, ties by id; never someone outside the window', () => {
    const shifts = [shift(11), shift(12), shift(13)];
    const members = new Set([11, 12]);
    expect(pickHandlers(shifts, start, end, new Map([[11, 2], [12, 1]]), members).handlerIds).toEqual([12]);
    expect(pickHandlers(shifts, start, end, new Map(), members).handlerIds).toEqual([11]);
    expect(pickHandlers(shifts, start, end, new Map(), members, 2).handlerIds).toEqual([11, 12]);
  });

  test('nobody on duty: no handler, and the reason is told (left to the window lead)', () => {
    expect(pickHandlers([shift(1, { status: 'draft' })], start, end, new Map(), new Set([1]))).toEqual({ handlerIds: [], candidates: [], reason: 'NO_STAFF_ON_DUTY' });
  });
});
