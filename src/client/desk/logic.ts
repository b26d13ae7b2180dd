// The registration form's logic as plain functions (no React, no NocoBase): which field a server
// error belongs to, what the phone field says as you type, the days and slots to offer, and the
// values of the printed 登记表. Tested in test/rules/desk-form.test.ts.
import { shanghaiDate, shanghaiMinutes } from '../../rules/calendar';
import { checkPhone, normalizePhone } from '../../rules/phone';
import type { DaySlots } from './api';

export type FormField = 'serviceItemId' | 'date' | 'start' | 'applicantName' | 'applicantPhone' | 'applicantUnit' | 'channel' | 'notes';

const FIELD_OF_CODE: Record<string, FormField> = {
  APPLICANT_NAME_REQUIRED: 'applicantName', APPLICANT_NAME_TOO_LONG: 'applicantName', APPLICANT_NAME_INVALID: 'applicantName',
  APPLICANT_UNIT_INVALID: 'applicantUnit',
  PHONE_REQUIRED: 'applicantPhone', INVALID_PHONE: 'applicantPhone',
  CHANNEL_INVALID: 'channel', PHONE_OUTSIDE_HOURS: 'channel',
  ITEM_NOT_FOUND: 'serviceItemId', ITEM_NOT_PUBLISHED: 'serviceItemId', ITEM_NOT_OFFERED_ON_HOLIDAYS: 'serviceItemId',
  ITEM_NOT_OFFERED_ON_WEEKENDS: 'serviceItemId', EXPECTED_MINUTES_INVALID: 'serviceItemId', EXPECTED_MINUTES_OVER_HALF_DAY: 'serviceItemId',
  WORKDAY_NO_APPOINTMENT: 'date', HOLIDAY_BOOKING_TOO_LATE: 'date', BOOKING_NOT_ON_WORKING_DAY: 'date',
  CALENDAR_YEAR_NOT_CONFIGURED: 'date',
  SLOT_FULL: 'start', START_INVALID: 'start', START_IN_PAST: 'start', START_NOT_ON_SLOT_GRID: 'start', OUTSIDE_SERVICE_HOURS: 'start',
};

/** The form field a server error is shown under, or null for the form-level alert. */
export function fieldOfError(code: string): FormField | null {
  return FIELD_OF_CODE[code] ?? null;
}

export type PhoneState =
  | { state: 'empty' }
  | { state: 'incomplete' }
  | { state: 'invalid' }
  | { state: 'valid'; canonical: string; kind: 'mobile' | 'landline' };

/**
 * What the phone field shows while typing: nothing while empty, "incomplete" while the digits
 * typed could still become a number, "invalid" once they cannot, and the stored form when valid.
 */
export function phoneState(input: string): PhoneState {
  const text = String(input ?? '').normalize('NFKC').trim();
  if (!text) return { state: 'empty' };
  if (!checkPhone(text)) {
    const canonical = normalizePhone(text);
    return { state: 'valid', canonical, kind: canonical.startsWith('0') ? 'landline' : 'mobile' };
  }
  const digits = text.replace(/[\s\-()（）]/g, '');
  const couldGrow = /^\d+$/.test(digits) && (
    (digits.startsWith('1') && digits.length < 11 && /^1([3-9]\d*)?$/.test(digits)) ||
    (digits.startsWith('0') && digits.length < 11)
  );
  return couldGrow ? { state: 'incomplete' } : { state: 'invalid' };
}

/** Days a new booking can be made for (the date picker offers only these). */
export function bookableDates(days: readonly DaySlots[]): Set<string> {
  return new Set(days.filter((d) => d.bookable).map((d) => d.date));
}

/** The slots of one date that still have a seat. */
export function freeSlots(days: readonly DaySlots[], date: string | null | undefined) {
  const day = days.find((d) => d.date === date);
  return day && day.bookable ? day.slots.filter((s) => s.remaining > 0) : [];
}

/** The first date with a free seat: where the picker opens. */
export function firstBookableDate(days: readonly DaySlots[]): string | null {
  return days.find((d) => d.bookable)?.date ?? null;
}

// ---------- the printed form 《预约服务登记表》 ----------

const pad = (n: number) => String(n).padStart(2, '0');

/** '2月17日10时00分' (Shanghai) as the paper form writes a time; '' when unknown. */
export function formMinute(value: string | Date | null | undefined): string {
  if (!value) return '';
  const [, m, d] = shanghaiDate(value).split('-').map(Number);
  const min = shanghaiMinutes(value);
  return `${m}月${d}日${pad(Math.floor(min / 60))}时${pad(min % 60)}分`;
}

/** '2月10日' (Shanghai); '' when unknown. */
export function formDay(value: string | Date | null | undefined): string {
  if (!value) return '';
  const [, m, d] = shanghaiDate(value).split('-').map(Number);
  return `${m}月${d}日`;
}

/** '2026年02月17日10时00分至11时10分' for the outcome row; '' until both times are known. */
export function formSpan(start: string | Date | null | undefined, end: string | Date | null | undefined): string {
  if (!start || !end) return '';
  const [y, m, d] = shanghaiDate(start).split('-');
  const a = shanghaiMinutes(start);
  const b = shanghaiMinutes(end);
  return `${y}年${m}月${d}日${pad(Math.floor(a / 60))}时${pad(a % 60)}分至${pad(Math.floor(b / 60))}时${pad(b % 60)}分`;
}

const personName = (u: any) => (u ? u.nickname || u.username || '' : '');

export interface PrintedForm {
  number: string;
  applicantName: string;
  applicantPhone: string;
  applicantUnit: string;
  item: string;
  appointment: string;
  window: string;
  recordedAt: string;
  recorder: string;
  dispatchedAt: string;
  signedForBy: string;
  /** 是 / 否 / '' (not yet known: left for the handler to write). */
  completed: string;
  span: string;
  outcome: string;
  handler1: string;
  handler2: string;
  /** An image (data URL) to show, or a recorded oral confirmation, or nothing (sign by hand). */
  signature: { image?: string; text?: string } | null;
}

/** The values of each row of the paper form, from a booking as bookings:get returns it. */
export function printedForm(b: any): PrintedForm {
  const closed = b.status === 'completed' || b.status === 'abandoned';
  const sig = b.applicantSignature;
  return {
    number: b.number ?? '',
    applicantName: b.applicantName ?? '',
    applicantPhone: b.applicantPhone ?? '',
    applicantUnit: b.applicantUnit ?? '',
    item: b.serviceItem ? `${b.serviceItem.name}${b.serviceItem.code ? `（${b.serviceItem.code}）` : ''}` : '',
    appointment: formMinute(b.appointmentStart),
    window: b.window?.name ?? '',
    recordedAt: formDay(b.recordedAt),
    recorder: personName(b.recorder),
    dispatchedAt: formDay(b.dispatchedAt),
    signedForBy: personName(b.signedForBy),
    completed: closed ? (b.status === 'completed' && b.completed !== false ? '是' : '否') : '',
    span: formSpan(b.actualStart, b.actualEnd),
    outcome: b.outcome ?? (b.status === 'abandoned' ? b.cancelReason ?? '' : ''),
    handler1: personName(b.handler1),
    handler2: personName(b.handler2),
    signature: sig?.kind === 'image' && typeof sig.value === 'string' && sig.value.startsWith('data:image/')
      ? { image: sig.value }
      : sig?.kind === 'confirmation' ? { text: String(sig.value ?? '') } : null,
  };
}

// ---------- the desk's own list (预约登记 page, beside the form) ----------

export type DeskListTab = 'today' | 'upcoming';

/** Statuses of a booking that is still to be served (the list's "upcoming" tab). */
export const OPEN_STATUSES = ['registered', 'dispatched', 'signedFor', 'contacted', 'inService'];

/** Shanghai's midnight that starts the day of `now`, as an instant. */
export function shanghaiMidnight(now: Date): Date {
  const day = new Date(now.getTime() + 8 * 3600000).toISOString().slice(0, 10);
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * The bookings:list query of a tab, for the desk user `userId`: today = recorded by me today
 * (Shanghai), newest first; upcoming = recorded by me, still open, appointment not started yet,
 * soonest first.
 */
export function deskListQuery(tab: DeskListTab, userId: number, now: Date) {
  if (tab === 'today') {
    const from = shanghaiMidnight(now);
    const to = new Date(from.getTime() + 86400000);
    return {
      filter: { $and: [{ recorderId: userId }, { recordedAt: { $gte: from.toISOString() } }, { recordedAt: { $lt: to.toISOString() } }] },
      sort: ['-recordedAt'],
    };
  }
  return {
    filter: { $and: [{ recorderId: userId }, { status: { $in: OPEN_STATUSES } }, { appointmentStart: { $gte: now.toISOString() } }] },
    sort: ['appointmentStart'],
  };
}

/**
 * What the look-up box sends: a booking number (YY-2026-000123, any case, spaces ignored) or a
 * full phone number as the caller says it (digits, with or without dashes and spaces). Anything
 * else is answered here, without a request: `null` and the reason's text key.
 */
export function lookupInput(raw: string): { q: string } | { q: null; reason: string } {
  const text = raw.trim();
  if (!text) return { q: null, reason: 'Enter a booking number or the applicant\'s full phone number' };
  const number = text.replace(/\s+/g, '').toUpperCase();
  if (/^YY-\d{4}-\d{6}$/.test(number)) return { q: number };
  const digits = text.replace(/[\s-]/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length < 7) return { q: null, reason: 'Enter the whole phone number, not a part of it' };
    return { q: text.replace(/\s+/g, '') };
  }
  return { q: null, reason: 'Enter a booking number or the applicant\'s full phone number' };
}
