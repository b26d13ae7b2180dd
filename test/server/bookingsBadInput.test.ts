// R-X-3 over HTTP: every bad request to the bookings:* actions gets a clear error in the user's
// language (zh-CN by default, en-US on request) and changes nothing — no row added, updated or
// removed in any booking table. One real app for the file, a fixed clock (X-Test-Now) and the
// demo data (src/server/seed/demo-list.json, demo-users.json), as in bookings.test.ts.
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
// 2026-02-10 (Tue) 10:00 in Shanghai: a working day in phone hours, before Spring Festival 02-15..23.
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';
const SUNDAY_BEFORE = '2026-02-08T10:00:00+08:00'; // a rest day before the holiday (02-14 is the make-up workday)
const IN_HOLIDAY = '2026-02-16T10:00:00+08:00';
const TABLES = ['bookings', 'bookingEvents', 'bookingContacts', 'rescheduleRequests', 'bookingDispatches', 'slotSeats'];
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const UNFILLED = /\{\{|\$t\(/;

/** Bookings the table acts on, each parked in one status by beforeAll. */
type Fixture = 'registered' | 'dispatched' | 'signedFor' | 'inService' | 'a02Dispatched' | 'a02SignedFor';

interface Ctx {
  ids: Record<string, number>; // service item id by code
  userId: Record<string, number>;
}

interface Row {
  title: string;
  user: 'admin' | 'desk' | 'section' | 'chief' | 'lead' | 'staff';
  action: string;
  /** filterByTk: a fixture booking or a literal id. */
  on?: Fixture | number;
  body?: (c: Ctx) => Record<string, unknown>;
  now?: string;
  status: 400 | 403 | 404 | 409;
  code: string;
  /** Also ask with X-Locale: en-US (rows whose parameters carry no Chinese text). */
  en?: boolean;
}

// A registration the desk would get accepted (the SQL-text case at the end proves it), spoiled one field per row.
const valid = (c: Ctx) => ({
  applicantName: '王建国', applicantPhone: '13905331234', applicantUnit: '淄博某贸易公司', channel: 'onSite',
  serviceItemId: c.ids['BDC-001'], start: '2026-02-17 10:00',
});
const reg = (over: (c: Ctx) => Record<string, unknown>) => (c: Ctx) => ({ ...valid(c), ...over(c) });
const without = (field: string) => (c: Ctx) => {
  const body: Record<string, unknown> = valid(c);
  delete body[field];
  return body;
};
// The inService fixture is booked for 2026-02-18 09:00 (BDC-003, 20 min); completion is recorded at 10:00.
const ON_THE_DAY = '2026-02-18T10:00:00+08:00';
const SIGNATURE = { kind: 'confirmation', value: '申请人当场口头确认' };
const done = (over: Record<string, unknown> = {}) => () => ({
  outcome: '已办结', actualStart: '2026-02-18T09:00:00+08:00', actualEnd: '2026-02-18T09:20:00+08:00', applicantSignature: SIGNATURE, ...over,
});
// The signedFor fixture is booked for 2026-02-19 14:00 (BDC-002).
const RESCHEDULE = { reason: '窗口系统升级', kind: 'ordinary', proposedStart: '2026-02-20 10:00' };

const ROWS: Row[] = [
  // ---------- register: wrong types ----------
  { title: 'R-X-3 R-HOL-4 an object as phone is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantPhone: { number: '13905331234' } })), status: 400, code: 'INVALID_PHONE', en: true },
  { title: 'R-X-3 R-HOL-4 an array as start is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: ['2026-02-17 10:00'] })), status: 400, code: 'START_INVALID' },
  { title: 'R-X-3 R-HOL-4 a number (epoch ms) as start is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: Date.parse('2026-02-17T10:00:00+08:00') })), status: 400, code: 'START_INVALID', en: true },
  { title: 'R-X-3 R-HOL-1 an array as channel is refused', user: 'desk', action: 'register',
    body: reg(() => ({ channel: ['onSite', 'phone'] })), status: 400, code: 'CHANNEL_INVALID' },
  // ---------- register: missing fields ----------
  { title: 'R-X-3 R-HOL-4 a booking without applicant name is refused', user: 'desk', action: 'register',
    body: without('applicantName'), status: 400, code: 'APPLICANT_NAME_REQUIRED', en: true },
  { title: 'R-X-3 R-HOL-4 a blank applicant name is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantName: '   ' })), status: 400, code: 'APPLICANT_NAME_REQUIRED' },
  { title: 'R-X-3 R-HOL-4 a booking without phone is refused', user: 'desk', action: 'register',
    body: without('applicantPhone'), status: 400, code: 'PHONE_REQUIRED', en: true },
  { title: 'R-X-3 R-HOL-1 a booking without channel is refused', user: 'desk', action: 'register',
    body: without('channel'), status: 400, code: 'CHANNEL_INVALID' },
  { title: 'R-X-3 R-HOL-1 an unknown channel is refused', user: 'desk', action: 'register',
    body: reg(() => ({ channel: 'wechat' })), status: 400, code: 'CHANNEL_INVALID', en: true },
  { title: 'R-X-3 R-HOL-3 a booking without service item is refused', user: 'desk', action: 'register',
    body: without('serviceItemId'), status: 400, code: 'ITEM_NOT_FOUND' },
  { title: 'R-X-3 R-HOL-3 an unknown service item is refused', user: 'desk', action: 'register',
    body: reg(() => ({ serviceItemId: 999999 })), status: 400, code: 'ITEM_NOT_FOUND', en: true },
  { title: 'R-X-3 R-HOL-4 a booking without start is refused', user: 'desk', action: 'register',
    body: without('start'), status: 400, code: 'START_INVALID' },
  { title: 'R-X-3 R-HOL-4 a start without time of day is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-17' })), status: 400, code: 'START_INVALID' },
  { title: 'R-X-3 R-HOL-4 an impossible date (02-30) is refused, not rolled into March', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-30 10:00' })), status: 400, code: 'START_INVALID', en: true },
  // ---------- register: time rules ----------
  { title: 'R-X-3 R-HOL-2 a start in the past is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-09 10:00' })), status: 400, code: 'START_IN_PAST', en: true },
  { title: 'R-X-3 R-HOL-2 a start earlier today is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-10 09:00' })), status: 400, code: 'START_IN_PAST' },
  { title: 'R-X-3 R-CAL-1 a date in an unconfigured year (2027) is refused, not guessed', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2027-02-10 10:00' })), status: 400, code: 'CALENDAR_YEAR_NOT_CONFIGURED', en: true },
  { title: 'R-X-3 R-HOL-3 an unpublished item (JT-002) cannot be booked', user: 'desk', action: 'register',
    body: reg((c) => ({ serviceItemId: c.ids['JT-002'] })), status: 400, code: 'ITEM_NOT_PUBLISHED' },
  { title: 'R-X-3 R-HOL-2 a holiday booking made during the holiday itself is refused', user: 'desk', action: 'register',
    now: IN_HOLIDAY, body: reg(() => ({ start: '2026-02-18 10:00' })), status: 400, code: 'HOLIDAY_BOOKING_TOO_LATE' },
  { title: 'R-X-3 R-HOL-2 R-CAL-3 a holiday booking made on a rest day (Sunday) is refused', user: 'desk', action: 'register',
    now: SUNDAY_BEFORE, status: 400, body: valid, code: 'BOOKING_NOT_ON_WORKING_DAY' },
  { title: 'R-X-3 R-HOL-1 phone booking at 20:00 is refused', user: 'desk', action: 'register',
    now: '2026-02-10T20:00:00+08:00', body: reg(() => ({ channel: 'phone' })), status: 400, code: 'PHONE_OUTSIDE_HOURS', en: true },
  { title: 'R-X-3 R-HOL-1 phone booking on a Sunday is refused', user: 'desk', action: 'register',
    now: SUNDAY_BEFORE, body: reg(() => ({ channel: 'phone' })), status: 400, code: 'PHONE_OUTSIDE_HOURS' },
  { title: 'R-X-3 R-HOL-1 phone booking over lunch (12:30) is refused', user: 'desk', action: 'register',
    now: '2026-02-10T12:30:00+08:00', body: reg(() => ({ channel: 'phone' })), status: 400, code: 'PHONE_OUTSIDE_HOURS' },
  { title: 'R-X-3 R-CAL-1 an appointment on an ordinary workday is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-12 10:00' })), status: 400, code: 'WORKDAY_NO_APPOINTMENT', en: true },
  { title: 'R-X-3 R-CAL-1 an appointment on a make-up workday (Sat 02-14) is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-14 10:00' })), status: 400, code: 'WORKDAY_NO_APPOINTMENT' },
  { title: 'R-X-3 R-WKD-1 an item not offered on weekends (GA-003) cannot be booked on a Saturday', user: 'desk', action: 'register',
    body: reg((c) => ({ serviceItemId: c.ids['GA-003'], start: '2026-03-07 10:00' })), status: 400, code: 'ITEM_NOT_OFFERED_ON_WEEKENDS' },
  { title: 'R-X-3 R-HOL-2 a start before service hours (08:00) is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-17 08:00' })), status: 400, code: 'OUTSIDE_SERVICE_HOURS', en: true },
  { title: 'R-X-3 R-HOL-2 a start at closing time (17:00) is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-17 17:00' })), status: 400, code: 'OUTSIDE_SERVICE_HOURS' },
  { title: 'R-X-3 R-LST-3 a 90-minute item starting 11:00 (crossing 12:00) is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-17 11:00' })), status: 400, code: 'OUTSIDE_SERVICE_HOURS' },
  { title: 'R-X-3 R-HOL-5 a start off the 30-minute grid (10:15) is refused', user: 'desk', action: 'register',
    body: reg(() => ({ start: '2026-02-17 10:15' })), status: 400, code: 'START_NOT_ON_SLOT_GRID', en: true },
  { title: 'R-X-3 R-HOL-5 a booking into a full slot is refused with 409', user: 'desk', action: 'register',
    body: reg((c) => ({ serviceItemId: c.ids['GJJ-003'], start: '2026-02-22 14:00' })), status: 409, code: 'SLOT_FULL' },
  // ---------- register: text content ----------
  { title: 'R-X-3 R-HOL-4 HTML in applicant name is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantName: '<script>alert(1)</script>' })), status: 400, code: 'APPLICANT_NAME_INVALID', en: true },
  { title: 'R-X-3 R-HOL-4 a control character in applicant name is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantName: '王\u0000建国' })), status: 400, code: 'APPLICANT_NAME_INVALID' },
  { title: 'R-X-3 R-HOL-4 an applicant name of 51 characters is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantName: '王'.repeat(51) })), status: 400, code: 'APPLICANT_NAME_TOO_LONG', en: true },
  { title: 'R-X-3 R-HOL-4 a unit of 101 characters is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantUnit: '淄'.repeat(101) })), status: 400, code: 'APPLICANT_UNIT_INVALID', en: true },
  { title: 'R-X-3 R-HOL-4 HTML in unit is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantUnit: '<b>某公司</b>' })), status: 400, code: 'APPLICANT_UNIT_INVALID' },
  { title: 'R-X-3 R-HOL-4 phone "12345" is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantPhone: '12345' })), status: 400, code: 'INVALID_PHONE', en: true },
  { title: 'R-X-3 R-HOL-4 phone "0533-123" (landline too short) is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantPhone: '0533-123' })), status: 400, code: 'INVALID_PHONE' },
  { title: 'R-X-3 R-HOL-4 phone "abc" is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantPhone: 'abc' })), status: 400, code: 'INVALID_PHONE' },
  { title: 'R-X-3 R-X-2 window staff cannot register a booking', user: 'staff', action: 'register',
    body: valid, status: 403, code: 'ROLE_NOT_ALLOWED', en: true },

  // ---------- wrong role ----------
  { title: 'R-X-3 R-DSP-1 the desk cannot dispatch', user: 'desk', action: 'dispatch', on: 'registered',
    status: 403, code: 'ROLE_NOT_ALLOWED', en: true },
  { title: 'R-X-3 R-RSC-1 window staff cannot cancel', user: 'staff', action: 'cancel', on: 'registered',
    body: () => ({ reason: '申请人来电取消' }), status: 403, code: 'ROLE_NOT_ALLOWED' },
  { title: 'R-X-3 R-RSC-2 section staff (not the chief) cannot decide a reschedule', user: 'section', action: 'decideReschedule',
    on: 'signedFor', body: () => ({ decision: 'approved' }), now: '2026-02-12T10:00:00+08:00', status: 403, code: 'ROLE_NOT_ALLOWED' },
  // ---------- another window's booking ----------
  { title: 'R-X-3 R-X-2 R-DSP-2 the lead of A01 cannot sign for an A02 booking', user: 'lead', action: 'signFor',
    on: 'a02Dispatched', body: (c) => ({ handler1Id: c.userId.staff }), status: 403, code: 'NOT_YOUR_WINDOW', en: true },
  { title: 'R-X-3 R-X-2 R-PRE-1 staff of A01 cannot log contact on an A02 booking', user: 'staff', action: 'logContact',
    on: 'a02SignedFor', body: () => ({ result: 'reached', materialsNoticeGiven: true }), now: '2026-02-11T10:00:00+08:00',
    status: 403, code: 'NOT_YOUR_WINDOW' },
  { title: 'R-X-3 R-X-2 R-RSC-1 staff of A01 cannot request a reschedule of an A02 booking', user: 'staff', action: 'requestReschedule',
    on: 'a02SignedFor', body: () => RESCHEDULE, now: '2026-02-11T10:00:00+08:00', status: 403, code: 'NOT_YOUR_WINDOW' },
  // ---------- status jumps (R-X-1 state machine) ----------
  // Asked by the window lead, who may complete and arrive (staff who are not the handler get 403 first, see policy.test.ts).
  { title: 'R-X-3 R-X-1 R-DAY-3 completing a registered booking is refused', user: 'lead', action: 'complete', on: 'registered',
    body: done(), now: ON_THE_DAY, status: 400, code: 'ACTION_NOT_ALLOWED_FROM_STATUS', en: true },
  { title: 'R-X-3 R-X-1 arriving on a dispatched (not signed-for) booking is refused', user: 'lead', action: 'arrive', on: 'dispatched',
    now: '2026-02-17T13:55:00+08:00', status: 400, code: 'ACTION_NOT_ALLOWED_FROM_STATUS' },
  { title: 'R-X-3 R-X-1 R-DSP-1 dispatching twice is refused', user: 'section', action: 'dispatch', on: 'dispatched',
    status: 400, code: 'ACTION_NOT_ALLOWED_FROM_STATUS', en: true },
  { title: 'R-X-3 R-X-1 R-DSP-2 signing for a registered (not dispatched) booking is refused', user: 'lead', action: 'signFor',
    on: 'registered', body: (c) => ({ handler1Id: c.userId.staff }), status: 400, code: 'ACTION_NOT_ALLOWED_FROM_STATUS' },
  { title: 'R-X-3 R-X-1 R-PRE-1 arriving before any contact was logged is refused', user: 'staff', action: 'arrive', on: 'signedFor',
    now: '2026-02-19T13:55:00+08:00', status: 400, code: 'ACTION_NOT_ALLOWED_FROM_STATUS' },
  { title: 'R-X-3 R-X-1 R-RSC-1 cancelling a booking in service is refused', user: 'section', action: 'cancel', on: 'inService',
    body: () => ({ reason: '申请人来电取消' }), now: ON_THE_DAY, status: 400, code: 'ACTION_NOT_ALLOWED_FROM_STATUS' },
  // ---------- dispatch / sign for ----------
  { title: 'R-X-3 R-DSP-2 signing for without a handler is refused', user: 'lead', action: 'signFor', on: 'dispatched',
    status: 400, code: 'HANDLER_REQUIRED', en: true },
  { title: 'R-X-3 R-DSP-2 a handler from outside the window is refused', user: 'lead', action: 'signFor', on: 'dispatched',
    body: (c) => ({ handler1Id: c.userId.desk }), status: 400, code: 'HANDLER_NOT_IN_WINDOW' },
  // ---------- reschedule ----------
  { title: 'R-X-3 R-RSC-2 an ordinary reschedule 11 h before the original time is refused', user: 'staff', action: 'requestReschedule',
    on: 'signedFor', body: () => RESCHEDULE, now: '2026-02-19T03:00:00+08:00', status: 400, code: 'RESCHEDULE_NOTICE_TOO_SHORT', en: true },
  { title: 'R-X-3 R-RSC-1 a reschedule without reason is refused', user: 'staff', action: 'requestReschedule', on: 'signedFor',
    body: () => ({ kind: 'ordinary', proposedStart: '2026-02-20 10:00' }), now: '2026-02-12T10:00:00+08:00', status: 400, code: 'REASON_REQUIRED', en: true },
  { title: 'R-X-3 R-RSC-3 an unknown reschedule kind is refused', user: 'staff', action: 'requestReschedule', on: 'signedFor',
    body: () => ({ ...RESCHEDULE, kind: 'urgent' }), now: '2026-02-12T10:00:00+08:00', status: 400, code: 'RESCHEDULE_KIND_INVALID', en: true },
  { title: 'R-X-3 R-RSC-2 a reschedule to a past time is refused', user: 'staff', action: 'requestReschedule', on: 'signedFor',
    body: () => ({ ...RESCHEDULE, proposedStart: '2026-02-11 10:00' }), now: '2026-02-12T10:00:00+08:00', status: 400, code: 'START_IN_PAST' },
  { title: 'R-X-3 R-RSC-2 a reschedule to an unreadable time is refused', user: 'staff', action: 'requestReschedule', on: 'signedFor',
    body: () => ({ ...RESCHEDULE, proposedStart: 'next Tuesday' }), now: '2026-02-12T10:00:00+08:00', status: 400, code: 'START_INVALID' },
  { title: 'R-X-3 R-RSC-2 deciding without a pending request is refused', user: 'chief', action: 'decideReschedule', on: 'signedFor',
    body: () => ({ decision: 'approved' }), now: '2026-02-12T10:00:00+08:00', status: 400, code: 'NO_PENDING_RESCHEDULE', en: true },
  // ---------- cancel / abandon ----------
  { title: 'R-X-3 R-RSC-1 cancel without reason is refused', user: 'section', action: 'cancel', on: 'registered',
    status: 400, code: 'REASON_REQUIRED', en: true },
  { title: 'R-X-3 R-RSC-1 cancel with a blank reason is refused', user: 'section', action: 'cancel', on: 'registered',
    body: () => ({ reason: '   ' }), status: 400, code: 'REASON_REQUIRED' },
  { title: 'R-X-3 R-DAY-2 abandon 10 min after the start (before 30 min late) is refused', user: 'staff', action: 'abandon', on: 'signedFor',
    body: () => ({ reason: '电话联系，申请人表示放弃' }), now: '2026-02-19T14:10:00+08:00', status: 400, code: 'ABANDON_BEFORE_LATE', en: true },
  { title: 'R-X-3 R-DAY-2 R-RSC-1 abandon without reason is refused', user: 'staff', action: 'abandon', on: 'signedFor',
    now: '2026-02-19T15:00:00+08:00', status: 400, code: 'REASON_REQUIRED' },
  // ---------- complete ----------
  { title: 'R-X-3 R-DAY-3 completing without the applicant signature is refused', user: 'staff', action: 'complete', on: 'inService',
    body: done({ applicantSignature: undefined }), now: ON_THE_DAY, status: 400, code: 'SIGNATURE_REQUIRED', en: true },
  { title: 'R-X-3 R-DAY-3 a script URL as signature image is refused', user: 'staff', action: 'complete', on: 'inService',
    body: done({ applicantSignature: { kind: 'image', value: 'javascript:alert(1)' } }), now: ON_THE_DAY, status: 400, code: 'SIGNATURE_INVALID' },
  { title: 'R-X-3 R-DAY-3 completing without actual times is refused', user: 'staff', action: 'complete', on: 'inService',
    body: done({ actualStart: undefined, actualEnd: undefined }), now: ON_THE_DAY, status: 400, code: 'ACTUAL_TIMES_REQUIRED', en: true },
  { title: 'R-X-3 R-DAY-3 an end before the start is refused', user: 'staff', action: 'complete', on: 'inService',
    body: done({ actualStart: '2026-02-18T09:30:00+08:00', actualEnd: '2026-02-18T09:10:00+08:00' }), now: ON_THE_DAY,
    status: 400, code: 'ACTUAL_END_NOT_AFTER_START' },
  { title: 'R-X-3 R-DAY-3 an end in the future is refused', user: 'staff', action: 'complete', on: 'inService',
    body: done({ actualEnd: '2026-02-18T11:00:00+08:00' }), now: ON_THE_DAY, status: 400, code: 'ACTUAL_END_IN_FUTURE', en: true },
  // ---------- unknown booking ----------
  { title: 'R-X-3 R-DSP-1 dispatching an unknown booking id is 404', user: 'section', action: 'dispatch', on: 999999,
    status: 404, code: 'BOOKING_NOT_FOUND', en: true },
  { title: 'R-X-3 R-DSP-2 signing for an unknown booking id is 404', user: 'lead', action: 'signFor', on: 999999,
    body: (c) => ({ handler1Id: c.userId.staff }), status: 404, code: 'BOOKING_NOT_FOUND' },
  { title: 'R-X-3 R-DAY-3 completing an unknown booking id is 404', user: 'staff', action: 'complete', on: 999999,
    body: done(), now: ON_THE_DAY, status: 404, code: 'BOOKING_NOT_FOUND' },
  { title: 'R-X-3 R-RSC-1 cancelling an unknown booking id is 404', user: 'section', action: 'cancel', on: 999999,
    body: () => ({ reason: '申请人来电取消' }), status: 404, code: 'BOOKING_NOT_FOUND' },
  // Shapes that once slipped through (ids that are not one positive integer, non-text text).
  { title: 'R-X-3 R-RSC-1 a lifecycle action without a booking id touches nothing', user: 'section', action: 'cancel',
    body: () => ({ reason: '申请人来电取消' }), status: 404, code: 'BOOKING_NOT_FOUND', en: true },
  { title: 'R-X-3 R-HOL-3 a filter object as service item is refused', user: 'desk', action: 'register',
    body: reg(() => ({ serviceItemId: { $gt: 0 } })), status: 400, code: 'ITEM_NOT_FOUND', en: true },
  { title: 'R-X-3 R-HOL-3 a list of service items is refused', user: 'desk', action: 'register',
    body: reg((c) => ({ serviceItemId: [c.ids['BDC-001'], c.ids['BDC-002']] })), status: 400, code: 'ITEM_NOT_FOUND' },
  { title: 'R-X-3 R-HOL-4 a number as applicant name is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantName: 12345 })), status: 400, code: 'FIELD_NOT_TEXT', en: true },
  { title: 'R-X-3 R-HOL-4 an object as unit is refused', user: 'desk', action: 'register',
    body: reg(() => ({ applicantUnit: { a: 1 } })), status: 400, code: 'FIELD_NOT_TEXT' },
  { title: 'R-X-3 R-HOL-4 10 000-character notes are refused', user: 'desk', action: 'register',
    body: reg(() => ({ notes: '备'.repeat(10000) })), status: 400, code: 'FIELD_TOO_LONG' },
];

describe('R-X-3 bad booking requests: a clear message in the user\'s language, nothing changed', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const ctx: Ctx = { ids: {}, userId: {} };
  const fx = {} as Record<Fixture, number>;

  const call = (user: string, action: string, body: any = {}, now = BEFORE_HOLIDAY, id?: number) =>
    as[user].post(`/api/bookings:${action}${id === undefined ? '' : `?filterByTk=${id}`}`).set('X-Test-Now', now).send(body);
  /** A setup step that must succeed; returns the booking. */
  const ok = async (res: any) => {
    if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  };
  // Each fixture its own applicant: one number holds no overlapping and at most 3 open holiday bookings (R-HOL-6).
  let phones = 0;
  const register = (over: (c: Ctx) => Record<string, unknown>) =>
    call('desk', 'register', reg((c) => ({ applicantPhone: `13905337${String(phones++).padStart(3, '0')}`, ...over(c) }))(ctx)).then(ok);

  /** Row count, latest updatedAt and highest id of every booking table. */
  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    for (const name of TABLES) {
      const model = t.db.getModel(name);
      const updated = await model.max('updatedAt');
      const maxId = await model.max('id');
      out[name] = {
        count: await model.count(), maxUpdatedAt: updated == null ? null : new Date(updated as any).toISOString(),
        maxId: maxId == null ? null : Number(maxId),
      };
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff']) {
      as[u] = await t.as(u);
      ctx.userId[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) ctx.ids[i.get('code')] = i.get('id');
    // A02 has no lead or staff in the demo; the admin joins it so that an A02 booking can be signed for.
    const a02 = (await t.db.getRepository('windows').findOne({ filter: { code: 'A02' } })).get('id');
    await (t.db.getRepository('windows.staff', a02) as any).add(ctx.userId.admin);

    fx.registered = (await register((c) => ({ serviceItemId: c.ids['BDC-002'], start: '2026-02-17 13:00' }))).id;

    fx.dispatched = (await register((c) => ({ serviceItemId: c.ids['BDC-002'], start: '2026-02-17 14:00' }))).id;
    await ok(await call('section', 'dispatch', {}, BEFORE_HOLIDAY, fx.dispatched));

    fx.signedFor = (await register((c) => ({ serviceItemId: c.ids['BDC-002'], start: '2026-02-19 14:00' }))).id;
    await ok(await call('section', 'dispatch', {}, BEFORE_HOLIDAY, fx.signedFor));
    await ok(await call('lead', 'signFor', { handler1Id: ctx.userId.staff }, BEFORE_HOLIDAY, fx.signedFor));

    fx.inService = (await register((c) => ({ serviceItemId: c.ids['BDC-003'], start: '2026-02-18 09:00' }))).id;
    await ok(await call('section', 'dispatch', {}, BEFORE_HOLIDAY, fx.inService));
    await ok(await call('lead', 'signFor', { handler1Id: ctx.userId.staff }, BEFORE_HOLIDAY, fx.inService));
    await ok(await call('staff', 'logContact', { result: 'reached', materialsNoticeGiven: true }, '2026-02-11T10:00:00+08:00', fx.inService));
    await ok(await call('staff', 'arrive', {}, '2026-02-18T08:55:00+08:00', fx.inService));

    // GJJ-001 is led by A02 alone (no cooperating window), so A01 has no part in it.
    fx.a02Dispatched = (await register((c) => ({ serviceItemId: c.ids['GJJ-001'], start: '2026-02-17 10:00' }))).id;
    await ok(await call('section', 'dispatch', {}, BEFORE_HOLIDAY, fx.a02Dispatched));
    fx.a02SignedFor = (await register((c) => ({ serviceItemId: c.ids['GJJ-001'], start: '2026-02-17 10:30' }))).id;
    await ok(await call('section', 'dispatch', {}, BEFORE_HOLIDAY, fx.a02SignedFor));
    await ok(await call('admin', 'signFor', { handler1Id: ctx.userId.admin }, BEFORE_HOLIDAY, fx.a02SignedFor));

    // GJJ-003 has 1 seat per slot: this booking fills 2026-02-22 14:00.
    await register((c) => ({ serviceItemId: c.ids['GJJ-003'], start: '2026-02-22 14:00' }));
  });
  afterAll(() => t?.destroy());

  const send = (row: Row, locale: string) => {
    const id = row.on === undefined ? undefined : typeof row.on === 'number' ? row.on : fx[row.on];
    return call(row.user, row.action, row.body ? row.body(ctx) : {}, row.now ?? BEFORE_HOLIDAY, id).set('X-Locale', locale);
  };

  it('has at least 40 rows, each titled with R-X-3 and a second rule id', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    for (const r of ROWS) expect(r.title).toMatch(/^R-X-3 (R-[A-Z]+-\d+ )+/);
    expect(new Set(ROWS.map((r) => r.title)).size).toBe(ROWS.length);
  });

  it.each(ROWS.map((r) => [r.title, r] as const))('%s', async (_title, row) => {
    const before = await snapshot();

    const zh = await send(row, 'zh-CN');
    const error = zh.body?.errors?.[0];
    expect({ status: zh.status, code: error?.code }).toEqual({ status: row.status, code: row.code });
    expect(error.message).toMatch(CJK);
    expect(error.message).not.toMatch(UNFILLED);

    if (row.en) {
      const en = await send(row, 'en-US');
      const e = en.body?.errors?.[0];
      expect({ status: en.status, code: e?.code }).toEqual({ status: row.status, code: row.code });
      expect(e.message).not.toMatch(CJK);
      expect(e.message).not.toMatch(UNFILLED);
      expect(e.message).not.toBe(error.message);
    }

    expect(await snapshot()).toEqual(before);
  });

  it('R-X-3 R-X-1 the fixture bookings are still in the status the table found them in', async () => {
    const rows = await t.db.getRepository('bookings').find({ filter: { id: Object.values(fx) } });
    const status = Object.fromEntries(rows.map((b: any) => [b.get('id'), b.get('status')]));
    expect(Object.fromEntries(Object.entries(fx).map(([name, id]) => [name, status[id]]))).toEqual({
      registered: 'registered', dispatched: 'dispatched', signedFor: 'signedFor', inService: 'inService',
      a02Dispatched: 'dispatched', a02SignedFor: 'signedFor',
    });
  });

  it('R-X-3 R-HOL-4 SQL text in applicant name is plain text: accepted, stored verbatim, the table intact', async () => {
    const name = "'); DROP TABLE bookings;--";
    const before = await t.db.getRepository('bookings').count();
    const res = await call('desk', 'register', { ...valid(ctx), applicantName: name });
    expect(res.status).toBe(200);
    expect(res.body.data.applicantName).toBe(name);
    expect(await t.db.getCollection('bookings').existsInDb()).toBe(true);
    expect(await t.db.getRepository('bookings').count()).toBe(before + 1);
    const stored = await t.db.getRepository('bookings').findOne({ filterByTk: res.body.data.id });
    expect(stored.get('applicantName')).toBe(name);
    const found = await t.db.getRepository('bookings').find({ filter: { applicantName: name } });
    expect(found.map((b: any) => b.get('id'))).toEqual([res.body.data.id]);
  });
});
