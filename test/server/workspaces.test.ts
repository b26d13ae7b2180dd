// The read side of the role workspaces over HTTP (workspaces:me / timeline / reschedules / cooperation)
// and the stock bookings:list queries the web part relies on, as each role (R-X-1, R-X-2, R-RSC-2/3, R-DSP-3).
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';

describe('workspaces read API', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const ids: Record<string, number> = {};
  const userId: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    // A window-staff member of another window (A02), to prove the window scope.
    const a02 = await t.db.getRepository('windows').findOne({ filter: { code: 'A02' } });
    const other = await t.db.getRepository('users').create({ values: { username: 'staffA02', nickname: '公积金窗口 赵磊', password: 'x', roles: ['windowStaff'] } });
    await (t.db.getRepository('windows.staff', a02.get('id')) as any).add(other.get('id'));
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff', 'staffA02']) {
      as[u] = await t.as(u);
      userId[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) ids[i.get('code')] = i.get('id');
  });
  afterAll(() => t?.destroy());

  const call = (user: string, action: string, body: any, query = '', now = BEFORE_HOLIDAY) =>
    as[user].post(`/api/bookings:${action}${query}`).set('X-Test-Now', now).send(body);
  const on = (id: number) => `?filterByTk=${id}`;
  // One applicant per booking: one number may not hold overlapping or more than 3 open bookings in a holiday (R-HOL-6).
  let phones = 0;
  const register = async (over: any = {}) => {
    const res = await call('desk', 'register', {
      applicantName: '王建国', applicantPhone: `1390533${1234 + phones++}`, channel: 'onSite', serviceItemId: ids['BDC-001'],
      start: '2026-02-17 10:00', ...over,
    });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  it('workspaces:me tells each user their roles and windows', async () => {
    const lead = (await as.lead.get('/api/workspaces:me')).body.data;
    expect(lead.roles).toEqual(['windowLead']);
    expect(lead.leads.map((w: any) => w.code)).toEqual(['A01']);
    expect(lead.staffs.map((w: any) => w.code)).toEqual(['A01']);
    const section = (await as.section.get('/api/workspaces:me')).body.data;
    expect(section).toMatchObject({ roles: ['section'], leads: [], staffs: [] });
    expect((await as.chief.get('/api/workspaces:me')).body.data.roles).toEqual(['sectionChief']);
    expect((await t.request().get('/api/workspaces:me')).status).toBe(401);
  });

  it('R-X-1 R-X-2 the timeline shows who changed what, only to people who may see the booking', async () => {
    const b = await register();
    await call('section', 'dispatch', {}, on(b.id));
    // Before sign-for the staff member is not involved: masked phone.
    const early = await as.staff.get(`/api/workspaces:timeline${on(b.id)}`);
    expect(early.status).toBe(200);
    expect(early.body.data.booking.applicantPhone).toBe('139****1234');
    await call('lead', 'signFor', { handler1Id: userId.staff }, on(b.id));
    await call('staff', 'logContact', { result: 'reached', materialsNoticeGiven: true, confirmedStart: b.appointmentStart, note: '已告知材料' }, on(b.id));

    const res = await as.staff.get(`/api/workspaces:timeline${on(b.id)}`);
    expect(res.status).toBe(200);
    const tl = res.body.data;
    expect(tl.booking.applicantPhone).toBe('13905331234');
    expect(tl.events.map((e: any) => `${e.action}:${e.fromStatus ?? '-'}>${e.toStatus}`)).toEqual([
      'register:->registered', 'dispatch:registered>dispatched', 'signFor:dispatched>signedFor', 'logContact:signedFor>contacted',
    ]);
    expect(tl.events[1].by).toEqual({ id: userId.section, nickname: '管理科 陈敏' });
    expect(tl.events[1].role).toBe('section');
    expect(tl.contacts).toEqual([expect.objectContaining({ result: 'reached', materialsNoticeGiven: true, note: '已告知材料' })]);

    expect((await as.section.get(`/api/workspaces:timeline${on(b.id)}`)).status).toBe(200);
    const stranger = await as.staffA02.get(`/api/workspaces:timeline${on(b.id)}`);
    expect(stranger.status).toBe(403);
    expect(stranger.body.errors[0].code).toBe('NOT_YOUR_WINDOW');
    expect((await as.section.get('/api/workspaces:timeline?filterByTk=999999')).status).toBe(404);
    expect((await as.section.get('/api/workspaces:timeline?filterByTk[$gt]=0')).status).toBe(404);
  });

  it('R-RSC-2 R-RSC-3 the section inbox lists pending requests with the 12 h deadline; window roles cannot read it', async () => {
    const ordinary = await register({ serviceItemId: ids['BDC-002'], start: '2026-02-18 10:00' });
    const urgent = await register({ serviceItemId: ids['BDC-003'], start: '2026-02-18 14:00', applicantPhone: '0533-2512345' });
    for (const b of [ordinary, urgent]) {
      await call('section', 'dispatch', {}, on(b.id));
      await call('lead', 'signFor', { handler1Id: userId.staff }, on(b.id));
    }
    expect((await call('staff', 'requestReschedule', { reason: '申请人出差', kind: 'ordinary', proposedStart: '2026-02-19 10:00' }, on(ordinary.id))).status).toBe(200);
    // Force majeure two hours before: allowed, and marked as reported to the section.
    expect((await call('staff', 'requestReschedule', { reason: '暴雪封路', kind: 'forceMajeure' }, on(urgent.id), '2026-02-18T12:00:00+08:00')).status).toBe(200);

    const res = await as.chief.get('/api/workspaces:reschedules').set('X-Test-Now', '2026-02-17T20:00:00+08:00');
    expect(res.status).toBe(200);
    const rows = res.body.data;
    expect(rows.map((r: any) => r.booking.number)).toEqual([ordinary.number, urgent.number]);
    expect(rows[0]).toMatchObject({ kind: 'ordinary', reason: '申请人出差', reportedToSection: false, ordinaryApprovalOpen: true,
      requestedBy: { id: userId.staff, nickname: '不动产窗口 李娜' } });
    expect(new Date(rows[0].deadline).toISOString()).toBe('2026-02-17T14:00:00.000Z'); // 12 h before 02-18 10:00 Shanghai
    expect(rows[1]).toMatchObject({ kind: 'forceMajeure', reportedToSection: true, ordinaryApprovalOpen: true });
    expect(rows[1].booking.applicantPhone).toBe('0533-2512345'); // the section is involved: full number
    // After the deadline an ordinary approval is no longer open.
    const late = await as.section.get('/api/workspaces:reschedules').set('X-Test-Now', '2026-02-17T22:30:00+08:00');
    expect(late.body.data.find((r: any) => r.kind === 'ordinary').ordinaryApprovalOpen).toBe(false);

    for (const u of ['lead', 'staff', 'desk']) {
      const denied = await as[u].get('/api/workspaces:reschedules');
      expect(denied.status).toBe(403);
      expect(denied.body.errors[0].code).toBe('ROLE_NOT_ALLOWED');
    }
    // Decided requests move out of the pending inbox.
    await call('chief', 'decideReschedule', { decision: 'rejected', note: '原时间不变' }, on(urgent.id));
    const after = (await as.chief.get('/api/workspaces:reschedules')).body.data.map((r: any) => r.booking.id);
    expect(after).not.toContain(urgent.id);
    const rejected = (await as.chief.get('/api/workspaces:reschedules?decision=rejected')).body.data;
    expect(rejected[0]).toMatchObject({ decision: 'rejected', decisionNote: '原时间不变', decidedBy: { id: userId.chief } });
  });

  it('R-DSP-3 R-X-2 a cooperating window\'s lead sees its own dispatches, with the applicant\'s phone masked', async () => {
    // GJJ-003 is led by A02 with A01 cooperating; the demo lead leads A01.
    const b = await register({ serviceItemId: ids['GJJ-003'], start: '2026-02-19 14:00' });
    await call('section', 'dispatch', {}, on(b.id));
    const rows = (await as.lead.get('/api/workspaces:cooperation')).body.data;
    const mine = rows.find((r: any) => r.booking.id === b.id);
    expect(mine).toMatchObject({ window: { code: 'A01' }, signedForAt: null, booking: { number: b.number, applicantPhone: b.applicantPhone.replace(/^(\d{3})\d{4}/, '$1****') } });
    expect(mine.booking.window.code).toBe('A02');
    // The lead cannot list the booking (not its window) but may open its timeline as a cooperating window.
    expect((await as.lead.get(`/api/workspaces:timeline${on(b.id)}`)).status).toBe(200);
    expect((await call('lead', 'signFor', {}, on(b.id))).status).toBe(200);
    const signed = (await as.lead.get('/api/workspaces:cooperation')).body.data.find((r: any) => r.booking.id === b.id);
    expect(signed.signedForBy).toEqual({ id: userId.lead, nickname: '不动产窗口 张伟' });
    expect((await as.staff.get('/api/workspaces:cooperation')).body.data).toEqual([]);
  });

  it('R-X-2 the stock bookings:list queries of the workspaces: status filters, my bookings, appends, masked phones', async () => {
    const b = await register({ serviceItemId: ids['BDC-002'], start: '2026-02-20 10:00', applicantName: '孙丽' });
    const q = (filter: any) => `/api/bookings:list?pageSize=200&appends[]=serviceItem&appends[]=window&appends[]=handler1&filter=${encodeURIComponent(JSON.stringify(filter))}`;
    const board = (await as.section.get(q({ status: 'registered' }))).body.data;
    const row = board.find((r: any) => r.id === b.id);
    expect(row).toMatchObject({ applicantPhone: b.applicantPhone, serviceItem: { code: 'BDC-002' }, window: { code: 'A01' } });
    await call('section', 'dispatch', {}, on(b.id));
    await call('lead', 'signFor', { handler1Id: userId.staff }, on(b.id));
    const mineFilter = { $or: [{ 'handler1.id': userId.staff }, { 'handler2.id': userId.staff }], status: { $in: ['signedFor', 'contacted', 'inService'] } };
    const mine = (await as.staff.get(q(mineFilter))).body.data;
    expect(mine.map((r: any) => r.id)).toContain(b.id);
    expect(mine.find((r: any) => r.id === b.id)).toMatchObject({ applicantPhone: b.applicantPhone, handler1: { id: userId.staff } });
    expect((await as.staffA02.get(q(mineFilter))).body.data).toEqual([]);
    const other = (await as.staffA02.get(q({ status: 'signedFor' }))).body.data;
    expect(other.map((r: any) => r.id)).not.toContain(b.id);
  });
});

describe('workspaces demo bookings (npm start)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
  });
  afterAll(() => t?.destroy());

  it('R-X-1 each workspace gets something, through the engine\'s own actions, once', async () => {
    // The same module the plugin bundles, run against this app's database with a fixed day.
    const { seedDemoBookings } = require('../../src/server/seed/workspaces-demo');
    const now = new Date('2026-02-10T10:00:00+08:00'); // before Spring Festival 02-15..23
    const logs: string[] = [];
    await seedDemoBookings(t.db, (m: string) => logs.push(m), now);
    expect(logs).toEqual(['bookings: 5 demo bookings on 2026-02-15 and 2026-02-16']);
    const as = async (u: string) => t.as(u);
    const names = (rows: any[]) => rows.map((r: any) => r.applicantName ?? r.booking?.applicantName).sort();
    const section = await as('section');
    expect(names((await section.get(`/api/bookings:list?filter=${encodeURIComponent('{"status":"registered"}')}`)).body.data)).toEqual(['刘洋']);
    const chief = await as('chief');
    const inbox = (await chief.get('/api/workspaces:reschedules').set('X-Test-Now', now.toISOString())).body.data;
    expect(names(inbox)).toEqual(['孙丽']);
    expect(inbox[0]).toMatchObject({ kind: 'ordinary', ordinaryApprovalOpen: true });
    const lead = await as('lead');
    expect(names((await lead.get(`/api/bookings:list?filter=${encodeURIComponent('{"status":"dispatched"}')}`)).body.data)).toEqual(['赵敏']);
    expect(names((await lead.get('/api/workspaces:cooperation')).body.data)).toEqual(['周杰']);
    const staff = await as('staff');
    const staffId = (await t.db.getRepository('users').findOne({ filter: { username: 'staff' } })).get('id');
    const mine = (await staff.get(`/api/bookings:list?filter=${encodeURIComponent(JSON.stringify({ 'handler1.id': staffId }))}`)).body.data;
    expect(names(mine)).toEqual(['孙丽', '钱伟']);
    const events = await t.db.getRepository('bookingEvents').count();
    expect(events).toBe(5 + 4 + 2 + 2); // register ×5, dispatch ×4, signFor ×2, contact + reschedule request
    // A second start finds future demo bookings and adds nothing.
    await seedDemoBookings(t.db, (m: string) => logs.push(m), now);
    expect(await t.db.getRepository('bookings').count()).toBe(5);
  });
});
