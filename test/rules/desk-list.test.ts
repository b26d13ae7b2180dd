// The desk's own list on the 预约登记 page (issue 12): which bookings each tab asks the server for,
// and what the look-up box sends (a booking number or a full phone number — never a fragment).
import { deskListQuery, lookupInput, OPEN_STATUSES, shanghaiMidnight } from '../../src/client/desk/logic';

describe('the desk list', () => {
  it('"recorded today" is my bookings recorded since Shanghai midnight, newest first', () => {
    // 2026-02-10 00:30 in Shanghai is still 2026-02-09 in UTC
    const now = new Date('2026-02-09T16:30:00Z');
    expect(shanghaiMidnight(now).toISOString()).toBe('2026-02-09T16:00:00.000Z');
    expect(deskListQuery('today', 7, now)).toEqual({
      filter: { $and: [{ recorderId: 7 }, { recordedAt: { $gte: '2026-02-09T16:00:00.000Z' } }, { recordedAt: { $lt: '2026-02-10T16:00:00.000Z' } }] },
      sort: ['-recordedAt'],
    });
  });

  it('"upcoming" is my open bookings whose appointment has not started, soonest first', () => {
    const now = new Date('2026-02-10T02:00:00Z');
    const q = deskListQuery('upcoming', 7, now);
    expect(q.filter.$and).toEqual([{ recorderId: 7 }, { status: { $in: OPEN_STATUSES } }, { appointmentStart: { $gte: now.toISOString() } }]);
    expect(q.sort).toEqual(['appointmentStart']);
    expect(OPEN_STATUSES).not.toContain('completed');
    expect(OPEN_STATUSES).not.toContain('cancelled');
  });
});

describe('R-X-2 the desk look-up input', () => {
  it.each([
    ['YY-2026-000123', 'YY-2026-000123'],
    [' yy-2026-000123 ', 'YY-2026-000123'],
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['0533-2512345', '0533-2512345'],
  ])('sends %p as %p', (raw, q) => {
    expect(lookupInput(raw)).toEqual({ q });
  });

  it.each([[''], ['   '], ['138'], ['5678'], ['王'], ['138****5678'], ['%']])('asks again for %p without a request', (raw) => {
    const r = lookupInput(raw);
    expect(r.q).toBeNull();
    expect('reason' in r && r.reason).toBeTruthy();
  });
});
