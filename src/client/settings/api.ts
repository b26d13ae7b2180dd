// The calendar resource of our server plugin (calendar:years / year / setDay / addYear / confirmYear,
// outlook, previewNotice / applyNotice).
// NocoBase wraps every body as { data }, and api.request returns the axios response: read res.data.data.
import { useHostApi } from '../../client-v2/host';
import { useMemo } from 'react';
import type { NextYearOutlook } from '../desk/api';

export type DayKind = 'workday' | 'makeupWorkday' | 'weekendRest' | 'holiday';
export const DAY_KINDS: DayKind[] = ['workday', 'makeupWorkday', 'weekendRest', 'holiday'];

export interface CalendarYear {
  year: number;
  configured: boolean;
  source?: string | null;
}

export interface CalendarDayRow {
  date: string;
  kind: DayKind;
  holidayName?: string | null;
  source?: string | null;
  note?: string | null;
}

export interface CalendarYearDetail extends CalendarYear {
  days: CalendarDayRow[];
}

export interface SetDayInput {
  date: string;
  kind: DayKind;
  holidayName?: string | null;
  note?: string | null;
}

/** R-CAL-4: next year's calendar (calendar:outlook); the desk's form reads the same answer. */
export type { NextYearOutlook };

export interface DayState {
  kind: DayKind;
  holidayName: string | null;
}

/** One day the notice adds, changes or removes, with the line it comes from. */
export interface NoticeChange {
  date: string;
  change: 'added' | 'changed' | 'removed';
  before: DayState;
  after: DayState;
  nameOnly: boolean;
  line: number | null;
  text: string | null;
}

export interface NoticePeriod {
  name: string;
  start: string;
  end: string;
  days: number;
  dates: string[];
  makeupWorkdays: string[];
  line: number;
  text: string;
}

export interface NoticePreview {
  year: number;
  title: { line: number; text: string };
  periods: NoticePeriod[];
  stored: { exists: boolean; configured: boolean; source: string | null };
  changes: NoticeChange[];
  counts: { added: number; changed: number; removed: number; unchanged: number };
  diffKey: string;
}

/** The server's own message(s) from `{ errors: [{ message }] }`, else the transport error. */
export function errorText(error: any): string {
  const body = error?.response?.data;
  const errors = body?.errors || (body?.error ? [body.error] : null);
  if (Array.isArray(errors) && errors.length) {
    return errors.map((e: any) => e?.message || String(e)).join('; ');
  }
  if (typeof body === 'string' && body.trim() && !body.trim().startsWith('<')) return body.trim();
  return error?.message || String(error);
}

/** Saves a blob under a file name (the browser's download). */
function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A blob answer that is an error ({ errors }) becomes the thrown error errorText() reads. */
async function blobOrThrow(res: any): Promise<Blob> {
  const blob: Blob = res?.data;
  if (blob && /json/.test(blob.type || '')) {
    const body = JSON.parse(await blob.text());
    if (body?.errors) throw Object.assign(new Error('request failed'), { response: { data: body } });
  }
  return blob;
}

/** The columns of a year in Excel (NocoBase's import/export of calendarDays). */
export const YEAR_COLUMNS = (t: (k: string) => string) => [
  { dataIndex: ['date'], defaultTitle: t('Date') },
  { dataIndex: ['kind'], defaultTitle: t('Day kind') },
  { dataIndex: ['holidayName'], defaultTitle: t('Holiday name') },
  { dataIndex: ['note'], defaultTitle: t('Note') },
];

export function useCalendarApi() {
  const api = useHostApi();
  return useMemo(() => {
    // skipNotify: we show the server's message ourselves (antd message), not NocoBase's global toast.
    const call = async <T>(method: 'get' | 'post', action: string, payload?: Record<string, unknown>): Promise<T> => {
      const res = await api.request({
        url: `calendar:${action}`,
        method,
        ...(method === 'get' ? { params: payload } : { data: payload }),
        skipNotify: true,
      });
      return res?.data?.data as T;
    };
    return {
      years: () => call<CalendarYear[]>('get', 'years'),
      year: (year: number) => call<CalendarYearDetail>('get', 'year', { year }),
      setDay: (input: SetDayInput) => call<CalendarDayRow>('post', 'setDay', { ...input }),
      addYear: (year: number) => call<CalendarYear>('post', 'addYear', { year }),
      confirmYear: (year: number) => call<CalendarYear>('post', 'confirmYear', { year }),
      outlook: () => call<NextYearOutlook>('get', 'outlook'),
      previewNotice: (text: string) => call<NoticePreview>('post', 'previewNotice', { text }),
      /** R-CAL-4 the year as iCalendar, saved as holidays-YYYY.ics. */
      downloadIcs: async (year: number) => {
        const res = await api.request({ url: 'calendar:ics', method: 'get', params: { year }, responseType: 'blob', skipNotify: true } as any);
        saveBlob(await blobOrThrow(res), `holidays-${year}.ics`);
      },
      /** R-CAL-4 the year's stored days through NocoBase's Excel export. */
      exportYear: async (year: number, columns: unknown[], title: string) => {
        const filter = JSON.stringify({ date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } });
        const res = await api.request({
          url: 'calendarDays:export', method: 'post', params: { filter, sort: 'date' }, data: { columns, title }, responseType: 'blob', skipNotify: true,
        } as any);
        saveBlob(await blobOrThrow(res), `${title}.xlsx`);
      },
      /** R-CAL-4 days from an .xlsx through NocoBase's import; each row is checked by the day rules. */
      importYear: async (file: File, columns: unknown[]) => {
        const form = new FormData();
        form.append('file', file);
        form.append('columns', JSON.stringify(columns));
        await api.request({ url: 'calendarDays:importXlsx', method: 'post', data: form, skipNotify: true } as any);
      },
      applyNotice: (text: string, diffKey: string) =>
        call<{ year: number; counts: NoticePreview['counts'] }>('post', 'applyNotice', { text, diffKey }),
    };
  }, [api]);
}
