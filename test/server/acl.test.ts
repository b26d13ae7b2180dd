// R-X-2: each role gets exactly what its job needs over our collections — for every role and
// collection one allowed and one forbidden action, over HTTP, checking the data as well as the status.
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;

describe('roles and access matrix', () => {
  let t: TestApp;
  const agents: Record<string, Agent> = {};
  let a01: any;
  let a02: any;
  let unpublished: any;

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff']) agents[u] = await t.as(u);
    a01 = await t.db.getRepository('windows').findOne({ filter: { code: 'A01' } });
    a02 = await t.db.getRepository('windows').findOne({ filter: { code: 'A02' } });
    unpublished = await t.db.getRepository('serviceItems').findOne({ filter: { published: false } });
  });
  afterAll(() => t?.destroy());

  const list = (u: string, c: string) => agents[u].get(`/api/${c}:list?pageSize=200`);
  const create = (u: string, c: string, values: any) => agents[u].post(`/api/${c}:create`).send(values);
  const update = (u: string, c: string, id: any, values: any) => agents[u].post(`/api/${c}:update?filterByTk=${id}`).send(values);
  const newItem = { code: 'T-1', name: '测试事项', expectedMinutes: 30, capacityPerSlot: 1 };

  it('R-X-2 the install creates the five roles of the plan', async () => {
    const names = (await t.db.getRepository('roles').find()).map((r: any) => r.get('name'));
    expect(names).toEqual(expect.arrayContaining(['desk', 'section', 'sectionChief', 'windowLead', 'windowStaff']));
  });

  describe.each([['desk'], ['section'], ['chief'], ['lead'], ['staff']])('R-X-2 %s', (user) => {
    it('reads the calendar but cannot edit it', async () => {
      expect((await list(user, 'calendarDays')).status).toBe(200);
      expect((await list(user, 'calendarYears')).body.data.length).toBeGreaterThan(20);
      const day = await t.db.getRepository('calendarDays').findOne({ filter: { date: '2026-02-14' } });
      expect((await update(user, 'calendarDays', day.get('id'), { kind: 'holiday' })).status).toBe(403);
      expect((await create(user, 'calendarYears', { year: 2031 })).status).toBe(403);
      expect((await day.reload()).get('kind')).toBe('makeupWorkday');
    });

    it('reads the service-item list but cannot change it', async () => {
      const res = await list(user, 'serviceItems');
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(15);
      expect((await create(user, 'serviceItems', newItem)).status).toBe(403);
      expect(await t.db.getRepository('serviceItems').count({ filter: { code: 'T-1' } })).toBe(0);
    });

    it('reads the windows; cannot create one', async () => {
      expect((await list(user, 'windows')).body.data).toHaveLength(8);
      expect((await create(user, 'windows', { code: 'Z99', name: 'x' })).status).toBe(403);
    });
  });

  it('R-X-2 R-HOL-3 the desk sees only published items; the section sees unpublished ones too', async () => {
    const desk = (await list('desk', 'serviceItems')).body.data.map((i: any) => i.code);
    const section = (await list('section', 'serviceItems')).body.data.map((i: any) => i.code);
    expect(desk).not.toContain(unpublished.get('code'));
    expect(section).toContain(unpublished.get('code'));
  });

  it('R-X-2 a window lead edits their own window, not another one', async () => {
    const own = await update('lead', 'windows', a01.get('id'), { phone: '0533-1111111' });
    expect(own.status).toBe(200);
    expect((await a01.reload()).get('phone')).toBe('0533-1111111');
    const other = await update('lead', 'windows', a02.get('id'), { phone: '0533-2222222' });
    expect([200, 403]).toContain(other.status);
    expect((await a02.reload()).get('phone')).not.toBe('0533-2222222');
  });

  it('R-X-2 window staff cannot edit even their own window', async () => {
    expect((await update('staff', 'windows', a01.get('id'), { phone: '0533-3333333' })).status).toBe(403);
    expect((await a01.reload()).get('phone')).not.toBe('0533-3333333');
  });

  it('R-X-2 the admin keeps the list: creates an item, edits a window and the calendar', async () => {
    expect((await create('admin', 'serviceItems', { ...newItem, code: 'T-ADMIN' })).status).toBe(200);
    expect((await update('admin', 'windows', a02.get('id'), { phone: '0533-4444444' })).status).toBe(200);
    expect((await agents.admin.post('/api/calendar:setDay').send({ date: '2026-06-20', kind: 'makeupWorkday' })).status).toBe(200);
  });

  it('R-X-2 an anonymous request gets nothing', async () => {
    expect((await t.request().get('/api/serviceItems:list')).status).toBe(401);
  });
});
