// Duty roster, attendance, penalties and comp time over HTTP as each role (R-WKD-1..3, R-SUP-1..2,
// R-PRE-2, R-CMP-1..3), on a real app with a fixed clock (X-Test-Now).
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';

describe('duty roster, attendance and comp time', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const uid: Record<string, number> = {};
  const item: Record<string, number> = {};
  let a01: number;
  let a02: number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff', 'staff2']) {
      as[u] = await t.as(u);
      uid[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) item[i.get('code')] = i.get('id');
    a01 = (await t.db.getRepository('windows').findOne({ filter: { code: 'A01' } })).get('id');
    a02 = (await t.db.getRepository('windows').findOne({ filter: { code: 'A02' } })).get('id');
  });
  afterAll(() => t?.destroy());

  const post = (user: string, url: string, body: any = {}, now = '2026-03-01T10:00:00+08:00') =>
    as[user].post(`/api/${url}`).set('X-Test-Now', now).send(body);
  const get = (user: string, url: string, now = '2026-03-01T10:00:00+08:00') => as[user].get(`/api/${url}`).set('X-Test-Now', now);
  const shifts = (filter: any) => t.db.getRepository('dutyShifts').find({ filter, sort: ['plannedStart', 'role', 'id'] });
  const shiftOf = async (user: string, start: string) =>
    (await shifts({ userId: uid[user], plannedStart: new Date(start) }))[0];

  it('R-WKD-1 R-WKD-2 R-SUP-2 R-CAL-2 the lead generates the weekend roster: lead on duty + staff per shift, never on make-up or holiday days', async () => {
    const res = await post('lead', 'dutyShifts:generate', { from: '2026-02-01', to: '2026-02-28', windowId: a01 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ created: 3 * 2 * 2, unfilled: [] });
    const feb = await shifts({ windowId: a01, date: { $gte: '2026-02-01', $lte: '2026-02-28' } });
    expect([...new Set(feb.map((s: any) => s.get('date')))]).toEqual(['2026-02-01', '2026-02-07', '2026-02-08']);
    const day = feb.filter((s: any) => s.get('date') === '2026-02-07');
    expect(day.map((s: any) => [s.get('role'), new Date(s.get('plannedStart')).toISOString(), new Date(s.get('plannedEnd')).toISOString()])).toEqual([
      ['lead', '2026-02-07T01:00:00.000Z', '2026-02-07T04:00:00.000Z'], ['staff', '2026-02-07T01:00:00.000Z', '2026-02-07T04:00:00.000Z'],
      ['lead', '2026-02-07T05:00:00.000Z', '2026-02-07T09:00:00.000Z'], ['staff', '2026-02-07T05:00:00.000Z', '2026-02-07T09:00:00.000Z'],
    ]);
    expect(day.filter((s: any) => s.get('role') === 'lead').every((s: any) => s.get('userId') === uid.lead)).toBe(true);
    expect(day.filter((s: any) => s.get('role') === 'staff').every((s: any) => [uid.staff, uid.staff2].includes(s.get('userId')))).toBe(true);
    expect(feb.every((s: any) => s.get('status') === 'draft' && s.get('kind') === 'weekend')).toBe(true);
  });

  it('R-WKD-2 generation is idempotent: running it twice adds nothing', async () => {
    const march = { from: '2026-03-01', to: '2026-03-31', windowId: a01 };
    expect((await post('lead', 'dutyShifts:generate', march)).body.data.created).toBe(9 * 2 * 2); // Sun 03-01 … Sun 03-29
    const before = await t.db.getRepository('dutyShifts').count();
    const again = await post('lead', 'dutyShifts:generate', march);
    expect(again.body.data).toMatchObject({ created: 0, kept: 36 });
    expect(await t.db.getRepository('dutyShifts').count()).toBe(before);
  });

  it('R-WKD-2 two generations at the same time add each slot once', async () => {
    const may = { from: '2026-05-01', to: '2026-05-31', windowId: a01 };
    const results = await Promise.all([post('lead', 'dutyShifts:generate', may), post('section', 'dutyShifts:generate', may)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const rows = await shifts({ windowId: a01, date: { $gte: '2026-05-01', $lte: '2026-05-31' } });
    const slots = rows.map((r: any) => `${r.get('date')} ${new Date(r.get('plannedStart')).toISOString()} ${r.get('role')}`);
    expect(new Set(slots).size).toBe(slots.length);
    expect(rows.length).toBe(new Set(rows.map((r: any) => r.get('date'))).size * 4);
    expect((await post('lead', 'dutyShifts:generate', may)).body.data.created).toBe(0);
  });

  it('R-WKD-2 R-X-2 only the window lead (or the section) generates and edits; staff and other windows are refused', async () => {
    const staff = await post('staff', 'dutyShifts:generate', { from: '2026-04-01', to: '2026-04-30', windowId: a01 });
    expect(staff.status).toBe(403);
    expect(staff.body.errors[0].code).toBe('NOT_WINDOW_LEAD');
    expect((await post('lead', 'dutyShifts:generate', { from: '2026-04-01', to: '2026-04-30', windowId: a02 })).status).toBe(403);
    const bad = await post('lead', 'dutyShifts:generate', { from: '2026-04-31', to: '2026-05-01', windowId: a01 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toContain('2026-04-31');
    // The section generates for every weekend window with a lead and names the others (R-SUP-2).
    // 2026-04-04 is a Saturday inside the Qingming holiday: no weekend roster that day.
    expect((await post('section', 'dutyShifts:generate', { from: '2026-04-04', to: '2026-04-04' })).body.data.created).toBe(0);
    const section = await post('section', 'dutyShifts:generate', { from: '2026-04-11', to: '2026-04-11' });
    expect(section.status).toBe(200);
    expect(section.body.data.windows).toBe(1);
    expect(section.body.data.withoutLead).toContain(a02);
    expect(await t.db.getRepository('dutyShifts').count({ filter: { date: '2026-04-11' } })).toBe(4);
  });

  it('R-WKD-2 a person cannot be on two shifts at once; swapping needs the window lead', async () => {
    const [sat, sun] = ['2026-03-07', '2026-03-08'].map(async (d) => (await shifts({ date: d, windowId: a01, role: 'staff' }))[0]);
    const s1: any = await sat;
    const s2: any = await sun;
    expect(s1.get('userId')).not.toBe(s2.get('userId'));
    const clash = await post('lead', `dutyShifts:assign?filterByTk=${s1.get('id')}`, { userId: uid.lead });
    expect(clash.status).toBe(400);
    expect(clash.body.errors[0].code).toBe('SHIFT_OVERLAP');
    expect((await post('lead', `dutyShifts:assign?filterByTk=${s1.get('id')}`, { userId: uid.desk })).body.errors[0].code).toBe('NOT_WINDOW_MEMBER');
    expect((await post('staff', `dutyShifts:swap?filterByTk=${s1.get('id')}`, { withShiftId: s2.get('id') })).status).toBe(403);
    const swap = await post('lead', `dutyShifts:swap?filterByTk=${s1.get('id')}`, { withShiftId: s2.get('id') });
    expect(swap.status).toBe(200);
    expect((await t.db.getRepository('dutyShifts').findOne({ filterByTk: s1.get('id') })).get('userId')).toBe(s2.get('userId'));
    expect((await t.db.getRepository('dutyShifts').findOne({ filterByTk: s2.get('id') })).get('userId')).toBe(s1.get('userId'));
    // Back as generated, so the rest of the file can rely on the rotation.
    await post('lead', `dutyShifts:swap?filterByTk=${s1.get('id')}`, { withShiftId: s2.get('id') });
  });

  it('R-WKD-2 the lead publishes; staff see "my duty" and the published month of their window', async () => {
    expect((await get('staff', 'dutyShifts:month?month=2026-03')).body.data).toEqual([]);
    const pub = await post('lead', 'dutyShifts:publish', { from: '2026-03-01', to: '2026-03-31', windowId: a01 });
    expect(pub.body.data.published).toBe(36);
    const month = (await get('staff', 'dutyShifts:month?month=2026-03')).body.data;
    expect(month).toHaveLength(36);
    expect(month[0]).toMatchObject({ windowName: '不动产登记窗口', status: 'published' });
    const mine = (await get('staff', 'dutyShifts:mine?from=2026-03-01&to=2026-03-31')).body.data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s: any) => s.userId === uid.staff)).toBe(true);
    expect((await get('desk', 'dutyShifts:month?month=2026-03&windowId=' + a01)).status).toBe(403);
  });

  it('R-WKD-3 R-SUP-1 late check-in proposes a penalty with the shift as evidence; the section confirms it', async () => {
    const morning = (await shifts({ date: '2026-03-07', windowId: a01, role: 'staff' }))[0] as any;
    const who = morning.get('userId') === uid.staff ? 'staff' : 'staff2';
    const other = who === 'staff' ? 'staff2' : 'staff';
    expect((await post(other, `dutyShifts:checkIn?filterByTk=${morning.get('id')}`, {}, '2026-03-07T09:00:00+08:00')).status).toBe(403);
    const early = await post(who, `dutyShifts:checkIn?filterByTk=${morning.get('id')}`, {}, '2026-03-07T07:30:00+08:00');
    expect(early.body.errors[0].code).toBe('CHECK_IN_TOO_EARLY');
    const late = await post(who, `dutyShifts:checkIn?filterByTk=${morning.get('id')}`, {}, '2026-03-07T09:12:00+08:00');
    expect(late.status).toBe(200);
    const penalty = await t.db.getRepository('penalties').findOne({ filter: { shiftId: morning.get('id') } });
    expect(penalty.get()).toMatchObject({ reason: 'late', points: 1, status: 'proposed', userId: uid[who], windowId: a01, evidenceType: 'dutyShifts', evidenceId: morning.get('id') });
    expect((await t.db.getRepository('dutyShifts').findOne({ filterByTk: morning.get('id') })).get('attendance')).toBe('late');
    const out = await post(who, `dutyShifts:checkOut?filterByTk=${morning.get('id')}`, {}, '2026-03-07T12:01:00+08:00');
    expect(out.status).toBe(200);
    expect((await post('lead', `penalties:confirm?filterByTk=${penalty.get('id')}`, {})).status).toBe(403);
    const confirmed = await post('section', `penalties:confirm?filterByTk=${penalty.get('id')}`, { note: '迟到12分钟' });
    expect(confirmed.body.data).toMatchObject({ status: 'confirmed', confirmedById: uid.section });
    // R-CMP-1 the shift earned 09:12–12:00 (capped at the planned end): 168 minutes.
    const entry = await t.db.getRepository('compTimeEntries').findOne({ filter: { sourceType: 'dutyShift', sourceId: morning.get('id') } });
    expect(entry.get()).toMatchObject({ userId: uid[who], kind: 'earned', minutes: 168 });
  });

  it('R-WKD-3 R-SUP-1 a shift nobody checked in is absent once over; the review proposes once, however often it runs', async () => {
    const res = await post('section', 'dutyShifts:reviewAttendance', {}, '2026-03-07T17:30:00+08:00');
    expect(res.status).toBe(200);
    // Every shift over by then without a check-in: February's, 03-01's, and on 03-07 the lead's two
    // and the staff afternoon shift (the morning staff shift was attended).
    const unattended = await t.db.getRepository('dutyShifts').count({ filter: { checkInAt: null, plannedEnd: { $lte: new Date('2026-03-07T17:30:00+08:00') } } });
    expect(res.body.data.proposed).toBe(unattended);
    const sat = (await shifts({ date: '2026-03-07' })).map((s: any) => s.get('id'));
    const absent = await t.db.getRepository('penalties').find({ filter: { reason: 'absent', shiftId: sat } });
    expect(absent.map((p: any) => p.get('points'))).toEqual([2, 2, 2]);
    expect((await shifts({ id: absent.map((p: any) => p.get('shiftId')) })).map((x: any) => x.get('attendance'))).toEqual(['absent', 'absent', 'absent']);
    expect((await post('section', 'dutyShifts:reviewAttendance', {}, '2026-03-07T18:00:00+08:00')).body.data.proposed).toBe(0);
    // The lead records the afternoon check-in from the paper sheet: a time in the past, lead only.
    const pm = (await shifts({ date: '2026-03-08', windowId: a01, role: 'staff' }))[1] as any;
    const who = pm.get('userId') === uid.staff ? 'staff' : 'staff2';
    expect((await post(who, `dutyShifts:checkIn?filterByTk=${pm.get('id')}`, { at: '2026-03-08T13:00:00+08:00' }, '2026-03-08T13:30:00+08:00')).status).toBe(403);
    const rec = await post('lead', `dutyShifts:checkIn?filterByTk=${pm.get('id')}`, { at: '2026-03-08T13:00:00+08:00' }, '2026-03-08T13:30:00+08:00');
    expect(rec.status).toBe(200);
    expect(rec.body.data.recordedById).toBe(uid.lead);
    expect(await t.db.getRepository('penalties').count({ filter: { shiftId: pm.get('id') } })).toBe(0);
  });

  it('R-PRE-2 a holiday booking creates a duty shift per handler; re-assignment, reschedule and cancel keep it in step', async () => {
    const call = (user: string, action: string, body: any, now = BEFORE_HOLIDAY, q = '') => post(user, `bookings:${action}${q}`, body, now);
    const b = (await call('desk', 'register', {
      applicantName: '王建国', applicantPhone: '13905331234', channel: 'onSite', serviceItemId: item['BDC-003'], start: '2026-02-18 10:00',
    })).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, `?filterByTk=${b.id}`);
    expect(await t.db.getRepository('dutyShifts').count({ filter: { bookingId: b.id } })).toBe(0);
    expect((await call('lead', 'signFor', { handler1Id: uid.staff }, BEFORE_HOLIDAY, `?filterByTk=${b.id}`)).status).toBe(200);
    let duty = await shifts({ bookingId: b.id });
    expect(duty.map((s: any) => [s.get('userId'), s.get('kind'), s.get('status'), s.get('date'), new Date(s.get('plannedStart')).toISOString(), new Date(s.get('plannedEnd')).toISOString()]))
      .toEqual([[uid.staff, 'holiday', 'published', '2026-02-18', new Date(b.appointmentStart).toISOString(), new Date(b.appointmentEnd).toISOString()]]);
    await call('lead', 'assignHandlers', { handler1Id: uid.staff2 }, BEFORE_HOLIDAY, `?filterByTk=${b.id}`);
    duty = await shifts({ bookingId: b.id, status: { $ne: 'cancelled' } });
    expect(duty.map((s: any) => s.get('userId'))).toEqual([uid.staff2]);
    expect((await shifts({ bookingId: b.id, userId: uid.staff }))[0].get('status')).toBe('cancelled');
    await call('staff2', 'requestReschedule', { reason: '窗口系统升级', kind: 'ordinary', proposedStart: '2026-02-19T14:00:00+08:00' }, '2026-02-12T10:00:00+08:00', `?filterByTk=${b.id}`);
    const decided = await call('chief', 'decideReschedule', { decision: 'approved', applicantToldAt: '2026-02-12T11:00:00+08:00' }, '2026-02-12T11:00:00+08:00', `?filterByTk=${b.id}`);
    expect(decided.status).toBe(200);
    duty = await shifts({ bookingId: b.id, status: { $ne: 'cancelled' } });
    expect(duty.map((s: any) => [s.get('date'), new Date(s.get('plannedStart')).toISOString()])).toEqual([['2026-02-19', '2026-02-19T06:00:00.000Z']]);
    await call('section', 'cancel', { reason: '申请人来电取消' }, '2026-02-12T12:00:00+08:00', `?filterByTk=${b.id}`);
    expect(await t.db.getRepository('dutyShifts').count({ filter: { bookingId: b.id, status: { $ne: 'cancelled' } } })).toBe(0);
  });

  it('R-CMP-1 R-CMP-3 a weekend booking served inside an attended shift is not counted twice', async () => {
    const call = (user: string, action: string, body: any, now: string, q = '') => post(user, `bookings:${action}${q}`, body, now);
    const shift = (await shifts({ date: '2026-03-14', windowId: a01, role: 'staff' }))[0] as any;
    const who = shift.get('userId') === uid.staff ? 'staff' : 'staff2';
    const reg = await call('desk', 'register', {
      applicantName: '李秀英', applicantPhone: '13905335678', channel: 'onSite', serviceItemId: item['BDC-003'], start: '2026-03-14 10:00',
    }, '2026-03-10T10:00:00+08:00');
    expect(reg.status).toBe(200);
    const id = reg.body.data.id;
    await call('section', 'dispatch', {}, '2026-03-10T10:00:00+08:00', `?filterByTk=${id}`);
    await call('lead', 'signFor', { handler1Id: uid[who] }, '2026-03-10T10:00:00+08:00', `?filterByTk=${id}`);
    // A weekend booking is covered by the weekend roster: no holiday shift of its own.
    expect(await t.db.getRepository('dutyShifts').count({ filter: { bookingId: id } })).toBe(0);
    await call(who, 'logContact', { result: 'reached', materialsNoticeGiven: true }, '2026-03-11T10:00:00+08:00', `?filterByTk=${id}`);
    await post(who, `dutyShifts:checkIn?filterByTk=${shift.get('id')}`, {}, '2026-03-14T08:55:00+08:00');
    await call(who, 'arrive', {}, '2026-03-14T09:58:00+08:00', `?filterByTk=${id}`);
    const done = await call(who, 'complete', {
      outcome: '已办结', actualStart: '2026-03-14T10:00:00+08:00', actualEnd: '2026-03-14T11:00:00+08:00',
      applicantSignature: { kind: 'confirmation', value: '当场确认' },
    }, '2026-03-14T11:05:00+08:00', `?filterByTk=${id}`);
    expect(done.status).toBe(200);
    // Before the shift is checked out the booking alone earns its hour ...
    const bookingEntry = () => t.db.getRepository('compTimeEntries').findOne({ filter: { sourceType: 'booking', sourceId: id } });
    expect((await bookingEntry()).get('minutes')).toBe(60);
    await post(who, `dutyShifts:checkOut?filterByTk=${shift.get('id')}`, {}, '2026-03-14T12:00:00+08:00');
    // ... and once the shift counts, the hour inside it is not counted again.
    expect((await bookingEntry()).get('minutes')).toBe(0);
    const day = await t.db.getRepository('compTimeEntries').find({ filter: { userId: uid[who], date: '2026-03-14' } });
    expect(day.reduce((n: number, e: any) => n + e.get('minutes'), 0)).toBe(180);
  });

  it('R-CMP-1 a completed holiday booking earns its actual start–end for the handler', async () => {
    const call = (user: string, action: string, body: any, now: string, q = '') => post(user, `bookings:${action}${q}`, body, now);
    const b = (await call('desk', 'register', {
      applicantName: '赵敏', applicantPhone: '13905331111', channel: 'onSite', serviceItemId: item['BDC-003'], start: '2026-02-20 14:00',
    }, BEFORE_HOLIDAY)).body.data;
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, `?filterByTk=${b.id}`);
    await call('lead', 'signFor', { handler1Id: uid.staff2 }, BEFORE_HOLIDAY, `?filterByTk=${b.id}`);
    await call('staff2', 'logContact', { result: 'reached', materialsNoticeGiven: true }, '2026-02-11T10:00:00+08:00', `?filterByTk=${b.id}`);
    await call('staff2', 'arrive', {}, '2026-02-20T13:55:00+08:00', `?filterByTk=${b.id}`);
    const done = await call('staff2', 'complete', {
      outcome: '已办结', actualStart: '2026-02-20T14:00:00+08:00', actualEnd: '2026-02-20T15:20:00+08:00',
      applicantSignature: { kind: 'confirmation', value: '当场确认' },
    }, '2026-02-20T15:30:00+08:00', `?filterByTk=${b.id}`);
    expect(done.status).toBe(200);
    const entry = await t.db.getRepository('compTimeEntries').findOne({ filter: { sourceType: 'booking', sourceId: b.id } });
    expect(entry.get()).toMatchObject({ userId: uid.staff2, kind: 'earned', minutes: 80 });
  });

  it('R-CMP-2 R-CMP-3 a request above the balance is refused with the balance; the lead signs off with a note', async () => {
    const bal = async (user: string) => (await get(user, 'compTimeEntries:balance', '2026-03-15T10:00:00+08:00')).body.data;
    const before = await bal('staff');
    expect(before.balance).toBe(before.earned - before.taken);
    expect(before.balance).toBeGreaterThan(0);
    const tooMuch = await post('staff', 'compTimeRequests:submit', {
      start: '2026-03-16 09:00', end: '2026-03-20 17:00', coverUserId: uid.staff2, reason: '家中有事',
    }, '2026-03-15T10:00:00+08:00');
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0].code).toBe('COMP_TIME_OVER_BALANCE');
    expect(tooMuch.body.errors[0].message).toContain(`余额 ${Math.round((before.balance / 60) * 10) / 10} 小时`);
    expect((await post('staff', 'compTimeRequests:submit', { start: '2026-03-16 09:00', end: '2026-03-16 10:00' }, '2026-03-15T10:00:00+08:00')).body.errors[0].code).toBe('COVER_REQUIRED');
    expect((await post('staff', 'compTimeRequests:submit', { start: '2026-03-16 09:00', end: '2026-03-16 10:00', coverUserId: uid.desk }, '2026-03-15T10:00:00+08:00')).body.errors[0].code).toBe('COVER_NOT_IN_WINDOW');
    const ok = await post('staff', 'compTimeRequests:submit', {
      start: '2026-03-16 09:00', end: '2026-03-16 10:00', coverUserId: uid.staff2, reason: '家中有事',
    }, '2026-03-15T10:00:00+08:00');
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ status: 'pending', minutes: 60, windowId: a01 });
    const again = await post('staff', 'compTimeRequests:submit', { start: '2026-03-16 09:30', end: '2026-03-16 10:30', coverUserId: uid.staff2 }, '2026-03-15T10:00:00+08:00');
    expect(again.body.errors[0].code).toBe('COMP_TIME_OVERLAP');
    // The covering colleague cannot take comp time at the same time (顶岗 must be free).
    const clash = await post('staff2', 'compTimeRequests:submit', { start: '2026-03-16 09:00', end: '2026-03-16 10:00', coverUserId: uid.staff }, '2026-03-15T10:00:00+08:00');
    expect(clash.body.errors[0].code).toBe('COVER_NOT_FREE');

    const pending = (await get('lead', 'compTimeRequests:pending', '2026-03-15T11:00:00+08:00')).body.data;
    expect(pending).toEqual([expect.objectContaining({ id: ok.body.data.id, userId: uid.staff, coverUserId: uid.staff2, minutes: 60, balance: before.balance })]);
    expect((await get('staff', 'compTimeRequests:pending')).body.data).toEqual([]);
    expect((await post('staff', `compTimeRequests:signOff?filterByTk=${ok.body.data.id}`, { note: 'ok' })).status).toBe(403);
    const noNote = await post('lead', `compTimeRequests:signOff?filterByTk=${ok.body.data.id}`, {}, '2026-03-15T11:00:00+08:00');
    expect(noNote.body.errors[0].code).toBe('SIGN_OFF_NOTE_REQUIRED');
    const signed = await post('lead', `compTimeRequests:signOff?filterByTk=${ok.body.data.id}`, { note: '同意，由王磊顶岗' }, '2026-03-15T11:00:00+08:00');
    expect(signed.status).toBe(200);
    expect(signed.body.data).toMatchObject({ status: 'approved', decidedById: uid.lead, decisionNote: '同意，由王磊顶岗' });
    const after = await bal('staff');
    expect(after.taken).toBe(before.taken + 60);
    expect(after.balance).toBe(before.balance - 60);
    expect((await post('lead', `compTimeRequests:signOff?filterByTk=${ok.body.data.id}`, { note: 'again' })).body.errors[0].code).toBe('COMP_TIME_REQUEST_NOT_PENDING');
    // The lead sees the window's balances (one query), the section everyone's; staff only their own.
    const windowBalances = (await get('lead', `compTimeEntries:balances?windowId=${a01}`)).body.data;
    expect(windowBalances.find((b: any) => b.userId === uid.staff)).toMatchObject({ balance: after.balance });
    expect((await get('staff', `compTimeEntries:balances?windowId=${a01}`)).status).toBe(403);
    expect((await get('staff', `compTimeEntries:balance?userId=${uid.staff2}`)).status).toBe(403);
    expect((await get('section', `compTimeEntries:balance?userId=${uid.staff}`)).body.data.balance).toBe(after.balance);
  });

  it('R-CMP-2 a rejected request takes nothing; the lead cannot sign their own', async () => {
    const r = await post('staff2', 'compTimeRequests:submit', { start: '2026-03-17 09:00', end: '2026-03-17 10:00', coverUserId: uid.staff }, '2026-03-15T10:00:00+08:00');
    expect(r.status).toBe(200);
    const rej = await post('lead', `compTimeRequests:reject?filterByTk=${r.body.data.id}`, { note: '当天窗口人手不足' });
    expect(rej.body.data.status).toBe('rejected');
    expect(await t.db.getRepository('compTimeEntries').count({ filter: { sourceType: 'compTimeRequest', sourceId: r.body.data.id } })).toBe(0);
    const own = await t.db.getRepository('compTimeRequests').create({
      values: { userId: uid.lead, windowId: a01, start: new Date('2026-03-18T09:00:00+08:00'), end: new Date('2026-03-18T10:00:00+08:00'), minutes: 60, coverUserId: uid.staff, status: 'pending' },
    });
    const self = await post('lead', `compTimeRequests:signOff?filterByTk=${own.get('id')}`, { note: '同意' });
    expect(self.status).toBe(403);
    expect(self.body.errors[0].code).toBe('SIGN_OFF_OWN_REQUEST');
  });

  it('R-X-2 the standard list shows staff only their own window\'s roster and their own ledger', async () => {
    const roster = await get('staff', 'dutyShifts:list?pageSize=500');
    expect(roster.status).toBe(200);
    const rows = await t.db.getRepository('dutyShifts').find({ filter: { id: roster.body.data.map((s: any) => s.id) } });
    expect(new Set(rows.map((s: any) => s.get('windowId')))).toEqual(new Set([a01]));
    const ledger = await get('staff', 'compTimeEntries:list?pageSize=500');
    const entries = await t.db.getRepository('compTimeEntries').find({ filter: { id: ledger.body.data.map((e: any) => e.id) } });
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e: any) => e.get('userId')))).toEqual(new Set([uid.staff]));
  });

  it.each([
    ['dutyShifts:generate', { from: { $gt: 1 }, to: '2026-03-31' }, 400, 'INVALID_DATE'],
    ['dutyShifts:generate', { month: '2026-03' }, 400, 'INVALID_DATE'],
    ['dutyShifts:checkIn?filterByTk=abc', {}, 404, 'SHIFT_NOT_FOUND'],
    ['dutyShifts:checkIn?filterByTk=999999', {}, 404, 'SHIFT_NOT_FOUND'],
    ['dutyShifts:assign?filterByTk=1', { userId: { $ne: 0 } }, 404, 'USER_NOT_FOUND'],
    ['compTimeRequests:submit', { start: 'next monday', end: '2026-03-16 10:00', coverUserId: 1 }, 400, 'COMP_TIME_TIME_INVALID'],
    ['compTimeRequests:submit', { start: '2026-03-16 10:00', end: '2026-03-16 09:00', coverUserId: 1 }, 400, 'COMP_TIME_END_NOT_AFTER_START'],
    ['compTimeRequests:submit', { start: '2026-03-16 09:00', end: '2026-03-16 10:00', coverUserId: 1, reason: { a: 1 } }, 400, 'FIELD_NOT_TEXT'],
    ['compTimeRequests:signOff?filterByTk=1', { note: ['同意'] }, 400, 'FIELD_NOT_TEXT'],
    ['dutyShifts:month?month=2026-2', {}, 400, 'INVALID_MONTH'],
  ])('R-X-3 bad input %s %j gets %d %s in the user\'s language and changes nothing', async (url, body, status, code) => {
    const counts = async () => Promise.all(['dutyShifts', 'compTimeRequests', 'compTimeEntries', 'penalties'].map((c) => t.db.getRepository(c).count()));
    const before = await counts();
    const user = url.startsWith('compTimeRequests:signOff') || url.startsWith('dutyShifts:assign') ? 'lead' : url.startsWith('dutyShifts:generate') ? 'lead' : 'staff';
    const res = await post(user, url, body);
    expect(res.status).toBe(status);
    expect(res.body.errors[0].code).toBe(code);
    expect(res.body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await counts()).toEqual(before);
  });
});
