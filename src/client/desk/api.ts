// The desk's calls: bookings:searchItems / availability / register / get, auth:check.
// NocoBase wraps bodies as { data }; errors come back as { errors: [{ code, message }] }.
import { deskApi } from './env';

export interface DeskItem {
  id: number;
  name: string;
  code: string;
  initials: string;
  materials: string[];
  offeredOnWeekends: boolean;
  offeredOnHolidays: boolean;
  expectedMinutes: number;
  capacityPerSlot: number;
  leadWindow: { id: number; name: string; code: string } | null;
}

export interface Refusal {
  code: string;
  message: string;
  params: Record<string, unknown>;
}

export interface DaySlots {
  date: string;
  kind: 'holiday' | 'weekend';
  holidayName: string | null;
  bookable: boolean;
  refusal: Refusal | null;
  slots: { start: string; time: string; remaining: number }[];
}

export interface ItemAvailability {
  item: DeskItem;
  capacity: number;
  days: DaySlots[];
  notConfiguredFrom: string | null;
  phoneOpen: boolean;
  phoneRefusal: Refusal | null;
}

export interface ServerError {
  code: string;
  message: string;
}

/** The server's errors of a failed request, or one pseudo error with the transport message. */
export function serverErrors(error: any): ServerError[] {
  const list = error?.response?.data?.errors;
  if (Array.isArray(list) && list.length) return list.map((e: any) => ({ code: String(e?.code ?? ''), message: String(e?.message ?? e) }));
  return [{ code: '', message: error?.message || String(error) }];
}

async function call<T>(url: string, method: 'get' | 'post', payload?: Record<string, unknown>): Promise<T> {
  const res = await deskApi().request({
    url, method, skipNotify: true, ...(method === 'get' ? { params: payload } : { data: payload }),
  });
  return res?.data?.data as T;
}

export const desk = {
  items: () => call<DeskItem[]>('bookings:searchItems', 'get', { limit: 2000 }),
  availability: (serviceItemId: number) => call<ItemAvailability>('bookings:availability', 'get', { serviceItemId }),
  register: (values: Record<string, unknown>) => call<any>('bookings:register', 'post', values),
  booking: (id: number | string) =>
    call<any>('bookings:get', 'get', {
      filterByTk: id,
      appends: ['serviceItem', 'window', 'recorder', 'dispatcher', 'signedForBy', 'handler1', 'handler2'],
    }),
  me: () => call<{ id: number; nickname?: string; username?: string }>('auth:check', 'get'),
};
