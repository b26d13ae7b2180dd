// R-CAL-4 "the calendar as data others use": a configured year as iCalendar (RFC 5545) so staff
// subscribe in Outlook or WeCom. All-day events: one per holiday period (consecutive holiday days
// of one name) and one per make-up workday. UIDs are derived from the day and kind, so exporting
// the same calendar twice gives the same events; DTSTAMP is the calendar's last change, so the
// file only changes when the calendar does. Pure: rows in, text out.
import type { CalendarDay } from './calendar';

export interface IcsLabels {
  calendarName: string;
  /** e.g. '放假' → SUMMARY "春节 放假". */
  holiday: string;
  /** e.g. '调休上班'. */
  makeupWorkday: string;
  /** e.g. (start, end, days) => `${start} 至 ${end} 放假，共 ${days} 天`. */
  periodDescription: (start: string, end: string, days: number) => string;
}

export interface IcsInput {
  year: number;
  days: CalendarDay[];
  /** The calendar's last change (DTSTAMP of every event). */
  stamp: Date;
  labels: IcsLabels;
  /** The right-hand side of each UID, e.g. the site's host name. */
  domain: string;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return String(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const basic = (date: string) => date.replace(/-/g, '');
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
const stampOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

interface Event {
  uid: string;
  start: string;
  end: string; // inclusive
  summary: string;
  description: string;
  category: string;
}

/** Consecutive holiday days of one name → one event; each make-up workday → one event. */
function eventsOf({ year, days, labels, domain }: IcsInput): Event[] {
  const inYear = days.filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const events: Event[] = [];
  let run: CalendarDay[] = [];
  const flush = () => {
    if (!run.length) return;
    const start = run[0].date;
    const end = run[run.length - 1].date;
    const name = run[0].holidayName || labels.holiday;
    events.push({
      uid: `${basic(start)}-holiday@${domain}`, start, end, category: labels.holiday,
      summary: `${name} ${labels.holiday}`,
      description: labels.periodDescription(start, end, run.length),
    });
    run = [];
  };
  for (const day of inYear) {
    const last = run[run.length - 1];
    if (day.kind === 'holiday' && last && nextDay(last.date) === day.date && (last.holidayName ?? '') === (day.holidayName ?? '')) {
      run.push(day);
      continue;
    }
    flush();
    if (day.kind === 'holiday') run = [day];
    else if (day.kind === 'makeupWorkday') {
      events.push({
        uid: `${basic(day.date)}-makeup@${domain}`, start: day.date, end: day.date, category: labels.makeupWorkday,
        summary: `${day.holidayName ? `${day.holidayName} ` : ''}${labels.makeupWorkday}`, description: labels.makeupWorkday,
      });
    }
  }
  flush();
  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : 1));
}

export function yearToIcs(input: IcsInput): string {
  const stamp = stampOf(input.stamp);
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//govhall//appointment-duty//ZH-CN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.labels.calendarName)}`, 'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const e of eventsOf(input)) {
    lines.push(
      'BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basic(e.start)}`, `DTEND;VALUE=DATE:${basic(nextDay(e.end))}`, // DTEND is exclusive
      `SUMMARY:${escapeText(e.summary)}`, `DESCRIPTION:${escapeText(e.description)}`, `CATEGORIES:${escapeText(e.category)}`,
      'TRANSP:TRANSPARENT', 'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
