// The desk's calls: bookings:searchItems / availability / register / get, calendar:outlook, auth:check.
// NocoBase wraps bodies as { data }; errors come back as { errors: [{ code, message }] }.
import { hostApi } from '../../client-v2/host';

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

/** R-CAL-4: next year's statutory calendar, from calendar:outlook (and bookings:availability's nextYear). */
export interface NextYearOutlook {
  year: number;
  configured: boolean;
  warn: boolean;
  warnFrom: string;
  lastBookableDate: string;
  /** In the user's language, naming who can fix it; null when there is nothing to say. */
  message: string | null;
  fixedBy: { role: string; page: string };
}

export interface ItemAvailability {
  item: DeskItem;
  capacity: number;
  days: DaySlots[];
  notConfiguredFrom: string | null;
  phoneOpen: boolean;
  phoneRefusal: Refusal | null;
  nextYear?: NextYearOutlook;
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
  const res = await hostApi().request({
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
  outlook: () => call<NextYearOutlook>('calendar:outlook', 'get'),
  me: () => call<{ id: number; nickname?: string; username?: string }>('auth:check', 'get'),
  /** Bookings this desk user recorded, by the filter of the list's tab (src/client/desk/logic.ts deskListFilter). */
  recorded: (filter: Record<string, unknown>, sort: string[]) =>
    call<DeskBookingRow[]>('bookings:list', 'get', {
      filter: JSON.stringify(filter), sort, pageSize: 50, appends: ['serviceItem', 'window'],
    }),
  /** A caller's booking by its number or the applicant's full phone (bookings:lookup, the access policy decides what shows). */
  lookup: (q: string) => call<DeskBookingRow[]>('bookings:lookup', 'get', { q }),
};

/** A booking as the desk's list shows it (bookings:list with serviceItem, window; bookings:lookup). */
export interface DeskBookingRow {
  id: number;
  number: string;
  status: string;
  applicantName: string;
  applicantPhone: string;
  serviceItem: { id: number; name: string } | null;
  window: { id: number; name: string } | null;
  appointmentStart: string;
  appointmentEnd: string;
  channel: string;
  recordedAt: string;
}
