// R-CAL-4 over HTTP on a real app: the admin pastes next year's State Council notice → preview
// (the parse and the diff against the stored year) → apply in one transaction → the year is
// configured and a booking for it is accepted at once. The same paste twice changes nothing;
// non-admins are refused; a broken notice is refused with its line and nothing changes.
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const NOTICES = path.join(__dirname, '../fixtures/holiday-notices');
// The fixture's 2027 notice is a plausible one in the official form, not the real 2027 arrangement.
const NOTICE_2027 = fs.readFileSync(path.join(NOTICES, '2027-plausible.txt'), 'utf8');
const notice = (year: number) => fs.readFileSync(path.join(NOTICES, `${year}.txt`), 'utf8');
// Tuesday 1 December 2026, 10:00 Shanghai: a working day before 元旦 2027 (R-HOL-2).
const TODAY = '2026-12-01T10:00:00+08:00';

describe('R-CAL-4 next year from the State Council notice', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  let itemId: number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'lead']) as[u] = await t.as(u);
    itemId = (await t.db.getRepository('serviceItems').findOne({ filter: { code: 'BDC-003' } })).get('id');
  });
  afterAll(() => t?.destroy());

  const preview = (text: string, user = 'admin', locale = 'zh-CN') =>
    as[user].post('/api/calendar:previewNotice').set('X-Locale', locale).send({ text });
  const apply = (text: string, extra: Record<string, unknown> = {}, user = 'admin') =>
    as[user].post('/api/calendar:applyNotice').send({ text, ...extra });
  const register = (start: string) =>
    as.desk.post('/api/bookings:register').set('X-Test-Now', TODAY).send({
      applicantName: '赵磊', applicantPhone: '13905336789', channel: 'onSite', serviceItemId: itemId, start,
    });
  const rows2027 = async () =>
    (await t.db.getRepository('calendarDays').find({ filter: { date: { $gte: '2027-01-01', $lte: '2027-12-31' } }, sort: ['date'] }))
      .map((r: any) => ({ date: r.get('date'), kind: r.get('kind'), updatedAt: new Date(r.get('updatedAt')).getTime() }));

  it('R-CAL-4 R-X-2 non-admins may neither preview nor apply', async () => {
    for (const user of ['desk', 'section', 'lead']) {
      expect((await preview(NOTICE_2027, user)).status).toBe(403);
      expect((await apply(NOTICE_2027, {}, user)).status).toBe(403);
    }
    expect((await t.request().post('/api/calendar:applyNotice').send({ text: NOTICE_2027 })).status).toBe(401);
    expect(await rows2027()).toEqual([]);
  });

  it('R-CAL-4 before: a 2027 booking is refused because 2027 is not configured', async () => {
    const res = await register('2027-01-01 10:00');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('CALENDAR_YEAR_NOT_CONFIGURED');
  });

  it('R-CAL-4 preview: the periods and every day to add, each with its line; nothing stored yet', async () => {
    const res = await preview(NOTICE_2027);
    expect(res.status).toBe(200);
    const p = res.body.data;
    expect(p).toMatchObject({ year: 2027, stored: { exists: false, configured: false }, counts: { added: 34, changed: 0, removed: 0, unchanged: 0 } });
    expect(p.periods.map((x: any) => [x.name, x.start, x.end, x.days])).toEqual([
      ['元旦', '2027-01-01', '2027-01-03', 3], ['春节', '2027-02-05', '2027-02-13', 9], ['清明节', '2027-04-03', '2027-04-05', 3],
      ['劳动节', '2027-05-01', '2027-05-05', 5], ['端午节', '2027-06-09', '2027-06-09', 1], ['中秋节', '2027-09-15', '2027-09-15', 1],
      ['国庆节', '2027-10-01', '2027-10-07', 7],
    ]);
    expect(p.changes.find((c: any) => c.date === '2027-01-31')).toMatchObject({
      change: 'added', before: { kind: 'weekendRest' }, after: { kind: 'makeupWorkday', holidayName: '春节' },
      line: 6, text: expect.stringContaining('二、春节：2月5日（农历除夕、周五）'),
    });
    expect(p.diffKey).toMatch(/^[0-9a-f]{16}$/);
    expect(await rows2027()).toEqual([]);
  });

  it('R-CAL-4 a broken notice is refused with its line in the user language, nothing changed', async () => {
    const bad = NOTICE_2027.replace('1月31日（周日）', '1月31日（周一）');
    const zh = await preview(bad);
    expect(zh.status).toBe(400);
    expect(zh.body.errors[0]).toMatchObject({ code: 'NOTICE_WEEKDAY_MISMATCH', params: { line: 6, date: '2027-01-31' } });
    expect(zh.body.errors[0].message).toContain('第 6 行“二、春节：2月5日');
    expect(zh.body.errors[0].message).toContain('2027-01-31 标注为“周一”，实际是周日');
    const en = await preview(bad, 'admin', 'en-US');
    expect(en.body.errors[0].message).toContain('Line 6 "二、春节');
    expect(en.body.errors[0].message).toContain('is noted as "周一" but is a Sunday');
    expect((await apply(bad)).status).toBe(400);
    expect(await rows2027()).toEqual([]);
    expect((await as.admin.get('/api/calendar:years')).body.data.find((y: any) => y.year === 2027)).toBeUndefined();
  });

  it('R-CAL-4 apply: the diff in one transaction, 2027 configured, a 2027 holiday booking accepted right after', async () => {
    const { diffKey } = (await preview(NOTICE_2027)).body.data;
    const res = await apply(NOTICE_2027, { diffKey });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ year: 2027, configured: true, counts: { added: 34 } });
    expect((await as.admin.get('/api/calendar:years')).body.data.find((y: any) => y.year === 2027)).toEqual({ year: 2027, configured: true, source: 'notice' });
    const day = (date: string) => as.desk.get(`/api/calendar:dayKind?date=${date}`);
    expect((await day('2027-02-06')).body.data).toMatchObject({
      kind: 'holiday', holidayName: '春节', holidayPeriod: { start: '2027-02-05', end: '2027-02-13', days: 9 },
    });
    expect((await day('2027-01-31')).body.data).toMatchObject({ kind: 'makeupWorkday', workingDay: true });
    expect((await day('2027-06-12')).body.data).toMatchObject({ kind: 'weekendRest', weekendServiceDay: true });
    const stored = (await as.admin.get('/api/calendar:year?year=2027')).body.data.days;
    expect(stored.find((d: any) => d.date === '2027-05-08')).toMatchObject({ kind: 'makeupWorkday', source: 'notice', note: expect.stringContaining('第 8 行：四、劳动节') });

    const booked = await register('2027-01-01 10:00');
    expect(booked.status).toBe(200);
    expect(booked.body.data).toMatchObject({ status: 'registered' });
  });

  it('R-CAL-4 the same paste twice changes nothing', async () => {
    const before = await rows2027();
    const again = await preview(NOTICE_2027);
    expect(again.body.data).toMatchObject({ counts: { added: 0, changed: 0, removed: 0, unchanged: 34 }, changes: [], stored: { configured: true } });
    const res = await apply(NOTICE_2027);
    expect(res.status).toBe(200);
    expect(res.body.data.changes).toEqual([]);
    expect(await rows2027()).toEqual(before);
  });

  it('R-CAL-4 an edited year: the diff shows changed (name too) and removed days with their lines; a stale preview is refused', async () => {
    const setDay = (v: any) => as.admin.post('/api/calendar:setDay').send(v);
    expect((await setDay({ date: '2027-06-10', kind: 'holiday', holidayName: '端午节' })).status).toBe(200);
    expect((await setDay({ date: '2027-10-02', kind: 'holiday', holidayName: '中秋节' })).status).toBe(200);
    expect((await setDay({ date: '2027-10-03', kind: 'holiday', holidayName: '国庆' })).status).toBe(200); // the same festival
    const p = (await preview(NOTICE_2027)).body.data;
    expect(p.changes.map((c: any) => [c.date, c.change, c.nameOnly, c.line])).toEqual([
      ['2027-06-10', 'removed', false, 9],
      ['2027-10-02', 'changed', true, 11],
    ]);
    expect(p.changes[0]).toMatchObject({ before: { kind: 'holiday' }, after: { kind: 'workday', holidayName: null }, text: expect.stringContaining('五、端午节') });

    // Someone changes the year between preview and apply: the admin's diff is no longer what would happen.
    expect((await setDay({ date: '2027-06-11', kind: 'holiday', holidayName: '端午节' })).status).toBe(200);
    const stale = await apply(NOTICE_2027, { diffKey: p.diffKey });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].code).toBe('NOTICE_DIFF_STALE');
    expect((await as.admin.get('/api/calendar:dayKind?date=2027-06-10')).body.data.kind).toBe('holiday');

    const fresh = (await preview(NOTICE_2027)).body.data;
    expect((await apply(NOTICE_2027, { diffKey: fresh.diffKey })).status).toBe(200);
    for (const d of ['2027-06-10', '2027-06-11']) expect((await as.admin.get(`/api/calendar:dayKind?date=${d}`)).body.data.kind).toBe('workday');
    expect((await as.admin.get('/api/calendar:dayKind?date=2027-10-02')).body.data.holidayName).toBe('国庆节');
  });

  it('R-CAL-4 a seeded year and its notice agree: pasting the 2026 notice changes nothing', async () => {
    const p = (await preview(notice(2026))).body.data;
    expect(p).toMatchObject({ year: 2026, stored: { configured: true, source: 'seed' }, changes: [] });
    expect(p.counts.unchanged).toBe(39);
  });

  it('R-CAL-4 a New Year from the December before: 2019 keeps 2018-12-29..31, 2018 does not remove them', async () => {
    const p2019 = (await preview(notice(2019))).body.data;
    expect(p2019.changes.some((c: any) => c.date.startsWith('2018-'))).toBe(false);
    // What 2019 differs in is what the State Council changed later (劳动节) and chinese-days' 与周末连休 reading.
    expect(p2019.changes.every((c: any) => c.change === 'removed')).toBe(true);
    const p2018 = (await preview(notice(2018))).body.data;
    expect(p2018.changes).toEqual([]);
  });
});
