// R-X-5: bookings, their audit trail, seats, dispatches, contacts, reschedule requests and the comp-time
// ledger change only through the plugin's actions — for admins and root too; the audit trail is
// append-only. R-X-2: a window lead edits only its own window's descriptive fields.
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';
const TABLES = ['bookings', 'bookingEvents', 'bookingContacts', 'rescheduleRequests', 'bookingDispatches', 'slotSeats', 'compTimeEntries'];

describe('R-X-5 R-X-2 integrity: changes only through the plugin\'s actions, for every role; windows by field', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const userId: Record<string, number> = {};
  const item: Record<string, number> = {};
  let b: any;

  const call = (user: string, action: string, body: any, id?: number) =>
    as[user].post(`/api/bookings:${action}${id ? `?filterByTk=${id}` : ''}`).set('X-Test-Now', BEFORE_HOLIDAY).send(body);
  /** Every row of the protected tables, as stored (to prove a refusal changed nothing). */
  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    for (const name of TABLES) out[name] = await t.db.getModel(name).findAll({ raw: true, order: [['id', 'ASC']] });
    return JSON.stringify(out);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff']) {
      as[u] = await t.as(u);
      userId[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) item[i.get('code')] = i.get('id');
    // GJJ-003 has one seat per slot: this booking fills 2026-02-22 14:00.
    const reg = await call('desk', 'register', {
      applicantName: '王建国', applicantPhone: '13905331234', channel: 'onSite', serviceItemId: item['GJJ-003'], start: '2026-02-22 14:00',
    });
    expect(reg.status).toBe(200);
    b = reg.body.data;
    expect((await call('section', 'dispatch', {}, b.id)).status).toBe(200);
  });
  afterAll(() => t?.destroy());

  it('R-X-5 admin (root) generic writes on bookings are refused with a clear message, nothing changed', async () => {
    const before = await snapshot();
    const event = await t.db.getRepository('bookingEvents').findOne({ filter: { bookingId: b.id } });
    const dispatch = await t.db.getRepository('bookingDispatches').findOne({ filter: { bookingId: b.id } });
    const attempts: [string, any][] = [
      // Overbooking through generic create: a second booking into the full one-seat slot, with a phone that is no phone.
      ['bookings:create', { status: 'registered', applicantName: 'x', applicantPhone: 'not-a-phone', serviceItemId: item['GJJ-003'],
        appointmentStart: b.appointmentStart, appointmentEnd: b.appointmentEnd, slotKey: b.slotKey }],
      [`bookings:update?filterByTk=${b.id}`, { status: 'completed' }],
      [`bookings:destroy?filterByTk=${b.id}`, {}],
      ['bookings:updateOrCreate?filterKeys[]=number', { number: b.number, status: 'completed' }],
      ['bookings:firstOrCreate?filterKeys[]=number', { number: 'YY-2099-000001', status: 'completed' }],
      [`bookings:move?sourceId=${b.id}&targetId=1`, {}],
      [`bookings/${b.id}/events:create`, { action: 'complete', toStatus: 'completed' }],
      [`bookings/${b.id}/dispatches:destroy?filterByTk=${dispatch.get('id')}`, {}],
      [`bookings/${b.id}/dispatches:update?filterByTk=${dispatch.get('id')}`, { windowId: 99999 }],
      [`bookings/${b.id}/handler1:set`, { values: userId.staff }],
      [`bookingEvents:update?filterByTk=${event.get('id')}`, { reason: '改写审计记录', byId: userId.chief }],
      [`bookingEvents:destroy?filterByTk=${event.get('id')}`, {}],
      ['bookingEvents:create', { bookingId: b.id, action: 'complete', toStatus: 'completed' }],
      ['slotSeats:create', { slotKey: 'x', seatNo: 2, bookingId: b.id }],
      ['slotSeats:destroy?filter[bookingId]=' + b.id, {}],
      ['bookingDispatches:update?filter[bookingId]=' + b.id, { windowId: 99999 }],
      ['bookingContacts:create', { bookingId: b.id, result: 'reached' }],
      ['rescheduleRequests:create', { bookingId: b.id, decision: 'approved' }],
      ['compTimeEntries:create', { userId: userId.staff, kind: 'earned', minutes: 600000, sourceType: 'x', sourceId: 1 }],
      [`compTimeEntries:update?filter[userId]=${userId.staff}`, { minutes: 600000 }],
    ];
    for (const [path, body] of attempts) {
      const res = await as.admin.post(`/api/${path}`).send(body);
      expect([path, res.status]).toEqual([path, 403]);
      expect(res.body.errors[0].code).toBe('CHANGE_ONLY_THROUGH_ACTIONS');
      expect(res.body.errors[0].message).toMatch(/只能通过预约\+无休的业务操作更改/);
    }
    const en = await as.admin.post(`/api/bookings:update?filterByTk=${b.id}`).set('X-Locale', 'en-US').send({ status: 'completed' });
    expect(en.body.errors[0].message).toMatch(/changes only through the appointment actions/);
    expect(await snapshot()).toBe(before);
    // Other roles get the same answer (not a bare "No permissions").
    for (const u of ['desk', 'section', 'lead', 'staff']) {
      const res = await as[u].post(`/api/bookings:update?filterByTk=${b.id}`).send({ status: 'cancelled' });
      expect(res.status).toBe(403);
      expect(res.body.errors[0].code).toBe('CHANGE_ONLY_THROUGH_ACTIONS');
    }
    expect(await snapshot()).toBe(before);
  });

  it('R-X-5 admins keep read access and the plugin\'s actions', async () => {
    expect((await as.admin.get(`/api/bookings:get?filterByTk=${b.id}`)).body.data.number).toBe(b.number);
    expect((await as.admin.get(`/api/bookingEvents:list?filter[bookingId]=${b.id}`)).body.data.length).toBe(2);
    expect((await as.admin.get(`/api/bookings/${b.id}/events:list`)).body.data.length).toBe(2);
    expect((await as.admin.get('/api/compTimeEntries:list')).status).toBe(200);
    // GJJ-003 is led by A02, which has no staff in the demo: the admin signs for it as its handler.
    const a02 = await t.db.getRepository('windows').findOne({ filter: { code: 'A02' } });
    await (t.db.getRepository('windows.staff', a02.get('id')) as any).add(userId.admin);
    const signed = await call('admin', 'signFor', { handler1Id: userId.admin }, b.id);
    expect(signed.status).toBe(200);
    expect(signed.body.data.status).toBe('signedFor');
  });

  it('R-X-5 the audit trail is append-only for every writer, not only over HTTP (a workflow node, another plugin)', async () => {
    const repo = t.db.getRepository('bookingEvents');
    const event = await repo.findOne({ filter: { bookingId: b.id } });
    await expect(repo.update({ filterByTk: event.get('id'), values: { reason: 'x' } })).rejects.toMatchObject({ code: 'AUDIT_TRAIL_APPEND_ONLY' });
    await expect(repo.destroy({ filterByTk: event.get('id') })).rejects.toMatchObject({ code: 'AUDIT_TRAIL_APPEND_ONLY' });
    await expect(t.db.getModel('bookingEvents').update({ reason: 'x' }, { where: { bookingId: b.id } })).rejects.toMatchObject({ code: 'AUDIT_TRAIL_APPEND_ONLY' });
    expect((await event.reload()).get('reason')).toBe(event.get('reason'));
    // Appending still works: the next action writes its row.
    const before = await repo.count({ filter: { bookingId: b.id } });
    expect((await call('section', 'cancel', { reason: '申请人来电取消' }, b.id)).status).toBe(200);
    expect(await repo.count({ filter: { bookingId: b.id } })).toBe(before + 1);
  });

  // ---------- R-X-2 windows:update ----------
  const state = async () => {
    const w = await t.db.getRepository('windows').findOne({ filter: { code: 'A01' }, appends: ['staff', 'serviceItems'] });
    return { leadId: w.get('leadId'), staff: w.get('staff').map((u: any) => u.get('id')).sort(), items: w.get('serviceItems').map((i: any) => i.get('id')).sort() };
  };

  it('R-X-2 lead, staff and service items of the own window cannot be rewritten by its lead; the descriptive fields can', async () => {
    const other = await t.db.getRepository('users').create({ values: { username: 'lead8', nickname: '别的负责人', roles: ['windowLead'] } });
    const stranger = await t.db.getRepository('users').create({ values: { username: 'stranger', nickname: '外人', roles: ['windowStaff'] } });
    const before = await state();
    const lead = await t.as('lead');
    const a01 = await t.db.getRepository('windows').findOne({ filter: { code: 'A01' } });
    const a02 = await t.db.getRepository('windows').findOne({ filter: { code: 'A02' }, appends: ['serviceItems'] });
    const foreignItem = a02.get('serviceItems')[0].get('id');
    const id = a01.get('id');
    const tries: [string, any][] = [
      [`windows:update?filterByTk=${id}`, { lead: other.get('id') }],
      [`windows:update?filterByTk=${id}`, { leadId: other.get('id') }],
      [`windows:update?filterByTk=${id}`, { staff: [...before.staff, stranger.get('id')] }],
      [`windows:update?filterByTk=${id}`, { serviceItems: [...before.items, foreignItem] }],
      [`windows:update?filterByTk=${id}`, { lead: { id: other.get('id') }, staff: [{ id: stranger.get('id') }] }],
      [`windows/${id}/staff:add`, { values: [stranger.get('id')] }],
      [`windows/${id}/staff:set`, { values: [stranger.get('id')] }],
      [`windows/${id}/staff:remove`, { values: before.staff }],
      [`windows/${id}/serviceItems:add`, { values: [foreignItem] }],
      [`windows/${id}/lead:set?filterByTk=${other.get('id')}`, {}],
      [`windows/${id}/lead:remove`, {}],
    ];
    for (const [path, body] of tries) {
      const res = await lead.post(`/api/${path}`).send(body);
      // Association values in an update are dropped (NocoBase's field-list semantics); association actions refused.
      const expected = path.startsWith('windows:update') ? 200 : 403;
      expect([path, res.status]).toEqual([path, expected]);
      if (expected === 403) expect(res.body.errors[0].code).toBe('FIELD_CHANGE_NOT_ALLOWED');
      expect(await state()).toEqual(before);
    }
    // The stranger did not become staff, so still sees none of A01's bookings.
    expect((await (await t.as('stranger')).get('/api/bookings:list')).body.data).toEqual([]);
    const ok = await lead.post(`/api/windows:update?filterByTk=${id}`).send({ name: '不动产登记窗口（一号）', phone: '0533-1111111', leadId: other.get('id') });
    expect(ok.status).toBe(200);
    const w = await t.db.getRepository('windows').findOne({ filterByTk: id });
    expect(w.get('name')).toBe('不动产登记窗口（一号）');
    expect(w.get('phone')).toBe('0533-1111111');
    expect(w.get('leadId')).toBe(before.leadId);
    // Admins change associations as before.
    const admin = await t.as('admin');
    expect((await admin.post(`/api/windows:update?filterByTk=${id}`).send({ leadId: other.get('id') })).status).toBe(200);
    expect((await state()).leadId).toBe(other.get('id'));
  });

  it('R-X-2 a field an admin adds to windows later (data source manager) is not added to the lead\'s update list; the lead may read it, the admin set it', async () => {
    const admin = await t.as('admin');
    // As the data source manager's "add field" does: an association to users on windows.
    const created = await admin.post('/api/collections/windows/fields:create').send({
      name: 'deputy', type: 'belongsTo', target: 'users', foreignKey: 'deputyId', interface: 'm2o', uiSchema: { title: '副负责人' },
    });
    expect(created.status).toBe(200);
    const grant = await t.db.getRepository('dataSourcesRolesResources').findOne({
      filter: { roleName: 'windowLead', name: 'windows', dataSourceKey: 'main' }, appends: ['actions'],
    });
    const action = (name: string) => grant.get('actions').find((a: any) => a.get('name') === name);
    expect([...action('update').get('fields')].sort()).toEqual(['department', 'name', 'phone']);
    expect(action('view').get('fields')).toContain('deputy'); // what a role may read widens as NocoBase does
    const stranger = await t.db.getRepository('users').create({ values: { username: 'stranger2', nickname: '外人二', roles: ['windowStaff'] } });
    const lead = await t.as('lead');
    const id = (await t.db.getRepository('windows').findOne({ filter: { code: 'A01' } })).get('id');
    expect((await lead.post(`/api/windows:update?filterByTk=${id}`).send({ deputy: stranger.get('id'), deputyId: stranger.get('id') })).status).toBe(200);
    const setIt = await lead.post(`/api/windows/${id}/deputy:set?filterByTk=${stranger.get('id')}`).send({});
    expect(setIt.status).toBe(403);
    expect((await t.db.getRepository('windows').findOne({ filterByTk: id })).get('deputyId') ?? null).toBeNull();
    // The admin's own change works, and a view grant lists the new field as NocoBase does.
    expect((await admin.post(`/api/windows:update?filterByTk=${id}`).send({ deputyId: stranger.get('id') })).status).toBe(200);
    expect((await t.db.getRepository('windows').findOne({ filterByTk: id })).get('deputyId')).toBe(stranger.get('id'));
  });
});
