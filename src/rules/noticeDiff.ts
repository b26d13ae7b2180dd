// R-CAL-4: what applying a parsed notice would change in the stored calendar — days added,
// changed and removed, each with the notice line it comes from. Pure; the server applies exactly
// this list in one transaction, so the admin applies what they saw.
import type { CalendarDay, DayKind } from './calendar';
import { weekdayKind } from './calendar';
import type { HolidayNotice } from './holidayNotice';

export type NoticeChange = 'added' | 'changed' | 'removed';

export interface DayState {
  kind: DayKind;
  holidayName: string | null;
}

export interface NoticeDiffEntry {
  date: string;
  change: NoticeChange;
  /** The stored day (or the weekday default when no row is stored). */
  before: DayState;
  /** What the notice makes it (for `removed`: the weekday default). */
  after: DayState;
  /** Only the festival's name differs (e.g. 国庆节 → 中秋节、国庆节). */
  nameOnly: boolean;
  /** The notice line; for a removed day, the line of the same festival if the notice has one. */
  line: number | null;
  text: string | null;
}

export interface NoticeDiff {
  year: number;
  changes: NoticeDiffEntry[];
  counts: { added: number; changed: number; removed: number; unchanged: number };
}

const EXCEPTIONS: DayKind[] = ['holiday', 'makeupWorkday'];

/** 中秋 and 中秋节, 国庆节、中秋节 and 中秋节、国庆节 are the same festival(s). */
export function sameHolidayName(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = (s: string | null | undefined) =>
    String(s ?? '').split(/[、,，和]/).map((n) => n.trim().replace(/节$/, '')).filter(Boolean).sort().join('、');
  return key(a) === key(b);
}

const isNewYear = (name: string | null | undefined) => /元旦/.test(String(name ?? ''));

/**
 * Does a stored holiday or make-up day belong to the notice of `year`? Yes for the year's own days,
 * except a December 元旦 (next year's notice starts it, e.g. 2018-12-30 in 2019's); and yes for a
 * December 元旦 of the year before. So applying 2018's notice never removes 2019's New Year.
 */
export function belongsToNotice(day: CalendarDay, year: number): boolean {
  const y = Number(day.date.slice(0, 4));
  const december = day.date.slice(5, 7) === '12';
  if (y === year) return !(december && isNewYear(day.holidayName));
  return y === year - 1 && december && isNewYear(day.holidayName);
}

const stateOf = (day: CalendarDay | undefined, date: string): DayState =>
  day ? { kind: day.kind, holidayName: day.holidayName ?? null } : { kind: weekdayKind(date), holidayName: null };

/**
 * `stored`: the stored rows from 1 December of the year before to 31 December of the year (rows of
 * any kind; those with a plain weekday kind are not exceptions and are never "removed").
 */
export function diffNotice(notice: HolidayNotice, stored: CalendarDay[]): NoticeDiff {
  const byDate = new Map(stored.map((d) => [d.date, d]));
  const inNotice = new Set(notice.days.map((d) => d.date));
  const changes: NoticeDiffEntry[] = [];
  let unchanged = 0;
  for (const day of notice.days) {
    const row = byDate.get(day.date);
    const before = stateOf(row, day.date);
    const after: DayState = { kind: day.kind, holidayName: day.holidayName };
    if (row && row.kind === day.kind && sameHolidayName(row.holidayName, day.holidayName)) {
      unchanged++;
      continue;
    }
    const change: NoticeChange = row && EXCEPTIONS.includes(row.kind) ? 'changed' : 'added';
    changes.push({ date: day.date, change, before, after, nameOnly: !!row && row.kind === day.kind, line: day.line, text: day.text });
  }
  for (const row of stored) {
    if (inNotice.has(row.date) || !EXCEPTIONS.includes(row.kind) || !belongsToNotice(row, notice.year)) continue;
    const festival = notice.periods.find((p) => sameHolidayName(p.name, row.holidayName) || p.names.some((n) => sameHolidayName(n, row.holidayName)));
    changes.push({
      date: row.date, change: 'removed', before: stateOf(row, row.date), after: stateOf(undefined, row.date), nameOnly: false,
      line: festival?.line ?? null, text: festival?.text ?? null,
    });
  }
  changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const count = (c: NoticeChange) => changes.filter((x) => x.change === c).length;
  return { year: notice.year, changes, counts: { added: count('added'), changed: count('changed'), removed: count('removed'), unchanged } };
}
