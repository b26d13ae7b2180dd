// The read-path matrix (R-X-2): for every relation to one booking — each a real user of a real app —
// every read path that reaches it, over HTTP: the applicant's phone in full or masked as the policy
// (src/rules/policy.ts BOOKING_FIELDS) says, and no other user's phone or e-mail anywhere in a body.
// Demo data plus a second window (A02) and the booking's cooperating window (A07) with leads and staff.
import { createTestApp, PLUGIN, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';
const PHONE = '13905331234';
const MASK = '139****1234';

// Who the user is to the booking (BDC-001: lead window A01, cooperating A07; handler1 = staff).
type Sees = 'full' | 'masked' | 'none';
const MATRIX: [user: string, relation: string, read: Sees, timeline: Sees, lookup: Sees][] = [
  ['admin', 'admin', 'full', 'full', 'full'],
  ['desk', 'recorder (desk)', 'full', 'full', 'full'],
  ['desk2', 'desk, not the recorder', 'masked', 'none', 'masked'],
  ['section', 'section', 'full', 'full', 'full'],
  ['chief', 'sectionChief', 'full', 'full', 'full'],
  ['lead', 'leadWindowLead', 'full', 'full', 'full'],
  ['staff', 'handler', 'full', 'full', 'full'],
  ['staff2', 'leadWindowStaff (not a handler)', 'masked', 'masked', 'masked'],
  ['lead7', 'coopWindowLead', 'none', 'masked', 'masked'],
  ['staff7', 'coopWindowStaff', 'none', 'none', 'masked'],
  ['lead2', 'none (another window\'s lead)', 'none', 'none', 'none'],
  ['staffB', 'none (another window\'s staff)', 'none', 'none', 'none'],
];
/** Each user's own contact data, planted to prove it never rides along to anyone else. */
const SECRETS = (u: string) => ({ email: `${u}@secret.test`, phone: `177053300${String(MATRIX.findIndex(([x]) => x === u)).padStart(2, '0')}` });

describe('R-X-2 read-path matrix: the applicant\'s phone on every path that reaches a booking', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const userId: Record<string, number> = {};
  const item: Record<string, number> = {};
  let b: any;
  const secrets: string[] = [];

  const call = (user: string, action: string, body: any, id?: number) =>
    as[user].post(`/api/bookings:${action}${id ? `?filterByTk=${id}` : ''}`).set('X-Test-Now', BEFORE_HOLIDAY).send(body);
  const q = (o: Record<string, unknown>) =>
    Object.entries(o).map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');

  /** No other person's phone or e-mail, no sealed number or hash; the full number only where `full`. */
  function expectClean(user: string, body: unknown, sees: Sees) {
    const text = JSON.stringify(body);
    if (user !== 'admin') for (const s of secrets) expect(text).not.toContain(s);
    expect(text).not.toMatch(/applicantPhoneSealed|applicantPhoneHash|"v1:/);
    if (sees !== 'full') expect(text).not.toContain(PHONE);
  }
  const expectPhone = (user: string, body: any, phone: unknown, sees: Sees) => {
    expect(phone).toBe(sees === 'full' ? PHONE : MASK);
    expectClean(user, body, sees);
  };

  beforeAll(async () => {
    t = await createTestApp({ plugins: ['action-export', 'flow-engine', 'data-visualization', PLUGIN] });
    await t.seedDemo();
    const users = t.db.getRepository('users');
    const windows = t.db.getRepository('windows');
    const a02 = await windows.findOne({ filter: { code: 'A02' } });
    const a07 = await windows.findOne({ filter: { code: 'A07' } });
    const add = async (username: string, roles: string[]) => users.create({ values: { username, nickname: `用户 ${username}`, roles } });
    await add('desk2', ['desk']);
    const lead2 = await add('lead2', ['windowLead']);
    const staffB = await add('staffB', ['windowStaff']);
    const lead7 = await add('lead7', ['windowLead']);
    const staff7 = await add('staff7', ['windowStaff']);
    await windows.update({ filterByTk: a02.get('id'), values: { leadId: lead2.get('id') } });
    await windows.update({ filterByTk: a07.get('id'), values: { leadId: lead7.get('id') } });
    await (t.db.getRepository('windows.staff', a02.get('id')) as any).add(staffB.get('id'));
    await (t.db.getRepository('windows.staff', a07.get('id')) as any).add(staff7.get('id'));
    for (const [u] of MATRIX) {
      const user = await users.findOne({ filter: { username: u } });
      userId[u] = user.get('id');
      const s = SECRETS(u);
      await users.update({ filterByTk: user.get('id'), values: s });
      secrets.push(s.email, s.phone);
      as[u] = await t.as(u);
    }
    for (const i of await t.db.getRepository('serviceItems').find()) item[i.get('code')] = i.get('id');

    const reg = await call('desk', 'register', {
      applicantName: '王建国', applicantPhone: PHONE, channel: 'onSite', serviceItemId: item['BDC-001'], start: '2026-02-17 10:00',
    });
    expect(reg.status).toBe(200);
    b = reg.body.data;
    expect((await call('section', 'dispatch', {}, b.id)).status).toBe(200);
    expect((await call('lead', 'signFor', { handler1Id: userId.staff }, b.id)).status).toBe(200);
    expect((await call('staff', 'logContact', { result: 'reached', materialsNoticeGiven: true }, b.id)).status).toBe(200);
  });
  afterAll(() => t?.destroy());

  it('R-X-2 the row itself holds only the mask: no column a generic read reaches has the number', async () => {
    const [row]: any[] = await t.db.getModel('bookings').findAll({ where: { id: b.id }, raw: true });
    expect(row.applicantPhone).toBe(MASK);
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(row.applicantPhoneHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.applicantPhoneSealed).toMatch(/^v1:/);
  });

  describe.each(MATRIX)('R-X-2 %s (%s)', (user, _relation, read, timeline, lookup) => {
    it(`list, get, fields: ${read}`, async () => {
      const list = await as[user].get(`/api/bookings:list?${q({ filter: { id: b.id } })}`);
      expect(list.status).toBe(200);
      const get = await as[user].get(`/api/bookings:get?filterByTk=${b.id}`);
      const fields = await as[user].get(`/api/bookings:get?filterByTk=${b.id}&fields=id,applicantPhone,applicantPhoneHash,applicantPhoneSealed,applicantSignature`);
      if (read === 'none') {
        expect(list.body.data).toEqual([]);
        expect(get.body.data ?? null).toBeNull();
        return;
      }
      expectPhone(user, list.body, list.body.data[0].applicantPhone, read);
      expectPhone(user, get.body, get.body.data.applicantPhone, read);
      expectPhone(user, fields.body, fields.body.data.applicantPhone, read);
      // The signature only for those who run or oversee the booking (policy: not the recorder, not other staff).
      const signature = ['admin', 'section', 'chief', 'lead', 'staff'].includes(user);
      expect(Object.keys(fields.body.data).sort()).toEqual(signature ? ['applicantPhone', 'applicantSignature', 'id'] : ['applicantPhone', 'id']);
    });

    it('appends: related users are id and nickname only; collections the role may not list are dropped', async () => {
      const appends = ['handler1', 'recorder', 'signedForBy', 'window', 'window.staff', 'window.lead', 'events', 'events.by', 'contacts', 'contacts.by', 'dispatches', 'dispatches.window'];
      const res = await as[user].get(`/api/bookings:get?filterByTk=${b.id}&${appends.map((a) => `appends[]=${a}`).join('&')}`);
      expect(res.status).toBe(200);
      if (read === 'none') return expect(res.body.data ?? null).toBeNull();
      const data = res.body.data;
      expectPhone(user, res.body, data.applicantPhone, read);
      if (user === 'admin') {
        expect(data.events.length).toBeGreaterThan(2);
        expect(data.handler1.email).toBe(SECRETS('staff').email);
        return;
      }
      for (const u of [data.handler1, data.recorder, data.signedForBy, data.window.lead, ...data.window.staff]) {
        expect(Object.keys(u).sort()).toEqual(['id', 'nickname']);
      }
      expect(data.events).toBeUndefined(); // bookingEvents:list is 403 for every role but admin
      expect(data.dispatches).toBeUndefined();
      // Window roles read their window's contact log (granted); the desk and the section do not.
      if (['lead', 'staff', 'staff2'].includes(user)) expect(Object.keys(data.contacts[0].by).sort()).toEqual(['id', 'nickname']);
      else expect(data.contacts).toBeUndefined();
    });

    it('filter and sort on the phone: refused unless the role sees every number in full', async () => {
      const byRole = ['admin', 'section', 'chief'].includes(user);
      for (const filter of [{ applicantPhone: { $startsWith: '1390' } }, { 'applicantPhone.$eq': PHONE }, { $and: [{ id: b.id }, { applicantPhone: { $includes: '0533' } }] }]) {
        const res = await as[user].get(`/api/bookings:list?${q({ filter })}`);
        if (byRole) {
          expect(res.status).toBe(200);
          expect(res.body.data).toEqual([]); // the column holds masks: nothing starts with 1390
        } else {
          expect(res.status).toBe(400);
          expect(res.body.errors[0]).toMatchObject({ code: 'FILTER_FIELD_NOT_ALLOWED', message: expect.stringContaining('applicantPhone') });
        }
      }
      const sorted = await as[user].get('/api/bookings:list?sort=-applicantPhone');
      expect(sorted.status).toBe(byRole ? 200 : 400);
      if (!byRole) expect(sorted.body.errors[0].code).toBe('SORT_FIELD_NOT_ALLOWED');
      for (const hidden of ['applicantPhoneHash', 'applicantPhoneSealed']) {
        const res = await as[user].get(`/api/bookings:list?${q({ filter: { [hidden]: { $ne: null } } })}`);
        expect(res.status).toBe(400);
        expect((await as[user].get(`/api/bookings:list?sort=${hidden}`)).status).toBe(400);
      }
    });

    it(`timeline: ${timeline}`, async () => {
      const res = await as[user].get(`/api/workspaces:timeline?filterByTk=${b.id}`);
      if (timeline === 'none') {
        expect(res.status).toBe(403);
        return expectClean(user, res.body, 'none');
      }
      expect(res.status).toBe(200);
      expectPhone(user, res.body, res.body.data.booking.applicantPhone, timeline);
      expect(Object.keys(res.body.data.events[0].by).sort()).toEqual(['id', 'nickname']);
    });

    it(`desk look-up: by number ${lookup}, by phone the stated number`, async () => {
      const byNumber = await as[user].get(`/api/bookings:lookup?q=${b.number}`);
      expect(byNumber.status).toBe(200);
      const byPhone = await as[user].get(`/api/bookings:lookup?q=${encodeURIComponent('+86 139-0533-1234')}`);
      expect(byPhone.status).toBe(200);
      if (lookup === 'none') {
        expect(byNumber.body.data).toEqual([]);
        expect(byPhone.body.data).toEqual([]);
        return;
      }
      expect(byNumber.body.data).toHaveLength(1);
      const row = byNumber.body.data[0];
      expect(Object.keys(row).sort()).toEqual(['appointmentEnd', 'appointmentStart', 'applicantName', 'applicantPhone', 'channel', 'id', 'number',
        'recordedAt', 'serviceItem', 'status', 'window'].sort());
      expect(row).toMatchObject({ id: b.id, number: b.number, status: 'contacted', serviceItem: { id: item['BDC-001'] }, window: { name: expect.any(String) } });
      expectPhone(user, byNumber.body, row.applicantPhone, lookup);
      expect(byPhone.body.data.map((r: any) => r.id)).toEqual([b.id]);
      expect(byPhone.body.data[0].applicantPhone).toBe(PHONE); // what the caller stated, canonical
    });
  });

  it('R-X-2 the look-up is exact and refuses what is neither a booking number nor a whole phone number', async () => {
    for (const bad of ['1390533', '139****1234', 'YY-2026', '', '{"$ne":null}', 'x'.repeat(500)]) {
      const res = await as.desk.get(`/api/bookings:lookup?q=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('LOOKUP_QUERY_INVALID');
    }
    const en = await as.desk.get('/api/bookings:lookup?q=abc').set('X-Locale', 'en-US');
    expect(en.body.errors[0].message).toMatch(/neither a booking number/);
    expect((await as.desk.get('/api/bookings:lookup?q[$ne]=1')).status).toBe(400);
    expect((await as.desk.get('/api/bookings:lookup?q=13905339999')).body.data).toEqual([]);
    expect((await t.request().get(`/api/bookings:lookup?q=${b.number}`)).status).toBe(401);
  });

  it('R-X-2 lifecycle action responses follow the field policy: the cooperating lead signs for its part and gets the mask', async () => {
    const other = await call('desk2', 'register', {
      applicantName: '李娜', applicantPhone: '13905335555', channel: 'onSite', serviceItemId: item['BDC-001'], start: '2026-02-18 10:00',
    });
    expectClean('desk2', other.body, 'masked');
    expect(other.body.data.applicantPhone).toBe('13905335555'); // the recorder
    const dispatched = await call('section', 'dispatch', {}, other.body.data.id);
    expect(dispatched.body.data.applicantPhone).toBe('13905335555');
    const coop = await call('lead7', 'signFor', {}, other.body.data.id);
    expect(coop.status).toBe(200);
    expect(coop.body.data.applicantPhone).toBe('139****5555');
    expect(coop.body.data).not.toHaveProperty('applicantSignature'); // hidden from a cooperating window
    expect(JSON.stringify(coop.body)).not.toContain('13905335555');
    const signed = await call('lead', 'signFor', { handler1Id: userId.staff }, other.body.data.id);
    expect(signed.body.data.applicantPhone).toBe('13905335555');
    expect(signed.body.data.applicantSignature).toBeNull();
  });

  it('R-X-2 bookings reached from another collection (appends of appends) follow the same policy', async () => {
    expect((await call('staff', 'requestReschedule', { reason: '申请人出差', kind: 'ordinary', proposedStart: '2026-02-19 10:00' }, b.id)).status).toBe(200);
    const url = `/api/rescheduleRequests:list?${q({ filter: { bookingId: b.id } })}&appends[]=booking&appends[]=requestedBy&appends[]=booking.handler1`;
    const staff2 = await as.staff2.get(url);
    expect(staff2.status).toBe(200);
    expectPhone('staff2', staff2.body, staff2.body.data[0].booking.applicantPhone, 'masked');
    expect(Object.keys(staff2.body.data[0].requestedBy).sort()).toEqual(['id', 'nickname']);
    const staff = await as.staff.get(url);
    expectPhone('staff', staff.body, staff.body.data[0].booking.applicantPhone, 'full');
    const filtered = await as.staff2.get(`/api/rescheduleRequests:list?${q({ filter: { 'booking.applicantPhone': { $startsWith: '1390' } } })}`);
    expect(filtered.status).toBe(400);
    // The section's inbox (a workspace look-up): full; the cooperating lead's: masked.
    const inbox = (await as.chief.get('/api/workspaces:reschedules').set('X-Test-Now', BEFORE_HOLIDAY)).body.data;
    expectPhone('chief', inbox, inbox.find((r: any) => r.booking.id === b.id).booking.applicantPhone, 'full');
    const coop = (await as.lead7.get('/api/workspaces:cooperation')).body;
    expectPhone('lead7', coop, coop.data.find((r: any) => r.booking.id === b.id).booking.applicantPhone, 'masked');
    const windows = await as.staff.get('/api/windows:list?appends[]=staff&appends[]=lead&paginate=false');
    expectClean('staff', windows.body, 'none');
    expect(Object.keys(windows.body.data.find((w: any) => w.code === 'A01').lead).sort()).toEqual(['id', 'nickname']);
  });

  it('R-X-2 filters on other people\'s contact data are refused (a filter answers what the answer hides)', async () => {
    for (const filter of [{ 'handler1.phone': { $startsWith: '177' } }, { window: { staff: { email: { $includes: 'secret' } } } }, { 'events.reason': { $includes: 'x' } }]) {
      const res = await as.desk.get(`/api/bookings:list?${q({ filter })}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('FILTER_FIELD_NOT_ALLOWED');
    }
    expect((await as.desk.get(`/api/bookings:list?${q({ filter: { 'handler1.id': userId.staff } })}`)).status).toBe(200);
  });

  it('R-X-2 recovering a masked number digit by digit: every probe is refused, none answers', async () => {
    const probes = [];
    for (let d = 0; d <= 9; d++) {
      for (const filter of [
        { applicantPhone: { $startsWith: `139${d}` } }, { applicantPhone: { $eq: `139053312${d}4` } }, { applicantPhone: { $includes: `${d}533` } },
        { [`applicantPhone.$like`]: `139${d}%` }, { $or: [{ id: 0 }, { applicantPhone: { $startsWith: `139${d}` } }] },
      ]) probes.push(as.staff2.get(`/api/bookings:list?${q({ filter })}`));
    }
    const answers = await Promise.all(probes);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 400));
    expect(answers.every((r) => r.body.data === undefined)).toBe(true);
    const count = await as.staff2.get(`/api/bookings:list?${q({ filter: { applicantPhone: { $ne: null } } })}`);
    expect(count.status).toBe(400);
  });

  it('R-X-2 export: the stored mask, for admins too; hidden columns refused', async () => {
    const xlsx = async (agent: Agent, columns: any[]) =>
      new Promise<any>((resolve) => {
        agent.post(`/api/bookings:export?${q({ filter: { id: b.id } })}`).send({ columns }).buffer(true)
          .parse((res: any, cb: any) => { const c: Buffer[] = []; res.on('data', (d: Buffer) => c.push(d)); res.on('end', () => cb(null, Buffer.concat(c))); })
          .end((_e: any, res: any) => resolve(res));
      });
    const res = await xlsx(as.admin, [{ dataIndex: ['number'], title: 'n' }, { dataIndex: ['applicantPhone'], title: 'p' }]);
    expect(res.status).toBe(200);
    const XLSX = require('xlsx');
    const book = XLSX.read(res.body);
    const rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 });
    expect(rows).toEqual([['n', 'p'], [b.number, MASK]]);
    expect(res.body.toString('latin1')).not.toContain(PHONE);
    const hidden = await as.admin.post('/api/bookings:export').send({ columns: [{ dataIndex: ['applicantPhoneSealed'], title: 's' }] });
    expect(hidden.status).toBe(400);
    expect(JSON.parse(hidden.text).errors[0].code).toBe('FIELD_NOT_ALLOWED');
    expect((await as.desk.post('/api/bookings:export').send({ columns: [{ dataIndex: ['applicantPhone'], title: 'p' }] })).status).toBe(403);
  });

  it('R-X-2 charts (plugin-data-visualization charts:queryData) read the mask; hidden columns and masked filters are refused', async () => {
    const chart = (agent: Agent, over: any) => agent.post('/api/charts:queryData').send({
      dataSource: 'main', collection: 'bookings', mode: 'builder', variableResolution: 'legacy-schema',
      measures: [{ field: ['id'], aggregation: 'count', alias: 'n' }], ...over,
    });
    for (const u of ['admin', 'desk', 'staff']) {
      const res = await chart(as[u], { dimensions: [{ field: ['applicantPhone'] }], filter: { id: { $eq: b.id } } });
      expect(res.status).toBe(200);
      // (The chart plugin's own ACL pruning may drop the count measure for a role; the dimension is what matters.)
      expect(res.body.data.map((r: any) => r.applicantPhone)).toEqual([MASK]);
      expectClean(u, res.body, 'masked');
    }
    for (const over of [{ dimensions: [{ field: ['applicantPhoneSealed'] }] }, { dimensions: [{ field: ['applicantPhoneHash'] }] }]) {
      expect((await chart(as.admin, over)).status).toBe(400);
    }
    const filtered = await chart(as.desk, { filter: { applicantPhone: { $startsWith: '1390' } } });
    expect(filtered.status).toBe(400);
    expect(filtered.body.errors[0].code).toBe('FILTER_FIELD_NOT_ALLOWED');
    const users = await chart(as.desk, { dimensions: [{ field: ['handler1', 'email'] }] });
    expect(users.status).toBe(400);
  });
});
