// Statistics (R-SUP-3) against a hand-computed fixture: rows inserted directly (the booking engine's
// HTTP life is proven elsewhere), figures read through statistics:query / export / monthlyReport as
// each role. Every expected number below is counted by hand from the fixture table.
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const NOW = '2026-04-10T10:00:00+08:00';
const at = (s: string) => new Date(s.includes('T') ? s : `${s.replace(' ', 'T')}:00+08:00`);

// MariaDB keeps DATETIME as wall time in the connection's zone: the suite runs with the harness's
// +08:00 and with NocoBase's default +00:00, where the Shanghai date needs a conversion.
const ZONES = /^(mariadb|mysql)$/.test(process.env.DB_DIALECT ?? '') ? ['+08:00', '+00:00'] : ['default'];

describe.each(ZONES)('statistics (connection time zone %s)', (zone) => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const w: Record<string, number> = {};
  const item: Record<string, number> = {};
  const b: Record<string, number> = {};
  const k: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp(zone === 'default' ? {} : { timezone: zone });
    await t.seedDemo();
    const a07 = await t.db.getRepository('windows').findOne({ filter: { code: 'A07' } });
    const lead7 = await t.db.getRepository('users').create({ values: { username: 'lead7', nickname: '税务窗口 赵强', roles: ['windowLead'] } });
    await t.db.getRepository('windows').update({ filterByTk: a07.get('id'), values: { leadId: lead7.get('id') } });
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff', 'lead7']) as[u] = await t.as(u);
    for (const x of await t.db.getRepository('windows').find()) w[x.get('code')] = x.get('id');
    for (const x of await t.db.getRepository('serviceItems').find()) item[x.get('code')] = x.get('id');

    // Bookings: [key, window, item, expected minutes, start, channel, status, actual start–end]
    const rows: [string, string, string, number, string, string, string, string?, string?][] = [
      ['b1', 'A01', 'BDC-003', 20, '2026-03-07 09:00', 'onSite', 'completed', '09:00', '09:18'], // on time, 18 min
      ['b2', 'A01', 'BDC-003', 20, '2026-03-07 09:30', 'phone', 'completed', '09:35', '09:58'], // late (slot ends 09:50), 23 min
      ['b3', 'A01', 'BDC-002', 60, '2026-03-08 10:00', 'onSite', 'completed', '10:00', '10:50'], // on time, 50 min
      ['b4', 'A01', 'BDC-002', 60, '2026-03-14 09:00', 'phone', 'abandoned'],
      ['b5', 'A01', 'BDC-003', 20, '2026-03-14 10:00', 'onSite', 'cancelled'],
      ['b6', 'A01', 'BDC-003', 20, '2026-03-21 09:00', 'onSite', 'signedFor'],
      ['b7', 'A01', 'BDC-003', 20, '2026-04-04 09:00', 'onSite', 'completed', '09:00', '09:20'], // April, on time, 20 min
      ['b8', 'A02', 'GJJ-001', 30, '2026-03-07 09:00', 'phone', 'completed', '09:00', '09:25'], // on time, 25 min
      ['b9', 'A02', 'GJJ-001', 30, '2026-03-07 14:00', 'onSite', 'completed', '14:10', '14:40'], // late, 30 min
      ['b10', 'A02', 'GJJ-001', 30, '2026-02-28 09:00', 'onSite', 'completed', '09:00', '09:30'], // before the range
      ['b11', 'A02', 'GJJ-001', 30, '2026-03-01 07:00', 'onSite', 'registered'], // 02-28 23:00 UTC: March in Shanghai
      ['b12', 'A02', 'GJJ-001', 30, '2026-04-01 07:00', 'phone', 'cancelled'], // 03-31 23:00 UTC: April in Shanghai
    ];
    for (const [key, win, code, minutes, start, channel, status, s, e] of rows) {
      const begin = at(start);
      const day = start.slice(0, 10);
      const row = await t.db.getRepository('bookings').create({
        values: {
          number: `T-${key}`, windowId: w[win], serviceItemId: item[code], channel, status, kind: 'weekend',
          applicantName: '测试', appointmentStart: begin, appointmentEnd: new Date(begin.getTime() + minutes * 60000),
          ...(s ? { actualStart: at(`${day} ${s}`), actualEnd: at(`${day} ${e}`), durationMinutes: (at(`${day} ${e}`).getTime() - at(`${day} ${s}`).getTime()) / 60000, completed: true } : {}),
        },
      });
      b[key] = row.get('id');
    }
    const create = (collection: string, values: any) => t.db.getRepository(collection).create({ values });
    await create('rescheduleRequests', { bookingId: b.b1, decision: 'approved', kind: 'ordinary', reason: 'x' });
    await create('rescheduleRequests', { bookingId: b.b2, decision: 'approved', kind: 'forceMajeure', reason: 'x' });
    await create('rescheduleRequests', { bookingId: b.b3, decision: 'rejected', kind: 'ordinary', reason: 'x' });
    await create('rescheduleRequests', { bookingId: b.b8, decision: 'approved', kind: 'ordinary', reason: 'x' });

    const visit = (key: string, win: string, code: string, when: string, rating: string | null, extra: any = {}) =>
      create('followUps', { bookingId: b[key], windowId: w[win], serviceItemId: item[code], visitedAt: at(when), method: 'phone', rating,
        ratedBookingId: rating ? b[key] : null, malicious: false, ...extra });
    await visit('b1', 'A01', 'BDC-003', '2026-03-09 10:00', 'verySatisfied');
    await visit('b2', 'A01', 'BDC-003', '2026-03-09 11:00', 'dissatisfied');
    await visit('b3', 'A01', 'BDC-002', '2026-03-10 10:00', 'veryDissatisfied', { malicious: true, appealStatus: 'upheld' });
    await visit('b8', 'A02', 'GJJ-001', '2026-03-09 10:00', 'satisfied');
    await visit('b9', 'A02', 'GJJ-001', '2026-03-10 10:00', 'basicallySatisfied');
    await visit('b9', 'A02', 'GJJ-001', '2026-03-10 11:00', null); // a visit without a rating
    await visit('b7', 'A01', 'BDC-003', '2026-04-07 10:00', 'veryDissatisfied', { anonymous: true });

    const kase = async (key: string, win: string, booking: string, opened: string, status: string, dueAt: string, closedOnTime: boolean | null) => {
      k[key] = (await create('rectificationCases', { windowId: w[win], bookingId: b[booking], openedAt: at(opened), status, dueAt: at(dueAt), closedOnTime })).get('id');
    };
    await kase('k1', 'A01', 'b2', '2026-03-09 11:00', 'closed', '2026-03-17T00:00:00+08:00', true);
    await kase('k2', 'A01', 'b3', '2026-03-10 10:00', 'overdue', '2026-03-18T00:00:00+08:00', null);
    await kase('k3', 'A01', 'b1', '2026-03-20 10:00', 'closed', '2026-03-28T00:00:00+08:00', false);
    await kase('k4', 'A01', 'b7', '2026-04-08 10:00', 'open', '2026-04-16T00:00:00+08:00', null);
    // Open and past due at NOW: the statistics call flags it and proposes 1 point (occurredAt = due, in March).
    await kase('k5', 'A02', 'b8', '2026-03-11 10:00', 'open', '2026-03-19T00:00:00+08:00', null);

    await create('complaints', { windowId: w.A01, bookingId: b.b1, source: 'phone', subject: 'x', openedAt: at('2026-03-12 10:00'), status: 'closed', closedOnTime: true, dueAt: at('2026-03-20T00:00:00+08:00') });
    await create('complaints', { windowId: w.A02, source: 'section', subject: 'x', openedAt: at('2026-03-15 10:00'), status: 'closed', closedOnTime: false, dueAt: at('2026-03-21T00:00:00+08:00') });
    await create('complaints', { windowId: w.A02, source: 'phone', subject: 'x', openedAt: at('2026-03-31 20:00'), status: 'open', dueAt: at('2026-04-20T00:00:00+08:00') });

    await create('penalties', { windowId: w.A01, reason: 'absent', points: 2, status: 'confirmed', occurredAt: at('2026-03-08 09:00') });
    await create('penalties', { windowId: w.A01, reason: 'delay', points: 1, status: 'proposed', bookingId: b.b2, occurredAt: at('2026-03-15 09:00') });
    await create('penalties', { windowId: w.A01, reason: 'late', points: 3, status: 'dismissed', occurredAt: at('2026-03-16 09:00') });
    await create('penalties', { windowId: w.A02, reason: 'absent', points: 1, status: 'confirmed', occurredAt: at('2026-04-02 09:00') });
    // Comp-time ledger (R-CMP-3), minutes: [window, kind, minutes, source, at]
    const staff = await t.db.getRepository('users').findOne({ filter: { username: 'staff' } });
    const ledger: [string, string, number, [string, number], string][] = [
      ['A01', 'earned', 240, ['booking', b.b1], '2026-03-07 09:00'], // item BDC-003
      ['A01', 'earned', 300, ['dutyShift', 9001], '2026-03-08 09:00'], // a weekend shift: no item
      ['A01', 'taken', 420, ['compTimeRequest', 9101], '2026-03-16 09:00'],
      ['A01', 'taken', 90, ['compTimeRequest', 9102], '2026-04-06 09:00'], // April
      ['A01', 'earned', 60, ['dutyShift', 9002], '2026-02-28 23:30'], // 02-28 in Shanghai: before the range
      ['A02', 'earned', 180, ['booking', b.b8], '2026-03-07 09:00'], // another window, item GJJ-001
    ];
    for (const [win, kind, minutes, [sourceType, sourceId], when] of ledger) {
      await create('compTimeEntries', { userId: staff.get('id'), windowId: w[win], kind, minutes, sourceType, sourceId, at: at(when), date: when.slice(0, 10) });
    }
  });
  afterAll(() => t?.destroy());

  const query = (user: string, q: string) => as[user].get(`/api/statistics:compute?${q}`).set('X-Test-Now', NOW);
  const rowOf = (rows: any[], groupId: number | null, period: string) => rows.find((r) => r.groupId === groupId && r.period === period);

  it('R-SUP-3 per window and month: bookings by channel and status, on time, handling time, reschedules, ratings, cases, complaints, points', async () => {
    const res = await query('section', 'from=2026-03-01&to=2026-04-30&groupBy=window&period=month');
    expect(res.status).toBe(200);
    const rows = res.body.data.groups;
    expect(rows.map((r: any) => `${r.groupName}|${r.period}`)).toEqual([
      'A01 不动产登记窗口|2026-03', 'A01 不动产登记窗口|2026-04', 'A02 住房公积金窗口|2026-03', 'A02 住房公积金窗口|2026-04',
    ]);
    expect(rowOf(rows, w.A01, '2026-03')).toMatchObject({
      bookings: 6, onSite: 4, phone: 2, completed: 3, abandoned: 1, cancelled: 1, open: 1, onTime: 2, onTimeRate: 66.7,
      handlingMinutes: 91, expectedMinutes: 100, avgHandlingMinutes: 30.3, avgExpectedMinutes: 33.3,
      reschedules: 1, reschedulesForceMajeure: 1,
      verySatisfied: 1, satisfied: 0, basicallySatisfied: 0, dissatisfied: 1, veryDissatisfied: 0, rated: 2, ratingsExcluded: 1,
      satisfactionRate: 50, verySatisfiedShare: 50, dissatisfiedShare: 50,
      badReviewCases: 3, badReviewCasesClosedOnTime: 1, badReviewCasesOverdue: 2, badReviewClosedOnTimeRate: 33.3,
      complaints: 1, complaintsClosedOnTime: 1, penaltyPointsConfirmed: 2, penaltyPointsProposed: 1,
    });
    expect(rowOf(rows, w.A01, '2026-04')).toMatchObject({
      bookings: 1, completed: 1, onTime: 1, avgHandlingMinutes: 20, veryDissatisfied: 1, rated: 1, satisfactionRate: 0,
      badReviewCases: 1, badReviewCasesClosedOnTime: 0, badReviewCasesOverdue: 0, penaltyPointsConfirmed: 0,
    });
    expect(rowOf(rows, w.A02, '2026-03')).toMatchObject({
      bookings: 3, onSite: 2, phone: 1, completed: 2, open: 1, onTime: 1, onTimeRate: 50, avgHandlingMinutes: 27.5, avgExpectedMinutes: 30,
      reschedules: 1, reschedulesForceMajeure: 0, satisfied: 1, basicallySatisfied: 1, rated: 2, satisfactionRate: 100,
      badReviewCases: 1, badReviewCasesOverdue: 1, complaints: 2, complaintsClosedOnTime: 0,
      penaltyPointsConfirmed: 0, penaltyPointsProposed: 1, // the overdue proposal for k5, made by this very call
    });
    expect(rowOf(rows, w.A02, '2026-04')).toMatchObject({ bookings: 1, phone: 1, cancelled: 1, penaltyPointsConfirmed: 1 });
    expect(res.body.data.totals).toMatchObject({ bookings: 11, completed: 6, onTime: 4, rated: 5, ratingsExcluded: 1, badReviewCases: 5,
      complaints: 3, penaltyPointsConfirmed: 3, penaltyPointsProposed: 2, compTimeEarnedMinutes: 720, compTimeTakenMinutes: 510 });
    expect((await t.db.getRepository('rectificationCases').findOne({ filterByTk: k.k5 })).get('status')).toBe('overdue');
    // Asking again changes nothing: the proposal was made once.
    const again = await query('section', 'from=2026-03-01&to=2026-04-30&groupBy=window&period=month');
    expect(again.body.data.totals.penaltyPointsProposed).toBe(2);
  });

  it('R-SUP-3 R-CMP-3 comp time earned and taken per window and month, item, day; a window lead sums only their own windows', async () => {
    const rows = (await query('section', 'from=2026-03-01&to=2026-04-30&groupBy=window&period=month')).body.data.groups;
    // A01 March: 240 + 300 earned, 420 taken; the 02-28 entry (60) is outside the range.
    expect(rowOf(rows, w.A01, '2026-03')).toMatchObject({ compTimeEarnedMinutes: 540, compTimeTakenMinutes: 420, compTimeEarnedHours: 9, compTimeTakenHours: 7 });
    expect(rowOf(rows, w.A01, '2026-04')).toMatchObject({ compTimeEarnedMinutes: 0, compTimeTakenMinutes: 90, compTimeTakenHours: 1.5 });
    expect(rowOf(rows, w.A02, '2026-03')).toMatchObject({ compTimeEarnedMinutes: 180, compTimeTakenMinutes: 0, compTimeEarnedHours: 3 });
    expect(rowOf(rows, w.A02, '2026-04')).toMatchObject({ compTimeEarnedMinutes: 0, compTimeTakenMinutes: 0 });
    const withFeb = (await query('section', 'from=2026-02-28&to=2026-03-31&groupBy=window&period=all')).body.data.totals;
    expect(withFeb).toMatchObject({ compTimeEarnedMinutes: 780, compTimeTakenMinutes: 420, compTimeEarnedHours: 13 });
    const items = (await query('chief', 'from=2026-03-01&to=2026-03-31&groupBy=item&period=all')).body.data.groups;
    expect(rowOf(items, item['BDC-003'], 'all')).toMatchObject({ compTimeEarnedMinutes: 240, compTimeTakenMinutes: 0 });
    expect(rowOf(items, item['GJJ-001'], 'all')).toMatchObject({ compTimeEarnedMinutes: 180 });
    expect(rowOf(items, item['BDC-002'], 'all')).toMatchObject({ compTimeEarnedMinutes: 0 });
    expect(rowOf(items, null, 'all')).toMatchObject({ compTimeEarnedMinutes: 300, compTimeTakenMinutes: 420 });
    const days = (await query('section', 'from=2026-03-01&to=2026-03-31&groupBy=window&period=day')).body.data.groups;
    expect(rowOf(days, w.A01, '2026-03-07')).toMatchObject({ compTimeEarnedMinutes: 240, compTimeTakenMinutes: 0 });
    expect(rowOf(days, w.A01, '2026-03-16')).toMatchObject({ bookings: 0, compTimeEarnedMinutes: 0, compTimeTakenMinutes: 420 });
    const lead = (await query('lead', 'from=2026-03-01&to=2026-04-30&groupBy=window&period=month')).body.data;
    expect(lead.totals).toMatchObject({ compTimeEarnedMinutes: 540, compTimeTakenMinutes: 510 });
    expect((await query('lead7', 'from=2026-03-01&to=2026-04-30')).body.data.totals).toMatchObject({ compTimeEarnedMinutes: 0, compTimeTakenMinutes: 0 });
  });

  it('R-SUP-3 per item over March: facts follow their booking\'s item; those without a booking are grouped apart', async () => {
    const rows = (await query('chief', 'from=2026-03-01&to=2026-03-31&groupBy=item&period=all')).body.data.groups;
    expect(rowOf(rows, item['BDC-003'], 'all')).toMatchObject({
      bookings: 4, completed: 2, cancelled: 1, open: 1, onTime: 1, handlingMinutes: 41, expectedMinutes: 40,
      reschedules: 1, reschedulesForceMajeure: 1, verySatisfied: 1, dissatisfied: 1, badReviewCases: 2, badReviewCasesClosedOnTime: 1,
      complaints: 1, penaltyPointsProposed: 1,
    });
    expect(rowOf(rows, item['BDC-002'], 'all')).toMatchObject({ bookings: 2, completed: 1, abandoned: 1, onTime: 1, rated: 0, ratingsExcluded: 1,
      satisfactionRate: null, badReviewCases: 1, badReviewCasesOverdue: 1, reschedules: 0 });
    expect(rowOf(rows, item['GJJ-001'], 'all')).toMatchObject({ bookings: 3, rated: 2, badReviewCases: 1, penaltyPointsProposed: 1 });
    expect(rowOf(rows, null, 'all')).toMatchObject({ groupName: '-', bookings: 0, complaints: 2, penaltyPointsConfirmed: 2 });
  });

  it('R-SUP-3 per day in Shanghai time (a 07:00 booking counts on its Shanghai date)', async () => {
    const rows = (await query('section', 'from=2026-03-01&to=2026-04-01&groupBy=window&period=day')).body.data.groups;
    expect(rowOf(rows, w.A01, '2026-03-07')).toMatchObject({ bookings: 2, completed: 2, onTime: 1, onSite: 1, phone: 1 });
    expect(rowOf(rows, w.A02, '2026-03-01')).toMatchObject({ bookings: 1, open: 1 });
    expect(rowOf(rows, w.A02, '2026-04-01')).toMatchObject({ bookings: 1, cancelled: 1 });
    expect(rowOf(rows, w.A02, '2026-02-28')).toBeUndefined();
  });

  it('R-SUP-3 R-X-2 a window lead sees only their window; staff and desk are refused; bad input gets a clear error', async () => {
    const mine = (await query('lead', 'from=2026-03-01&to=2026-04-30&groupBy=window&period=month')).body.data.groups;
    expect(new Set(mine.map((r: any) => r.groupId))).toEqual(new Set([w.A01]));
    const byItem = (await query('lead', 'from=2026-03-01&to=2026-03-31&groupBy=item&period=all')).body.data.groups;
    expect(byItem.map((r: any) => r.groupId)).not.toContain(item['GJJ-001']);
    expect((await query('lead7', 'from=2026-03-01&to=2026-04-30')).body.data.groups).toEqual([]);
    for (const u of ['staff', 'desk']) expect((await query(u, 'from=2026-03-01&to=2026-03-31')).status).toBe(403);
    const bad = await query('section', 'from=2026-03-31&to=2026-03-01');
    expect([bad.status, bad.body.errors[0].code]).toEqual([400, 'STAT_RANGE_INVALID']);
    expect((await query('section', 'from=2026-03-01&to=2026-03-31&groupBy=applicant')).body.errors[0].code).toBe('STAT_GROUP_INVALID');
    expect((await query('section', 'month=2026-3')).body.errors[0].code).toBe('INVALID_MONTH');
  });

  it('R-SUP-3 R-CMP-3 exported to Excel with the same figures and zh-CN column titles', async () => {
    const res = await as.section.get('/api/statistics:export?month=2026-03&groupBy=window&period=all').set('X-Test-Now', NOW)
      .buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const XLSX = require('xlsx');
    const book = XLSX.read(res.body, { type: 'buffer' });
    const sheet: any[][] = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 });
    expect(sheet[0].slice(0, 3)).toEqual(['分组', '周期', '预约量']);
    const a01 = sheet.find((r) => r[0] === 'A01 不动产登记窗口')!;
    expect(a01[sheet[0].indexOf('满意率（%）')]).toBe(50);
    expect(a01[sheet[0].indexOf('预约量')]).toBe(6);
    expect([a01[sheet[0].indexOf('调休获得（小时）')], a01[sheet[0].indexOf('调休使用（小时）')]]).toEqual([9, 7]);
    expect(sheet[sheet.length - 1][0]).toBe('合计');
  });

  it('R-SUP-3 R-SUP-1 the monthly report: every window, its figures, cases, complaints and penalty points', async () => {
    const res = await as.section.get('/api/statistics:monthlyReport?month=2026-03').set('X-Test-Now', NOW);
    expect(res.status).toBe(200);
    const { windows } = res.body.data;
    expect(windows.map((x: any) => x.code)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08']);
    const a01 = windows[0];
    expect(a01).toMatchObject({ name: '不动产登记窗口', lead: '不动产窗口 张伟' });
    expect(a01.stats).toMatchObject({ bookings: 6, satisfactionRate: 50, penaltyPointsConfirmed: 2, compTimeEarnedHours: 9, compTimeTakenHours: 7 });
    expect(windows[1].stats).toMatchObject({ compTimeEarnedHours: 3, compTimeTakenHours: 0 });
    expect(a01.cases.map((c: any) => c.id)).toEqual([k.k1, k.k2, k.k3]);
    expect(a01.complaints).toHaveLength(1);
    expect(a01.penalties.map((p: any) => p.status)).toEqual(['confirmed', 'proposed', 'dismissed']);
    expect(windows[2].stats).toBeNull();
    const lead = await as.lead.get('/api/statistics:monthlyReport?month=2026-03').set('X-Test-Now', NOW);
    expect(lead.body.data.windows.map((x: any) => x.code)).toEqual(['A01']);
  });
});
