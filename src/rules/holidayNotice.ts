// R-CAL-4: next year's statutory calendar from the State Council's notice
// (国务院办公厅关于YYYY年部分节假日安排的通知), pasted as text. Pure: text in, holiday periods and
// make-up workdays out, each with the line it came from; a notice that does not add up is refused
// with a RuleViolation naming the line (weekday note, lunar note, day count, make-up day not on a
// weekend, overlapping periods, no year in the title).
//
// What it reads (every form the notices of 2015–2026 use, see test/rules/holidayNotice.test.ts):
//   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
//   三、清明节：4月5日放假，4月6日（星期一）补休。          (补休: the named days only)
//   四、劳动节：5月1日放假，与周末连休。                    (与周末连休: the weekend stays a weekend)
//   一、元旦：1月1日（周三）放假1天，不调休。
//   六、中秋节、国庆节：10月1日至8日放假调休，共8天。        (merged festivals: one period, both names)
//   一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
// Full-width and half-width digits, punctuation and spaces alike; the heading, the addressees, the
// closing paragraph and the signature are ignored, and so is an advisory sentence (鼓励…).
import { lunarDateOf } from './lunar';
import { RuleViolation } from './errors';

export interface NoticeSource {
  /** 1-based line of the pasted text. */
  line: number;
  /** That line's text as pasted (trimmed; shortened in error messages). */
  text: string;
}

export interface NoticeDay extends NoticeSource {
  date: string;
  kind: 'holiday' | 'makeupWorkday';
  /** The festival(s) of the line, e.g. 春节 or 中秋节、国庆节. */
  holidayName: string;
}

export interface NoticePeriod extends NoticeSource {
  name: string;
  names: string[];
  start: string;
  end: string;
  /** Holiday days of the line (a 补休 day after a weekend counts, the weekend between does not). */
  days: number;
  dates: string[];
  makeupWorkdays: string[];
}

export interface HolidayNotice {
  year: number;
  title: NoticeSource;
  periods: NoticePeriod[];
  /** Holidays and make-up workdays, by date. */
  days: NoticeDay[];
}

/** A pasted notice is about 1–2 KB; anything far longer is not one (and costs the parser for nothing). */
export const NOTICE_MAX_CHARS = 20000;
/** The longest holiday period a notice has had is 10 days (春节 2020, extended); longer is a typo. */
export const NOTICE_MAX_PERIOD_DAYS = 20;

// ---------- text → segments with their line, normalised 1:1 ----------

interface Segment extends NoticeSource {
  /** Normalised: full-width folded (NFKC), all whitespace removed. */
  s: string;
}

/** NFKC per character (full-width digits and punctuation → ASCII), whitespace dropped, origin kept. */
function normalise(raw: string): { s: string; at: number[] } {
  let s = '';
  const at: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const folded = raw[i].normalize('NFKC');
    for (const c of folded) {
      if (/\s/.test(c)) continue;
      s += c;
      at.push(i);
    }
  }
  return { s, at };
}

const ORDINAL = '[一二三四五六七八九十]{1,3}[、.]';
// Where a numbered item starts inside a line: "…通知如下：一、元旦：…。二、春节：…" pasted as one line.
const ITEM_START = new RegExp(`(?<=^|[。;:])(?=${ORDINAL}[^,。;:()]{1,30}:)`, 'g');

function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  text.split(/\r\n|\r|\n/).forEach((rawLine, i) => {
    const raw = rawLine.trim();
    if (!raw) return;
    const { s, at } = normalise(raw);
    if (!s) return;
    const cuts = [0, ...[...s.matchAll(ITEM_START)].map((m) => m.index as number).filter((n) => n > 0), s.length];
    for (let k = 0; k < cuts.length - 1; k++) {
      const a = cuts[k];
      const b = cuts[k + 1];
      out.push({ line: i + 1, s: s.slice(a, b), text: raw.slice(at[a], at[b - 1] + 1).trim() });
    }
  });
  return out;
}

// ---------- small date helpers (UTC day numbers, like calendar.ts) ----------

const DAY_MS = 86400000;
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
const weekdayOf = (date: string) => new Date(dayNumber(date) * DAY_MS).getUTCDay();
const isRealDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && fromDayNumber(Date.UTC(y, m - 1, d) / DAY_MS) === iso(y, m, d);

export const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_CHAR: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** 一…九十九 (and plain digits) → number; null when it is neither. */
function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const digit: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || !text) return null;
  if (!m[2]) return m[1] && !m[3] ? digit[m[1]] : null;
  return (m[1] ? digit[m[1]] : 1) * 10 + (m[3] ? digit[m[3]] : 0);
}

// ---------- lunar notes: 农历腊月二十八, 农历正月初七, 农历除夕 ----------

const LUNAR_MONTHS: Record<string, number> = {
  正: 1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 冬: 11, 十一: 11, 腊: 12, 十二: 12,
};

/** The lunar day a note states: { month, day } or 'eve' (除夕), or null when the note is not lunar. */
function lunarNote(note: string): { month: number | null; day: number } | 'eve' | null {
  const text = note.replace(/^农历/, '');
  if (text === '除夕') return 'eve';
  const m = /^(?:(正|冬|腊|十[一二]|[一二三四五六七八九十])月)?(初[一二三四五六七八九十]|廿[一二三四五六七八九]|[二三]十|十[一二三四五六七八九]|二十[一二三四五六七八九])$/.exec(text);
  if (!m || (!m[1] && !note.startsWith('农历'))) return null;
  const dayText = m[2].replace(/^初/, '').replace(/^廿/, '二十');
  const day = chineseNumber(dayText);
  return day ? { month: m[1] ? LUNAR_MONTHS[m[1]] : null, day } : null;
}

const LUNAR_DAY_ZH = (d: number) =>
  d <= 10 ? `初${'一二三四五六七八九十'[d - 1]}` : d < 20 ? `十${'一二三四五六七八九'[d - 11]}` : d === 20 ? '二十' : d < 30 ? `二十${'一二三四五六七八九'[d - 21]}` : '三十';
const LUNAR_MONTH_ZH = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];

function lunarText(date: string): string {
  const l = lunarDateOf(date);
  const next = lunarDateOf(fromDayNumber(dayNumber(date) + 1));
  const eve = next.month === 1 && next.day === 1 && !next.leap;
  return `${l.leap ? '闰' : ''}${LUNAR_MONTH_ZH[l.month - 1]}${LUNAR_DAY_ZH(l.day)}${eve ? '（除夕）' : ''}`;
}

function lunarMatches(date: string, stated: NonNullable<ReturnType<typeof lunarNote>>): boolean {
  if (stated === 'eve') {
    const next = lunarDateOf(fromDayNumber(dayNumber(date) + 1));
    return next.month === 1 && next.day === 1 && !next.leap;
  }
  const l = lunarDateOf(date);
  return l.day === stated.day && (stated.month === null || (l.month === stated.month && !l.leap));
}

// ---------- one line ----------

interface DateToken {
  date: string;
  month: number;
  explicitYear: boolean;
  /** The parenthesised note after the date, e.g. 农历腊月二十八、周日. */
  note: string | null;
  raw: string;
}

const DATE_RE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\))?/g;

class LineReader {
  private month: number | null = null;
  private year: number;
  /** The line's period starts in the December before the notice's year (元旦 from 12月30日). */
  private fromDecember = false;
  readonly holidays: string[] = [];
  readonly makeups: string[] = [];
  private stated: number | null = null;

  constructor(private readonly seg: Segment, private readonly noticeYear: number, private readonly body: string) {
    this.year = noticeYear;
  }

  fail(code: string, params: Record<string, unknown> = {}): never {
    throw noticeViolation(code, this.seg, params);
  }

  /**
   * Sentence by sentence, clause by clause: "A至B放假调休", "A放假", "B补休", "共N天", "放假1天",
   * "与周末连休", "不调休", "C、D上班". An advisory sentence (鼓励…) is skipped; a clause with a date
   * that is none of these refuses the line rather than being guessed at.
   */
  read(): void {
    for (const sentence of this.body.split(/[。;]/).filter(Boolean)) {
      if (/^(鼓励|提倡|倡导)/.test(sentence)) continue; // e.g. 鼓励…安排职工在除夕（2月9日）休息
      // Every sentence of an item starts with a date; anything else is the prose after the list
      // (the closing paragraph, the signature) when the notice was pasted as one line.
      if (!/^(\d{4}年)?\d{1,2}月\d{1,2}日/.test(sentence)) break;
      for (const clause of sentence.split(',')) this.readClause(clause);
    }
    if (!this.holidays.length) this.fail('NOTICE_LINE_UNREADABLE', { part: this.body.slice(0, 40) });
    if (this.stated !== null && this.stated !== this.holidays.length) {
      this.fail('NOTICE_DAY_COUNT_MISMATCH', { stated: this.stated, counted: this.holidays.length });
    }
  }

  private readClause(clause: string) {
    const count = /(?:共计?|放假)([\d一二两三四五六七八九十]+)天/.exec(clause);
    if (count) {
      const n = chineseNumber(count[1]);
      if (n === null) this.fail('NOTICE_LINE_UNREADABLE', { part: clause.slice(0, 40) });
      this.stated = (this.stated ?? 0) + n;
    }
    const tokens = this.tokens(clause);
    if (!tokens.length) return;
    if (/上班$/.test(clause)) {
      this.makeups.push(...tokens.map((t) => t.date));
    } else if (/^[^至]*日(?:\([^()]*\))?至[^至]*日/.test(clause) && tokens.length === 2) {
      this.holidays.push(...this.span(tokens[0], tokens[1]));
    } else if (/(放假|补休|休息)/.test(clause) && !clause.includes('至')) {
      this.holidays.push(...tokens.map((t) => t.date));
    } else {
      this.fail('NOTICE_LINE_UNREADABLE', { part: clause.slice(0, 40) });
    }
  }

  private span(a: DateToken, b: DateToken): string[] {
    let start = a.date;
    // 12月30日至1月1日 without years: a New Year's period that starts in the previous December.
    if (!a.explicitYear && !b.explicitYear && a.month === 12 && b.month === 1 && b.date < start) {
      start = `${this.noticeYear - 1}${start.slice(4)}`;
    }
    if (start.startsWith(`${this.noticeYear - 1}-12`)) this.fromDecember = true;
    if (b.date < start) this.fail('NOTICE_PERIOD_REVERSED', { start, end: b.date });
    const days = dayNumber(b.date) - dayNumber(start) + 1;
    if (days > NOTICE_MAX_PERIOD_DAYS) this.fail('NOTICE_PERIOD_TOO_LONG', { start, end: b.date, days, max: NOTICE_MAX_PERIOD_DAYS });
    return Array.from({ length: days }, (_, i) => fromDayNumber(dayNumber(start) + i));
  }

  /** The dates of a piece of the line, each checked against its weekday and lunar notes. */
  private tokens(part: string): DateToken[] {
    const out: DateToken[] = [];
    for (const m of part.matchAll(DATE_RE)) {
      const explicitYear = !!m[1];
      if (explicitYear) this.year = Number(m[1]);
      if (m[2]) this.month = Number(m[2]);
      if (this.month === null) this.fail('NOTICE_LINE_UNREADABLE', { part: m[0] });
      const day = Number(m[3]);
      // A make-up day "12月29日" in a New Year's line that starts in the previous December.
      const year = !explicitYear && this.fromDecember && this.month === 12 ? this.noticeYear - 1 : this.year;
      if (!isRealDate(year, this.month, day)) this.fail('NOTICE_DATE_INVALID', { value: m[0].replace(/\(.*$/, '') });
      const date = iso(year, this.month, day);
      const token: DateToken = { date, month: this.month, explicitYear, note: m[4] ?? null, raw: m[0] };
      this.checkNote(token);
      out.push(token);
    }
    return out;
  }

  private checkNote(token: DateToken) {
    for (const part of (token.note ?? '').split(/[、,]/).filter(Boolean)) {
      const weekday = /^(?:周|星期|礼拜)([一二三四五六日天])$/.exec(part);
      if (weekday) {
        const actual = weekdayOf(token.date);
        if (WEEKDAY_CHAR[weekday[1]] !== actual) {
          this.fail('NOTICE_WEEKDAY_MISMATCH', { date: token.date, stated: part, actual: WEEKDAY_ZH[actual], actualEn: WEEKDAY_EN[actual] });
        }
        continue;
      }
      const lunar = lunarNote(part);
      if (lunar && !lunarMatches(token.date, lunar)) {
        this.fail('NOTICE_LUNAR_MISMATCH', { date: token.date, stated: part, actual: `农历${lunarText(token.date)}` });
      }
    }
  }
}

// ---------- the notice ----------

/** code + the line (its number and text, shortened) for the message. */
function noticeViolation(code: string, source: NoticeSource | null, params: Record<string, unknown> = {}): RuleViolation {
  const text = source ? (source.text.length > 60 ? `${source.text.slice(0, 60)}…` : source.text) : '';
  return new RuleViolation(code, { line: source?.line ?? null, text, ...params });
}

const TITLE_RE = /关于.*(节假日|假期|放假).*(安排|通知)|(节假日|假期|放假).*安排的通知/;
// A festival line: optional ordinal, the festival name(s), a colon, then text with a date.
const FESTIVAL_RE = new RegExp(`^(${ORDINAL})?([^,。;:()]{1,30}):(.*)$`);
const FESTIVAL_NAME = /^[\u4e00-\u9fff\d]{1,30}$/;

function titleOf(segments: Segment[]): { seg: Segment; year: number } {
  const seg = segments.find((s) => TITLE_RE.test(s.s) && !FESTIVAL_RE.test(s.s));
  if (!seg) throw noticeViolation('NOTICE_TITLE_MISSING', segments[0] ?? null);
  const years = [...seg.s.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  if (!years.length) throw noticeViolation('NOTICE_YEAR_MISSING', seg);
  const year = years[0];
  if (year < 2000 || year > 2100) throw noticeViolation('NOTICE_YEAR_MISSING', seg);
  return { seg, year };
}

/** "经国务院批准，现将2027年元旦、春节…安排通知如下" naming another year than the title. */
function checkBodyYear(segments: Segment[], title: Segment, year: number) {
  for (const seg of segments) {
    if (seg === title) continue;
    const m = /现将(\d{4})年/.exec(seg.s);
    if (m && Number(m[1]) !== year) throw noticeViolation('NOTICE_YEAR_CONFLICT', seg, { year: Number(m[1]), titleYear: year });
  }
}

function readLine(seg: Segment, year: number): { reader: LineReader; names: string[] } | null {
  const m = FESTIVAL_RE.exec(seg.s);
  if (!m) return null;
  const [, ordinal, namesText, body] = m;
  // Markup is no part of a notice (and the line becomes the days' note): refuse, never store it.
  if (/<\s*[a-zA-Z!/?]/.test(seg.text)) throw noticeViolation('NOTICE_LINE_UNREADABLE', seg, { part: body.slice(0, 40) });
  const names = namesText.split(/[、,和与及]/).filter(Boolean);
  if (!names.length || !names.every((n) => FESTIVAL_NAME.test(n))) return null;
  if (!/\d{1,2}日/.test(body)) {
    // A numbered item without a date is a festival line we cannot read; anything else is prose.
    if (ordinal) throw noticeViolation('NOTICE_LINE_UNREADABLE', seg, { part: body.slice(0, 40) });
    return null;
  }
  const reader = new LineReader(seg, year, body);
  reader.read();
  return { reader, names };
}

function periodOf(seg: Segment, names: string[], reader: LineReader): NoticePeriod {
  const dates = [...reader.holidays].sort();
  return {
    line: seg.line, text: seg.text, name: names.join('、'), names,
    start: dates[0], end: dates[dates.length - 1], days: dates.length, dates,
    makeupWorkdays: [...reader.makeups].sort(),
  };
}

/** Every date of the notice lies in its year, or in the December before (元旦 from 12月30日). */
function checkYearOf(period: NoticePeriod, year: number) {
  for (const date of [...period.dates, ...period.makeupWorkdays]) {
    if (date.startsWith(`${year}-`) || date.startsWith(`${year - 1}-12-`)) continue;
    throw noticeViolation('NOTICE_DATE_OUTSIDE_YEAR', period, { date, year });
  }
}

function checkPeriod(period: NoticePeriod) {
  const seen = new Set<string>();
  for (const date of period.dates) {
    if (seen.has(date)) throw noticeViolation('NOTICE_DAY_TWICE', period, { date, otherLine: period.line });
    seen.add(date);
  }
  for (const date of period.makeupWorkdays) {
    const wd = weekdayOf(date);
    if (wd !== 0 && wd !== 6) throw noticeViolation('NOTICE_MAKEUP_NOT_WEEKEND', period, { date, weekday: WEEKDAY_ZH[wd], weekdayEn: WEEKDAY_EN[wd] });
    if (seen.has(date)) throw noticeViolation('NOTICE_MAKEUP_IN_HOLIDAY', period, { date, otherLine: period.line });
    seen.add(date);
  }
}

/** No date in two lines, no two periods whose spans overlap, no festival named twice. */
function checkAcrossLines(periods: NoticePeriod[]) {
  const owner = new Map<string, { period: NoticePeriod; kind: 'holiday' | 'makeupWorkday' }>();
  periods.forEach((period, i) => {
    for (const other of periods.slice(0, i)) {
      const name = period.names.find((n) => other.names.includes(n));
      if (name) throw noticeViolation('NOTICE_FESTIVAL_TWICE', period, { name, otherLine: other.line });
      if (period.start <= other.end && other.start <= period.end) {
        throw noticeViolation('NOTICE_PERIODS_OVERLAP', period, { otherLine: other.line, start: period.start, end: period.end, otherStart: other.start, otherEnd: other.end });
      }
    }
    const mine: [string, 'holiday' | 'makeupWorkday'][] = [
      ...period.dates.map((d) => [d, 'holiday'] as [string, 'holiday']),
      ...period.makeupWorkdays.map((d) => [d, 'makeupWorkday'] as [string, 'makeupWorkday']),
    ];
    for (const [date, kind] of mine) {
      const seen = owner.get(date);
      if (seen) {
        const code = seen.kind === kind ? (kind === 'holiday' ? 'NOTICE_PERIODS_OVERLAP' : 'NOTICE_DAY_TWICE') : 'NOTICE_MAKEUP_IN_HOLIDAY';
        throw noticeViolation(code, period, { date, otherLine: seen.period.line, start: period.start, end: period.end, otherStart: seen.period.start, otherEnd: seen.period.end });
      }
      owner.set(date, { period, kind });
    }
  });
}

/**
 * The notice's year, its holiday periods (one per festival line, in the notice's order) and every
 * holiday and make-up workday by date. Throws RuleViolation NOTICE_* with `line` and `text`.
 */
export function parseHolidayNotice(text: unknown): HolidayNotice {
  if (typeof text !== 'string' || !text.trim()) throw noticeViolation('NOTICE_EMPTY', null);
  if (text.length > NOTICE_MAX_CHARS) throw noticeViolation('NOTICE_TOO_LONG', null, { max: NOTICE_MAX_CHARS, length: text.length });
  const segments = segmentsOf(text);
  const { seg: titleSeg, year } = titleOf(segments);
  checkBodyYear(segments, titleSeg, year);
  const periods: NoticePeriod[] = [];
  for (const seg of segments) {
    if (seg === titleSeg) continue;
    const read = readLine(seg, year);
    if (!read) continue;
    const period = periodOf(seg, read.names, read.reader);
    checkYearOf(period, year);
    checkPeriod(period);
    periods.push(period);
  }
  if (!periods.length) throw noticeViolation('NOTICE_NO_HOLIDAYS', titleSeg, { year });
  checkAcrossLines(periods);
  const days: NoticeDay[] = periods.flatMap((p) => [
    ...p.dates.map((date) => ({ date, kind: 'holiday' as const, holidayName: p.name, line: p.line, text: p.text })),
    ...p.makeupWorkdays.map((date) => ({ date, kind: 'makeupWorkday' as const, holidayName: p.name, line: p.line, text: p.text })),
  ]);
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, title: { line: titleSeg.line, text: titleSeg.text }, periods, days };
}
