import {
  Calendar,
  CalendarNotConfiguredError,
  DEFAULT_HALF_WORKING_DAY_MINUTES,
  exceedsHalfWorkingDay,
  fromShanghai,
  shanghaiDate,
  shanghaiMinutes,
  validateCalendarDay,
  weekdayKind,
} from '../../src/rules/calendar';
import { seedDays, seedYearsAvailable } from '../../src/rules/calendarSeed';
import { execFileSync } from 'child_process';
import path from 'path';

const years = seedYearsAvailable();
const cal = new Calendar(years.flatMap(seedDays), years);

describe('seed from chinese-days', () => {
  test('R-CAL-1 seeded years include 2025 and 2026 but not the unpublished 2027', () => {
    expect(years).toEqual(expect.arrayContaining([2025, 2026]));
    expect(years).not.toContain(2027);
    expect(seedDays(2027)).toEqual([]);
  });

  test('R-CAL-1 2026 Spring Festival seed rows: 2026-02-15..23 holidays, make-up Saturdays 02-14 and 02-28', () => {
    const feb = seedDays(2026).filter((d) => d.date.startsWith('2026-02'));
    expect(feb).toEqual([
      { date: '2026-02-14', kind: 'makeupWorkday', holidayName: '春节' },
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((dd) => ({
        date: `2026-02-${dd}`,
        kind: 'holiday',
        holidayName: '春节',
      })),
      { date: '2026-02-28', kind: 'makeupWorkday', holidayName: '春节' },
    ]);
  });

  test('R-CAL-1 seed emits only non-default days, each valid for the calendar table', () => {
    for (const year of [2025, 2026]) {
      const days = seedDays(year);
      expect(days.length).toBeGreaterThan(20);
      for (const d of days) {
        expect(['holiday', 'makeupWorkday']).toContain(d.kind);
        expect(validateCalendarDay(d)).toBeNull();
        expect(d.holidayName).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
  });
});

describe('day kinds', () => {
  test('R-CAL-1 2026-02-14 is a make-up workday', () => {
    expect(cal.dayKind('2026-02-14')).toBe('makeupWorkday');
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(weekdayKind('2026-02-14')).toBe('weekendRest'); // a Saturday by the plain weekday
  });

  test('R-CAL-1 2025 National Day: 10-01..08 holidays, make-up 09-28 (Sun) and 10-11 (Sat)', () => {
    for (let d = 1; d <= 8; d++) expect(cal.dayKind(`2025-10-0${d}`)).toBe('holiday');
    expect(cal.dayKind('2025-09-28')).toBe('makeupWorkday');
    expect(cal.dayKind('2025-10-11')).toBe('makeupWorkday');
    expect(cal.dayKind('2025-10-09')).toBe('workday');
    expect(cal.dayKind('2025-10-12')).toBe('weekendRest');
  });

  test('R-CAL-1 days not in the table default by weekday', () => {
    expect(cal.dayKind('2026-03-02')).toBe('workday'); // Monday
    expect(cal.dayKind('2026-03-01')).toBe('weekendRest'); // Sunday
    expect(cal.day('2026-03-02')).toEqual({ date: '2026-03-02', kind: 'workday', holidayName: null });
  });

  test('R-CAL-1 table rows must agree with the weekday, and dates are unique', () => {
    expect(() => new Calendar([{ date: '2026-03-02', kind: 'makeupWorkday' }], [2026])).toThrow(RangeError);
    expect(() => new Calendar([{ date: '2026-03-01', kind: 'workday' }], [2026])).toThrow(RangeError);
    expect(() => new Calendar([{ date: '2026-03-02', kind: 'weekendRest' }], [2026])).toThrow(RangeError);
    const dup = { date: '2026-03-03', kind: 'holiday' as const };
    expect(() => new Calendar([dup, dup], [2026])).toThrow(/Duplicate/);
  });
});

describe('weekend service days (R-CAL-2)', () => {
  test('R-CAL-2 2026-03-01 (Sunday after the Spring Festival make-up Saturday) is a weekend service day', () => {
    expect(cal.isWeekendServiceDay('2026-03-01')).toBe(true);
  });

  test('R-CAL-2 2026-02-22 (Sunday inside Spring Festival) is a holiday, not a weekend service day', () => {
    expect(cal.dayKind('2026-02-22')).toBe('holiday');
    expect(cal.isWeekendServiceDay('2026-02-22')).toBe(false);
  });

  test('R-CAL-2 a make-up Saturday is a working day, not a weekend service day', () => {
    expect(cal.isWeekendServiceDay('2026-02-14')).toBe(false);
    expect(cal.isWeekendServiceDay('2026-02-28')).toBe(false);
  });

  test('R-CAL-2 weekdays are never weekend service days', () => {
    expect(cal.isWeekendServiceDay('2026-03-02')).toBe(false);
  });

  test('R-CAL-2 与周末连休: a weekend in the notice is a holiday; one merely adjacent stays a service day', () => {
    // Real 2026 Dragon Boat notice: 06-19 (Fri) to 06-21 (Sun), the weekend is in the period.
    expect(cal.isWeekendServiceDay('2026-06-20')).toBe(false);
    expect(cal.holidayPeriodOf('2026-06-20')).toMatchObject({ start: '2026-06-19', end: '2026-06-21' });
    // Hypothetical notice giving only the Friday: the following weekend is an ordinary 周末无休 day.
    const fridayOnly = new Calendar([{ date: '2026-06-19', kind: 'holiday', holidayName: '端午' }], [2026]);
    expect(fridayOnly.isWeekendServiceDay('2026-06-20')).toBe(true);
    expect(fridayOnly.holidayPeriodOf('2026-06-19')).toEqual({
      name: '端午',
      start: '2026-06-19',
      end: '2026-06-19',
      days: 1,
    });
  });
});

describe('holiday periods', () => {
  test('R-CAL-2 2025-10-01..08 is one period named 国庆节、中秋', () => {
    expect(cal.holidayPeriodOf('2025-10-05')).toEqual({
      name: '国庆节、中秋',
      start: '2025-10-01',
      end: '2025-10-08',
      days: 8,
    });
  });

  test('R-CAL-2 2026 Spring Festival period is 2026-02-15..23, 9 days', () => {
    expect(cal.holidayPeriodOf('2026-02-22')).toEqual({ name: '春节', start: '2026-02-15', end: '2026-02-23', days: 9 });
    expect(cal.holidayPeriodOf('2026-02-24')).toBeNull();
  });

  test('R-CAL-2 nextHolidayPeriodAfter skips the period the date is in', () => {
    expect(cal.nextHolidayPeriodAfter('2026-02-14')).toMatchObject({ start: '2026-02-15', end: '2026-02-23' });
    expect(cal.nextHolidayPeriodAfter('2026-02-16')).toMatchObject({ name: '清明', start: '2026-04-04', end: '2026-04-06' });
  });
});

describe('working-day arithmetic (R-CAL-3)', () => {
  test('R-CAL-3 the working day before 2026-02-15 is the make-up Saturday 2026-02-14', () => {
    expect(cal.workingDayBefore('2026-02-15')).toBe('2026-02-14');
    expect(cal.workingDayBefore('2025-10-01')).toBe('2025-09-30');
    expect(cal.workingDayBefore('2026-02-24')).toBe('2026-02-14');
  });

  test('R-CAL-3 addWorkingDays steps over Spring Festival', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-24', -2)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  test('R-CAL-3 addWorkingDays(date, 0) keeps a working day and rolls a rest day forward', () => {
    expect(cal.addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-18', 0)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-03-01', 0)).toBe('2026-03-02');
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  test('R-CAL-3 workingDaysBetween counts (a, b] by the calendar, not the plain weekday', () => {
    // Plain weekdays in (02-13, 02-24] would be 7; the calendar has 02-14 and 02-24 only.
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
    expect(cal.workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-01', '2026-03-02')).toBe(1);
  });

  test('R-CAL-3 addWorkingDays and workingDaysBetween agree across February 2026', () => {
    for (let a = 1; a <= 28; a++) {
      const from = `2026-02-${String(a).padStart(2, '0')}`;
      for (let n = -5; n <= 5; n++) {
        const to = cal.addWorkingDays(from, n);
        // (a, b] inclusivity: the count matches n going forward, and backward from a working day.
        if (n > 0 || (n < 0 && cal.isWorkingDay(from))) expect(cal.workingDaysBetween(from, to)).toBe(n);
        expect(cal.isWorkingDay(to)).toBe(true);
      }
    }
  });
});

describe('unconfigured years: refuse rather than guess', () => {
  test('R-CAL-1 a 2027 date throws CalendarNotConfiguredError', () => {
    expect(() => cal.dayKind('2027-01-04')).toThrow(CalendarNotConfiguredError);
    try {
      cal.isWorkingDay('2027-01-04');
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarNotConfiguredError);
      expect(e).toMatchObject({ code: 'CALENDAR_YEAR_NOT_CONFIGURED', year: 2027 });
    }
  });

  test('R-CAL-3 arithmetic running into 2027 throws instead of assuming weekdays', () => {
    expect(() => cal.addWorkingDays('2026-12-31', 1)).toThrow(CalendarNotConfiguredError);
    expect(() => cal.workingDaysBetween('2026-12-30', '2027-01-05')).toThrow(CalendarNotConfiguredError);
    expect(() => cal.nextHolidayPeriodAfter('2026-10-08')).toThrow(CalendarNotConfiguredError);
  });

  test('R-CAL-1 a row in an unconfigured year does not make that year usable', () => {
    const partial = new Calendar([{ date: '2027-01-01', kind: 'holiday', holidayName: '元旦' }], [2026]);
    expect(() => partial.dayKind('2027-01-01')).toThrow(CalendarNotConfiguredError);
    expect(new Calendar([], [2027]).dayKind('2027-01-04')).toBe('workday');
  });
});

describe('date input validation', () => {
  test.each(['2026-2-14', '2026-02-30', '20260214', '2026-02-14T00:00', '', 'tomorrow'])(
    'R-CAL-1 bad date string %p throws RangeError',
    (bad) => {
      expect(() => cal.dayKind(bad)).toThrow(RangeError);
      expect(() => weekdayKind(bad)).toThrow(RangeError);
    },
  );

  test('R-CAL-1 a non-string date throws RangeError', () => {
    expect(() => cal.dayKind(null as any)).toThrow(RangeError);
    expect(() => cal.dayKind(new Date() as any)).toThrow(RangeError);
  });
});

// Jest's sandboxed process.env does not reach Node's TZ hook, so the TZ matrix runs in a real
// child Node process that bundles src/rules/calendar.ts with esbuild (as the build does).
const TZ_PROBE = `
const esbuild = require('esbuild');
const Module = require('module');
const file = require('path').resolve('src/rules/calendar.ts');
const { outputFiles } = esbuild.buildSync({ entryPoints: [file], bundle: true, write: false, format: 'cjs', platform: 'node' });
const mod = new Module(file);
mod.filename = file;
mod.paths = Module._nodeModulePaths(require('path').dirname(file));
mod._compile(outputFiles[0].text, file);
const c = mod.exports;
const out = {};
for (const tz of JSON.parse(process.argv[1])) {
  process.env.TZ = tz;
  const local = new Date('2026-02-13T17:00:00Z');
  out[tz] = {
    localDate: local.getDate(),
    fromString: c.shanghaiDate('2026-02-13T17:00:00Z'),
    fromDate: c.shanghaiDate(local),
    fromNumber: c.shanghaiDate(local.getTime()),
    minutes: c.shanghaiMinutes(local),
    wallDate: c.shanghaiDate('2026-02-14 00:30'),
    wallMinutes: c.shanghaiMinutes('2026-02-14T00:30'),
    fromShanghai: c.fromShanghai('2026-02-14', 570).toISOString(),
  };
}
console.log(JSON.stringify(out));
`;

describe('Asia/Shanghai time, whatever the server TZ', () => {
  const zones = ['America/Los_Angeles', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati'];
  let probe: Record<string, Record<string, unknown>>;
  beforeAll(() => {
    const stdout = execFileSync(process.execPath, ['-e', TZ_PROBE, JSON.stringify(zones)], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    probe = JSON.parse(stdout);
  });

  test.each(zones)('R-CAL-1 shanghaiDate of 2026-02-13T17:00:00Z is 2026-02-14 with TZ=%s', (tz) => {
    expect(probe[tz]).toEqual({
      // Guard: the server-local date really differs by TZ, so a leak of local time would show.
      localDate: ['Asia/Shanghai', 'Pacific/Kiritimati'].includes(tz) ? 14 : 13,
      fromString: '2026-02-14',
      fromDate: '2026-02-14',
      fromNumber: '2026-02-14',
      minutes: 60,
      // Zone-less strings are Shanghai wall time, not server-local time.
      wallDate: '2026-02-14',
      wallMinutes: 30,
      fromShanghai: '2026-02-14T01:30:00.000Z',
    });
  });

  test('R-CAL-1 shanghaiMinutes counts from Shanghai midnight', () => {
    expect(shanghaiMinutes('2026-02-14T01:30:00.000Z')).toBe(570);
    expect(shanghaiMinutes('2026-02-14T15:59:00Z')).toBe(1439);
    expect(shanghaiMinutes('2026-02-14T16:00:00Z')).toBe(0);
    expect(shanghaiMinutes('2026-02-14T09:30:00+08:00')).toBe(570);
  });

  test.each(['not a date', '2026-02-30T10:00:00Z', '2026-02-14 24:00', 'Feb 14 2026 10:00', ''])(
    'R-CAL-1 bad instant %p throws RangeError',
    (bad) => {
      expect(() => shanghaiDate(bad)).toThrow(RangeError);
    },
  );

  test('R-CAL-1 invalid Date and NaN throw RangeError', () => {
    expect(() => shanghaiDate(new Date('x'))).toThrow(RangeError);
    expect(() => shanghaiMinutes(NaN)).toThrow(RangeError);
  });
});

describe('handling time limit (R-LST-3)', () => {
  test('R-LST-3 0.5 working day is 240 minutes by default; exactly 240 is allowed', () => {
    expect(DEFAULT_HALF_WORKING_DAY_MINUTES).toBe(240);
    expect(exceedsHalfWorkingDay(240)).toBe(false);
    expect(exceedsHalfWorkingDay(241)).toBe(true);
    expect(exceedsHalfWorkingDay(0)).toBe(false);
  });

  test('R-LST-3 the limit is configurable', () => {
    expect(exceedsHalfWorkingDay(241, 300)).toBe(false);
    expect(exceedsHalfWorkingDay(200, 180)).toBe(true);
  });

  test('R-LST-3 negative or non-numeric minutes throw', () => {
    expect(() => exceedsHalfWorkingDay(-1)).toThrow(RangeError);
    expect(() => exceedsHalfWorkingDay(NaN)).toThrow(RangeError);
    expect(() => exceedsHalfWorkingDay(60, 0)).toThrow(RangeError);
  });
});
