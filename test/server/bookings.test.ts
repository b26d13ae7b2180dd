// The registration form's whole life over HTTP as each role (R-HOL, R-DSP, R-PRE, R-RSC, R-DAY, R-X-1),
// on a real app with a fixed clock (X-Test-Now, honoured only with APPOINTMENT_DUTY_TEST_CLOCK=true).
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
// 2026-02-10 (Tue) 10:00 in Shanghai: a working day in phone hours, before Spring Festival 02-15..23.
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';

describe('booking lifecycle', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const ids: Record<string, number> = {};
  const userId: Record<string, number> = {};

  beforeAll(async () => {
    process.env.APPOINTMENT_DUTY_TEST_CLOCK = 'true';
    t = await createTestApp();
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff']) {
      as[u] = await t.as(u);
      userId[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) ids[i.get('code')] = i.get('id');
  });
  afterAll(() => t?.destroy());

  const call = (user: string, action: string, body: any, now = BEFORE_HOLIDAY, query = '') =>
    as[user].post(`/api/bookings:${action}${query}`).set('X-Test-Now', now).send(body);
  const on = (id: number) => `?filterByTk=${id}`;
  // One applicant per booking: one number may not hold overlapping or more than 3 bookings in a holiday (R-HOL-6).
  let phones = 0;
  const register = (over: any = {}, now = BEFORE_HOLIDAY) =>
    call('desk', 'register', {
      applicantName: '王建国', applicantPhone: `1390533${String(1234 + phones++)}`, applicantUnit: '淄博某贸易公司', channel: 'onSite',
      serviceItemId: ids['BDC-001'], start: '2026-02-17 10:00', ...over,
    }, now);
  const events = async (id: number) =>
    (await t.db.getRepository('bookingEvents').find({ filter: { bookingId: id }, sort: ['id'] })).map((e: any) =>
      `${e.get('action')}:${e.get('fromStatus') ?? '-'}>${e.get('toStatus')}`);

  it('R-HOL-2 R-HOL-4 R-DSP-1 R-DSP-3 R-DSP-4 R-PRE-1 R-DAY-3 R-X-1 a holiday booking from desk to completion', async () => {
    const reg = await register();
    expect(reg.status).toBe(200);
    const b = reg.body.data;
    expect(b).toMatchObject({ status: 'registered', kind: 'holiday', applicantName: '王建国', channel: 'onSite', recorderId: userId.desk });
    expect(b.number).toMatch(/^YY-2026-\d{6}$/);
    expect(new Date(b.appointmentEnd).getTime() - new Date(b.appointmentStart).getTime()).toBe(90 * 60000);

    const dispatched = await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.data.status).toBe('dispatched');
    expect(dispatched.body.data.dispatches.map((d: any) => d.role).sort()).toEqual(['cooperating', 'lead']);

    const signed = await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    expect(signed.status).toBe(200);
    expect(signed.body.data).toMatchObject({ status: 'signedFor', signedForById: userId.lead, handler1Id: userId.staff });
    expect(signed.body.data.signedForAt).toBeTruthy();

    const contact = await call('staff', 'logContact', { result: 'reached', materialsNoticeGiven: true, confirmedStart: b.appointmentStart }, '2026-02-11T15:00:00+08:00', on(b.id));
    expect(contact.status).toBe(200);
    expect(contact.body.data.status).toBe('contacted');
    const log = await t.db.getRepository('bookingContacts').findOne({ filter: { bookingId: b.id } });
    expect(log.get('materials')).toEqual(expect.arrayContaining(['不动产权证书原件']));

    expect((await call('staff', 'arrive', {}, '2026-02-17T09:55:00+08:00', on(b.id))).body.data.status).toBe('inService');
    const done = await call('staff', 'complete', {
      outcome: '已办结，证书已出', actualStart: '2026-02-17T10:00:00+08:00', actualEnd: '2026-02-17T11:10:00+08:00',
      applicantSignature: { kind: 'confirmation', value: '申请人当场口头确认' },
    }, '2026-02-17T11:15:00+08:00', on(b.id));
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'completed', completed: true, durationMinutes: 70 });
    expect(await events(b.id)).toEqual([
      'register:->registered', 'dispatch:registered>dispatched', 'signFor:dispatched>signedFor',
      'logContact:signedFor>contacted', 'arrive:contacted>inService', 'complete:inService>completed',
    ]);
  });

  it('R-DSP-2 R-X-2 a window acts only on its own bookings; desk cannot dispatch', async () => {
    const b = (await register({ serviceItemId: ids['GJJ-001'], start: '2026-02-18 10:00' })).body.data;
    expect((await call('desk', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id))).status).toBe(403);
    expect((await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id))).status).toBe(200);
    const res = await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    expect(res.status).toBe(403);
    expect((await t.db.getRepository('bookings').findOne({ filterByTk: b.id })).get('status')).toBe('dispatched');
  });

  it('R-RSC-1 R-RSC-2 reschedule: 11 h before is refused, 13 h before goes to the chief, who approves', async () => {
    const b = (await register({ start: '2026-02-19 14:00' })).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    const late = await call('staff', 'requestReschedule', { reason: '窗口系统升级', kind: 'ordinary', proposedStart: '2026-02-20T10:00:00+08:00' },
      '2026-02-19T03:00:00+08:00', on(b.id));
    expect(late.status).toBe(400);
    expect(late.body.errors[0].code).toBe('RESCHEDULE_NOTICE_TOO_SHORT');
    const noReason = await call('staff', 'requestReschedule', { kind: 'ordinary' }, '2026-02-18T10:00:00+08:00', on(b.id));
    expect(noReason.status).toBe(400);
    const ok = await call('staff', 'requestReschedule', { reason: '窗口系统升级', kind: 'ordinary', proposedStart: '2026-02-20T10:00:00+08:00' },
      '2026-02-19T00:30:00+08:00', on(b.id));
    expect(ok.status).toBe(200);
    expect((await call('section', 'decideReschedule', { decision: 'approved' }, '2026-02-19T01:00:00+08:00', on(b.id))).status).toBe(403);
    const decided = await call('chief', 'decideReschedule', { decision: 'approved', applicantToldAt: '2026-02-19T01:10:00+08:00' },
      '2026-02-19T01:00:00+08:00', on(b.id));
    expect(decided.status).toBe(200);
    expect(new Date(decided.body.data.appointmentStart).toISOString()).toBe('2026-02-20T02:00:00.000Z');
  });

  it('R-RSC-3 force majeure bypasses the 12 h rule and is reported to the section', async () => {
    const b = (await register({ start: '2026-02-19 15:30', serviceItemId: ids['BDC-003'] })).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    const res = await call('staff', 'requestReschedule', { reason: '暴雪封路', kind: 'forceMajeure' }, '2026-02-19T14:30:00+08:00', on(b.id));
    expect(res.status).toBe(200);
    const req = await t.db.getRepository('rescheduleRequests').findOne({ filter: { bookingId: b.id } });
    expect(req.get('kind')).toBe('forceMajeure');
    expect(req.get('reportedToSection')).toBe(true);
  });

  it('R-DAY-1 R-DAY-2 abandon only after 30 min late; it closes as abandoned, not a failure', async () => {
    const b = (await register({ start: '2026-02-20 09:00', serviceItemId: ids['BDC-003'] })).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    const early = await call('staff', 'abandon', { reason: '电话联系，申请人表示放弃' }, '2026-02-20T09:20:00+08:00', on(b.id));
    expect(early.status).toBe(400);
    expect(early.body.errors[0].code).toBe('ABANDON_BEFORE_LATE');
    const ok = await call('staff', 'abandon', { reason: '电话联系，申请人表示放弃' }, '2026-02-20T09:31:00+08:00', on(b.id));
    expect(ok.status).toBe(200);
    expect(ok.body.data.status).toBe('abandoned');
  });

  it('R-RSC-1 cancel needs a reason and frees the seat', async () => {
    const b = (await register({ start: '2026-02-21 10:00', serviceItemId: ids['GJJ-003'] })).body.data;
    const no = await call('section', 'cancel', {}, BEFORE_HOLIDAY, on(b.id));
    expect(no.status).toBe(400);
    expect((await call('section', 'cancel', { reason: '申请人来电取消' }, BEFORE_HOLIDAY, on(b.id))).body.data.status).toBe('cancelled');
    expect(await t.db.getRepository('slotSeats').count({ filter: { bookingId: b.id } })).toBe(0);
    expect((await register({ start: '2026-02-21 10:00', serviceItemId: ids['GJJ-003'] })).status).toBe(200);
  });

  it('R-HOL-5 64 concurrent registrations for a 1-seat slot: exactly one is accepted', async () => {
    const start = '2026-02-22 14:00';
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => register({ serviceItemId: ids['GJJ-003'], start, applicantName: `申请人${i}` })),
    );
    const accepted = results.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 200);
    expect(new Set(refused.map((r) => r.body.errors?.[0]?.code))).toEqual(new Set(['SLOT_FULL']));
    expect(refused[0].body.errors[0].message).toMatch(/2026-02-22 14:00/);
    expect(await t.db.getRepository('slotSeats').count({ filter: { slotKey: accepted[0].body.data.slotKey } })).toBe(1);
  });

  /** The statements `fn` sends, as logged by sequelize. */
  const statementsOf = async (fn: () => Promise<unknown>) => {
    const seen: string[] = [];
    const logging = t.db.sequelize.options.logging;
    t.db.sequelize.options.logging = (sql: string) => { seen.push(sql); };
    try {
      await fn();
    } finally {
      t.db.sequelize.options.logging = logging;
    }
    return seen;
  };
  const dialect = process.env.DB_DIALECT || 'sqlite';

  it('R-HOL-5 a slot\'s next seat is picked in its one INSERT, and a seat freed by a cancel is taken again', async () => {
    const item = (await t.db.getRepository('serviceItems').find({ filter: { capacityPerSlot: { $gte: 3 }, published: true } }))[0];
    expect(item).toBeTruthy();
    const start = '2026-02-19 15:00';
    const seats = async (id: number) => (await t.db.getRepository('slotSeats').find({ filter: { bookingId: id } })).map((s: any) => s.get('seatNo'));
    const first = (await register({ serviceItemId: item.get('id'), start })).body.data;
    const second = (await register({ serviceItemId: item.get('id'), start })).body.data;
    let third: any;
    const sent = await statementsOf(async () => { third = (await register({ serviceItemId: item.get('id'), start })).body.data; });
    expect([await seats(first.id), await seats(second.id), await seats(third.id)]).toEqual([[1], [2], [3]]);
    // SQLite and PostgreSQL: one statement for the seat, though seats 1 and 2 are taken (MariaDB tries them in turn).
    if (dialect !== 'mariadb') expect(sent.filter((q) => /slotSeats/.test(q))).toHaveLength(1);
    expect((await call('section', 'cancel', { reason: '申请人来电取消' }, BEFORE_HOLIDAY, on(second.id))).status).toBe(200);
    const again = (await register({ serviceItemId: item.get('id'), start })).body.data;
    expect(await seats(again.id)).toEqual([2]);
  });

  it('R-DSP-2 signFor reads the window\'s members with the booking: no look-up of its own', async () => {
    const b = (await register({ start: '2026-02-20 15:00', serviceItemId: ids['BDC-003'] })).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    let signed: any;
    const sent = await statementsOf(async () => { signed = await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id)); });
    expect(signed.status).toBe(200);
    // The one statement naming the staff table is the booking's own load (the actor's and the window's members).
    expect(sent.filter((q) => /windowsStaff/.test(q))).toHaveLength(1);
    expect(sent.filter((q) => /windowsStaff/.test(q))[0]).toMatch(/FROM ("public"\.)?["`]?bookings["`]? AS ["`]?bookings/);
  });

  it('R-DSP-1 R-PRE-2 dispatch reads its windows, signFor the holiday shifts, with the booking: one SELECT each in the step', async () => {
    const b = (await register({ start: '2026-02-18 15:00' })).body.data;
    // The step's own transaction: the workflows' statements (notices) interleave with it.
    const selects = (sent: string[]) => {
      const tx = /^Executing \(([^)]*)\): SELECT .*dispatchesJson/m.exec(sent.join('\n'))![1];
      return sent.filter((q) => q.startsWith(`Executing (${tx}): SELECT`));
    };
    let dispatched: any;
    const d = await statementsOf(async () => { dispatched = await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id)); });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.data.dispatches.map((x: any) => x.role).sort()).toEqual(['cooperating', 'lead']);
    expect(selects(d)).toHaveLength(1);
    let signed: any;
    const s = await statementsOf(async () => { signed = await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id)); });
    expect(signed.status).toBe(200);
    expect(selects(s)).toHaveLength(1);
    expect(selects(s)[0]).toMatch(/dutyShifts/);
    // The duty the listener planned from those shifts: one holiday shift for the handler.
    const shifts = await t.db.getRepository('dutyShifts').find({ filter: { bookingId: b.id, kind: 'holiday' } });
    expect(shifts.map((x: any) => x.get('userId'))).toEqual([userId.staff]);
  });

  it('R-X-1 a step answers the booking as a read gives it: its item and dispatch parts with their stored types', async () => {
    // Fields an admin may add to the item in the UI, beside ours: a date-time without zone, a date, a number.
    const items = t.db.getCollection('serviceItems');
    items.setField('reviewedAt', { type: 'datetimeNoTz' } as any);
    items.setField('validFrom', { type: 'dateOnly' } as any);
    items.setField('fee', { type: 'decimal', precision: 10, scale: 2 } as any);
    await items.sync();
    await t.db.getRepository('serviceItems').update({
      filterByTk: ids['BDC-001'], values: { reviewedAt: '2026-01-05 09:30:00', validFrom: '2026-01-01', fee: '12.50' },
    });
    const b = (await register({ start: '2026-02-19 15:00' })).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    const signed = await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    const res = await call('staff', 'logContact', { result: 'reached' }, BEFORE_HOLIDAY, on(b.id));
    expect([signed.status, res.status]).toEqual([200, 200]);
    const json = (x: any) => JSON.parse(JSON.stringify(x));
    const stored = json(await t.db.getRepository('bookings').findOne({ filterByTk: b.id, appends: ['serviceItem', 'dispatches'] }));
    // Dates as ISO text, booleans as booleans, the materials list as a list, the parts by id.
    expect(res.body.data.serviceItem).toEqual(stored.serviceItem);
    expect(Array.isArray(res.body.data.serviceItem.materials)).toBe(true);
    expect(typeof res.body.data.serviceItem.published).toBe('boolean');
    expect(res.body.data.serviceItem.reviewedAt).toBeTruthy();
    const byId = (xs: any[]) => [...xs].sort((x, y) => x.id - y.id);
    expect(res.body.data.dispatches).toEqual(byId(stored.dispatches));
    expect(res.body.data.dispatches.length).toBeGreaterThan(1); // BDC-001 has a cooperating window
    expect(res.body.data.dispatches.find((d: any) => d.role === 'lead').signedForAt).toBe(signed.body.data.signedForAt);
    for (const k of ['status', 'number', 'appointmentStart', 'appointmentEnd', 'contactedAt', 'signedForAt', 'handler1Id', 'windowId', 'recordedAt']) {
      expect([k, res.body.data[k]]).toEqual([k, stored[k]]);
    }
  });

  it('R-X-2 window roles list only their own window\'s bookings; the section sees all', async () => {
    const a01 = (await t.db.getRepository('windows').findOne({ filter: { code: 'A01' } })).get('id');
    for (const u of ['lead', 'staff']) {
      const res = await as[u].get('/api/bookings:list?pageSize=200');
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      // The ACL's field list hides foreign keys from window roles, so look the windows up.
      const rows = await t.db.getRepository('bookings').find({ filter: { id: res.body.data.map((b: any) => b.id) } });
      expect(new Set(rows.map((b: any) => b.get('windowId')))).toEqual(new Set([a01]));
    }
    const all = await as.section.get('/api/bookings:list?pageSize=200');
    const rows = await t.db.getRepository('bookings').find({ filter: { id: all.body.data.map((b: any) => b.id) } });
    expect(new Set(rows.map((b: any) => b.get('windowId'))).size).toBeGreaterThan(1);
  });

  it('R-DSP-2 the window lead reassigns handlers, only to staff of the window', async () => {
    const b = (await register({ start: '2026-02-21 15:00', serviceItemId: ids['BDC-003'] })).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    const outsider = await call('lead', 'assignHandlers', { handler1Id: userId.desk }, BEFORE_HOLIDAY, on(b.id));
    expect(outsider.status).toBe(400);
    expect(outsider.body.errors[0].code).toBe('HANDLER_NOT_IN_WINDOW');
    const ok = await call('lead', 'assignHandlers', { handler1Id: userId.lead, handler2Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ status: 'signedFor', handler1Id: userId.lead, handler2Id: userId.staff });
    expect((await call('staff', 'assignHandlers', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id))).status).toBe(403);
  });

  it('R-DSP-3 a cooperating window signs for its own part; the lead window still signs for the booking', async () => {
    const a07 = await t.db.getRepository('windows').findOne({ filter: { code: 'A07' } });
    const lead7 = await t.db.getRepository('users').create({ values: { username: 'lead7', nickname: '税务窗口 赵强', roles: ['windowLead'] } });
    await t.db.getRepository('windows').update({ filterByTk: a07.get('id'), values: { leadId: lead7.get('id') } });
    as.lead7 = await t.as('lead7');
    const b = (await register({ start: '2026-02-22 09:00' })).body.data; // BDC-001: lead A01, cooperating A07
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    const coop = await call('lead7', 'signFor', {}, BEFORE_HOLIDAY, on(b.id));
    expect(coop.status).toBe(200);
    expect(coop.body.data.status).toBe('dispatched');
    const rows = await t.db.getRepository('bookingDispatches').find({ filter: { bookingId: b.id } });
    const byRole = Object.fromEntries(rows.map((r: any) => [r.get('role'), r]));
    expect(byRole.cooperating.get('signedForById')).toBe(lead7.get('id'));
    expect(byRole.lead.get('signedForAt')).toBeNull();
    const again = await call('lead7', 'signFor', {}, BEFORE_HOLIDAY, on(b.id));
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe('ALREADY_SIGNED_FOR');
    expect((await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id))).body.data.status).toBe('signedFor');
    expect(await events(b.id)).toEqual([
      'register:->registered', 'dispatch:registered>dispatched', 'signForCooperation:dispatched>dispatched', 'signFor:dispatched>signedFor',
    ]);
  });

  it('R-X-2 an applicant\'s phone is shown in full only to people involved in the booking', async () => {
    const b = (await register({ start: '2026-02-23 09:00', serviceItemId: ids['BDC-003'], applicantPhone: '13905339876' })).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, on(b.id));
    await call('lead', 'signFor', { handler1Id: userId.lead }, BEFORE_HOLIDAY, on(b.id));
    const phoneFor = async (u: string) => (await as[u].get(`/api/bookings:get?filterByTk=${b.id}`)).body.data?.applicantPhone;
    expect(await phoneFor('desk')).toBe('13905339876');
    expect(await phoneFor('lead')).toBe('13905339876'); // lead of the window and the handler
    expect(await phoneFor('staff')).toBe('139****9876'); // same window, but not a handler of this booking
    await call('lead', 'assignHandlers', { handler1Id: userId.staff }, BEFORE_HOLIDAY, on(b.id));
    expect(await phoneFor('staff')).toBe('13905339876');
  });
});
