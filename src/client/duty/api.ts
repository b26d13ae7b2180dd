// The duty resources of our server plugin (dutyShifts:*, compTimeRequests:*, compTimeEntries:*).
// NocoBase wraps every body as { data }; api.request returns the axios response.
import { useHostApi } from '../../client-v2/host';
import { useMemo } from 'react';

export { errorText } from '../settings/api';

export interface DutyContext {
  userId: number;
  roles: string[];
  leads: { id: number; name: string; code: string }[];
  staffs: { id: number; name: string; code: string }[];
  section: boolean;
}

export interface ShiftRow {
  id: number;
  date: string;
  windowId: number;
  windowName: string | null;
  userId: number | null;
  userName: string | null;
  role: 'staff' | 'lead';
  kind: 'weekend' | 'holiday';
  plannedStart: string;
  plannedEnd: string;
  status: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  attendance: 'onTime' | 'late' | 'leftEarly' | 'absent' | null;
}

export interface PendingRequest {
  id: number;
  userId: number;
  userName: string;
  windowName: string;
  start: string;
  end: string;
  minutes: number;
  reason: string | null;
  coverUserId: number;
  coverName: string;
  balance: number;
}

export interface BalanceDetail {
  earned: number;
  taken: number;
  expired: number;
  balance: number;
  pending: number;
  entries: { id: number; kind: 'earned' | 'taken'; minutes: number; date: string; sourceType: string; sourceId: number }[];
}

export function useDutyApi() {
  const api = useHostApi();
  return useMemo(() => {
    const call = async <T>(method: 'get' | 'post', url: string, payload?: Record<string, unknown>): Promise<T> => {
      const res = await api.request({ url, method, ...(method === 'get' ? { params: payload } : { data: payload }), skipNotify: true });
      return res?.data?.data as T;
    };
    return {
      context: () => call<DutyContext>('get', 'dutyShifts:context'),
      mine: (month: string) => call<ShiftRow[]>('get', 'dutyShifts:mine', { month }),
      month: (windowId: number, month: string) => call<ShiftRow[]>('get', 'dutyShifts:month', { windowId, month }),
      generate: (windowId: number, from: string, to: string) => call<any>('post', 'dutyShifts:generate', { windowId, from, to }),
      publish: (windowId: number, from: string, to: string) => call<any>('post', 'dutyShifts:publish', { windowId, from, to }),
      checkIn: (id: number) => call<ShiftRow>('post', `dutyShifts:checkIn?filterByTk=${id}`),
      checkOut: (id: number) => call<ShiftRow>('post', `dutyShifts:checkOut?filterByTk=${id}`),
      pending: () => call<PendingRequest[]>('get', 'compTimeRequests:pending'),
      signOff: (id: number, note: string) => call<any>('post', `compTimeRequests:signOff?filterByTk=${id}`, { note }),
      reject: (id: number, note: string) => call<any>('post', `compTimeRequests:reject?filterByTk=${id}`, { note }),
      covers: () => call<{ id: number; nickname: string }[]>('get', 'compTimeRequests:covers'),
      submit: (values: { start: string; end: string; coverUserId: number; reason?: string }) => call<any>('post', 'compTimeRequests:submit', values),
      balance: () => call<BalanceDetail>('get', 'compTimeEntries:balance'),
    };
  }, [api]);
}

/** An instant as Shanghai wall time 'YYYY-MM-DD HH:mm' (the browser's own zone may differ). */
export const shanghai = (instant: string | null | undefined) =>
  instant ? new Date(Date.parse(instant) + 8 * 3600000).toISOString().slice(0, 16).replace('T', ' ') : '';

export const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** This month in Shanghai, 'YYYY-MM', and a month moved by n. */
export const thisMonth = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 7);
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}
export function monthBounds(month: string): { from: string; to: string } {
  const next = addMonths(month, 1);
  return { from: `${month}-01`, to: new Date(Date.parse(`${next}-01T00:00:00Z`) - 86400000).toISOString().slice(0, 10) };
}
