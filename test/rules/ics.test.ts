// R-CAL-4 the calendar as iCalendar (RFC 5545): all-day events for holiday periods and make-up
// workdays, stable UIDs, CRLF line ends, TEXT escaping, lines folded at 75 octets.
import { escapeText, foldLine, yearToIcs } from '../../src/rules/ics';
import { seedDays } from '../../src/rules/calendarSeed';

const labels = {
  calendarName: '2026 年法定节假日（预约+无休）', holiday: '放假', makeupWorkday: '调休上班',
  periodDescription: (start: string, end: string, days: number) => `${start} 至 ${end} 放假，共 ${days} 天`,
};
const ics = (days = seedDays(2026)) => yearToIcs({ year: 2026, days, stamp: new Date('2025-11-04T08:00:00Z'), labels, domain: 'oa.example.gov.cn' });

/** Unfolded content lines → events as property maps (a reader independent of the writer). */
function events(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') { out.push(current!); current = null; }
    else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return out;
}

test('R-CAL-4 2026: one all-day event per holiday period, one per make-up workday', () => {
  const list = events(ics());
  const holidays = list.filter((e) => e.UID.includes('-holiday@'));
  const makeups = list.filter((e) => e.UID.includes('-makeup@'));
  expect(holidays.map((e) => [e['DTSTART;VALUE=DATE'], e['DTEND;VALUE=DATE'], e.SUMMARY])).toEqual([
    ['20260101', '20260104', '元旦 放假'], ['20260215', '20260224', '春节 放假'], ['20260404', '20260407', '清明 放假'],
    ['20260501', '20260506', '劳动节 放假'], ['20260619', '20260622', '端午 放假'], ['20260925', '20260928', '中秋 放假'],
    ['20261001', '20261008', '国庆节 放假'],
  ]);
  expect(holidays[1].DESCRIPTION).toBe('2026-02-15 至 2026-02-23 放假，共 9 天'); // a full-width comma needs no escape
  expect(makeups.map((e) => [e['DTSTART;VALUE=DATE'], e.SUMMARY])).toEqual([
    ['20260104', '元旦 调休上班'], ['20260214', '春节 调休上班'], ['20260228', '春节 调休上班'], ['20260509', '劳动节 调休上班'],
    ['20260920', '国庆节 调休上班'], ['20261010', '国庆节 调休上班'],
  ]);
  for (const e of list) expect(e.DTSTAMP).toBe('20251104T080000Z');
});

test('R-CAL-4 stable: the same calendar gives the same file and UIDs; UIDs are unique', () => {
  expect(ics()).toBe(ics());
  const uids = events(ics()).map((e) => e.UID);
  expect(new Set(uids).size).toBe(uids.length);
  expect(uids[0]).toBe('20260101-holiday@oa.example.gov.cn');
});

test('R-CAL-4 CRLF line ends only, every line at most 75 octets, folds never split a character', () => {
  const long = seedDays(2026).map((d) => (d.date === '2026-02-15' ? { ...d } : d));
  const text = yearToIcs({ year: 2026, days: long, stamp: new Date(0), domain: 'x',
    labels: { ...labels, calendarName: '淄博市政务服务中心“预约+无休”法定节假日与调休上班日历（全年，含元旦, 春节; 清明节、劳动节、端午节、中秋节和国庆节）' } });
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  expect(text).toMatch(/\r\n X-WR-|\r\n [^\r\n]/);
  expect(text.replace(/\r\n /g, '')).toContain('X-WR-CALNAME:淄博市政务服务中心“预约+无休”法定节假日与调休上班日历（全年，含元旦\\, 春节\\; 清明节');
});

test('R-CAL-4 TEXT escaping and folding by octets', () => {
  expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  const folded = foldLine(`SUMMARY:${'春'.repeat(40)}`);
  const parts = folded.split('\r\n ');
  expect(parts.map((p) => Buffer.byteLength(p))).toEqual([74, 54]); // 75 would split the 23rd 春 (3 octets)
  expect(parts.join('')).toBe(`SUMMARY:${'春'.repeat(40)}`);
});

test('R-CAL-4 a holiday run splits where the name changes; days of other years are left out', () => {
  const days = [
    { date: '2025-12-31', kind: 'holiday' as const, holidayName: '元旦' },
    { date: '2026-10-01', kind: 'holiday' as const, holidayName: '国庆节' },
    { date: '2026-10-02', kind: 'holiday' as const, holidayName: '中秋节' },
  ];
  expect(events(ics(days)).map((e) => [e['DTSTART;VALUE=DATE'], e.SUMMARY])).toEqual([['20261001', '国庆节 放假'], ['20261002', '中秋节 放假']]);
});
