// R-CAL-4: the State Council's notice text → holiday periods and make-up workdays, proven for every
// year 2015–2026 day by day against `chinese-days` (which the calendar is seeded from), and a
// table of broken notices, each refused with the line it names.
import fs from 'node:fs';
import path from 'node:path';
import { parseHolidayNotice, type HolidayNotice } from '../../src/rules/holidayNotice';
import { seedDays } from '../../src/rules/calendarSeed';
import { isRuleViolation } from '../../src/rules/errors';

const FIXTURES = path.join(__dirname, '../fixtures/holiday-notices');
const noticeText = (name: string | number) => fs.readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8');
const YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i);
const parsed = new Map<number, HolidayNotice>(YEARS.map((y) => [y, parseHolidayNotice(noticeText(y))]));

type Kind = 'holiday' | 'makeupWorkday';
interface Difference { date: string; notice: Kind | null; chineseDays: Kind | null }

/**
 * Where the notice as published and chinese-days differ, and why. Everything else must match.
 * Kept short on purpose: each entry is a fact about the world or about the data package.
 */
const KNOWN_DIFFERENCES: Record<number, { why: string; days: Difference[] }[]> = {
  2015: [{
    why: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 (a separate notice, May 2015): 9月3日、4日放假，9月6日（星期日）上班',
    days: [
      { date: '2015-09-03', notice: null, chineseDays: 'holiday' },
      { date: '2015-09-04', notice: null, chineseDays: 'holiday' },
      { date: '2015-09-06', notice: null, chineseDays: 'makeupWorkday' },
    ],
  }],
  2019: [{
    why: '国务院办公厅关于调整2019年劳动节假期安排的通知 (March 2019): 5月1日至4日放假调休，4月28日（星期日）、5月5日（星期日）上班',
    days: [
      { date: '2019-04-28', notice: null, chineseDays: 'makeupWorkday' },
      { date: '2019-05-02', notice: null, chineseDays: 'holiday' },
      { date: '2019-05-03', notice: null, chineseDays: 'holiday' },
      { date: '2019-05-04', notice: null, chineseDays: 'holiday' },
      { date: '2019-05-05', notice: null, chineseDays: 'makeupWorkday' },
    ],
  }, {
    why: 'chinese-days reads 2019\'s "与周末连休" (清明, 端午, 中秋) as putting the weekend into the holiday, unlike the same ' +
      'words in 2016, 2017, 2018 and 2024 in the same package; we keep the weekend a weekend (README: 与周末连休)',
    days: ['04-06', '04-07', '06-08', '06-09', '09-14', '09-15'].map((d) => ({ date: `2019-${d}`, notice: null, chineseDays: 'holiday' as Kind })),
  }],
  2020: [{
    why: '国务院办公厅关于延长2020年春节假期的通知 (26 January 2020): 春节假期延长至2月2日，2月1日不再上班',
    days: [
      { date: '2020-01-31', notice: null, chineseDays: 'holiday' },
      { date: '2020-02-01', notice: 'makeupWorkday', chineseDays: 'holiday' },
      { date: '2020-02-02', notice: null, chineseDays: 'holiday' },
    ],
  }],
};

/** The days the notices give for calendar year `year`: its own notice, and next year's 元旦 from December. */
function noticeDaysOf(year: number) {
  const own = parsed.get(year)!.days.filter((d) => d.date.startsWith(`${year}-`));
  const next = parsed.get(year + 1)?.days.filter((d) => d.date.startsWith(`${year}-`)) ?? [];
  return [...own, ...next];
}

function differences(year: number): Difference[] {
  const notice = new Map(noticeDaysOf(year).map((d) => [d.date, d]));
  const seed = new Map(seedDays(year).map((d) => [d.date, d]));
  const out: Difference[] = [];
  for (const date of [...new Set([...notice.keys(), ...seed.keys()])].sort()) {
    const n = notice.get(date)?.kind ?? null;
    const c = (seed.get(date)?.kind as Kind) ?? null;
    if (n !== c) out.push({ date, notice: n, chineseDays: c });
  }
  return out;
}

describe('R-CAL-4 the notices of 2015–2026 against chinese-days, day by day', () => {
  test.each(YEARS)('R-CAL-4 %i: the notice gives exactly the holidays and make-up workdays chinese-days has (named exceptions only)', (year) => {
    const expected = (KNOWN_DIFFERENCES[year] ?? []).flatMap((k) => k.days).sort((a, b) => a.date.localeCompare(b.date));
    expect(differences(year)).toEqual(expected);
  });

  test.each(YEARS)('R-CAL-4 %i: every matching day carries the festival chinese-days names (merged lines carry both)', (year) => {
    const seed = new Map(seedDays(year).map((d) => [d.date, d]));
    const matched = noticeDaysOf(year).filter((d) => seed.get(d.date)?.kind === d.kind);
    expect(matched.length).toBeGreaterThan(20);
    for (const day of matched) {
      const theirs = String(seed.get(day.date)!.holidayName).replace(/节$/, '');
      expect([day.date, day.holidayName]).toEqual([day.date, expect.stringContaining(theirs)]);
    }
  });

  test.each(YEARS)('R-CAL-4 %i: the year comes from the title, each period from its numbered line', (year) => {
    const notice = parsed.get(year)!;
    expect(notice.year).toBe(year);
    expect(notice.title).toEqual({ line: 1, text: `国务院办公厅关于${year}年部分节假日安排的通知` });
    expect(notice.periods.length).toBeGreaterThanOrEqual(6);
    const lines = noticeText(year).split('\n');
    for (const p of notice.periods) {
      expect(lines[p.line - 1].trim()).toBe(p.text);
      expect(p.text).toMatch(new RegExp(`^[一二三四五六七]、${p.names[0]}`));
      expect(p.days).toBe(p.dates.length);
    }
  });
});

describe('R-CAL-4 what real notices contain', () => {
  const p2026 = parsed.get(2026)!;
  const period = (n: HolidayNotice, name: string) => n.periods.find((p) => p.names.includes(name))!;

  test('R-CAL-4 2026 春节 with lunar and weekday notes: 2-15..2-23, 9 days, make-up 2-14 and 2-28', () => {
    expect(period(p2026, '春节')).toMatchObject({
      line: 6, start: '2026-02-15', end: '2026-02-23', days: 9, makeupWorkdays: ['2026-02-14', '2026-02-28'],
    });
  });

  test('R-CAL-4 （星期四） and （周四） notes, 放假，共3天, 放假1天，不调休', () => {
    expect(period(parsed.get(2024)!, '春节').makeupWorkdays).toEqual(['2024-02-04', '2024-02-18']);
    expect(period(p2026, '清明节')).toMatchObject({ start: '2026-04-04', end: '2026-04-06', days: 3, makeupWorkdays: [] });
    expect(period(parsed.get(2025)!, '元旦')).toMatchObject({ start: '2025-01-01', end: '2025-01-01', days: 1, makeupWorkdays: [] });
  });

  test('R-CAL-4 与周末连休: only the named day is a holiday; the weekend stays a weekend (R-CAL-2)', () => {
    expect(period(parsed.get(2024)!, '元旦').dates).toEqual(['2024-01-01']);
    expect(period(parsed.get(2018)!, '中秋节').dates).toEqual(['2018-09-24']);
  });

  test('R-CAL-4 补休: the day off in lieu is a holiday, the weekend between is not', () => {
    expect(period(parsed.get(2015)!, '端午节')).toMatchObject({ dates: ['2015-06-20', '2015-06-22'], start: '2015-06-20', end: '2015-06-22', days: 2 });
    expect(period(parsed.get(2017)!, '元旦').dates).toEqual(['2017-01-01', '2017-01-02']);
  });

  test('R-CAL-4 merged festivals: 中秋节、国庆节 one period of 8 days with both names', () => {
    expect(period(parsed.get(2023)!, '中秋节')).toMatchObject({
      name: '中秋节、国庆节', names: ['中秋节', '国庆节'], start: '2023-09-29', end: '2023-10-06', days: 8,
      makeupWorkdays: ['2023-10-07', '2023-10-08'],
    });
  });

  test('R-CAL-4 a period across a month: 1月28日…至2月4日', () => {
    expect(period(parsed.get(2025)!, '春节')).toMatchObject({ start: '2025-01-28', end: '2025-02-04', days: 8 });
  });

  test('R-CAL-4 a period across the year: 2019 元旦 from 2018-12-30 with its make-up Saturday 2018-12-29', () => {
    expect(period(parsed.get(2019)!, '元旦')).toMatchObject({
      start: '2018-12-30', end: '2019-01-01', days: 3, makeupWorkdays: ['2018-12-29'],
    });
    expect(period(parsed.get(2023)!, '元旦')).toMatchObject({ start: '2022-12-31', end: '2023-01-02', days: 3 });
  });

  test('R-CAL-4 a New Year across the year without written years (12月30日至1月1日) starts in the December before', () => {
    const n = parseHolidayNotice('国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。');
    expect(n.periods[0]).toMatchObject({ start: '2018-12-30', end: '2019-01-01', days: 3, makeupWorkdays: ['2018-12-29'] });
  });

  test('R-CAL-4 an advisory sentence with a date (鼓励…在除夕（2月9日）休息) is not a holiday', () => {
    expect(period(parsed.get(2024)!, '春节').dates).not.toContain('2024-02-09');
  });

  test('R-CAL-4 half-width punctuation, ASCII digits, spaces and everything on one line read the same', () => {
    const half = noticeText(2026)
      .replace(/[（）：，]/g, (c) => ({ '（': '(', '）': ')', '：': ':', '，': ',' } as Record<string, string>)[c])
      .replace(/(\d+)月/g, ' $1 月 ')
      .replace(/\n/g, '\r\n');
    const full = noticeText(2026).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const oneLine = noticeText(2026).replace(/\n+/g, '');
    for (const text of [half, full, oneLine]) {
      const n = parseHolidayNotice(text);
      expect(n.days.map((d) => [d.date, d.kind, d.holidayName])).toEqual(p2026.days.map((d) => [d.date, d.kind, d.holidayName]));
    }
  });

  test('R-CAL-4 the heading, addressees, closing paragraph and signature date are ignored', () => {
    expect(p2026.days.some((d) => d.date === '2025-11-04')).toBe(false);
    expect(p2026.periods.map((p) => p.line)).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  test('R-CAL-4 the plausible 2027 notice of the fixtures parses (除夕 is 5 February 2027)', () => {
    const n = parseHolidayNotice(noticeText('2027-plausible'));
    expect(n.year).toBe(2027);
    expect(period(n, '春节')).toMatchObject({ start: '2027-02-05', end: '2027-02-13', days: 9, makeupWorkdays: ['2027-01-31', '2027-02-20'] });
    expect(n.days.filter((d) => d.kind === 'holiday')).toHaveLength(29);
  });
});

/** The 2026 notice with one line replaced (or the title). */
const broken = (find: string | RegExp, replace: string) => {
  const text = noticeText(2026);
  const out = text.replace(find, replace);
  if (out === text) throw new Error(`fixture edit did not apply: ${find}`);
  return out;
};

function refusal(text: string): Record<string, unknown> {
  try {
    parseHolidayNotice(text);
  } catch (e) {
    if (!isRuleViolation(e)) throw e;
    return { code: e.code, ...e.params };
  }
  throw new Error('accepted');
}

describe('R-CAL-4 broken notices are refused with the line named', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['a weekday note that does not match the date (1月4日 is a Sunday)',
      broken('1月4日（周日）上班', '1月4日（周一）上班'),
      { code: 'NOTICE_WEEKDAY_MISMATCH', line: 5, date: '2026-01-04', stated: '周一', actual: '周日' }],
    ['a 星期 note that does not match',
      broken('2月28日（周六）', '2月28日（星期日）'),
      { code: 'NOTICE_WEEKDAY_MISMATCH', line: 6, date: '2026-02-28', stated: '星期日', actual: '周六' }],
    ['a day count that does not match the period (共9天 for 8 days)',
      broken('至23日（农历正月初七、周一）放假调休，共9天', '至22日（农历正月初六、周日）放假调休，共9天'),
      { code: 'NOTICE_DAY_COUNT_MISMATCH', line: 6, stated: 9, counted: 8 }],
    ['放假1天 for a two-day span',
      broken('6月19日（周五）至21日（周日）放假，共3天', '6月19日（周五）至20日（周六）放假1天'),
      { code: 'NOTICE_DAY_COUNT_MISMATCH', line: 9, stated: 1, counted: 2 }],
    ['a make-up workday that is not a weekend day',
      broken('5月9日（周六）上班', '5月11日（周一）上班'),
      { code: 'NOTICE_MAKEUP_NOT_WEEKEND', line: 8, date: '2026-05-11', weekday: '周一' }],
    ['overlapping periods',
      broken('六、中秋节：9月25日（周五）至27日（周日）', '六、中秋节：9月30日（周三）至10月2日（周五）'),
      { code: 'NOTICE_PERIODS_OVERLAP', line: 11, otherLine: 10 }],
    ['a make-up workday inside another holiday period',
      broken('9月20日（周日）、10月10日（周六）上班', '9月20日（周日）、10月10日（周六）上班。6月20日（周六）上班'),
      { code: 'NOTICE_MAKEUP_IN_HOLIDAY', line: 11, date: '2026-06-20', otherLine: 9 }],
    ['a year missing from the title',
      broken('关于2026年部分节假日', '关于部分节假日'),
      { code: 'NOTICE_YEAR_MISSING', line: 1 }],
    ['no title at all',
      broken(/^国务院办公厅关于2026年部分节假日安排的通知\n/, ''),
      { code: 'NOTICE_TITLE_MISSING' }],
    ['a body naming another year than the title',
      broken('现将2026年元旦', '现将2027年元旦'),
      { code: 'NOTICE_YEAR_CONFLICT', line: 4, year: 2027, titleYear: 2026 }],
    ['a lunar note that does not match the date (2月15日 is 腊月二十八)',
      broken('农历腊月二十八', '农历腊月二十九'),
      { code: 'NOTICE_LUNAR_MISMATCH', line: 6, date: '2026-02-15', stated: '农历腊月二十九', actual: '农历腊月二十八' }],
    ['a date that does not exist',
      broken('2月28日（周六）', '2月30日（周一）'),
      { code: 'NOTICE_DATE_INVALID', line: 6, value: '2月30日' }],
    ['a period ending before it starts',
      broken('10月1日（周四）至7日（周三）', '10月7日（周三）至1日（周四）'),
      { code: 'NOTICE_PERIOD_REVERSED', line: 11 }],
    ['a festival line with no date',
      broken('五、端午节：6月19日（周五）至21日（周日）放假，共3天。', '五、端午节：另行通知。'),
      { code: 'NOTICE_LINE_UNREADABLE', line: 9 }],
    ['a festival line with a date it cannot read',
      broken('5月9日（周六）上班', '5月9日（周六）照常营业'),
      { code: 'NOTICE_LINE_UNREADABLE', line: 8 }],
    ['a festival named twice',
      broken('六、中秋节：9月25日', '六、国庆节：9月25日'),
      { code: 'NOTICE_FESTIVAL_TWICE', line: 11, name: '国庆节', otherLine: 10 }],
    ['a date in another year',
      broken('9月20日（周日）、10月10日（周六）上班', '9月20日（周日）、2028年1月8日（周六）上班'),
      { code: 'NOTICE_DATE_OUTSIDE_YEAR', line: 11, date: '2028-01-08' }],
    ['a period of months (a typo: 2月15日至3月23日)',
      broken('至23日（农历正月初七、周一）放假调休，共9天', '至3月23日放假调休，共37天'),
      { code: 'NOTICE_PERIOD_TOO_LONG', line: 6, days: 37 }],
    ['markup inside a festival line',
      broken('四、劳动节：5月1日（周五）', '四、劳动节：<img src=x onerror=alert(1)>5月1日（周五）'),
      { code: 'NOTICE_LINE_UNREADABLE', line: 8 }],
    ['a title but no festival line', '国务院办公厅关于2027年部分节假日安排的通知\n节假日期间，各地区要妥善安排好值班。',
      { code: 'NOTICE_NO_HOLIDAYS', line: 1, year: 2027 }],
    ['an empty paste', '  \n\u3000 ', { code: 'NOTICE_EMPTY' }],
  ];

  test.each(cases)('R-CAL-4 refused: %s', (_title, text, expected) => {
    const got = refusal(text);
    expect(got).toMatchObject(expected);
    if (typeof expected.line === 'number') {
      // The message quotes the line as pasted, so the admin finds it.
      expect(String(got.text).replace(/…$/, '')).toBe(text.split('\n')[expected.line - 1].trim().slice(0, 60));
    }
  });

  test('R-X-3 not a string, or far too long, is refused without parsing', () => {
    expect(refusal(42 as any)).toMatchObject({ code: 'NOTICE_EMPTY' });
    expect(refusal('国务院办公厅关于2027年部分节假日安排的通知\n'.repeat(1000))).toMatchObject({ code: 'NOTICE_TOO_LONG', max: 20000 });
  });
});

describe('R-CAL-4 the diff against the stored year', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { diffNotice, sameHolidayName, belongsToNotice } = require('../../src/rules/noticeDiff');

  test('R-CAL-4 the seeded year and its notice give an empty diff (中秋 is 中秋节)', () => {
    const diff = diffNotice(parsed.get(2026)!, seedDays(2026));
    expect(diff.changes).toEqual([]);
    expect(diff.counts.unchanged).toBe(39);
    expect(sameHolidayName('国庆节、中秋节', '中秋、国庆节')).toBe(true);
    expect(sameHolidayName('国庆节', '中秋节、国庆节')).toBe(false);
  });

  test('R-CAL-4 added, changed and removed, each with its line; a December 元旦 belongs to next year', () => {
    const stored = [
      { date: '2026-02-15', kind: 'holiday', holidayName: '元宵' }, // wrong name → changed
      { date: '2026-02-24', kind: 'holiday', holidayName: '春节' }, // not in the notice → removed, 春节's line
      { date: '2026-12-31', kind: 'holiday', holidayName: '元旦' }, // 2027's New Year: not removed
      { date: '2025-12-31', kind: 'holiday', holidayName: '元旦' }, // this notice's New Year does not start in 2025 → removed
      { date: '2026-03-02', kind: 'workday', holidayName: null }, // a plain day an admin touched: left alone
    ];
    const diff = diffNotice(parsed.get(2026)!, stored);
    const brief = diff.changes.filter((c: any) => c.change !== 'added').map((c: any) => [c.date, c.change, c.line]);
    expect(brief).toEqual([['2025-12-31', 'removed', 5], ['2026-02-15', 'changed', 6], ['2026-02-24', 'removed', 6]]);
    expect(diff.counts).toEqual({ added: 38, changed: 1, removed: 2, unchanged: 0 });
    expect(belongsToNotice({ date: '2018-12-30', kind: 'holiday', holidayName: '元旦' }, 2019)).toBe(true);
    expect(belongsToNotice({ date: '2018-12-30', kind: 'holiday', holidayName: '元旦' }, 2018)).toBe(false);
  });
});

describe('R-CAL-4 the year view of a preview (web part, pure)', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { previewRows, changesByDate } = require('../../src/client/settings/noticePreview');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { diffNotice } = require('../../src/rules/noticeDiff');

  test('R-CAL-4 the stored rows with the changes laid over them, each new day noting its line', () => {
    const stored = [{ date: '2026-06-01', kind: 'holiday', holidayName: '儿童节' }, { date: '2026-12-31', kind: 'holiday', holidayName: '元旦' }];
    const diff = diffNotice(parsed.get(2026)!, stored);
    const rows = previewRows(2026, stored, diff.changes);
    expect(rows.find((r: any) => r.date === '2026-06-01')).toBeUndefined(); // removed
    expect(rows.find((r: any) => r.date === '2026-12-31')).toMatchObject({ holidayName: '元旦' }); // next year's, kept
    expect(rows.find((r: any) => r.date === '2026-02-14')).toMatchObject({ kind: 'makeupWorkday', note: expect.stringMatching(/^第 6 行：二、春节/) });
    expect(rows).toHaveLength(39 + 1);
    expect(changesByDate(2026, diff.changes).get('2026-06-01')).toMatchObject({ change: 'removed' });
  });
});
