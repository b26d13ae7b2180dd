// The calendar API over HTTP as the roles call it (R-CAL-1..3), on a real NocoBase app.
import { createTestApp, TestApp } from '../helpers/app';

describe('calendar API', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    admin = await t.as('admin');
  });
  afterAll(() => t?.destroy());

  const dayKind = async (date: string, locale = 'zh-CN') =>
    (await admin.get(`/api/calendar:dayKind?date=${date}`).set('X-Locale', locale));

  it('R-CAL-1 install seeds the years chinese-days knows, 2026 included, as configured', async () => {
    const res = await admin.get('/api/calendar:years');
    expect(res.status).toBe(200);
    const y2026 = res.body.data.find((y: any) => y.year === 2026);
    expect(y2026).toEqual({ year: 2026, configured: true, source: 'seed' });
    expect(res.body.data.find((y: any) => y.year === 2027)).toBeUndefined();
  });

  it('R-CAL-1 2026-02-14 is a make-up workday (调休上班)', async () => {
    const res = await dayKind('2026-02-14');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ kind: 'makeupWorkday', workingDay: true, weekendServiceDay: false });
  });

  it('R-CAL-2 2026-03-01 is a weekend service day', async () => {
    const res = await dayKind('2026-03-01');
    expect(res.body.data).toMatchObject({ kind: 'weekendRest', workingDay: false, weekendServiceDay: true, holidayPeriod: null });
  });

  it('R-CAL-2 2026-02-22, a Sunday inside Spring Festival, is a holiday, not a weekend service day', async () => {
    const res = await dayKind('2026-02-22');
    expect(res.body.data).toMatchObject({
      kind: 'holiday', holidayName: '春节', weekendServiceDay: false,
      holidayPeriod: { name: '春节', start: '2026-02-15', end: '2026-02-23', days: 9 },
    });
  });

  it('R-CAL-1 a year without configured holidays refuses with a clear message in zh-CN and en-US', async () => {
    const zh = await dayKind('2027-01-01');
    expect(zh.status).toBe(400);
    expect(zh.body.errors[0].code).toBe('CALENDAR_YEAR_NOT_CONFIGURED');
    expect(zh.body.errors[0].message).toContain('2027 年的法定节假日尚未配置');
    const en = await dayKind('2027-01-01', 'en-US');
    expect(en.body.errors[0].message).toContain('The statutory holidays of 2027 are not configured');
  });

  it('R-X-3 a malformed date is a 400 in the user language', async () => {
    const res = await dayKind('2026-02-30');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('日期“2026-02-30”无效');
  });

  it('R-CAL-1 an admin adds 2027, enters New Year, confirms it, and the rules then answer', async () => {
    const added = await admin.post('/api/calendar:addYear').send({ year: 2027 });
    expect(added.status).toBe(200);
    expect(added.body.data).toMatchObject({ year: 2027, configured: false });

    const early = await admin.post('/api/calendar:confirmYear').send({ year: 2027 });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].code).toBe('CALENDAR_YEAR_HAS_NO_HOLIDAYS');

    const set = await admin.post('/api/calendar:setDay').send({ date: '2027-01-01', kind: 'holiday', holidayName: '元旦' });
    expect(set.status).toBe(200);
    expect((await admin.post('/api/calendar:confirmYear').send({ year: 2027 })).status).toBe(200);

    expect((await dayKind('2027-01-01')).body.data).toMatchObject({ kind: 'holiday', holidayName: '元旦' });
    expect((await dayKind('2027-01-04')).body.data).toMatchObject({ kind: 'workday', workingDay: true });
    const year = await admin.get('/api/calendar:year?year=2027');
    expect(year.body.data).toMatchObject({ year: 2027, configured: true, days: [{ date: '2027-01-01', source: 'admin' }] });
  });

  it('R-X-3 a day kind that contradicts the weekday is refused and nothing changes', async () => {
    const before = (await dayKind('2026-03-02')).body.data.kind;
    const res = await admin.post('/api/calendar:setDay').send({ date: '2026-03-02', kind: 'makeupWorkday' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('DAY_KIND_WEEKDAY_MISMATCH');
    expect((await dayKind('2026-03-02')).body.data.kind).toBe(before);
    expect(await t.db.getRepository('calendarDays').count({ filter: { date: '2026-03-02' } })).toBe(0);
  });

  it('R-CAL-3 an admin turning a Saturday into a make-up workday changes working-day answers', async () => {
    const res = await admin.post('/api/calendar:setDay').send({ date: '2026-06-06', kind: 'makeupWorkday', note: '演示' });
    expect(res.status).toBe(200);
    expect((await dayKind('2026-06-06')).body.data).toMatchObject({ kind: 'makeupWorkday', workingDay: true, weekendServiceDay: false });
  });

  it('R-X-2 only admins change the calendar; every signed-in role reads it', async () => {
    const desk = await t.as('desk');
    expect((await desk.get('/api/calendar:dayKind?date=2026-02-14')).status).toBe(200);
    const res = await desk.post('/api/calendar:setDay').send({ date: '2026-06-13', kind: 'makeupWorkday' });
    expect(res.status).toBe(403);
    expect(await t.db.getRepository('calendarDays').count({ filter: { date: '2026-06-13' } })).toBe(0);
    expect((await t.request().get('/api/calendar:dayKind?date=2026-02-14')).status).toBe(401);
  });
});
