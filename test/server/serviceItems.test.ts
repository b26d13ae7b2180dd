// The service-item list 《清单》 kept by admins without code (R-LST-1..3), over HTTP.
import { createTestApp, TestApp } from '../helpers/app';

describe('service-item list', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let windows: Record<string, number>;
  const count = () => t.db.getRepository('serviceItems').count();

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    admin = await t.as('admin');
    windows = Object.fromEntries(
      (await t.db.getRepository('windows').find()).map((w: any) => [w.get('code'), w.get('id')]),
    );
  });
  afterAll(() => t?.destroy());

  const create = (values: any, locale = 'zh-CN') =>
    admin.post('/api/serviceItems:create').set('X-Locale', locale).send(values);
  const valid = () => ({
    code: `T-${Math.random().toString(36).slice(2, 8)}`, name: '住房公积金提取（租房）', leadWindow: windows.A02,
    cooperatingWindows: [windows.A01], expectedMinutes: 30, capacityPerSlot: 2, published: true,
    materials: ['本人身份证原件', '租房合同'],
  });

  it('R-LST-1 the demo list has about 20 items over 8 windows, each with its lead window', async () => {
    const items = await t.db.getRepository('serviceItems').find({ appends: ['leadWindow'] });
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(new Set(items.map((i: any) => i.get('leadWindowId'))).size).toBe(8);
  });

  it('R-LST-1 an admin adds an item with every field; materials keep their order', async () => {
    const values = valid();
    const res = await create(values);
    expect(res.status).toBe(200);
    const item = await t.db.getRepository('serviceItems').findOne({
      filter: { code: values.code }, appends: ['leadWindow', 'cooperatingWindows'],
    });
    expect(item.get('leadWindow').get('code')).toBe('A02');
    expect(item.get('cooperatingWindows').map((w: any) => w.get('code'))).toEqual(['A01']);
    expect(item.get('materials')).toEqual(['本人身份证原件', '租房合同']);
    expect(item.get('offeredOnWeekends')).toBe(true);
    expect(item.get('offeredOnHolidays')).toBe(true);
  });

  it('R-LST-1 materials typed one per line become the ordered list', async () => {
    const values = { ...valid(), materials: '1. 身份证原件\n2、户口簿\n\n3) 结婚证' };
    expect((await create(values)).status).toBe(200);
    const item = await t.db.getRepository('serviceItems').findOne({ filter: { code: values.code } });
    expect(item.get('materials')).toEqual(['身份证原件', '户口簿', '结婚证']);
  });

  it('R-LST-3 more than 0.5 working day (240 min) is refused in zh-CN and en-US, nothing saved', async () => {
    const before = await count();
    const zh = await create({ ...valid(), expectedMinutes: 241 });
    expect(zh.status).toBe(400);
    expect(zh.body.errors[0].code).toBe('EXPECTED_MINUTES_OVER_HALF_DAY');
    expect(zh.body.errors[0].message).toContain('超过 0.5 个工作日（240 分钟）');
    const en = await create({ ...valid(), expectedMinutes: 300 }, 'en-US');
    expect(en.body.errors[0].message).toContain('exceeds the limit of half a working day (240 minutes)');
    expect(await count()).toBe(before);
    expect((await create({ ...valid(), expectedMinutes: 240 })).status).toBe(200);
  });

  it('R-LST-3 an edit that breaks the limit is refused and the item keeps its value', async () => {
    const item = await t.db.getRepository('serviceItems').findOne({ filter: { code: 'SB-001' } });
    const res = await admin.post(`/api/serviceItems:update?filterByTk=${item.get('id')}`).send({ expectedMinutes: 480 });
    expect(res.status).toBe(400);
    expect((await item.reload()).get('expectedMinutes')).toBe(20);
  });

  it('R-LST-1 capacity per slot must be at least 1', async () => {
    const res = await create({ ...valid(), capacityPerSlot: 0 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('至少为 1');
  });

  it('R-LST-1 an item without a lead window cannot be published, but can be drafted', async () => {
    const { leadWindow, ...noLead } = valid();
    const res = await create(noLead);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('PUBLISHED_WITHOUT_LEAD_WINDOW');
    expect((await create({ ...noLead, published: false })).status).toBe(200);
  });

  it('R-LST-2 an admin unpublishes and reorders items', async () => {
    const item = await t.db.getRepository('serviceItems').findOne({ filter: { code: 'JT-001' } });
    expect((await admin.post(`/api/serviceItems:update?filterByTk=${item.get('id')}`).send({ published: false })).status).toBe(200);
    expect((await item.reload()).get('published')).toBe(false);
    const first = await t.db.getRepository('serviceItems').findOne({ filter: { code: 'BDC-001' } });
    const move = await admin.post(`/api/serviceItems:move?sourceId=${item.get('id')}&targetId=${first.get('id')}`);
    expect(move.status).toBe(200);
    const codes = (await admin.get('/api/serviceItems:list?sort=sort&pageSize=5').expect(200)).body.data.map((i: any) => i.code);
    expect(codes[0]).toBe('JT-001');
  });

  it('R-LST-2 our collections are listed in the data source manager, so standard blocks can use them', async () => {
    const res = await admin.get('/api/collections:list?paginate=false');
    const names = res.body.data.map((c: any) => c.name);
    expect(names).toEqual(expect.arrayContaining(['serviceItems', 'windows', 'calendarDays', 'calendarYears', 'bookings', 'dutyShifts', 'penalties']));
    const fields = await admin.get('/api/collections/serviceItems/fields:list?paginate=false');
    expect(fields.body.data.map((f: any) => f.name)).toEqual(
      expect.arrayContaining(['name', 'code', 'leadWindow', 'cooperatingWindows', 'materials', 'expectedMinutes', 'capacityPerSlot', 'published']),
    );
  });
});
