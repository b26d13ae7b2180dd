import {
  BOOKING_ACTIONS,
  BOOKING_STATUSES,
  BookingAction,
  BookingStatus,
  TRANSITIONS,
  checkAbandon,
  checkCompletion,
  checkRegistration,
  checkRescheduleDecision,
  checkRescheduleRequest,
  formatBookingNumber,
  formatShanghai,
  isLate,
  nextFreeStarts,
  parseStart,
  slotKey,
  transition,
} from '../../src/rules/booking';
import { Calendar, CalendarNotConfiguredError } from '../../src/rules/calendar';
import { seedDays } from '../../src/rules/calendarSeed';
import { RuleViolation } from '../../src/rules/errors';
import { DEFAULT_SETTINGS, DutySettings, checkSettings, withDefaults } from '../../src/rules/settings';
import zh from '../../src/locale/zh-CN.json';
import en from '../../src/locale/en-US.json';

// Real 2025–2026 calendar; 2027 is deliberately not configured.
const calendar = new Calendar([...seedDays(2025), ...seedDays(2026)], [2025, 2026]);
const at = (iso: string) => new Date(iso);
const sh = (wall: string) => at(`${wall.replace(' ', 'T')}:00+08:00`); // Shanghai wall time → instant

// ---------- helpers: every refusal is a RuleViolation with a message in both languages (R-X-3) ----------

/** i18next-like rendering: {{param}} first, then $t(KEY) nesting, as the server's t() does. */
function render(locale: Record<string, string>, code: string, params: Record<string, unknown>): string {
  const fill = (text: string) => text.replace(/{{\s*(\w+)\s*}}/g, (_, p) => (p in params ? String(params[p]) : `<missing ${p}>`));
  return fill(locale[code]).replace(/\$t\((\w+)\)/g, (_, key) => locale[key] ?? `<missing ${key}>`);
}

function violation(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation, nothing was thrown');
}

function expectViolation(fn: () => unknown, code: string, params?: Record<string, unknown>, status = 400): RuleViolation {
  const v = violation(fn);
  expect(v.code).toBe(code);
  expect(v.status).toBe(status);
  if (params) expect(v.params).toMatchObject(params);
  for (const [lang, locale] of [['zh-CN', zh], ['en-US', en]] as const) {
    expect([lang, code, typeof (locale as Record<string, string>)[code]]).toEqual([lang, code, 'string']);
    const text = render(locale as Record<string, string>, code, v.params);
    expect(text).not.toMatch(/<missing|{{|\$t\(/);
  }
  return v;
}

// ---------- registration fixtures ----------

const holidayItem = { name: '不动产登记', published: true, offeredOnHolidays: true, offeredOnWeekends: true, expectedMinutes: 90 };
const weekendItem = { name: '社保卡补办', published: true, offeredOnHolidays: false, offeredOnWeekends: true, expectedMinutes: 60 };
const holidayOnlyItem = { name: '公积金提取', published: true, offeredOnHolidays: true, offeredOnWeekends: false, expectedMinutes: 60 };

const form = (over: Record<string, unknown> = {}) => ({
  applicantName: '王建国', phone: '13905331234', unit: '淄博某贸易公司', channel: 'onSite' as const,
  start: '2026-02-17 10:00', item: holidayItem, ...over,
}) as any;
const ctx = (now: string, over: Record<string, unknown> = {}) => ({ calendar, now: at(now), settings: DEFAULT_SETTINGS, ...over });
const register = (over: Record<string, unknown>, now: string, ctxOver: Record<string, unknown> = {}) =>
  checkRegistration(form(over), ctx(now, ctxOver));

const FRI_BEFORE_SF = '2026-02-13T10:00:00+08:00'; // Friday, a working day before Spring Festival 02-15..23
const FRI_BEFORE_WEEKEND = '2026-02-27T10:00:00+08:00'; // Friday before the weekend service day 2026-03-01

describe('holiday appointment (R-HOL-1..3)', () => {
  test('R-HOL-2 a Spring Festival appointment booked on 2026-02-13 (Friday, working day) is accepted', () => {
    const r = register({}, FRI_BEFORE_SF);
    expect(r.kind).toBe('holiday');
    expect(r.start.toISOString()).toBe('2026-02-17T02:00:00.000Z');
    expect(r.end.toISOString()).toBe('2026-02-17T03:30:00.000Z'); // + expectedMinutes 90
    expect(r.holidayPeriod).toEqual({ name: '春节', start: '2026-02-15', end: '2026-02-23', days: 9 });
  });

  test('R-HOL-2 booked on 2026-02-14 (make-up Saturday = working day) for 2026-02-17 10:00 is accepted', () => {
    expect(register({}, '2026-02-14T16:59:00+08:00').kind).toBe('holiday');
  });

  test('R-HOL-2 booked on 2026-02-15 (inside the holiday) is refused, naming the last booking day', () => {
    expectViolation(() => register({}, '2026-02-15T10:00:00+08:00'), 'HOLIDAY_BOOKING_TOO_LATE', {
      holiday: '春节', start: '2026-02-15', lastDay: '2026-02-14',
    });
  });

  test('R-HOL-2 booked on a Sunday rest day before the holiday (2026-02-08) is refused', () => {
    expectViolation(() => register({}, '2026-02-08T10:00:00+08:00'), 'BOOKING_NOT_ON_WORKING_DAY', { today: '2026-02-08' });
  });

  test('R-HOL-2 R-CAL-3 National Day 2025: make-up Sunday 09-28 is a booking day, Saturday 09-27 is not', () => {
    expect(register({ start: '2025-10-03 09:00' }, '2025-09-28T11:00:00+08:00').holidayPeriod).toMatchObject({
      start: '2025-10-01', end: '2025-10-08',
    });
    expectViolation(() => register({ start: '2025-10-03 09:00' }, '2025-09-27T11:00:00+08:00'), 'BOOKING_NOT_ON_WORKING_DAY');
  });

  test('R-HOL-2 R-CAL-2 a weekend day inside the holiday (2026-02-21, Saturday) is a holiday appointment', () => {
    expect(register({ start: '2026-02-21 13:00' }, FRI_BEFORE_SF).kind).toBe('holiday');
    expect(register({ start: '2026-02-21 13:00', item: holidayOnlyItem }, FRI_BEFORE_SF).kind).toBe('holiday');
  });

  test('R-HOL-2 an appointment on a plain working day or a make-up Saturday is normal service, not this model', () => {
    expectViolation(() => register({ start: '2026-02-24 10:00' }, FRI_BEFORE_SF), 'WORKDAY_NO_APPOINTMENT', { date: '2026-02-24' });
    expectViolation(() => register({ start: '2026-02-28 10:00' }, FRI_BEFORE_SF), 'WORKDAY_NO_APPOINTMENT', { date: '2026-02-28' });
  });

  test('R-HOL-3 only published items that offer holiday appointment', () => {
    expectViolation(() => register({ item: { ...holidayItem, published: false } }, FRI_BEFORE_SF), 'ITEM_NOT_PUBLISHED', { name: '不动产登记' });
    expectViolation(() => register({ item: weekendItem }, FRI_BEFORE_SF), 'ITEM_NOT_OFFERED_ON_HOLIDAYS', { name: '社保卡补办' });
  });

  test('R-HOL-1 phone booking at 20:00 on a working day is refused with the phone hours', () => {
    expectViolation(() => register({ channel: 'phone' }, '2026-02-13T20:00:00+08:00'), 'PHONE_OUTSIDE_HOURS', {
      phone: '0533-2512345', hours: '09:00–12:00、13:00–17:00', now: '2026-02-13 20:00',
    });
  });

  test('R-HOL-1 phone booking over lunch (12:30), at 17:00 sharp, or on a rest day (Sunday 2026-02-08) is refused', () => {
    for (const now of ['2026-02-13T12:30:00+08:00', '2026-02-13T17:00:00+08:00', '2026-02-08T10:00:00+08:00']) {
      expectViolation(() => register({ channel: 'phone' }, now), 'PHONE_OUTSIDE_HOURS');
    }
  });

  test('R-HOL-1 phone booking on the make-up Saturday 2026-02-14 at 10:00 is accepted; 09:00 and 16:59 are inside', () => {
    for (const now of ['2026-02-14T10:00:00+08:00', '2026-02-14T09:00:00+08:00', '2026-02-14T16:59:00+08:00']) {
      expect(register({ channel: 'phone' }, now).kind).toBe('holiday');
    }
  });

  test('R-HOL-1 phone hours come from the settings', () => {
    const settings = { ...DEFAULT_SETTINGS, phoneHours: [{ start: '08:00', end: '20:30' }] };
    expect(register({ channel: 'phone' }, '2026-02-13T20:00:00+08:00', { settings }).kind).toBe('holiday');
  });

  test('R-CAL-1 a 2027 appointment is refused with CalendarNotConfiguredError, never guessed', () => {
    const v = violation(() => register({ start: '2027-02-10 10:00' }, '2026-12-30T10:00:00+08:00'));
    expect(v).toBeInstanceOf(CalendarNotConfiguredError);
    expect(v.code).toBe('CALENDAR_YEAR_NOT_CONFIGURED');
    expect(v.params).toEqual({ year: 2027 });
  });
});

describe('weekend appointment (R-WKD-1)', () => {
  test('R-WKD-1 2026-03-01 10:00 for a weekend item is accepted', () => {
    const r = register({ start: '2026-03-01 10:00', item: weekendItem }, FRI_BEFORE_WEEKEND);
    expect(r).toEqual({ kind: 'weekend', start: sh('2026-03-01 10:00'), end: sh('2026-03-01 11:00') });
  });

  test('R-WKD-1 2026-03-01 10:00 for an item not offered on weekends is refused', () => {
    expectViolation(() => register({ start: '2026-03-01 10:00', item: holidayOnlyItem }, FRI_BEFORE_WEEKEND),
      'ITEM_NOT_OFFERED_ON_WEEKENDS', { name: '公积金提取' });
  });

  test('R-WKD-1 12:30 (lunch break) is refused', () => {
    expectViolation(() => register({ start: '2026-03-01 12:30', item: weekendItem }, FRI_BEFORE_WEEKEND), 'OUTSIDE_SERVICE_HOURS', {
      start: '2026-03-01 12:30', sessions: '09:00–12:00、13:00–17:00',
    });
  });

  test('R-WKD-1 11:30 with a 60-minute item is refused: it would cross 12:00', () => {
    expectViolation(() => register({ start: '2026-03-01 11:30', item: weekendItem }, FRI_BEFORE_WEEKEND), 'OUTSIDE_SERVICE_HOURS', {
      end: '2026-03-01 12:30', minutes: 60,
    });
  });

  test('R-WKD-1 a slot ending exactly at 12:00 or 17:00 fits; 08:30 and 17:00 starts do not', () => {
    expect(register({ start: '2026-03-01 11:00', item: weekendItem }, FRI_BEFORE_WEEKEND).end).toEqual(sh('2026-03-01 12:00'));
    expect(register({ start: '2026-03-01 16:00', item: weekendItem }, FRI_BEFORE_WEEKEND).end).toEqual(sh('2026-03-01 17:00'));
    for (const start of ['2026-03-01 08:30', '2026-03-01 17:00']) {
      expectViolation(() => register({ start, item: weekendItem }, FRI_BEFORE_WEEKEND), 'OUTSIDE_SERVICE_HOURS');
    }
  });

  test('R-WKD-1 a weekend booking may be made on the weekend itself (no R-HOL-2 lead time)', () => {
    expect(register({ start: '2026-03-01 15:00', item: weekendItem }, '2026-03-01T09:10:00+08:00').kind).toBe('weekend');
  });
});

describe('appointment time and duration (R-HOL-5, R-LST-3)', () => {
  test('R-HOL-5 starts lie on the 30-minute slot grid of the session (09:15 is refused)', () => {
    expectViolation(() => register({ start: '2026-02-17 09:15' }, FRI_BEFORE_SF), 'START_NOT_ON_SLOT_GRID', { step: 30 });
    expect(register({ start: '2026-02-17 09:15' }, FRI_BEFORE_SF, { settings: { ...DEFAULT_SETTINGS, slotMinutes: 15 } }).kind).toBe('holiday');
  });

  test('R-LST-3 an item over 0.5 working day (241 min) is refused; exactly 240 min from 13:00 fits the afternoon', () => {
    expectViolation(() => register({ item: { ...holidayItem, expectedMinutes: 241 } }, FRI_BEFORE_SF), 'EXPECTED_MINUTES_OVER_HALF_DAY', {
      minutes: 241, limit: 240,
    });
    const r = register({ start: '2026-02-17 13:00', item: { ...holidayItem, expectedMinutes: 240 } }, FRI_BEFORE_SF);
    expect(formatShanghai(r.end)).toBe('2026-02-17 17:00');
    expectViolation(() => register({ item: { ...holidayItem, expectedMinutes: 0 } }, FRI_BEFORE_SF), 'EXPECTED_MINUTES_INVALID');
  });

  test('R-HOL-4 the start is Shanghai wall time or an instant with a zone; both mean the same moment', () => {
    const wall = register({ start: '2026-02-17 10:00' }, FRI_BEFORE_SF).start;
    expect(register({ start: '2026-02-17T02:00:00Z' }, FRI_BEFORE_SF).start).toEqual(wall);
    expect(register({ start: '2026-02-17T10:00:00+08:00' }, FRI_BEFORE_SF).start).toEqual(wall);
    expect(register({ start: sh('2026-02-17 10:00') }, FRI_BEFORE_SF).start).toEqual(wall);
  });

  test('R-X-3 a missing, malformed or impossible start is refused', () => {
    for (const start of ['', '2026-02-17', '2026-02-30 10:00', '17/02/2026 10:00', '2026-02-17 25:00', null]) {
      expectViolation(() => register({ start }, FRI_BEFORE_SF), 'START_INVALID');
    }
  });

  test('R-X-3 a start in the past is refused', () => {
    expectViolation(() => register({ start: '2026-02-17 10:00' }, '2026-02-17T10:00:00+08:00'), 'START_IN_PAST', {
      start: '2026-02-17 10:00',
    });
  });

  test('R-HOL-2 a rescheduled time is checked as an appointment, without the new-booking lead time', () => {
    const during = '2026-02-19T01:00:00+08:00';
    expectViolation(() => register({ start: '2026-02-20 10:00' }, during), 'HOLIDAY_BOOKING_TOO_LATE');
    expect(register({ start: '2026-02-20 10:00', channel: 'phone' }, during, { rescheduling: true }).kind).toBe('holiday');
    expectViolation(() => register({ start: '2026-02-24 10:00' }, during, { rescheduling: true }), 'WORKDAY_NO_APPOINTMENT');
  });
});

describe('registration form fields (R-HOL-4, R-X-3)', () => {
  test('R-HOL-4 applicant name is required, at most 50 characters, without markup', () => {
    expectViolation(() => register({ applicantName: '  ' }, FRI_BEFORE_SF), 'APPLICANT_NAME_REQUIRED');
    expectViolation(() => register({ applicantName: '张'.repeat(51) }, FRI_BEFORE_SF), 'APPLICANT_NAME_TOO_LONG', { max: 50 });
    expect(register({ applicantName: '张'.repeat(50) }, FRI_BEFORE_SF).kind).toBe('holiday');
    expectViolation(() => register({ applicantName: '<b>王</b>' }, FRI_BEFORE_SF), 'APPLICANT_NAME_INVALID');
  });

  test('R-HOL-4 unit is optional but bounded', () => {
    expect(register({ unit: undefined }, FRI_BEFORE_SF).kind).toBe('holiday');
    expectViolation(() => register({ unit: 'x'.repeat(101) }, FRI_BEFORE_SF), 'APPLICANT_UNIT_INVALID', { max: 100 });
  });

  test('R-HOL-4 phone must be a mobile or a landline with area code', () => {
    expectViolation(() => register({ phone: '2512345' }, FRI_BEFORE_SF), 'INVALID_PHONE');
    expectViolation(() => register({ phone: '' }, FRI_BEFORE_SF), 'PHONE_REQUIRED');
    expect(register({ phone: '0533-2512345' }, FRI_BEFORE_SF).kind).toBe('holiday');
  });

  test('R-HOL-1 channel is on site or phone', () => {
    expectViolation(() => register({ channel: 'email' }, FRI_BEFORE_SF), 'CHANNEL_INVALID', { value: 'email' });
  });
});

// ---------- capacity (R-HOL-5) ----------

describe('capacity hints (R-HOL-5)', () => {
  const taken = (...walls: string[]) => new Map(walls.map((w) => [sh(w).toISOString(), 1]));
  const fmt = (ds: Date[]) => ds.map(formatShanghai);

  test('R-HOL-5 slotKey ends with the ISO start, so seats of one item and window share a prefix', () => {
    const key = slotKey(7, 3, sh('2026-02-17 10:00'));
    expect(key).toBe('7:3:2026-02-17T02:00:00.000Z');
    expect(slotKey(7, 3, sh('2026-02-17 10:30')).startsWith('7:3:')).toBe(true);
    expect(slotKey(7, 4, sh('2026-02-17 10:00'))).not.toBe(key);
  });

  test('R-HOL-5 full 10:00 and 10:30 on 2026-02-17: next are 11:00, 13:00, 13:30 (11:30 + 60 min would cross noon)', () => {
    const next = nextFreeStarts({
      taken: taken('2026-02-17 10:00', '2026-02-17 10:30'), capacity: 1, calendar, from: sh('2026-02-17 10:00'),
      kindSessions: DEFAULT_SETTINGS.holidaySessions, stepMinutes: 30, durationMinutes: 60,
    });
    expect(fmt(next)).toEqual(['2026-02-17 11:00', '2026-02-17 13:00', '2026-02-17 13:30']);
  });

  test('R-HOL-5 capacity 2: a start with one seat taken is still free', () => {
    const next = nextFreeStarts({
      taken: new Map([[sh('2026-02-17 10:00').toISOString(), 2], [sh('2026-02-17 10:30').toISOString(), 1]]),
      capacity: 2, calendar, from: sh('2026-02-17 10:00'), kind: 'holiday', durationMinutes: 30, limit: 1,
    });
    expect(fmt(next)).toEqual(['2026-02-17 10:30']);
  });

  test('R-HOL-5 a holiday appointment is only suggested inside its holiday period', () => {
    const next = nextFreeStarts({
      taken: taken('2026-02-23 16:00'), capacity: 1, calendar, from: sh('2026-02-23 16:00'), durationMinutes: 60,
    });
    expect(next).toEqual([]); // 2026-02-24 is a working day
    // Qingming ends 2026-04-06; Labour Day (05-01) is another holiday, not a substitute for this appointment.
    expect(nextFreeStarts({
      taken: taken('2026-04-06 16:00'), capacity: 1, calendar, from: sh('2026-04-06 16:00'), durationMinutes: 60,
    })).toEqual([]);
    const spill = nextFreeStarts({
      taken: taken('2026-02-22 16:00'), capacity: 1, calendar, from: sh('2026-02-22 16:00'), durationMinutes: 60,
    });
    expect(fmt(spill)).toEqual(['2026-02-23 09:00', '2026-02-23 09:30', '2026-02-23 10:00']);
  });

  test('R-HOL-5 R-CAL-2 a full Sunday afternoon suggests the next weekend service day, skipping make-up Saturdays', () => {
    const next = nextFreeStarts({
      taken: taken('2026-03-01 16:00'), capacity: 1, calendar, from: sh('2026-03-01 16:00'), durationMinutes: 60, settings: DEFAULT_SETTINGS,
    });
    expect(fmt(next)).toEqual(['2026-03-07 09:00', '2026-03-07 09:30', '2026-03-07 10:00']);
    const beforeMakeup = nextFreeStarts({
      taken: taken('2026-02-08 16:00'), capacity: 1, calendar, from: sh('2026-02-08 16:00'), durationMinutes: 60, limit: 1,
    });
    // 02-14 is a make-up Saturday, 02-15..23 the holiday, 02-28 make-up again: next weekend service day is 03-01.
    expect(fmt(beforeMakeup)).toEqual(['2026-03-01 09:00']);
  });

  test('R-CAL-1 suggestions stop where the configured calendar ends (2027)', () => {
    const next = nextFreeStarts({
      taken: taken('2026-12-27 16:00'), capacity: 1, calendar, from: sh('2026-12-27 16:00'), durationMinutes: 60,
    });
    expect(next).toEqual([]);
  });
});

// ---------- reschedule (R-RSC-1..3) ----------

describe('reschedule (R-RSC-1..3)', () => {
  const originalStart = sh('2026-02-19 14:00');
  const request = (now: string, over: Record<string, unknown> = {}) =>
    checkRescheduleRequest({ originalStart, now: at(now), kind: 'ordinary', reason: '窗口系统升级', settings: DEFAULT_SETTINGS, ...over } as any);

  test('R-RSC-2 an ordinary request 11 h before the appointment is refused with hours left and the deadline', () => {
    expectViolation(() => request('2026-02-19T03:00:00+08:00'), 'RESCHEDULE_NOTICE_TOO_SHORT', {
      hours: 12, hoursLeft: 11, deadline: '2026-02-19 02:00',
    });
  });

  test('R-RSC-2 13 h before is accepted; exactly 12 h is the last moment', () => {
    expect(request('2026-02-19T01:00:00+08:00')).toEqual({ forceMajeure: false, reportToSection: false, deadline: sh('2026-02-19 02:00') });
    expect(request('2026-02-19T02:00:00+08:00').forceMajeure).toBe(false);
    expectViolation(() => request('2026-02-19T02:00:01+08:00'), 'RESCHEDULE_NOTICE_TOO_SHORT', { hoursLeft: 11 });
  });

  test('R-RSC-2 the notice hours come from the settings', () => {
    const settings: DutySettings = { ...DEFAULT_SETTINGS, rescheduleNoticeHours: 24 };
    expectViolation(() => request('2026-02-19T01:00:00+08:00', { settings }), 'RESCHEDULE_NOTICE_TOO_SHORT', { hours: 24, hoursLeft: 13 });
  });

  test('R-RSC-3 force majeure 1 h before is accepted and flagged for the section', () => {
    expect(request('2026-02-19T13:00:00+08:00', { kind: 'forceMajeure', reason: '暴雪封路' })).toMatchObject({
      forceMajeure: true, reportToSection: true,
    });
  });

  test('R-RSC-1 no reschedule without a reason, force majeure included', () => {
    for (const kind of ['ordinary', 'forceMajeure']) {
      expectViolation(() => request('2026-02-18T10:00:00+08:00', { kind, reason: '  ' }), 'REASON_REQUIRED');
    }
  });

  test('R-RSC-1 an unknown kind and a proposed time in the past are refused', () => {
    expectViolation(() => request('2026-02-18T10:00:00+08:00', { kind: 'whim' }), 'RESCHEDULE_KIND_INVALID', { value: 'whim' });
    expectViolation(() => request('2026-02-18T10:00:00+08:00', { proposedStart: '2026-02-18 09:00' }), 'START_IN_PAST');
    expect(request('2026-02-18T10:00:00+08:00', { proposedStart: '2026-02-20 10:00' }).forceMajeure).toBe(false);
  });

  test('R-RSC-2 the chief approving an ordinary reschedule past the deadline is refused; rejecting is always allowed', () => {
    const decide = (now: string, approve: boolean, kind = 'ordinary') =>
      checkRescheduleDecision({ originalStart, now: at(now), approve, kind: kind as any });
    expect(() => decide('2026-02-19T01:00:00+08:00', true)).not.toThrow();
    expectViolation(() => decide('2026-02-19T03:00:00+08:00', true), 'RESCHEDULE_DECISION_TOO_LATE', { hoursLeft: 11 });
    expect(() => decide('2026-02-19T03:00:00+08:00', false)).not.toThrow();
    expect(() => decide('2026-02-19T13:30:00+08:00', true, 'forceMajeure')).not.toThrow();
  });
});

// ---------- on the day and completion (R-DAY-1..3) ----------

describe('on the day (R-DAY-1..3)', () => {
  const start = sh('2026-02-20 09:00');

  test('R-DAY-1 the applicant is late from 30 minutes past the agreed time', () => {
    expect(isLate(start, sh('2026-02-20 09:29'), 30)).toBe(false);
    expect(isLate(start, sh('2026-02-20 09:30'), 30)).toBe(true);
    expect(isLate(start, sh('2026-02-20 09:10'), 10)).toBe(true);
  });

  test('R-DAY-2 "gave up" can be recorded only once late, naming the time from which it can', () => {
    expectViolation(() => checkAbandon(start, sh('2026-02-20 09:20'), 30), 'ABANDON_BEFORE_LATE', { from: '2026-02-20 09:30', minutes: 30 });
    expect(() => checkAbandon(start, sh('2026-02-20 09:31'), 30)).not.toThrow();
  });

  const done = (over: Record<string, unknown> = {}) =>
    checkCompletion({
      actualStart: sh('2026-02-17 10:00'), actualEnd: sh('2026-02-17 11:10'), now: sh('2026-02-17 11:15'),
      arrivedAt: sh('2026-02-17 09:55'), appointmentStart: sh('2026-02-17 10:00'), sessions: DEFAULT_SETTINGS.holidaySessions,
      signature: { kind: 'confirmation', value: '申请人当场口头确认' }, ...over,
    } as any);

  test('R-DAY-3 completion records the duration in minutes', () => {
    expect(done()).toMatchObject({ durationMinutes: 70 });
    expect(done({ actualStart: '2026-02-17 10:00', actualEnd: '2026-02-17T11:10:00+08:00' })).toMatchObject({ durationMinutes: 70 });
    expect(done({ signature: { kind: 'image', value: 'data:image/png;base64,iVBORw0KGgo=' } }).durationMinutes).toBe(70);
  });

  test('R-DAY-3 R-X-6 end must be after start and not after now (a few minutes of clock skew are stored as now)', () => {
    expectViolation(() => done({ actualEnd: sh('2026-02-17 10:00') }), 'ACTUAL_END_NOT_AFTER_START');
    expectViolation(() => done({ actualEnd: sh('2026-02-17 11:30') }), 'ACTUAL_END_IN_FUTURE', { end: '2026-02-17 11:30' });
    const skewed = done({ actualEnd: sh('2026-02-17 11:19') }); // within 5 min skew: stored as now, 11:15
    expect(skewed.end.toISOString()).toBe(sh('2026-02-17 11:15').toISOString());
    expect(skewed.durationMinutes).toBe(75);
    expectViolation(() => done({ actualStart: null }), 'ACTUAL_TIMES_REQUIRED');
  });

  test('R-X-6 served time starts no earlier than the arrival (whole minutes just before it count from it)', () => {
    expectViolation(() => done({ actualStart: sh('2026-02-17 09:30') }), 'ACTUAL_START_BEFORE_ARRIVAL', {
      start: '2026-02-17 09:30', arrived: '2026-02-17 09:55',
    });
    const arrived = new Date(sh('2026-02-17 09:55').getTime() + 31000); // 09:55:31, the form sends 09:55
    const r = done({ arrivedAt: arrived, actualStart: sh('2026-02-17 09:55') });
    expect(r.start.toISOString()).toBe(arrived.toISOString());
  });

  test('R-X-6 served time lies on the appointment day inside its service sessions', () => {
    // Finding 1 of issue 11: a start eleven months before the appointment, an end now.
    expectViolation(() => done({ arrivedAt: sh('2025-03-17 09:00'), actualStart: sh('2025-03-17 10:00') }), 'ACTUAL_TIME_OUTSIDE_SESSIONS', {
      time: '2025-03-17 10:00', date: '2026-02-17',
    });
    expectViolation(() => done({ actualStart: sh('2026-02-17 12:10'), actualEnd: sh('2026-02-17 12:50'), now: sh('2026-02-17 13:00') }),
      'ACTUAL_TIME_OUTSIDE_SESSIONS', { time: '2026-02-17 12:10' }); // over lunch
    expectViolation(() => done({ actualEnd: sh('2026-02-17 17:30'), now: sh('2026-02-17 18:00') }), 'ACTUAL_TIME_OUTSIDE_SESSIONS', { time: '2026-02-17 17:30' });
    expect(done({ actualEnd: sh('2026-02-17 12:00'), now: sh('2026-02-17 12:30') }).durationMinutes).toBe(120); // ends as the session does
    expect(done({ actualStart: sh('2026-02-17 11:30'), actualEnd: sh('2026-02-17 13:30'), now: sh('2026-02-17 14:00') }).durationMinutes).toBe(120);
    expectViolation(() => done({ actualStart: sh('2026-02-18 10:00'), actualEnd: sh('2026-02-18 11:00'), now: sh('2026-02-18 12:00') }),
      'ACTUAL_TIME_OUTSIDE_SESSIONS', { date: '2026-02-17' }); // another day
  });

  test('R-DAY-3 the applicant signature (image or recorded confirmation) is required', () => {
    expectViolation(() => done({ signature: null }), 'SIGNATURE_REQUIRED');
    expectViolation(() => done({ signature: { kind: 'confirmation', value: ' ' } }), 'SIGNATURE_REQUIRED');
    expectViolation(() => done({ signature: { kind: 'image', value: 'javascript:alert(1)' } }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: { kind: 'fingerprint', value: 'x' } }), 'SIGNATURE_INVALID');
  });

  test('R-DAY-3 R-X-3 a signature is exactly { kind, value }: a PNG data URL up to 200 KB or bounded plain text', () => {
    const png = (bytes: number) => `data:image/png;base64,${Buffer.alloc(bytes, 7).toString('base64')}`;
    expect(done({ signature: { kind: 'image', value: png(200 * 1024) } }).signature).toEqual({ kind: 'image', value: png(200 * 1024) });
    expectViolation(() => done({ signature: { kind: 'image', value: png(200 * 1024 + 1) } }), 'SIGNATURE_TOO_LARGE', { maxKb: 200 });
    expectViolation(() => done({ signature: { kind: 'image', value: 'data:image/svg+xml;base64,PHN2Zz4=' } }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: { kind: 'image', value: 'data:image/jpeg;base64,/9j/4AAQ' } }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: { kind: 'image', value: 'https://evil.example/x.png' } }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: { kind: 'confirmation', value: '确认', junk: 'x'.repeat(1_000_000) } }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: { kind: 'confirmation', value: { text: '确认' } } }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: ['confirmation', '确认'] }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: '申请人确认' }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: { kind: 'confirmation', value: '确'.repeat(501) } }), 'SIGNATURE_INVALID');
    expectViolation(() => done({ signature: { kind: 'confirmation', value: '<img src=x onerror=alert(1)>' } }), 'SIGNATURE_INVALID');
    expect(done({ signature: { kind: 'confirmation', value: '  申请人当场口头确认  ' } }).signature).toEqual({ kind: 'confirmation', value: '申请人当场口头确认' });
  });
});

describe('booking number (R-HOL-4)', () => {
  test('R-HOL-4 booking numbers read YY-<year>-<6 digits>', () => {
    expect(formatBookingNumber(2026, 123)).toBe('YY-2026-000123');
    expect(formatBookingNumber(2026, 1234567)).toBe('YY-2026-1234567');
    expect(() => formatBookingNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatBookingNumber(26, 1)).toThrow(RangeError);
  });

  test('R-HOL-4 parseStart reads Shanghai wall time regardless of the server TZ', () => {
    expect(parseStart('2026-02-17 10:00')?.toISOString()).toBe('2026-02-17T02:00:00.000Z');
    expect(parseStart('2026-02-17T10:00')?.toISOString()).toBe('2026-02-17T02:00:00.000Z');
    expect(parseStart('2026-02-17 10:00:30')).toBeNull(); // appointments are on the minute
  });
});

// ---------- the state machine (R-DSP-1..4, R-PRE-1, R-RSC-1, R-DAY-2, R-X-1, R-X-6) ----------
// Statuses only: who may take each step is the access policy's (test/rules/policy.test.ts).

// Written out independently of TRANSITIONS: [action, from statuses, to ('same' = unchanged)].
const EXPECTED: [BookingAction, (BookingStatus | null)[], BookingStatus | 'same'][] = [
  ['register', [null], 'registered'],
  ['dispatch', ['registered'], 'dispatched'],
  ['signFor', ['dispatched'], 'signedFor'],
  ['signForCooperation', ['dispatched', 'signedFor', 'contacted', 'inService'], 'same'],
  ['assignHandlers', ['signedFor', 'contacted'], 'same'],
  ['logContact', ['signedFor', 'contacted'], 'contacted'],
  ['requestReschedule', ['signedFor', 'contacted'], 'same'],
  ['decideReschedule', ['signedFor', 'contacted'], 'same'],
  ['arrive', ['contacted'], 'inService'],
  ['complete', ['inService'], 'completed'],
  ['correctServedTime', ['completed'], 'same'],
  ['abandon', ['signedFor', 'contacted'], 'abandoned'],
  ['cancel', ['registered', 'dispatched', 'signedFor', 'contacted'], 'cancelled'],
];

describe('state machine', () => {
  test('R-X-1 every allowed (status, action) moves to the expected status — and nothing else is allowed', () => {
    const expected = new Set<string>();
    for (const [action, froms, to] of EXPECTED) {
      for (const from of froms) expected.add(`${from}|${action}>${to === 'same' ? from : to}`);
    }
    const actual = new Set<string>();
    for (const status of [null, ...BOOKING_STATUSES]) {
      for (const action of BOOKING_ACTIONS) {
        try {
          actual.add(`${status}|${action}>${transition(status, action, { reason: '申请人来电' }).to}`);
        } catch (e) {
          if (!(e instanceof RuleViolation)) throw e;
        }
      }
    }
    expect([...actual].sort()).toEqual([...expected].sort());
    expect(actual.size).toBe(24);
  });

  test('R-X-1 the state machine no longer carries role lists: the policy is the one source', () => {
    for (const rule of Object.values(TRANSITIONS)) expect(rule).not.toHaveProperty('roles');
  });

  test('R-DSP-1 the lifecycle desk → section → window lead → staff runs through', () => {
    const path: [BookingAction, BookingStatus][] = [
      ['register', 'registered'], ['dispatch', 'dispatched'], ['signFor', 'signedFor'],
      ['logContact', 'contacted'], ['arrive', 'inService'], ['complete', 'completed'],
    ];
    let status: BookingStatus | null = null;
    for (const [action, to] of path) {
      status = transition(status, action).to;
      expect(status).toBe(to);
    }
  });

  test('R-RSC-1 R-PRE-1 R-DSP-3 reschedule, handler change, repeated contacts and a cooperating sign-for keep the status', () => {
    expect(transition('contacted', 'requestReschedule', { reason: '系统升级' }).to).toBe('contacted');
    expect(transition('signedFor', 'decideReschedule').to).toBe('signedFor');
    expect(transition('contacted', 'assignHandlers').to).toBe('contacted');
    expect(transition('contacted', 'logContact').to).toBe('contacted');
    expect(transition('dispatched', 'signForCooperation').to).toBe('dispatched');
    expect(transition('completed', 'correctServedTime', { reason: '补录' }).to).toBe('completed');
  });

  test('R-DSP-2 a window cannot refuse: there is no reject action', () => {
    expect(Object.keys(TRANSITIONS)).not.toContain('reject');
    expectViolation(() => transition('dispatched', 'reject' as BookingAction), 'UNKNOWN_ACTION', { action: 'reject' });
  });

  const forbiddenByStatus: [BookingStatus | null, BookingAction][] = [
    [null, 'dispatch'],
    ['registered', 'register'],
    ['registered', 'signFor'], // skips dispatch
    ['registered', 'complete'],
    ['registered', 'signForCooperation'], // nothing dispatched yet
    ['dispatched', 'arrive'], // skips sign-for and contact
    ['dispatched', 'dispatch'],
    ['signedFor', 'arrive'], // R-PRE-1: contact first
    ['signedFor', 'complete'],
    ['inService', 'abandon'], // arrived: nothing to give up
    ['inService', 'cancel'],
    ['inService', 'correctServedTime'], // not completed yet: complete records the times
    ['completed', 'cancel'],
    ['completed', 'requestReschedule'],
    ['completed', 'signForCooperation'],
    ['abandoned', 'complete'],
    ['abandoned', 'correctServedTime'],
    ['cancelled', 'dispatch'],
    ['cancelled', 'logContact'],
  ];
  test.each(forbiddenByStatus)('R-X-1 from %s, %s is refused: ACTION_NOT_ALLOWED_FROM_STATUS', (status, action) => {
    expectViolation(() => transition(status, action, { reason: 'x' }), 'ACTION_NOT_ALLOWED_FROM_STATUS', {
      action, status: status ?? 'none',
    });
  });

  test('R-RSC-1 R-DAY-2 R-X-6 cancel, reschedule request, abandon and a served-time correction need a reason', () => {
    for (const [status, action] of [
      ['registered', 'cancel'], ['contacted', 'requestReschedule'], ['signedFor', 'abandon'], ['completed', 'correctServedTime'],
    ] as [BookingStatus, BookingAction][]) {
      for (const reason of [undefined, '', '   ', null]) {
        expectViolation(() => transition(status, action, { reason }), 'REASON_REQUIRED', { action });
      }
      expect(() => transition(status, action, { reason: '申请人来电取消' })).not.toThrow();
    }
  });
});

// ---------- settings ----------

describe('settings (configurable numbers)', () => {
  test('R-HOL-1 R-WKD-1 R-RSC-2 R-DAY-1 defaults are the plan\'s numbers and pass validation', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      phoneNumber: '0533-2512345', halfDayMinutes: 240, rescheduleNoticeHours: 12, lateMinutes: 30, slotMinutes: 30,
    });
    expect(DEFAULT_SETTINGS.phoneHours).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(DEFAULT_SETTINGS.weekendSessions).toEqual(DEFAULT_SETTINGS.phoneHours);
    expect(DEFAULT_SETTINGS.holidaySessions).toEqual(DEFAULT_SETTINGS.weekendSessions);
    expect(checkSettings(DEFAULT_SETTINGS)).toBeNull();
    expect(Object.isFrozen(DEFAULT_SETTINGS) && Object.isFrozen(DEFAULT_SETTINGS.phoneHours)).toBe(true);
  });

  test('R-X-3 withDefaults fills a stored partial object and ignores unknown keys', () => {
    const s = withDefaults({ lateMinutes: 20, bogus: 1 } as any);
    expect(s.lateMinutes).toBe(20);
    expect(s.rescheduleNoticeHours).toBe(12);
    expect('bogus' in s).toBe(false);
  });

  const bad: [string, Partial<DutySettings>, string][] = [
    ['a bad time', { weekendSessions: [{ start: '9:00', end: '12:00' }] }, 'SETTINGS_TIME_INVALID'],
    ['25:00', { phoneHours: [{ start: '09:00', end: '25:00' }] }, 'SETTINGS_TIME_INVALID'],
    ['start after end', { holidaySessions: [{ start: '12:00', end: '09:00' }] }, 'SETTINGS_SESSIONS_INVALID'],
    ['overlapping', { weekendSessions: [{ start: '09:00', end: '12:30' }, { start: '12:00', end: '17:00' }] }, 'SETTINGS_SESSIONS_INVALID'],
    ['unordered', { weekendSessions: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }] }, 'SETTINGS_SESSIONS_INVALID'],
    ['no sessions', { phoneHours: [] }, 'SETTINGS_SESSIONS_EMPTY'],
    ['zero notice', { rescheduleNoticeHours: 0 }, 'SETTINGS_NUMBER_INVALID'],
    ['negative late', { lateMinutes: -5 }, 'SETTINGS_NUMBER_INVALID'],
    ['fractional hours', { contactReminderHours: 2.5 }, 'SETTINGS_NUMBER_INVALID'],
    ['a string', { halfDayMinutes: '240' as any }, 'SETTINGS_NUMBER_INVALID'],
    ['slot longer than half a day', { slotMinutes: 150, halfDayMinutes: 120 }, 'SETTINGS_SLOT_OVER_HALF_DAY'],
    ['bad phone', { phoneNumber: '2512345' }, 'INVALID_PHONE'],
  ];
  test.each(bad)('R-X-3 settings with %s are refused', (_, over, code) => {
    expectViolation(() => {
      const problem = checkSettings({ ...DEFAULT_SETTINGS, ...over } as DutySettings);
      if (problem) throw problem;
    }, code);
  });

  test('R-X-3 no settings object at all is refused', () => {
    expectViolation(() => {
      throw checkSettings(null as any);
    }, 'SETTINGS_INVALID');
  });

  test('R-WKD-1 touching sessions and an end of 24:00 are fine', () => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, weekendSessions: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '24:00' }] })).toBeNull();
  });
});
