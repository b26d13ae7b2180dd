// Seed for the calendar table (R-CAL-1) from the `chinese-days` data package.
// Only exceptions to the weekday default are emitted; admins edit the table afterwards.
import type { CalendarDay } from './calendar';

interface ChineseDaysData {
  holidays: Record<string, string>; // '2026-02-15': 'Spring Festival,春节,4'
  workdays: Record<string, string>; // '2026-02-14': 'Spring Festival,春节,4' (调休上班)
  inLieuDays: Record<string, string>; // days off in lieu: already included in holidays
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const data: ChineseDaysData = require('chinese-days/dist/chinese-days.json');

/** 'Spring Festival,春节,4' → '春节' (falls back to the English name if no Chinese one). */
function chineseName(entry: string): string | null {
  const [en, zh] = String(entry ?? '').split(',');
  return (zh || en || '').trim() || null;
}

function isWeekend(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
}

function entriesOf(table: Record<string, string>, year: number): [string, string][] {
  return Object.entries(table ?? {}).filter(([date]) => date.startsWith(`${year}-`));
}

/**
 * Years with holiday data in the package (ascending). A year counts only if it has holidays:
 * a year the State Council has not yet published (e.g. 2027 in chinese-days 1.5.7) is absent.
 */
export function seedYearsAvailable(): number[] {
  const years = new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}

/** Non-default days of `year`: statutory holidays and weekend make-up workdays, sorted by date. */
export function seedDays(year: number): CalendarDay[] {
  if (!Number.isInteger(year)) throw new RangeError(`Invalid year: ${year}`);
  const holidays: CalendarDay[] = entriesOf(data.holidays, year).map(([date, entry]) => ({
    date,
    kind: 'holiday',
    holidayName: chineseName(entry),
  }));
  // A `workdays` entry on Mon–Fri is already a default workday: nothing to store.
  const makeups: CalendarDay[] = entriesOf(data.workdays, year)
    .filter(([date]) => isWeekend(date))
    .map(([date, entry]) => ({ date, kind: 'makeupWorkday', holidayName: chineseName(entry) }));
  return [...holidays, ...makeups].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
