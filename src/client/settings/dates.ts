// Calendar arithmetic for the year view. Dates are plain 'YYYY-MM-DD' strings (Shanghai calendar
// dates); computed on UTC so the browser's own time zone never shifts a day.
import type { CalendarDayRow, DayKind } from './api';

const DAY_MS = 86400000;

export const pad2 = (n: number) => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad2(month)}-${pad2(day)}`;

/** 0 = Monday … 6 = Sunday. */
export function mondayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export const isWeekend = (date: string) => mondayIndex(date) >= 5;

/** What a date is when the table has no row for it: Mon–Fri workday, Sat/Sun weekend rest. */
export const defaultKind = (date: string): DayKind => (isWeekend(date) ? 'weekendRest' : 'workday');

/** Kinds a date may take; the server refuses the others (weekends are never plain workdays). */
export const allowedKinds = (date: string): DayKind[] =>
  isWeekend(date) ? ['weekendRest', 'makeupWorkday', 'holiday'] : ['workday', 'holiday'];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 1) - DAY_MS).getUTCDate();
}

/** A Monday-first month grid: leading nulls, then the dates of the month, padded to whole weeks. */
export function monthGrid(year: number, month: number): (string | null)[] {
  const first = isoDate(year, month, 1);
  const cells: (string | null)[] = Array(mondayIndex(first)).fill(null);
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(isoDate(year, month, d));
  while (cells.length % 7) cells.push(null);
  return cells;
}

export interface ResolvedDay {
  date: string;
  kind: DayKind;
  holidayName?: string | null;
  note?: string | null;
  source?: string | null;
  stored: boolean;
  /** First day of a run of holidays with the same name (where the name is printed in the cell). */
  startsHoliday: boolean;
}

/** Every date of `year` with its kind: stored rows win, the rest follow the weekday. */
export function resolveYear(year: number, rows: CalendarDayRow[]): Map<string, ResolvedDay> {
  const stored = new Map(rows.map((r) => [r.date, r]));
  const out = new Map<string, ResolvedDay>();
  let prev: ResolvedDay | null = null;
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= daysInMonth(year, m); d++) {
      const date = isoDate(year, m, d);
      const row = stored.get(date);
      const kind = row?.kind ?? defaultKind(date);
      const day: ResolvedDay = {
        date,
        kind,
        holidayName: row?.holidayName ?? null,
        note: row?.note ?? null,
        source: row?.source ?? null,
        stored: !!row,
        startsHoliday: kind === 'holiday' && !(prev?.kind === 'holiday' && prev.holidayName === row?.holidayName),
      };
      out.set(date, day);
      prev = day;
    }
  }
  return out;
}

export function countKinds(days: Iterable<ResolvedDay>): Record<DayKind, number> {
  const counts: Record<DayKind, number> = { workday: 0, makeupWorkday: 0, weekendRest: 0, holiday: 0 };
  for (const d of days) counts[d.kind]++;
  return counts;
}
