import { Calendar } from '../../src/rules/calendar';
import { seedDays, seedYearsAvailable } from '../../src/rules/calendarSeed';
import {
  balanceOf, checkCompTimeRequest, checkDecision, creditServedTime, requestMinutes, servedInBooking, servedInShift,
} from '../../src/rules/compTime';
import { DUTY_SETTINGS_DEFAULTS } from '../../src/rules/dutySettings';

const years = seedYearsAvailable();
const cal = new Calendar(years.flatMap(seedDays), years);
const at = (text: string) => new Date(`${text}+08:00`);
const weekendShift = (id: number, from: string, to: string, checkIn: string | null, checkOut: string | null) => ({
  id, kind: 'weekend', plannedStart: at(from), plannedEnd: at(to), checkInAt: checkIn ? at(checkIn) : null, checkOutAt: checkOut ? at(checkOut) : null,
});

describe('earned comp time', () => {
  test('R-CMP-1 an attended weekend shift earns check-in to check-out, capped at the planned shift', () => {
    const s = servedInShift(weekendShift(1, '2026-03-07T09:00', '2026-03-07T12:00', '2026-03-07T08:40', '2026-03-07T12:30'))!;
    expect(creditServedTime([s])).toEqual([{ sourceType: 'dutyShift', sourceId: 1, minutes: 180, date: '2026-03-07' }]);
    const late = servedInShift(weekendShift(2, '2026-03-07T13:00', '2026-03-07T17:00', '2026-03-07T13:20', '2026-03-07T17:00'))!;
    expect(creditServedTime([late])[0].minutes).toBe(220);
  });

  test('R-CMP-1 no check-out, a holiday shift or a cancelled one earns nothing by itself', () => {
    expect(servedInShift(weekendShift(1, '2026-03-07T09:00', '2026-03-07T12:00', '2026-03-07T09:00', null))).toBeNull();
    expect(servedInShift({ ...weekendShift(1, '2026-03-07T09:00', '2026-03-07T12:00', '2026-03-07T09:00', '2026-03-07T12:00'), kind: 'holiday' })).toBeNull();
    expect(servedInShift({ ...weekendShift(1, '2026-03-07T09:00', '2026-03-07T12:00', '2026-03-07T09:00', '2026-03-07T12:00'), status: 'cancelled' })).toBeNull();
  });

  test('R-CMP-1 a completed holiday booking earns its actual start–end', () => {
    const b = servedInBooking({ id: 9, status: 'completed', actualStart: at('2026-02-17T10:00'), actualEnd: at('2026-02-17T11:10') })!;
    expect(creditServedTime([b])).toEqual([{ sourceType: 'booking', sourceId: 9, minutes: 70, date: '2026-02-17' }]);
    expect(servedInBooking({ id: 9, status: 'abandoned', actualStart: null, actualEnd: null })).toBeNull();
  });

  test('R-CMP-3 a booking inside an attended shift is not counted twice; the part outside earns', () => {
    const shift = servedInShift(weekendShift(1, '2026-03-07T09:00', '2026-03-07T12:00', '2026-03-07T09:00', '2026-03-07T12:00'))!;
    const inside = servedInBooking({ id: 5, status: 'completed', actualStart: at('2026-03-07T10:00'), actualEnd: at('2026-03-07T11:00') })!;
    const across = servedInBooking({ id: 6, status: 'completed', actualStart: at('2026-03-07T11:30'), actualEnd: at('2026-03-07T12:20') })!;
    // Whatever order the events came in, the shift is credited first.
    const credits = creditServedTime([across, inside, shift]);
    expect(credits.map((c) => [c.sourceType, c.sourceId, c.minutes])).toEqual([
      ['dutyShift', 1, 180], ['booking', 5, 0], ['booking', 6, 20],
    ]);
    expect(credits.reduce((n, c) => n + c.minutes, 0)).toBe(200); // 09:00–12:20
  });

  test('R-CMP-3 two overlapping bookings of one handler earn the covered time once', () => {
    const a = servedInBooking({ id: 1, status: 'completed', actualStart: at('2026-02-17T10:00'), actualEnd: at('2026-02-17T11:00') })!;
    const b = servedInBooking({ id: 2, status: 'completed', actualStart: at('2026-02-17T10:30'), actualEnd: at('2026-02-17T11:30') })!;
    expect(creditServedTime([b, a]).map((c) => c.minutes)).toEqual([60, 30]);
  });
});

describe('balance', () => {
  const e = (kind: 'earned' | 'taken', minutes: number, when: string) => ({ kind, minutes, at: at(when) });
  test('R-CMP-3 balance = earned − taken; no expiry by default', () => {
    const entries = [e('earned', 180, '2026-03-07T12:00'), e('earned', 240, '2026-03-08T17:00'), e('taken', 120, '2026-03-10T09:00')];
    expect(balanceOf(entries, at('2030-01-01T00:00'))).toEqual({ earned: 420, taken: 120, expired: 0, balance: 300 });
  });
  test('R-CMP-3 with expiry, earned minutes not taken in time expire; taking uses the oldest first', () => {
    const entries = [e('earned', 180, '2026-03-07T12:00'), e('earned', 240, '2026-04-04T17:00'), e('taken', 120, '2026-03-20T09:00')];
    // 30 days: the first lot (180, 120 of it taken) expires 04-06 — 60 left over expire.
    expect(balanceOf(entries, at('2026-04-10T00:00'), 30)).toEqual({ earned: 420, taken: 120, expired: 60, balance: 240 });
    expect(balanceOf(entries, at('2026-04-05T00:00'), 30).balance).toBe(300);
    expect(balanceOf(entries, at('2026-06-01T00:00'), 30)).toMatchObject({ expired: 300, balance: 0 });
  });
});

describe('requests', () => {
  const hoursOf = (from: string, to: string) =>
    requestMinutes(at(from), at(to), DUTY_SETTINGS_DEFAULTS.workingHours, (d) => cal.isWorkingDay(d));
  test('R-CMP-2 a request counts working hours of working days only', () => {
    expect(hoursOf('2026-03-09T09:00', '2026-03-09T17:00')).toBe(420); // Monday: 7 h
    expect(hoursOf('2026-03-09T10:00', '2026-03-09T14:00')).toBe(180); // over lunch
    expect(hoursOf('2026-03-13T09:00', '2026-03-16T17:00')).toBe(840); // Fri + Mon, not the weekend
    expect(hoursOf('2026-02-14T09:00', '2026-02-14T17:00')).toBe(420); // make-up Saturday is a working day
    expect(hoursOf('2026-02-16T09:00', '2026-02-16T17:00')).toBe(0); // Spring Festival
  });
  const base = { requesterId: 1, coverUserId: 2, start: at('2026-03-09T09:00'), end: at('2026-03-09T17:00'), minutes: 420, balance: 480, pending: 0 };
  test('R-CMP-2 a named cover other than the requester is required', () => {
    expect(() => checkCompTimeRequest({ ...base, coverUserId: null })).toThrow(expect.objectContaining({ code: 'COVER_REQUIRED' }));
    expect(() => checkCompTimeRequest({ ...base, coverUserId: 1 })).toThrow(expect.objectContaining({ code: 'COVER_IS_REQUESTER' }));
    expect(() => checkCompTimeRequest(base)).not.toThrow();
  });
  test('R-CMP-2 R-CMP-3 a request above the balance (less pending requests) is refused with the balance', () => {
    expect(() => checkCompTimeRequest({ ...base, balance: 400 })).toThrow(expect.objectContaining({
      code: 'COMP_TIME_OVER_BALANCE', params: { requested: 7, balance: 6.7, pending: 0, available: 6.7 },
    }));
    expect(() => checkCompTimeRequest({ ...base, pending: 120 })).toThrow(expect.objectContaining({ code: 'COMP_TIME_OVER_BALANCE' }));
    expect(() => checkCompTimeRequest({ ...base, minutes: 0 })).toThrow(expect.objectContaining({ code: 'COMP_TIME_NO_WORKING_HOURS' }));
  });
  test('R-CMP-2 sign-off needs a pending request and a note (签字说明)', () => {
    expect(checkDecision('pending', ' 同意，由李娜顶岗 ')).toBe('同意，由李娜顶岗');
    expect(() => checkDecision('pending', '  ')).toThrow(expect.objectContaining({ code: 'SIGN_OFF_NOTE_REQUIRED' }));
    expect(() => checkDecision('approved', 'ok')).toThrow(expect.objectContaining({ code: 'COMP_TIME_REQUEST_NOT_PENDING' }));
  });
});
