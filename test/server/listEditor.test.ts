// The stock actions the service-list editor block calls (R-LST-2, R-LST-3), as the editor calls them:
// list all in order, update one, update several at once (bulk publish), move (drag to reorder).
import { moveItem } from '../../src/client/listEditor/logic';
import { createTestApp, TestApp } from '../helpers/app';

describe('service-list editor: the actions it uses', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  const repo = () => t.db.getRepository('serviceItems');
  const order = async () =>
    (await admin.get('/api/serviceItems:list').query({ paginate: false, sort: ['sort'] })).body.data.map((i: any) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    admin = await t.as('admin');
  });
  afterAll(() => t?.destroy());

  it('R-LST-2 the editor loads every item at once, in list order, with cooperating windows', async () => {
    const res = await admin.get('/api/serviceItems:list').query({ paginate: false, sort: ['sort'], appends: ['cooperatingWindows'] });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBe(await repo().count());
    expect(res.body.data[0].code).toBe('BDC-001');
    expect(res.body.data[0].cooperatingWindows.length).toBeGreaterThan(0);
  });

  it('R-LST-2 dragging a row: the stock move orders the list as the editor shows it', async () => {
    const before = await order();
    const [a, , c] = before;
    const res = await admin.post('/api/serviceItems:move').query({ sourceId: c, targetId: a });
    expect(res.status).toBe(200);
    expect(await order()).toEqual(moveItem(before.map((id: number) => ({ id })), c, a).map((i) => i.id));
    const down = await order();
    await admin.post('/api/serviceItems:move').query({ sourceId: down[0], targetId: down[3] });
    expect(await order()).toEqual(moveItem(down.map((id: number) => ({ id })), down[0], down[3]).map((i) => i.id));
  });

  it('R-LST-2 R-X-3 bulk publish is one update: an item without a lead window refuses it for all', async () => {
    const orphan = await repo().create({ values: { code: 'LE-ORPHAN', name: '无主办窗口事项', expectedMinutes: 30, capacityPerSlot: 1, published: false } });
    const other = await repo().findOne({ filter: { code: 'BDC-002' } });
    await repo().update({ filterByTk: other.get('id'), values: { published: false } });
    const ids = [other.get('id'), orphan.get('id')];

    const refused = await admin.post('/api/serviceItems:update').set('X-Locale', 'zh-CN').query({ filterByTk: ids }).send({ published: true });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe('PUBLISHED_WITHOUT_LEAD_WINDOW');
    expect(refused.body.errors[0].message).toContain('无主办窗口事项');
    expect((await repo().find({ filter: { id: ids } })).map((i: any) => i.get('published'))).toEqual([false, false]);

    await repo().update({ filterByTk: orphan.get('id'), values: { leadWindowId: other.get('leadWindowId') } });
    const ok = await admin.post('/api/serviceItems:update').query({ filterByTk: ids }).send({ published: true });
    expect(ok.status).toBe(200);
    expect((await repo().find({ filter: { id: ids } })).map((i: any) => i.get('published'))).toEqual([true, true]);
  });

  it('R-LST-3 an inline edit over 0.5 working day is refused in the user language and changes nothing', async () => {
    const item = await repo().findOne({ filter: { code: 'BDC-001' } });
    for (const [locale, text] of [['zh-CN', '超过 0.5 个工作日'], ['en-US', 'half a working day']]) {
      const res = await admin.post('/api/serviceItems:update').set('X-Locale', locale).query({ filterByTk: item.get('id') }).send({ expectedMinutes: 241 });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toContain(text);
    }
    expect((await repo().findOne({ filter: { code: 'BDC-001' } })).get('expectedMinutes')).toBe(item.get('expectedMinutes'));
  });

  it('R-LST-2 only admins edit the list: desk staff cannot update or move items', async () => {
    const desk = await t.as('desk');
    const [a, b] = await order();
    expect((await desk.post('/api/serviceItems:update').query({ filterByTk: a }).send({ capacityPerSlot: 9 })).status).toBe(403);
    expect((await desk.post('/api/serviceItems:move').query({ sourceId: a, targetId: b })).status).toBe(403);
    expect((await order()).slice(0, 2)).toEqual([a, b]);
  });
});
