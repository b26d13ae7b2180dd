// The calendar resource of our server plugin (calendar:years / year / setDay / addYear / confirmYear).
// NocoBase wraps every body as { data }, and api.request returns the axios response: read res.data.data.
import { useAPIClient } from '@nocobase/client';
import { useMemo } from 'react';

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

export function useCalendarApi() {
  const api = useAPIClient();
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
    };
  }, [api]);
}
