// The registration form's look-ups over HTTP (issue 6): bookings:availability offers exactly the
// days and starts bookings:register accepts, with the seats left; bookings:searchItems finds
// published items by name, code or pinyin initials. Fixed clock via X-Test-Now.
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
// 2026-02-10 (Tue) 10:00 Shanghai: a working day in phone hours, before Spring Festival 02-15..23.
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';
const SPRING_FESTIVAL = ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'];

describe('desk look-ups: availability and item search', () => {
  let t: TestApp;
  let desk: Agent;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    desk = await t.as('desk');
    for (const i of await t.db.getRepository('serviceItems').find()) ids[i.get('code')] = i.get('id');
  });
  afterAll(() => t?.destroy());

  const availability = (code: string, query = '', now = BEFORE_HOLIDAY, locale = 'zh-CN') =>
    desk.get(`/api/bookings:availability?serviceItemId=${ids[code] ?? code}${query}`).set('X-Test-Now', now).set('X-Locale', locale);
  // One applicant per booking: a number holds no overlapping bookings (R-HOL-6).
  let phones = 0;
  const register = (start: string, code = 'BDC-001') =>
    desk.post('/api/bookings:register').set('X-Test-Now', BEFORE_HOLIDAY).send({
      applicantName: '李娜', applicantPhone: `0533-25${String(12345 + phones++)}`, channel: 'onSite', serviceItemId: ids[code], start,
    });

  it('R-HOL-2 R-CAL-2 offers the holiday days and the weekend service days of an item, not working days', async () => {
    const res = await availability('BDC-001', '&from=2026-02-10&to=2026-03-08');
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d.item).toMatchObject({ code: 'BDC-001', initials: expect.stringMatching(/^bdczydj/), offeredOnHolidays: true });
    expect(d.item.materials).toContain('不动产权证书原件');
    expect(d.item.leadWindow).toMatchObject({ code: 'A01' });
    const holidays = d.days.filter((x: any) => x.kind === 'holiday').map((x: any) => x.date);
    expect(holidays).toEqual(SPRING_FESTIVAL);
    // 2026-02-14 and 02-28 (Saturdays) are make-up workdays (调休上班): no weekend service, not offered.
    expect(d.days.map((x: any) => x.date)).not.toContain('2026-02-14');
    expect(d.days.filter((x: any) => x.kind === 'weekend').map((x: any) => x.date)).toEqual(['2026-03-01', '2026-03-07', '2026-03-08']);
    expect(d.days.find((x: any) => x.date === '2026-02-17').holidayName).toBe('春节');
    expect(d.days.every((x: any) => x.bookable && x.refusal === null)).toBe(true);
    expect(d.phoneOpen).toBe(true);
    expect(d.notConfiguredFrom).toBeNull();
  });

  it('R-HOL-5 R-LST-3 the slot grid: 30-minute starts whose whole appointment fits one session, with seats left', async () => {
    const d = (await availability('BDC-001', '&from=2026-02-17&to=2026-02-17')).body.data;
    expect(d.capacity).toBe(2);
    // 90 minutes: 09:00–10:30 in the morning session (ends 12:00), 13:00–15:30 in the afternoon (ends 17:00).
    expect(d.days[0].slots.map((s: any) => s.time)).toEqual(['09:00', '09:30', '10:00', '10:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30']);
    expect(d.days[0].slots.every((s: any) => s.remaining === 2)).toBe(true);
    // Every offered start is one register accepts.
    const offered = d.days[0].slots.find((s: any) => s.time === '15:30');
    expect((await register(offered.start)).status).toBe(200);
    const after = (await availability('BDC-001', '&from=2026-02-17&to=2026-02-17')).body.data;
    expect(after.days[0].slots.find((s: any) => s.time === '15:30').remaining).toBe(1);
  });

  it('R-HOL-5 a full slot shows 0 seats and register agrees (SLOT_FULL)', async () => {
    expect((await register('2026-02-18 10:00')).status).toBe(200);
    expect((await register('2026-02-18 10:00')).status).toBe(200);
    const day = (await availability('BDC-001', '&from=2026-02-18&to=2026-02-18')).body.data.days[0];
    expect(day.slots.find((s: any) => s.time === '10:00').remaining).toBe(0);
    expect(day.slots.find((s: any) => s.time === '10:30').remaining).toBe(2);
    expect(day.bookable).toBe(true);
    const refused = await register('2026-02-18 10:00');
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].code).toBe('SLOT_FULL');
  });

  it('R-HOL-2 during the holiday its days are refused with the rule\'s message, and past starts are gone', async () => {
    const res = await availability('GJJ-001', '&from=2026-02-16&to=2026-02-17', '2026-02-16T10:10:00+08:00', 'en-US');
    const [today, tomorrow] = res.body.data.days;
    expect(today.date).toBe('2026-02-16');
    expect(today.bookable).toBe(false);
    expect(today.refusal.code).toBe('HOLIDAY_BOOKING_TOO_LATE');
    expect(today.refusal.message).toMatch(/too late/);
    expect(today.slots[0].time).toBe('10:30'); // 09:00…10:00 are past
    expect(tomorrow.refusal.code).toBe('HOLIDAY_BOOKING_TOO_LATE');
    // And the phone line is closed on a holiday.
    expect(res.body.data.phoneOpen).toBe(false);
    expect(res.body.data.phoneRefusal.code).toBe('PHONE_OUTSIDE_HOURS');
  });

  it('R-HOL-1 phone hours: open at 10:00 on a working day, closed over lunch', async () => {
    expect((await availability('GJJ-001', '', '2026-02-10T10:00:00+08:00')).body.data.phoneOpen).toBe(true);
    const lunch = (await availability('GJJ-001', '', '2026-02-10T12:30:00+08:00')).body.data;
    expect(lunch.phoneOpen).toBe(false);
    expect(lunch.phoneRefusal.message).toContain('0533-2512345');
  });

  it('R-HOL-3 an item not offered on weekends gets only holiday days; an unpublished one is refused', async () => {
    const d = (await availability('GA-003', '&from=2026-02-10&to=2026-03-08')).body.data;
    expect(new Set(d.days.map((x: any) => x.kind))).toEqual(new Set(['holiday']));
    const unpublished = await availability('JT-002');
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.errors[0].code).toBe('ITEM_NOT_PUBLISHED');
  });

  it('R-CAL-1 stops at a year the calendar does not know, without guessing', async () => {
    const d = (await availability('BDC-003', '&from=2026-12-20&to=2027-01-10', '2026-12-01T10:00:00+08:00')).body.data;
    expect(d.notConfiguredFrom).toBe('2027-01-01');
    expect(d.days.every((x: any) => x.date < '2027-01-01')).toBe(true);
    expect(d.days.map((x: any) => x.date)).toContain('2026-12-26');
  });

  it('R-X-3 bad input: 4xx in the user\'s language', async () => {
    for (const [query, code] of [
      ['&from=2026-02-30', 'AVAILABILITY_RANGE_INVALID'],
      ['&from=2026-03-01&to=2026-02-01', 'AVAILABILITY_RANGE_INVALID'],
      ['&from=2026-01-01&to=2026-12-31', 'AVAILABILITY_RANGE_INVALID'],
      ['&from[$gt]=1', 'AVAILABILITY_RANGE_INVALID'],
    ]) {
      const res = await availability('BDC-001', query);
      expect([query, res.status, res.body.errors?.[0]?.code]).toEqual([query, 400, code]);
      expect(res.body.errors[0].message).toMatch(/日期/);
    }
    for (const id of ['abc', '0', '99999', '1,2']) {
      const res = await desk.get(`/api/bookings:availability?serviceItemId=${id}`).set('X-Locale', 'en-US');
      expect([id, res.status, res.body.errors?.[0]?.code]).toEqual([id, 400, 'ITEM_NOT_FOUND']);
    }
    expect((await t.request().get(`/api/bookings:availability?serviceItemId=${ids['BDC-001']}`)).status).toBe(401);
    expect((await desk.get('/api/bookings:searchItems?q[$ne]=1')).status).toBe(400);
  });

  it('R-HOL-3 searchItems finds published items by code, pinyin initials or name; never unpublished ones', async () => {
    const codes = async (q: string) =>
      ((await desk.get(`/api/bookings:searchItems?q=${encodeURIComponent(q)}`)).body.data as any[]).map((i) => i.code);
    expect((await codes('BDC')).slice(0, 3)).toEqual(['BDC-001', 'BDC-002', 'BDC-003']);
    expect(await codes('sb-001')).toEqual(['SB-001']);
    expect((await codes('shbzk'))[0]).toBe('SB-001'); // 社会保障卡补办
    expect((await codes('gjj'))).toEqual(expect.arrayContaining(['GJJ-001', 'GJJ-002', 'GJJ-003'])); // 公积金 inside the name
    expect(await codes('公积金提取')).toEqual(['GJJ-001', 'GJJ-002']);
    expect(await codes('ＢＤＣ－００３')).toEqual(['BDC-003']); // full-width input
    const all = await codes('');
    expect(all).toHaveLength(20);
    expect(all).not.toContain('JT-002');
    expect(await codes('wlyycz')).toEqual([]); // 网络预约出租… is unpublished
  });
});
