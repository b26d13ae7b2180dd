// R-HOL-6 over HTTP: one phone number holds no two open bookings at overlapping times and at most
// N (setting, default 3) open bookings in one holiday period; checked on register and on an approved
// reschedule; the refusal names the booking held.
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00'; // Spring Festival 2026-02-15..23

describe('R-HOL-6 per-applicant limit', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const item: Record<string, number> = {};
  let staffId: number;

  const call = (user: string, action: string, body: any, id?: number, now = BEFORE_HOLIDAY) =>
    as[user].post(`/api/bookings:${action}${id ? `?filterByTk=${id}` : ''}`).set('X-Test-Now', now).send(body);
  const register = (phone: string, start: string, code = 'BDC-003', name = '王建国') =>
    call('desk', 'register', { applicantName: name, applicantPhone: phone, channel: 'onSite', serviceItemId: item[code], start });

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff']) as[u] = await t.as(u);
    staffId = (await t.db.getRepository('users').findOne({ filter: { username: 'staff' } })).get('id');
    for (const i of await t.db.getRepository('serviceItems').find()) item[i.get('code')] = i.get('id');
  });
  afterAll(() => t?.destroy());

  it('R-HOL-6 the same applicant cannot be booked four times into one slot (one number, typed four ways)', async () => {
    const first = await register('13905331111', '2026-02-17 10:00', 'BDC-003');
    expect(first.status).toBe(200);
    const seats = await t.db.getRepository('slotSeats').count();
    for (const typed of ['13905331111', '139 0533 1111', '+86 139-0533-1111']) {
      // BDC-003 has 4 seats per slot: capacity would let these in; the applicant rule does not.
      const again = await register(typed, '2026-02-17 10:00', 'BDC-003');
      expect(again.status).toBe(400);
      expect(again.body.errors[0]).toMatchObject({ code: 'APPLICANT_BOOKING_OVERLAPS', params: { number: first.body.data.number } });
      expect(again.body.errors[0].message).toContain(first.body.data.number);
    }
    // Another item at an overlapping time (10:10 is off the grid; 10:00 on GJJ-001) is an overlap too.
    const elsewhere = await register('13905331111', '2026-02-17 10:00', 'GJJ-001');
    expect(elsewhere.body.errors[0].code).toBe('APPLICANT_BOOKING_OVERLAPS');
    expect(await t.db.getRepository('slotSeats').count()).toBe(seats);
    // Another applicant takes the next seat of the same slot.
    expect((await register('13905332222', '2026-02-17 10:00', 'BDC-003')).status).toBe(200);
  });

  it('R-HOL-6 at most 3 open bookings per number in one holiday period; closed ones do not count; the setting changes N', async () => {
    const phone = '13905333333';
    const made = [];
    for (const start of ['2026-02-16 09:00', '2026-02-18 09:00', '2026-02-20 09:00']) {
      const res = await register(phone, start);
      expect(res.status).toBe(200);
      made.push(res.body.data);
    }
    const fourth = await register(phone, '2026-02-22 09:00');
    expect(fourth.status).toBe(400);
    expect(fourth.body.errors[0].code).toBe('APPLICANT_PERIOD_LIMIT');
    for (const b of made) expect(fourth.body.errors[0].message).toContain(b.number);
    const en = await as.desk.post('/api/bookings:register').set('X-Test-Now', BEFORE_HOLIDAY).set('X-Locale', 'en-US')
      .send({ applicantName: '王建国', applicantPhone: phone, channel: 'onSite', serviceItemId: item['BDC-003'], start: '2026-02-22 09:00' });
    expect(en.body.errors[0].message).toMatch(/already holds 3 open bookings in the 春节 period/);
    // A cancelled booking frees its place.
    expect((await call('section', 'cancel', { reason: '申请人来电取消' }, made[0].id)).status).toBe(200);
    expect((await register(phone, '2026-02-22 09:00')).status).toBe(200);
    expect((await register(phone, '2026-02-23 09:00')).body.errors[0].code).toBe('APPLICANT_PERIOD_LIMIT');
    // The admin raises N to 4.
    const set = await as.admin.post('/api/appointmentSettings:update').send({ booking: { maxOpenBookingsPerPeriod: 4 } });
    expect(set.status).toBe(200);
    expect((await register(phone, '2026-02-23 09:00')).status).toBe(200);
    const bad = await as.admin.post('/api/appointmentSettings:update').send({ booking: { maxOpenBookingsPerPeriod: 0 } });
    expect(bad.status).toBe(400);
    await as.admin.post('/api/appointmentSettings:update').send({ booking: { maxOpenBookingsPerPeriod: 3 } });
  });

  it('R-HOL-6 an approved reschedule onto a time the same applicant already holds is refused, naming that booking', async () => {
    const phone = '13905334444';
    const a = (await register(phone, '2026-02-19 09:00')).body.data;
    const b = (await register(phone, '2026-02-19 14:00')).body.data;
    expect((await call('section', 'dispatch', {}, b.id)).status).toBe(200);
    expect((await call('lead', 'signFor', { handler1Id: staffId }, b.id)).status).toBe(200);
    expect((await call('staff', 'requestReschedule', { reason: '申请人要求提前', kind: 'ordinary', proposedStart: '2026-02-19T09:00:00+08:00' }, b.id)).status).toBe(200);
    const decided = await call('chief', 'decideReschedule', { decision: 'approved' }, b.id);
    expect(decided.status).toBe(400);
    expect(decided.body.errors[0]).toMatchObject({ code: 'APPLICANT_BOOKING_OVERLAPS', params: { number: a.number } });
    const stored = await t.db.getRepository('bookings').findOne({ filterByTk: b.id });
    expect(new Date(stored.get('appointmentStart')).toISOString()).toBe(new Date(b.appointmentStart).toISOString());
    // A free time for this applicant is approved (the booking is not counted against itself).
    expect((await call('chief', 'decideReschedule', { decision: 'rejected' }, b.id)).status).toBe(200);
    expect((await call('staff', 'requestReschedule', { reason: '申请人要求改到下午晚些', kind: 'ordinary', proposedStart: '2026-02-19T15:00:00+08:00' }, b.id)).status).toBe(200);
    expect((await call('chief', 'decideReschedule', { decision: 'approved' }, b.id)).status).toBe(200);
  });

  it('R-HOL-6 concurrent registrations of one number for one time: exactly one is accepted', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => register('13905335555', '2026-02-21 10:00', i % 2 ? 'BDC-003' : 'BDC-002')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.status !== 200).map((r) => r.body.errors[0].code))).toEqual(new Set(['APPLICANT_BOOKING_OVERLAPS']));
  });
});
