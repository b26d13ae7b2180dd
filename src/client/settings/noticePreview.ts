// R-CAL-4: the year as it will be once the notice is applied — the stored rows with the preview's
// changes laid over them — for the year view, which then marks each changed day. Pure.
import type { CalendarDayRow, NoticeChange } from './api';

/** `第 6 行：二、春节：…`, the note a day gets from the notice (the server stores the same). */
export const lineNote = (c: Pick<NoticeChange, 'line' | 'text'>) => (c.line ? `第 ${c.line} 行：${c.text ?? ''}` : null);

export function previewRows(year: number, stored: CalendarDayRow[], changes: NoticeChange[]): CalendarDayRow[] {
  const rows = new Map(stored.map((r) => [r.date, r]));
  for (const c of changes) {
    if (!c.date.startsWith(`${year}-`)) continue;
    if (c.change === 'removed') rows.delete(c.date);
    else rows.set(c.date, { date: c.date, kind: c.after.kind, holidayName: c.after.holidayName, source: 'notice', note: lineNote(c) });
  }
  return [...rows.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The changes of `year` by date (December days of the year before are listed, not drawn). */
export function changesByDate(year: number, changes: NoticeChange[]): Map<string, NoticeChange> {
  return new Map(changes.filter((c) => c.date.startsWith(`${year}-`)).map((c) => [c.date, c]));
}
