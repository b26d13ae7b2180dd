import { RuleViolation } from './errors';
import { checkPlainText } from './input';
// Statutory calendar (法定节假日 / 调休): R-CAL-1..3, R-LST-3.
// Pure rules, no NocoBase import. Every date is a Shanghai calendar date 'YYYY-MM-DD';
// arithmetic runs on UTC day numbers so the server's own TZ never leaks in.

export type DayKind = 'workday' | 'makeupWorkday' | 'weekendRest' | 'holiday';

export interface CalendarDay {
  date: string; // YYYY-MM-DD, Asia/Shanghai
  kind: DayKind;
  holidayName?: string | null;
}

export interface HolidayPeriod {
  name: string;
  start: string;
  end: string;
  days: number;
}

export const DAY_KINDS: readonly DayKind[] = ['workday', 'makeupWorkday', 'weekendRest', 'holiday'];

/** Thrown when a rule needs a date of a year whose holidays are not configured: refuse, never guess. */
export class CalendarNotConfiguredError extends RuleViolation {
  readonly year: number;
  constructor(year: number) {
    super('CALENDAR_YEAR_NOT_CONFIGURED', { year }, 400, `Holiday calendar for ${year} is not configured`);
    this.year = year;
  }
}

// ---------- Shanghai time ----------

// China has observed no DST since 1991, so a fixed offset is exact for any date we handle.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86400 * 1000;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** The instant of a Shanghai wall-clock time: `minutes` after local midnight of `date`. */
export function fromShanghai(date: string, minutes = 0): Date {
  return new Date(toDayNumber(date) * DAY_MS + minutes * 60000 - SHANGHAI_OFFSET_MS);
}

/** Milliseconds of a zone-less 'YYYY-MM-DD[ T]HH:mm[:ss[.sss]]' read as Shanghai wall time, or null. */
function parseWallTime(text: string): number | null {
  const m = WALL_TIME.exec(text);
  if (!m) return null;
  const [, date, h = '0', min = '0', s = '0', frac = '0'] = m;
  if (+h > 23 || +min > 59 || +s > 59) return NaN;
  return fromShanghai(date, +h * 60 + +min).getTime() + +s * 1000 + +frac.padEnd(3, '0');
}

/**
 * Strings either carry a zone (ISO with Z / ±hh:mm) or are zone-less ISO wall time
 * ('2026-02-14 09:30', '2026-02-14'), read as Shanghai time, never as server-local time
 * (which is what `new Date(str)` would do). Anything else is rejected.
 */
function toInstant(instant: Date | string | number): number {
  let ms = NaN;
  if (typeof instant === 'string') {
    const text = instant.trim();
    if (/^\d{4}-\d{2}-\d{2}/.test(text)) toDayNumber(text.slice(0, 10)); // Date.parse rolls 02-30 over to March
    ms = HAS_ZONE.test(text) ? Date.parse(text) : parseWallTime(text) ?? NaN;
  } else if (typeof instant === 'number' || Object.prototype.toString.call(instant) === '[object Date]') {
    // toString tag, not instanceof: Dates may come from another realm (jest vm, drivers).
    ms = new Date(instant).getTime();
  }
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

/** Shanghai calendar date 'YYYY-MM-DD' of an instant. */
export function shanghaiDate(instant: Date | string | number): string {
  return fromDayNumber(Math.floor((toInstant(instant) + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** Minutes since Shanghai local midnight (0..1439) of an instant. */
export function shanghaiMinutes(instant: Date | string | number): number {
  const ms = (toInstant(instant) + SHANGHAI_OFFSET_MS) % DAY_MS;
  return Math.floor((ms < 0 ? ms + DAY_MS : ms) / 60000);
}

// ---------- date strings <-> day numbers ----------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a strict, real 'YYYY-MM-DD' (2026-02-30 is rejected). */
function toDayNumber(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${String(date)}`);
  const n = Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS;
  if (fromDayNumber(n) !== date) throw new RangeError(`Invalid date: ${date}`);
  return n;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Throws RangeError unless `date` is a real 'YYYY-MM-DD'. */
export function assertDate(date: string): void {
  toDayNumber(date);
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function isWeekendNumber(n: number): boolean {
  const wd = weekdayOf(n);
  return wd === 0 || wd === 6;
}

/** Plain weekday default, ignoring holidays: Mon–Fri workday, Sat/Sun weekendRest. */
export function weekdayKind(date: string): DayKind {
  return isWeekendNumber(toDayNumber(date)) ? 'weekendRest' : 'workday';
}

/**
 * Why a row cannot be in the table, or null. Kinds must agree with the weekday so that
 * "is it a weekend?" never depends on which of two contradictory sources wins.
 */
export function validateCalendarDay(day: CalendarDay): RuleViolation | null {
  try {
    assertDate(day?.date);
  } catch (e) {
    return new RuleViolation('INVALID_DATE', { value: String(day?.date) }, 400, (e as Error).message);
  }
  if (!DAY_KINDS.includes(day.kind)) {
    return new RuleViolation('INVALID_DAY_KIND', { date: day.date, kind: String(day.kind) });
  }
  const weekend = weekdayKind(day.date) === 'weekendRest';
  const mismatch =
    (day.kind === 'makeupWorkday' && !weekend) || (day.kind === 'workday' && weekend) || (day.kind === 'weekendRest' && !weekend);
  if (mismatch) {
    return new RuleViolation('DAY_KIND_WEEKDAY_MISMATCH', { date: day.date, kind: day.kind }, 400,
      `${day.date}: kind ${day.kind} contradicts the weekday (weekends are weekendRest or makeupWorkday)`);
  }
  return null;
}

/** Bounds of the texts an admin enters on a day: a holiday's name ("中秋节、国庆节") and a note. */
export const CALENDAR_TEXT_BOUNDS = { holidayNameMax: 50, noteMax: 2000 } as const;

/**
 * R-CAL-1 R-X-3: the texts of a day as an admin enters them (calendar:setDay, the generic API) are
 * plain text and bounded; markup is refused, not stored for a page to render. Not applied to rows
 * already stored (the Calendar reads what is there).
 */
export function validateCalendarDayText(day: { holidayName?: unknown; note?: unknown }): RuleViolation | null {
  return checkPlainText('holidayName', day.holidayName, { max: CALENDAR_TEXT_BOUNDS.holidayNameMax })
    ?? checkPlainText('calendarNote', day.note, { max: CALENDAR_TEXT_BOUNDS.noteMax, multiline: true });
}

// ---------- the calendar ----------

export class Calendar {
  private readonly days = new Map<number, CalendarDay>();
  private readonly years: Set<number>;

  /**
   * `days` lists only exceptions to the weekday default; `configuredYears` are the years whose
   * holidays are known. Any date outside them throws, even if a row for it exists: a partly
   * entered year is not trustworthy for "working day" arithmetic.
   */
  constructor(days: CalendarDay[], configuredYears: number[]) {
    this.years = new Set(configuredYears);
    for (const day of days) {
      const problem = validateCalendarDay(day);
      if (problem) throw new RangeError(problem.message);
      const n = toDayNumber(day.date);
      if (this.days.has(n)) throw new RangeError(`Duplicate calendar day ${day.date}`);
      this.days.set(n, { date: day.date, kind: day.kind, holidayName: day.holidayName ?? null });
    }
  }

  get configuredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isYearConfigured(year: number): boolean {
    return this.years.has(year);
  }

  private kindOf(n: number): DayKind {
    const year = new Date(n * DAY_MS).getUTCFullYear();
    if (!this.years.has(year)) throw new CalendarNotConfiguredError(year);
    return this.days.get(n)?.kind ?? (isWeekendNumber(n) ? 'weekendRest' : 'workday');
  }

  private isWorkingNumber(n: number): boolean {
    const kind = this.kindOf(n);
    return kind === 'workday' || kind === 'makeupWorkday';
  }

  dayKind(date: string): DayKind {
    return this.kindOf(toDayNumber(date));
  }

  /** The table row, or the weekday default (holidayName null). */
  day(date: string): CalendarDay {
    const n = toDayNumber(date);
    const kind = this.kindOf(n);
    return this.days.get(n) ?? { date, kind, holidayName: null };
  }

  /** Working day = workday or 调休上班 (R-CAL-3). */
  isWorkingDay(date: string): boolean {
    return this.isWorkingNumber(toDayNumber(date));
  }

  isHoliday(date: string): boolean {
    return this.dayKind(date) === 'holiday';
  }

  /**
   * R-CAL-2 周末无休 day: a Saturday/Sunday of kind weekendRest.
   * Weekend days that the State Council's notice puts into a holiday period (与周末连休) are rows of
   * kind 'holiday', so they are NOT weekend service days: the plan says 如遇周六、周日在国家法定节假日之内的，
   * 参照"节假日预约"服务执行. A weekend merely next to a period but not in the notice keeps its weekday
   * default and stays a weekend service day. The table (seed + admin edits) is the single source.
   */
  isWeekendServiceDay(date: string): boolean {
    return this.dayKind(date) === 'weekendRest';
  }

  /** The maximal run of consecutive holiday days containing `date`, or null if it is not a holiday. */
  holidayPeriodOf(date: string): HolidayPeriod | null {
    const n = toDayNumber(date);
    if (this.kindOf(n) !== 'holiday') return null;
    let start = n;
    let end = n;
    while (this.kindOf(start - 1) === 'holiday') start--;
    while (this.kindOf(end + 1) === 'holiday') end++;
    const names: string[] = [];
    for (let i = start; i <= end; i++) {
      const name = this.days.get(i)?.holidayName?.trim();
      if (name && !names.includes(name)) names.push(name);
    }
    return {
      name: names.length ? names.join('、') : '法定节假日',
      start: fromDayNumber(start),
      end: fromDayNumber(end),
      days: end - start + 1,
    };
  }

  /** The first holiday period starting strictly after `date` (throws if configured data runs out first). */
  nextHolidayPeriodAfter(date: string): HolidayPeriod {
    let n = toDayNumber(date) + 1;
    if (this.kindOf(n - 1) === 'holiday') while (this.kindOf(n) === 'holiday') n++; // skip the current period
    while (this.kindOf(n) !== 'holiday') n++;
    return this.holidayPeriodOf(fromDayNumber(n)) as HolidayPeriod;
  }

  /** The last working day strictly before `date` ("the working day before the holiday", R-HOL-2). */
  workingDayBefore(date: string): string {
    return this.addWorkingDays(date, -1);
  }

  /**
   * n > 0: the n-th working day strictly after `date`; n < 0: the |n|-th strictly before.
   * n = 0: `date` itself if it is a working day, else the next working day (a deadline that
   * lands on a rest day rolls forward, never back).
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
    let d = toDayNumber(date);
    if (n === 0) {
      while (!this.isWorkingNumber(d)) d++;
      return fromDayNumber(d);
    }
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; ) {
      d += step;
      if (this.isWorkingNumber(d)) left--;
    }
    return fromDayNumber(d);
  }

  /**
   * Working days in the half-open interval (a, b]: `a` excluded, `b` included, so that
   * addWorkingDays(a, workingDaysBetween(a, b)) === b whenever b is a working day.
   * Negative (minus the count in (b, a]) when b is before a.
   */
  workingDaysBetween(a: string, b: string): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    if (to < from) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkingNumber(d)) count++;
    return count;
  }
}

// ---------- R-LST-3 ----------

/** 0.5 working day, in minutes (an 8 h day). Configurable in plugin settings. */
export const DEFAULT_HALF_WORKING_DAY_MINUTES = 240;

/** R-LST-3: true when an expected handling time is over the limit (exactly the limit is allowed). */
export function exceedsHalfWorkingDay(minutes: number, halfDayMinutes = DEFAULT_HALF_WORKING_DAY_MINUTES): boolean {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Invalid handling minutes: ${minutes}`);
  if (!Number.isFinite(halfDayMinutes) || halfDayMinutes <= 0) {
    throw new RangeError(`Invalid half-working-day minutes: ${halfDayMinutes}`);
  }
  return minutes > halfDayMinutes;
}
