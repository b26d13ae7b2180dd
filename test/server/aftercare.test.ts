// After the service over HTTP as each role (R-AFT-1..2, R-SUP-1, R-X-2): follow-up visits and
// ratings, rectification cases, overdue flags with penalty proposals, appeals, complaints.
// Bookings are taken through their whole life by the booking actions, with a fixed clock.
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';
// Served on 2026-02-17 (春节): 5 working days after are 24, 25, 26, 27 and Sat 28 (调休上班).
const SERVED_DAY = '2026-02-17';

describe('after the service', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const ids: Record<string, number> = {};
  const userId: Record<string, number> = {};
  const windowId: Record<string, number> = {};
  let slot = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    const a07 = await t.db.getRepository('windows').findOne({ filter: { code: 'A07' } });
    const lead7 = await t.db.getRepository('users').create({ values: { username: 'lead7', nickname: '税务窗口 赵强', roles: ['windowLead'] } });
    await t.db.getRepository('windows').update({ filterByTk: a07.get('id'), values: { leadId: lead7.get('id') } });
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff', 'lead7']) {
      as[u] = await t.as(u);
      userId[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) ids[i.get('code')] = i.get('id');
    for (const w of await t.db.getRepository('windows').find()) windowId[w.get('code')] = w.get('id');
  });
  afterAll(() => t?.destroy());

  const post = (user: string, url: string, body: any, now: string) => as[user].post(url).set('X-Test-Now', now).send(body);
  const booking = (user: string, action: string, id: number, body: any, now: string) =>
    post(user, `/api/bookings:${action}?filterByTk=${id}`, body, now);

  /** A BDC-003 booking (A01, 20 min) served on SERVED_DAY, taken through every step over HTTP. */
  async function servedBooking(): Promise<any> {
    // 30-minute starts in the morning (09:00–11:30) and afternoon (13:00–16:30) sessions.
    const n = slot++;
    const minutes = n < 6 ? 9 * 60 + 30 * n : 13 * 60 + 30 * (n - 6);
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const reg = await post('desk', '/api/bookings:register', {
      applicantName: '王建国', applicantPhone: '13905331234', channel: 'onSite', serviceItemId: ids['BDC-003'], start: `${SERVED_DAY} ${hhmm(minutes)}`,
    }, BEFORE_HOLIDAY);
    expect(reg.status).toBe(200);
    const id = reg.body.data.id;
    expect((await booking('section', 'dispatch', id, {}, BEFORE_HOLIDAY)).status).toBe(200);
    expect((await booking('lead', 'signFor', id, { handler1Id: userId.staff }, BEFORE_HOLIDAY)).status).toBe(200);
    expect((await booking('staff', 'logContact', id, { result: 'reached', materialsNoticeGiven: true }, '2026-02-11T15:00:00+08:00')).status).toBe(200);
    const at = (m: number) => `${SERVED_DAY}T${hhmm(m)}:00+08:00`;
    expect((await booking('staff', 'arrive', id, {}, at(minutes - 5))).status).toBe(200);
    const done = await booking('staff', 'complete', id, {
      outcome: '已查询并出具证明', actualStart: at(minutes), actualEnd: at(minutes + 20),
      applicantSignature: { kind: 'confirmation', value: '申请人当场确认' },
    }, at(minutes + 25));
    expect(done.status).toBe(200);
    return done.body.data;
  }

  const visit = (user: string, body: any, now = '2026-02-24T10:00:00+08:00') => post(user, '/api/followUps:record', body, now);
  const onCase = (user: string, action: string, id: number, body: any, now: string, resource = 'rectificationCases') =>
    post(user, `/api/${resource}:${action}?filterByTk=${id}`, body, now);

  it('R-AFT-1 the section records a follow-up visit with a rating; other roles and open bookings are refused', async () => {
    const b = await servedBooking();
    const ok = await visit('section', { bookingId: b.id, method: 'phone', rating: 'verySatisfied', comments: '办事快，态度好', visitedAt: '2026-02-24T09:30:00+08:00' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ bookingId: b.id, windowId: windowId.A01, rating: 'verySatisfied', badReview: false, visitedById: userId.section });
    expect(ok.body.data.rectificationCase).toBeNull();
    for (const u of ['desk', 'staff', 'lead']) {
      const refused = await visit(u, { bookingId: b.id, method: 'phone' });
      expect(refused.status).toBe(403);
    }
    const again = await visit('chief', { bookingId: b.id, method: 'sms', rating: 'satisfied' });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe('RATING_ALREADY_GIVEN');
    // A visit without a rating (applicant thanked, declined to rate) is still recorded.
    expect((await visit('chief', { bookingId: b.id, method: 'sms', comments: '短信回访，未评价' })).status).toBe(200);

    const open = (await post('desk', '/api/bookings:register', {
      applicantName: '赵六', applicantPhone: '13905331299', channel: 'onSite', serviceItemId: ids['BDC-003'], start: '2026-02-18 09:00',
    }, BEFORE_HOLIDAY)).body.data;
    const notDone = await visit('section', { bookingId: open.id, method: 'phone', rating: 'satisfied' });
    expect(notDone.status).toBe(400);
    expect(notDone.body.errors[0].code).toBe('FOLLOW_UP_BOOKING_NOT_COMPLETED');
    expect(await t.db.getRepository('followUps').count({ filter: { bookingId: open.id } })).toBe(0);
  });

  it('R-AFT-2 a rating is accepted until 5 working days after the service (make-up Saturday counted), then refused in zh-CN', async () => {
    const b = await servedBooking();
    const late = await visit('section', { bookingId: b.id, method: 'phone', rating: 'satisfied', visitedAt: '2026-03-02T09:00:00+08:00' }, '2026-03-02T09:05:00+08:00');
    expect(late.status).toBe(400);
    expect(late.body.errors[0]).toMatchObject({ code: 'RATING_WINDOW_CLOSED', params: { deadline: '2026-02-28', days: 5 } });
    expect(late.body.errors[0].message).toContain('5 个工作日');
    const lastDay = await visit('section', { bookingId: b.id, method: 'phone', rating: 'satisfied', visitedAt: '2026-02-28T16:00:00+08:00' }, '2026-02-28T16:05:00+08:00');
    expect(lastDay.status).toBe(200);
    const bad = await visit('section', { bookingId: b.id, method: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].code).toBe('FOLLOW_UP_METHOD_INVALID');
  });

  it('R-AFT-2 a named bad review opens a case for the responsible window, due in 5 working days; an anonymous one does not', async () => {
    const b = await servedBooking();
    const res = await visit('section', { bookingId: b.id, method: 'phone', rating: 'dissatisfied', comments: '等候时间过长' });
    expect(res.status).toBe(200);
    const c = res.body.data.rectificationCase;
    // Opened Tue 02-24: 25, 26, 27, Sat 28 (调休), Mon 03-02.
    expect(c).toMatchObject({ windowId: windowId.A01, bookingId: b.id, status: 'open', dueDate: '2026-03-02', openedById: userId.section });
    expect(new Date(c.dueAt).toISOString()).toBe('2026-03-02T16:00:00.000Z');
    const anon = await servedBooking();
    const anonymous = await visit('section', { bookingId: anon.id, method: 'sms', rating: 'veryDissatisfied', anonymous: true });
    expect(anonymous.body.data).toMatchObject({ badReview: true, anonymous: true, rectificationCase: null });
  });

  it('R-AFT-2 R-X-2 the window records the callback; its lead closes on time; another window can neither see nor act', async () => {
    const b = await servedBooking();
    const c = (await visit('section', { bookingId: b.id, method: 'phone', rating: 'veryDissatisfied', comments: '材料一次性告知不全' })).body.data.rectificationCase;
    const now = '2026-02-25T10:00:00+08:00';
    const early = await onCase('lead', 'close', c.id, { outcome: '已整改' }, now);
    expect(early.status).toBe(400);
    expect(early.body.errors[0].code).toBe('CALLBACK_REQUIRED');
    const other = await onCase('lead7', 'recordCallback', c.id, { result: 'x' }, now);
    expect(other.status).toBe(403);
    expect(other.body.errors[0].code).toBe('RECORD_NOT_YOUR_WINDOW');
    expect((await onCase('staff', 'addStep', c.id, { note: '窗口内部通报，补充一次性告知单' }, now)).status).toBe(200);
    const cb = await onCase('staff', 'recordCallback', c.id, { result: '已电话致歉并说明整改措施，申请人表示认可' }, now);
    expect(cb.status).toBe(200);
    expect(cb.body.data).toMatchObject({ callbackById: userId.staff, status: 'open' });
    expect((await onCase('staff', 'close', c.id, { outcome: '已整改' }, now)).status).toBe(403);
    const closed = await onCase('lead', 'close', c.id, { outcome: '已整改：一次性告知单补全' }, now);
    expect(closed.status).toBe(200);
    expect(closed.body.data).toMatchObject({ status: 'closed', closedById: userId.lead, closedOnTime: true });
    expect(closed.body.data.steps.map((s: any) => s.kind)).toEqual(['opened', 'step', 'recordCallback', 'close']);
    const again = await onCase('lead', 'addStep', c.id, { note: 'x' }, now);
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe('CASE_ACTION_NOT_ALLOWED');

    const mine = await as.lead.get('/api/rectificationCases:list?pageSize=100').set('X-Test-Now', now);
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((r: any) => r.id)).toContain(c.id);
    const theirs = await as.lead7.get('/api/rectificationCases:list?pageSize=100').set('X-Test-Now', now);
    expect(theirs.body.data.map((r: any) => r.id)).not.toContain(c.id);
    expect((await as.desk.get('/api/rectificationCases:list').set('X-Test-Now', now)).status).toBe(403);
  });

  it('R-AFT-2 R-SUP-1 an open case past its due time is flagged overdue once and proposes penalty points against the window', async () => {
    const b = await servedBooking();
    const c = (await visit('section', { bookingId: b.id, method: 'phone', rating: 'dissatisfied' })).body.data.rectificationCase;
    const before = await post('section', '/api/rectificationCases:checkOverdue', {}, '2026-03-02T23:59:00+08:00');
    expect(before.status).toBe(200);
    expect((await t.db.getRepository('rectificationCases').findOne({ filterByTk: c.id })).get('status')).toBe('open');
    expect((await post('staff', '/api/rectificationCases:checkOverdue', {}, '2026-03-03T08:00:00+08:00')).status).toBe(403);
    // Reading the list evaluates overdue-ness (restart-safe: the rule is in the rows, not in a timer).
    const list = await as.lead.get('/api/rectificationCases:list?pageSize=100').set('X-Test-Now', '2026-03-03T00:00:00+08:00');
    expect(list.body.data.find((r: any) => r.id === c.id).status).toBe('overdue');
    const twice = await Promise.all([1, 2, 3].map(() => post('section', '/api/rectificationCases:checkOverdue', {}, '2026-03-03T08:00:00+08:00')));
    expect(twice.map((r) => r.body.data.flagged)).toEqual([0, 0, 0]);
    const penalties = await t.db.getRepository('penalties').find({ filter: { evidenceType: 'rectificationCases', evidenceId: c.id } });
    expect(penalties.map((p: any) => p.get())).toEqual([expect.objectContaining({
      reason: 'overdueCase', status: 'proposed', points: 1, windowId: windowId.A01, bookingId: b.id,
    })]);
    expect(new Date(penalties[0].get('occurredAt')).toISOString()).toBe('2026-03-02T16:00:00.000Z');
    // Still workable: callback and close, recorded as late.
    await onCase('staff', 'recordCallback', c.id, { result: '已回复' }, '2026-03-03T09:00:00+08:00');
    const closed = await onCase('lead', 'close', c.id, { outcome: '已整改' }, '2026-03-03T09:10:00+08:00');
    expect(closed.body.data).toMatchObject({ status: 'closed', closedOnTime: false });
    expect(closed.body.data.steps.map((s: any) => s.kind)).toEqual(['opened', 'overdue', 'recordCallback', 'close']);
  });

  it('R-AFT-2 a malicious rating is appealed by the window lead and upheld by the chief: excluded, decision kept', async () => {
    const b = await servedBooking();
    const f = (await visit('section', { bookingId: b.id, method: 'phone', rating: 'veryDissatisfied', comments: '与办理无关的辱骂' })).body.data;
    const now = '2026-02-26T10:00:00+08:00';
    expect((await post('staff', `/api/followUps:appeal?filterByTk=${f.id}`, { reason: 'x' }, now)).status).toBe(403);
    expect((await post('lead7', `/api/followUps:appeal?filterByTk=${f.id}`, { reason: 'x' }, now)).status).toBe(403);
    const noReason = await post('lead', `/api/followUps:appeal?filterByTk=${f.id}`, {}, now);
    expect(noReason.status).toBe(400);
    const appealed = await post('lead', `/api/followUps:appeal?filterByTk=${f.id}`, { reason: '评价内容与办理无关，且申请人事后承认误评' }, now);
    expect(appealed.body.data).toMatchObject({ appealStatus: 'pending', appealedById: userId.lead, malicious: false });
    expect((await post('section', `/api/followUps:decideAppeal?filterByTk=${f.id}`, { decision: 'upheld' }, now)).status).toBe(403);
    const decided = await post('chief', `/api/followUps:decideAppeal?filterByTk=${f.id}`, { decision: 'upheld', note: '经核实为恶意差评' }, now);
    expect(decided.status).toBe(200);
    expect(decided.body.data).toMatchObject({ appealStatus: 'upheld', malicious: true, rating: 'veryDissatisfied', appealDecidedById: userId.chief, appealDecisionNote: '经核实为恶意差评' });
    const twice = await post('lead', `/api/followUps:appeal?filterByTk=${f.id}`, { reason: '再次申诉' }, now);
    expect(twice.body.errors[0].code).toBe('APPEAL_ALREADY_FILED');
    const good = (await visit('section', { bookingId: (await servedBooking()).id, method: 'phone', rating: 'satisfied' })).body.data;
    expect((await post('lead', `/api/followUps:appeal?filterByTk=${good.id}`, { reason: 'x' }, now)).body.errors[0].code).toBe('APPEAL_ONLY_BAD_REVIEW');
  });

  it('R-AFT-2 R-X-2 complaints: filed by the section, handled by the window against which they are, same deadline', async () => {
    const b = await servedBooking();
    const now = '2026-02-24T15:00:00+08:00';
    expect((await post('desk', '/api/complaints:file', { source: 'phone', subject: 'x', bookingId: b.id }, now)).status).toBe(403);
    const noSubject = await post('section', '/api/complaints:file', { source: 'phone', bookingId: b.id }, now);
    expect(noSubject.body.errors[0].code).toBe('COMPLAINT_SUBJECT_REQUIRED');
    const filed = await post('section', '/api/complaints:file', {
      source: 'phone', subject: '窗口人员办理时态度生硬', complainantName: '王建国', bookingId: b.id, againstUserId: userId.staff,
    }, now);
    expect(filed.status).toBe(200);
    expect(filed.body.data).toMatchObject({ windowId: windowId.A01, againstUserId: userId.staff, status: 'open', dueDate: '2026-03-02', source: 'phone' });
    const id = filed.body.data.id;
    const direct = await post('section', '/api/complaints:file', { source: 'section', subject: '税务窗口午休期间无人值守', windowId: windowId.A07 }, now);
    expect(direct.body.data).toMatchObject({ windowId: windowId.A07, bookingId: null });

    const staffList = await as.staff.get('/api/complaints:list?pageSize=100').set('X-Test-Now', now);
    expect(staffList.body.data.map((r: any) => r.id)).toEqual([id]);
    expect((await as.lead7.get('/api/complaints:list?pageSize=100').set('X-Test-Now', now)).body.data.map((r: any) => r.id)).toEqual([direct.body.data.id]);
    expect((await as.section.get('/api/complaints:list?pageSize=100').set('X-Test-Now', now)).body.data).toHaveLength(2);

    expect((await onCase('lead', 'addStep', id, { note: '约谈当事人' }, now, 'complaints')).status).toBe(200);
    const noOutcome = await onCase('lead', 'close', id, {}, now, 'complaints');
    expect(noOutcome.body.errors[0].code).toBe('OUTCOME_REQUIRED');
    const closed = await onCase('lead', 'close', id, { outcome: '当事人已道歉，纳入窗口月度考评' }, '2026-02-27T10:00:00+08:00', 'complaints');
    expect(closed.body.data).toMatchObject({ status: 'closed', closedById: userId.lead, closedOnTime: true });
    expect(closed.body.data.steps.map((s: any) => s.kind)).toEqual(['opened', 'step', 'close']);

    // The other complaint goes overdue like a case (same mechanism), with its penalty proposal.
    const flagged = await post('section', '/api/complaints:checkOverdue', {}, '2026-03-03T00:00:00+08:00');
    expect(flagged.body.data.flagged).toBeGreaterThanOrEqual(1);
    expect((await t.db.getRepository('complaints').findOne({ filterByTk: direct.body.data.id })).get('status')).toBe('overdue');
    expect(await t.db.getRepository('penalties').count({ filter: { evidenceType: 'complaints', evidenceId: direct.body.data.id, windowId: windowId.A07 } })).toBe(1);
  });

  it('R-X-3 bad input: unknown ids, a bad visit time, a bad level change nothing', async () => {
    const b = await servedBooking();
    const count = await t.db.getRepository('followUps').count();
    const cases = [
      [{ bookingId: 999999, method: 'phone' }, 'BOOKING_NOT_FOUND'],
      [{ bookingId: { $gt: 0 }, method: 'phone' }, 'BOOKING_NOT_FOUND'],
      [{ bookingId: b.id, method: 'phone', visitedAt: 'yesterday' }, 'INSTANT_INVALID'],
      [{ bookingId: b.id, method: 'phone', rating: 'good' }, 'RATING_LEVEL_INVALID'],
      [{ bookingId: b.id, method: 'phone', comments: { x: 1 } }, 'FIELD_NOT_TEXT'],
    ];
    for (const [body, code] of cases) {
      const res = await visit('section', body);
      expect([res.status, res.body.errors?.[0]?.code]).toEqual([code === 'BOOKING_NOT_FOUND' ? 404 : 400, code]);
      expect(res.body.errors[0].message).not.toMatch(/^[A-Z_]+$/);
    }
    expect(await t.db.getRepository('followUps').count()).toBe(count);
    expect((await onCase('lead', 'close', 999999, { outcome: 'x' }, '2026-02-25T10:00:00+08:00')).status).toBe(404);
  });

  // Last in the file: the workflow stays enabled (on SQLite, disabling it while its dispatcher
  // still holds the one connection fails).
  it('R-AFT-2 an overdue case triggers a NocoBase workflow (collection trigger on status → overdue)', async () => {
    const workflow = await t.db.getRepository('workflows').create({
      values: {
        title: '整改超期提醒', type: 'collection', enabled: true, sync: false,
        config: { mode: 2, collection: 'rectificationCases', changed: ['status'], condition: { $and: [{ status: { $eq: 'overdue' } }] } },
      },
    });
    const b = await servedBooking();
    const c = (await visit('section', { bookingId: b.id, method: 'phone', rating: 'dissatisfied' })).body.data.rectificationCase;
    const executions = () => t.db.getRepository('executions').count({ filter: { workflowId: workflow.get('id') } });
    // A step on the open case changes no status: no execution.
    await onCase('staff', 'addStep', c.id, { note: '已联系申请人' }, '2026-02-25T10:00:00+08:00');
    expect((await post('section', '/api/rectificationCases:checkOverdue', {}, '2026-03-20T08:00:00+08:00')).body.data.flagged).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 50 && (await executions()) === 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(await executions()).toBe(1);
  });
});
