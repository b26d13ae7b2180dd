// Stored, editable settings over HTTP (appointmentSettings:get / :update) and the booking engine
// reading them: R-HOL-1 phone number and hours, R-HOL-5 slot grid, R-WKD-1 sessions, R-LST-3 the
// 0.5 working day, R-RSC-2 notice hours, R-DAY-1 late minutes. Every bad input: a 4xx in the
// user's language and the table unchanged (R-X-3). SQLite by default, PostgreSQL with DB_DIALECT.
import { createTestApp, TestApp } from '../helpers/app';
import { DEFAULT_SETTINGS } from '../../src/rules/settings';

type Agent = Awaited<ReturnType<TestApp['as']>>;
// 2026-02-10 (Tue) 10:00 in Shanghai: a working day in phone hours, before Spring Festival 02-15..23.
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';

describe('appointment settings', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const ids: Record<string, number> = {};
  const userId: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff']) {
      as[u] = await t.as(u);
      userId[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) ids[i.get('code')] = i.get('id');
  });
  afterAll(() => t?.destroy());

  const get = (user = 'admin') => as[user].get('/api/appointmentSettings:get');
  const update = (body: unknown, user = 'admin', lang = 'zh-CN') =>
    as[user].post('/api/appointmentSettings:update').set('X-Locale', lang).send(body as any);
  const reset = async () => expect((await update({ booking: DEFAULT_SETTINGS })).status).toBe(200);
  const rows = async () =>
    (await t.db.getModel('appointmentSettingsSections').findAll({ raw: true, order: [['section', 'ASC']] }))
      .map((r: any) => ({ section: r.section, value: typeof r.value === 'string' ? JSON.parse(r.value) : r.value, revision: r.revision }));
  const call = (user: string, action: string, body: any, now = BEFORE_HOLIDAY, query = '') =>
    as[user].post(`/api/bookings:${action}${query}`).set('X-Test-Now', now).send(body);
  // One applicant per booking: one number may not hold overlapping or more than 3 open bookings in a holiday (R-HOL-6).
  let phones = 0;
  const register = (over: any = {}, now = BEFORE_HOLIDAY) =>
    call('desk', 'register', {
      applicantName: '李秀英', applicantPhone: `1390533${1234 + phones++}`, channel: 'onSite', serviceItemId: ids['GJJ-001'],
      start: '2026-02-17 10:00', ...over,
    }, now);
  /** A booking the window holds (signed for), ready for reschedule / abandon. */
  const held = async (start: string, code = 'BDC-003') => {
    const res = await register({ start, serviceItemId: ids[code] });
    expect(res.status).toBe(200);
    const id = res.body.data.id;
    expect((await call('section', 'dispatch', {}, BEFORE_HOLIDAY, `?filterByTk=${id}`)).status).toBe(200);
    expect((await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, `?filterByTk=${id}`)).status).toBe(200);
    return id;
  };

  describe('get and update per role', () => {
    afterAll(reset);

    it('R-HOL-1 every signed-in role reads the settings (the desk form shows the phone hours); defaults before any save', async () => {
      for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff']) {
        const res = await get(u);
        expect(res.status).toBe(200);
        expect(res.body.data.sections.booking).toEqual(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)));
        expect(res.body.data.defaults.booking.phoneNumber).toBe('0533-2512345');
      }
      expect((await t.request().get('/api/appointmentSettings:get')).status).toBe(401);
    });

    it('R-X-2 only admins change settings; others get 403 and nothing changes', async () => {
      for (const u of ['desk', 'section', 'chief', 'lead', 'staff']) {
        const res = await update({ booking: { lateMinutes: 45 } }, u);
        expect(res.status).toBe(403);
      }
      expect(await rows()).toEqual([]);
      expect((await t.request().post('/api/appointmentSettings:update').send({ booking: { lateMinutes: 45 } })).status).toBe(401);
    });

    it('R-HOL-1 an admin changes the phone number; the change is stored, answered and read back', async () => {
      const res = await update({ booking: { phoneNumber: '0533-2519999', lateMinutes: 45 } });
      expect(res.status).toBe(200);
      expect(res.body.data.sections.booking).toMatchObject({ phoneNumber: '0533-2519999', lateMinutes: 45, rescheduleNoticeHours: 12 });
      expect((await get('desk')).body.data.sections.booking.phoneNumber).toBe('0533-2519999');
      const [row] = await rows();
      expect(row).toMatchObject({ section: 'booking', revision: 1 });
      expect(row.value.phoneNumber).toBe('0533-2519999');
      const again = await update({ booking: { lateMinutes: 40 } });
      expect(again.body.data.sections.booking).toMatchObject({ phoneNumber: '0533-2519999', lateMinutes: 40 });
      expect((await rows())[0].revision).toBe(2);
    });

    it('R-X-3 a change made by another app process (straight into the table) is seen on the next read', async () => {
      const M = t.db.getModel('appointmentSettingsSections');
      const row: any = await M.findOne({ where: { section: 'booking' } });
      // As another process would: a raw UPDATE, no hooks of this process involved.
      const value = { ...row.get('value'), lateMinutes: 55 };
      const qi = t.db.sequelize.getQueryInterface();
      await t.db.sequelize.query(
        `UPDATE ${t.db.getCollection('appointmentSettingsSections').quotedTableName()} SET ${qi.quoteIdentifier('value')} = ?, ${qi.quoteIdentifier('revision')} = ${qi.quoteIdentifier('revision')} + 1 WHERE ${qi.quoteIdentifier('section')} = 'booking'`,
        { replacements: [JSON.stringify(value)] },
      );
      expect((await get('staff')).body.data.sections.booking.lateMinutes).toBe(55);
    });
  });

  describe('bad input', () => {
    beforeAll(reset);

    const bad: [string, unknown, number, string][] = [
      ['no body', {}, 400, 'SETTINGS_INVALID'],
      ['a list', [1, 2], 400, 'SETTINGS_INVALID'],
      ['an unknown section', { bogus: { a: 1 } }, 400, 'SETTINGS_SECTION_UNKNOWN'],
      ['a section that is not an object', { booking: 'x' }, 400, 'SETTINGS_INVALID'],
      ['an unknown field (typo)', { booking: { lateMinute: 20 } }, 400, 'SETTINGS_FIELD_UNKNOWN'],
      ['a prototype key', { booking: { constructor: 1 } }, 400, 'SETTINGS_FIELD_UNKNOWN'],
      ['a bad phone', { booking: { phoneNumber: '2512345' } }, 400, 'INVALID_PHONE'],
      ['an empty phone', { booking: { phoneNumber: '' } }, 400, 'PHONE_REQUIRED'],
      ['a phone with markup', { booking: { phoneNumber: '<b>0533-2512345</b>' } }, 400, 'INVALID_PHONE'],
      ['phone hours as text', { booking: { phoneHours: '09:00-17:00' } }, 400, 'SETTINGS_SESSIONS_EMPTY'],
      ['no phone hours', { booking: { phoneHours: [] } }, 400, 'SETTINGS_SESSIONS_EMPTY'],
      ['a bad time', { booking: { weekendSessions: [{ start: '9:00', end: '12:00' }] } }, 400, 'SETTINGS_TIME_INVALID'],
      ['25:00', { booking: { holidaySessions: [{ start: '09:00', end: '25:00' }] } }, 400, 'SETTINGS_TIME_INVALID'],
      ['start after end', { booking: { holidaySessions: [{ start: '12:00', end: '09:00' }] } }, 400, 'SETTINGS_SESSIONS_INVALID'],
      ['overlapping sessions', { booking: { weekendSessions: [{ start: '09:00', end: '12:30' }, { start: '12:00', end: '17:00' }] } }, 400, 'SETTINGS_SESSIONS_INVALID'],
      ['zero notice hours', { booking: { rescheduleNoticeHours: 0 } }, 400, 'SETTINGS_NUMBER_INVALID'],
      ['fractional late minutes', { booking: { lateMinutes: 12.5 } }, 400, 'SETTINGS_NUMBER_INVALID'],
      ['a number as text', { booking: { slotMinutes: '30' } }, 400, 'SETTINGS_NUMBER_INVALID'],
      ['null', { booking: { lateMinutes: null } }, 400, 'SETTINGS_NUMBER_INVALID'],
      ['a week and a day of notice', { booking: { rescheduleNoticeHours: 169 } }, 400, 'SETTINGS_NUMBER_OUT_OF_RANGE'],
      ['a 2-minute slot', { booking: { slotMinutes: 2 } }, 400, 'SETTINGS_NUMBER_OUT_OF_RANGE'],
      ['a slot over half a day', { booking: { slotMinutes: 240, halfDayMinutes: 120 } }, 400, 'SETTINGS_SLOT_OVER_HALF_DAY'],
      ['a half day below an item on the list', { booking: { halfDayMinutes: 100 } }, 400, 'SETTINGS_HALF_DAY_BELOW_ITEM'],
      ['one good and one bad field', { booking: { lateMinutes: 20, rescheduleNoticeHours: -1 } }, 400, 'SETTINGS_NUMBER_INVALID'],
    ];
    const named = bad.map(([name, body, status, code]) => [`${name} → ${status} ${code}`, body, status, code] as const);
    it.each(named)('R-X-3 R-HOL-1 R-LST-3 %s, in the user\'s language, nothing changed', async (_, body, status, code) => {
      const before = await rows();
      const zh = await update(body);
      expect(zh.status).toBe(status);
      expect(zh.body.errors[0].code).toBe(code);
      expect(zh.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.body.errors[0].message).not.toContain(code);
      expect(zh.body.errors[0].message).not.toContain('$t(');
      const en = await update(body, 'admin', 'en-US');
      expect(en.body.errors[0].code).toBe(code);
      expect(en.body.errors[0].message).toMatch(/^[A-Z"]/);
      expect(en.body.errors[0].message).not.toBe(zh.body.errors[0].message);
      expect(en.body.errors[0].message).not.toContain('$t(');
      expect(await rows()).toEqual(before);
    });

    it('R-X-3 a bad row written past the action (generic collection API) is refused too', async () => {
      const res = await as.admin.post('/api/appointmentSettingsSections:create').send({ section: 'booking2', value: {} });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('SETTINGS_SECTION_UNKNOWN');
    });
  });

  describe('the booking engine reads the stored values', () => {
    afterEach(reset);

    it('R-HOL-1 changed phone hours decide which phone bookings are taken, and the message names them', async () => {
      const phone = { channel: 'phone', start: '2026-02-17 09:00' };
      expect((await register(phone, '2026-02-10T08:30:00+08:00')).body.errors[0].code).toBe('PHONE_OUTSIDE_HOURS');
      expect((await update({ booking: { phoneNumber: '0533-2510000', phoneHours: [{ start: '08:00', end: '09:00' }] } })).status).toBe(200);
      expect((await register(phone, '2026-02-10T08:30:00+08:00')).status).toBe(200);
      const late = await register({ ...phone, start: '2026-02-17 09:30' }, '2026-02-10T10:00:00+08:00');
      expect(late.status).toBe(400);
      expect(late.body.errors[0].code).toBe('PHONE_OUTSIDE_HOURS');
      expect(late.body.errors[0].message).toContain('0533-2510000');
      expect(late.body.errors[0].message).toContain('08:00–09:00');
    });

    it('R-RSC-2 a longer notice refuses a reschedule the default 12 h would allow', async () => {
      const id = await held('2026-02-19 14:00');
      // 2026-02-18 10:00 is 28 h before the appointment.
      expect((await update({ booking: { rescheduleNoticeHours: 48 } })).status).toBe(200);
      const refused = await call('staff', 'requestReschedule', { reason: '窗口系统升级', kind: 'ordinary' }, '2026-02-18T10:00:00+08:00', `?filterByTk=${id}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ code: 'RESCHEDULE_NOTICE_TOO_SHORT', params: { hours: 48 } });
      expect(await t.db.getRepository('rescheduleRequests').count({ filter: { bookingId: id } })).toBe(0);
      await reset();
      const ok = await call('staff', 'requestReschedule', { reason: '窗口系统升级', kind: 'ordinary' }, '2026-02-18T10:00:00+08:00', `?filterByTk=${id}`);
      expect(ok.status).toBe(200);
    });

    it('R-DAY-1 R-DAY-2 a longer late time moves when the applicant may be recorded as gone', async () => {
      const id = await held('2026-02-20 09:00');
      expect((await update({ booking: { lateMinutes: 60 } })).status).toBe(200);
      const early = await call('staff', 'abandon', { reason: '申请人未到' }, '2026-02-20T09:45:00+08:00', `?filterByTk=${id}`);
      expect(early.body.errors[0]).toMatchObject({ code: 'ABANDON_BEFORE_LATE', params: { minutes: 60 } });
      expect((await call('staff', 'abandon', { reason: '申请人未到' }, '2026-02-20T10:00:00+08:00', `?filterByTk=${id}`)).status).toBe(200);
    });

    it('R-HOL-5 R-WKD-1 the slot grid and the holiday sessions come from the settings', async () => {
      expect((await update({ booking: { slotMinutes: 60, holidaySessions: [{ start: '09:00', end: '12:00' }] } })).status).toBe(200);
      expect((await register({ start: '2026-02-18 10:30' })).body.errors[0].code).toBe('START_NOT_ON_SLOT_GRID');
      expect((await register({ start: '2026-02-18 14:00' })).body.errors[0].code).toBe('OUTSIDE_SERVICE_HOURS');
      expect((await register({ start: '2026-02-18 11:00' })).status).toBe(200);
    });

    it('R-LST-3 the 0.5 working day limit of the item save rules is the stored one', async () => {
      const save = (minutes: number) => as.admin.post(`/api/serviceItems:update?filterByTk=${ids['GJJ-003']}`).send({ expectedMinutes: minutes });
      const refused = await save(300);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ code: 'EXPECTED_MINUTES_OVER_HALF_DAY', params: { limit: 240 } });
      expect((await update({ booking: { halfDayMinutes: 300 } })).status).toBe(200);
      expect((await save(300)).status).toBe(200);
      // Now an item takes 300 minutes: the half day cannot shrink below it …
      expect((await update({ booking: { halfDayMinutes: 240 } })).body.errors[0].code).toBe('SETTINGS_HALF_DAY_BELOW_ITEM');
      expect((await save(120)).status).toBe(200);
    });
  });
});
