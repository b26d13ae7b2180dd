import { Calendar, fromShanghai } from '../../src/rules/calendar';
import { seedDays, seedYearsAvailable } from '../../src/rules/calendarSeed';
import { DUTY_SETTINGS_DEFAULTS, checkDutySettings } from '../../src/rules/dutySettings';
import {
  BusyIndex, attendanceFailures, checkCheckIn, checkCheckOut, checkDateRange, holidayDutyFor, monthRange,
  planWeekendRoster, syncHolidayDuty, weekendServiceDates,
} from '../../src/rules/roster';

const years = seedYearsAvailable();
const cal = new Calendar(years.flatMap(seedDays), years);
const at = (text: string) => new Date(`${text}+08:00`);
const settings = checkDutySettings({});
const A = { id: 1, leadId: 10, staffIds: [10, 11, 12] };
const B = { id: 2, leadId: 20, staffIds: [21] };
const plan = (over: Partial<Parameters<typeof planWeekendRoster>[0]> = {}) =>
  planWeekendRoster({ calendar: cal, from: '2026-02-01', to: '2026-02-28', windows: [A, B], settings, existingKeys: new Set(), busy: [], ...over });

describe('duty settings', () => {
  test('R-WKD-1 defaults: 09:00–12:00 and 13:00–17:00, no comp-time expiry', () => {
    expect(DUTY_SETTINGS_DEFAULTS.weekendShifts).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(DUTY_SETTINGS_DEFAULTS.compTimeExpiryDays).toBeNull();
    expect(checkDutySettings({ graceMinutes: 10 }).graceMinutes).toBe(10);
  });
  test.each([
    [{ weekendShifts: [] }, 'weekendShifts'],
    [{ weekendShifts: [{ start: '12:00', end: '09:00' }] }, 'weekendShifts'],
    [{ weekendShifts: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] }, 'weekendShifts'],
    [{ graceMinutes: -1 }, 'graceMinutes'],
    [{ graceMinutes: 2.5 }, 'graceMinutes'],
    [{ compTimeExpiryDays: 0 }, 'compTimeExpiryDays'],
    [{ nonsense: 1 } as any, 'nonsense'],
  ])('R-X-3 bad duty settings are refused: %j', (partial, field) => {
    expect(() => checkDutySettings(partial)).toThrow(expect.objectContaining({ code: 'DUTY_SETTING_INVALID', params: expect.objectContaining({ field }) }));
  });
});

describe('weekend roster', () => {
  test('R-CAL-2 R-WKD-1 Feb 2026: only weekend-service days, never the make-up Saturdays or the Spring Festival weekend', () => {
    expect(weekendServiceDates(cal, '2026-02-01', '2026-02-28')).toEqual(['2026-02-01', '2026-02-07', '2026-02-08']);
  });

  test('R-WKD-2 R-SUP-2 each window, day and shift gets the window lead on duty and one staff member', () => {
    const { shifts, unfilled } = plan();
    expect(unfilled).toEqual([]);
    expect(shifts).toHaveLength(3 * 2 * 2 * 2); // days × windows × shifts × (lead + staff)
    const day = shifts.filter((s) => s.date === '2026-02-07' && s.windowId === 1);
    expect(day.map((s) => [s.role, s.plannedStart.toISOString(), s.plannedEnd.toISOString()])).toEqual([
      ['lead', '2026-02-07T01:00:00.000Z', '2026-02-07T04:00:00.000Z'],
      ['staff', '2026-02-07T01:00:00.000Z', '2026-02-07T04:00:00.000Z'],
      ['lead', '2026-02-07T05:00:00.000Z', '2026-02-07T09:00:00.000Z'],
      ['staff', '2026-02-07T05:00:00.000Z', '2026-02-07T09:00:00.000Z'],
    ]);
    expect(day.filter((s) => s.role === 'lead').every((s) => s.userId === 10)).toBe(true);
    // The lead is not counted as staff; staff rotate by day and keep the whole day.
    const staffByDay = ['2026-02-01', '2026-02-07', '2026-02-08'].map((d) =>
      [...new Set(shifts.filter((s) => s.date === d && s.windowId === 1 && s.role === 'staff').map((s) => s.userId))]);
    expect(staffByDay.every((ids) => ids.length === 1 && [11, 12].includes(ids[0]!))).toBe(true);
    expect(staffByDay[1]).not.toEqual(staffByDay[2]);
  });

  test('R-WKD-2 generation is idempotent: existing keys are kept and nothing is added twice', () => {
    const first = plan();
    const again = plan({ existingKeys: new Set(first.shifts.map((s) => s.rosterKey)), busy: first.shifts });
    expect(again.shifts).toEqual([]);
    expect(new Set(first.shifts.map((s) => s.rosterKey)).size).toBe(first.shifts.length);
  });

  test('R-WKD-2 a person already on duty elsewhere is skipped; nobody free leaves the slot unfilled', () => {
    const busy = [{ userId: 21, plannedStart: at('2026-02-07T08:00'), plannedEnd: at('2026-02-07T18:00') }];
    const { shifts, unfilled } = plan({ busy });
    expect(shifts.some((s) => s.userId === 21 && s.date === '2026-02-07')).toBe(false);
    expect(unfilled).toEqual([
      { windowId: 2, date: '2026-02-07', start: '09:00', role: 'staff' },
      { windowId: 2, date: '2026-02-07', start: '13:00', role: 'staff' },
    ]);
    // Window A has two staff: the rotation takes the other one instead.
    const aBusy = [{ userId: 11, plannedStart: at('2026-02-07T08:00'), plannedEnd: at('2026-02-08T18:00') }];
    const a = plan({ busy: aBusy }).shifts.filter((s) => s.windowId === 1 && s.role === 'staff' && s.date >= '2026-02-07');
    expect(new Set(a.map((s) => s.userId))).toEqual(new Set([12]));
  });

  test('R-SUP-2 a window without a lead is refused', () => {
    expect(() => plan({ windows: [{ id: 3, leadId: null, staffIds: [1] }] })).toThrow(expect.objectContaining({ code: 'WINDOW_HAS_NO_LEAD' }));
  });

  test('R-CAL-3 a range reaching an unconfigured year is refused, not guessed', () => {
    expect(() => plan({ from: '2026-12-01', to: '2027-01-31' })).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_CONFIGURED' }));
  });

  test('R-X-3 date ranges and months are checked', () => {
    expect(() => checkDateRange('2026-02-30', '2026-03-01')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => checkDateRange('2026-03-02', '2026-03-01')).toThrow(expect.objectContaining({ code: 'ROSTER_RANGE_INVALID' }));
    expect(() => checkDateRange('2026-01-01', '2027-12-31')).toThrow(expect.objectContaining({ code: 'ROSTER_RANGE_INVALID' }));
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(() => monthRange('2026-13')).toThrow(expect.objectContaining({ code: 'INVALID_MONTH' }));
  });

  test('R-WKD-2 BusyIndex finds overlaps but not touching shifts', () => {
    const idx = new BusyIndex([{ id: 1, userId: 5, plannedStart: at('2026-03-07T09:00'), plannedEnd: at('2026-03-07T12:00') }]);
    expect(idx.clash(5, { plannedStart: at('2026-03-07T11:00'), plannedEnd: at('2026-03-07T13:00') })?.id).toBe(1);
    expect(idx.clash(5, { plannedStart: at('2026-03-07T12:00'), plannedEnd: at('2026-03-07T13:00') })).toBeNull();
    expect(idx.clash(5, { plannedStart: at('2026-03-07T11:00'), plannedEnd: at('2026-03-07T13:00') }, 1)).toBeNull();
  });
});

describe('holiday duty from bookings', () => {
  const booking = {
    id: 7, kind: 'holiday', status: 'signedFor', windowId: 1, handler1Id: 11, handler2Id: 12,
    appointmentStart: at('2026-02-17T10:00'), appointmentEnd: at('2026-02-17T11:30'),
  };
  test('R-PRE-2 one shift per handler covering the agreed time', () => {
    const shifts = holidayDutyFor(booking);
    expect(shifts.map((s) => [s.userId, s.kind, s.date, s.plannedStart.toISOString(), s.plannedEnd.toISOString(), s.bookingId])).toEqual([
      [11, 'holiday', '2026-02-17', '2026-02-17T02:00:00.000Z', '2026-02-17T03:30:00.000Z', 7],
      [12, 'holiday', '2026-02-17', '2026-02-17T02:00:00.000Z', '2026-02-17T03:30:00.000Z', 7],
    ]);
    expect(holidayDutyFor({ ...booking, status: 'dispatched' })).toEqual([]);
    expect(holidayDutyFor({ ...booking, status: 'cancelled' })).toEqual([]);
    expect(holidayDutyFor({ ...booking, kind: 'weekend' })).toEqual([]);
    expect(holidayDutyFor({ ...booking, handler2Id: 11 })).toHaveLength(1);
  });

  test('R-PRE-2 a re-assignment moves the duty, a reschedule moves the time, a cancel cancels it', () => {
    const existing = holidayDutyFor(booking).map((s, i) => ({ id: i + 1, rosterKey: s.rosterKey, status: 'draft', plannedStart: s.plannedStart, plannedEnd: s.plannedEnd }));
    const reassigned = syncHolidayDuty(holidayDutyFor({ ...booking, handler2Id: 13 }), existing);
    expect(reassigned.create.map((s) => s.userId)).toEqual([13]);
    expect(reassigned.cancel).toEqual([2]);
    expect(reassigned.update).toEqual([]);
    const moved = syncHolidayDuty(holidayDutyFor({ ...booking, appointmentStart: at('2026-02-18T09:00'), appointmentEnd: at('2026-02-18T10:30') }), existing);
    expect(moved.update.map((u) => [u.id, u.shift.date])).toEqual([[1, '2026-02-18'], [2, '2026-02-18']]);
    expect(syncHolidayDuty(holidayDutyFor({ ...booking, status: 'cancelled' }), existing).cancel).toEqual([1, 2]);
    expect(syncHolidayDuty(holidayDutyFor(booking), existing)).toEqual({ create: [], update: [], cancel: [] });
  });
});

describe('attendance', () => {
  const shift = { plannedStart: at('2026-03-07T09:00'), plannedEnd: at('2026-03-07T12:00'), checkInAt: null, checkOutAt: null, status: 'published' };
  test('R-WKD-3 on time within the grace; late after it; left early before end − grace', () => {
    expect(attendanceFailures({ ...shift, checkInAt: at('2026-03-07T09:05'), checkOutAt: at('2026-03-07T11:56') }, at('2026-03-07T13:00'), settings)).toEqual([]);
    expect(attendanceFailures({ ...shift, checkInAt: at('2026-03-07T09:06'), checkOutAt: at('2026-03-07T12:00') }, at('2026-03-07T13:00'), settings))
      .toEqual([{ reason: 'late', points: 1, minutes: 6 }]);
    expect(attendanceFailures({ ...shift, checkInAt: at('2026-03-07T09:00'), checkOutAt: at('2026-03-07T11:30') }, at('2026-03-07T13:00'), settings))
      .toEqual([{ reason: 'leftEarly', points: 1, minutes: 30 }]);
  });
  test('R-WKD-3 R-SUP-1 absent only once the shift is over without a check-in', () => {
    expect(attendanceFailures(shift, at('2026-03-07T11:59'), settings)).toEqual([]);
    expect(attendanceFailures(shift, at('2026-03-07T12:00'), settings)).toEqual([{ reason: 'absent', points: 2, minutes: 180 }]);
  });
  test('R-WKD-3 check-in and check-out order', () => {
    expect(() => checkCheckIn(shift, at('2026-03-07T07:59'), settings)).toThrow(expect.objectContaining({ code: 'CHECK_IN_TOO_EARLY' }));
    expect(() => checkCheckIn(shift, at('2026-03-07T12:00'), settings)).toThrow(expect.objectContaining({ code: 'CHECK_IN_AFTER_SHIFT' }));
    expect(() => checkCheckIn({ ...shift, checkInAt: at('2026-03-07T09:00') }, at('2026-03-07T09:01'), settings)).toThrow(expect.objectContaining({ code: 'ALREADY_CHECKED_IN' }));
    expect(() => checkCheckIn({ ...shift, status: 'cancelled' }, at('2026-03-07T09:00'), settings)).toThrow(expect.objectContaining({ code: 'SHIFT_CANCELLED' }));
    expect(() => checkCheckIn(shift, at('2026-03-07T08:00'), settings)).not.toThrow();
    expect(() => checkCheckOut(shift, at('2026-03-07T12:00'))).toThrow(expect.objectContaining({ code: 'NOT_CHECKED_IN' }));
    expect(() => checkCheckOut({ ...shift, checkInAt: at('2026-03-07T09:00') }, at('2026-03-07T08:00'))).toThrow(expect.objectContaining({ code: 'CHECK_OUT_BEFORE_CHECK_IN' }));
  });
});

void fromShanghai;
