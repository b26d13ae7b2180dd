// Workflow triggers and nodes on a real app (users, ACL, workflow, notification manager, in-app
// messages, the workflow notification node, ours): default workflows after install, the Booking
// event trigger with its context and filters, the Dispatch booking and Assign handler nodes, and
// the Booking time trigger driven by a controllable clock (APPOINTMENT_DUTY_TEST_NOW + tick()).
import { createTestApp, PLUGIN, TestApp } from '../helpers/app';
import { AUTO_DISPATCH_KEY, DEFAULT_WORKFLOWS, IN_APP_CHANNEL, installWorkflowDefaults } from '../../src/server/workflow/defaults';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';

/** Waits for the workflow engine (asynchronous on server databases) — polls, never moves time. */
async function waitFor(fn: () => Promise<any>, ok: (v: any) => boolean = Boolean, timeoutMs = 15000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('workflow: booking triggers and nodes', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const ids: Record<string, number> = {};
  const userId: Record<string, number> = {};
  let a01: number;

  const setNow = (iso: string) => {
    process.env.APPOINTMENT_DUTY_TEST_NOW = iso;
  };
  const scheduler = () => require('../../dist/server/index.js').bookingScheduler(t.app);
  /**
   * Until the workflow engine is idle, an earlier test's executions still run — and a queued event
   * runs in *their* async context, so a node would read that request's test clock, not ours.
   * (Seen in CI on MariaDB under load: the auto-dispatch node stamped BEFORE_HOLIDAY.)
   */
  const workflowsIdle = () => waitFor(async () => (t.app.pm.get('workflow') as any).dispatcher.idle);

  beforeAll(async () => {
    process.env.APPOINTMENT_DUTY_TEST_CLOCK = 'true';
    setNow(BEFORE_HOLIDAY);
    t = await createTestApp({ plugins: ['workflow-notification', PLUGIN] });
    await t.seedDemo();
    // The demo's second A01 staff member (staff2, the cover colleague) is the other candidate.
    a01 = (await t.db.getRepository('windows').findOne({ filter: { code: 'A01' } })).get('id');
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff', 'staff2']) {
      as[u] = await t.as(u);
      userId[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) ids[i.get('code')] = i.get('id');
  });
  afterAll(async () => {
    delete process.env.APPOINTMENT_DUTY_TEST_NOW;
    await t?.destroy();
  });

  beforeEach(() => setNow(BEFORE_HOLIDAY));

  const call = (user: string, action: string, body: any, now = BEFORE_HOLIDAY, id?: number) =>
    as[user].post(`/api/bookings:${action}${id ? `?filterByTk=${id}` : ''}`).set('X-Test-Now', now).send(body);
  // One applicant per booking: one number may not hold overlapping or more than 3 open bookings in a holiday (R-HOL-6).
  let phones = 0;
  const register = async (over: any = {}, now = BEFORE_HOLIDAY) => {
    const res = await call('desk', 'register', {
      applicantName: '王建国', applicantPhone: `1390533${1234 + phones++}`, channel: 'onSite', serviceItemId: ids['BDC-003'], start: '2026-02-17 10:00', ...over,
    }, now);
    expect(res.status).toBe(200);
    return res.body.data;
  };
  /** Registered, dispatched and signed for with `handler` (by default the demo staff). */
  const heldBooking = async (over: any = {}, handler = 'staff') => {
    const b = await register(over);
    expect((await call('section', 'dispatch', {}, BEFORE_HOLIDAY, b.id)).status).toBe(200);
    expect((await call('lead', 'signFor', { handler1Id: userId[handler] }, BEFORE_HOLIDAY, b.id)).status).toBe(200);
    return b;
  };
  const workflowByKey = (key: string) => t.db.getRepository('workflows').findOne({ filter: { key, current: true } });
  const executionsOf = async (workflowId: number, bookingId?: number) => {
    const rows = await t.db.getRepository('executions').find({ filter: { workflowId }, sort: ['id'] });
    return rows.filter((e: any) => bookingId === undefined || Number(e.get('context')?.data?.id) === bookingId);
  };
  const messagesTo = (user: string, containing = '') =>
    t.db.getRepository('notificationInAppMessages').find({
      filter: { userId: userId[user], channelName: IN_APP_CHANNEL, ...(containing ? { content: { $includes: containing } } : {}) },
    });
  const timersOf = (bookingId: number, workflowId: number) =>
    t.db.getRepository('bookingTimers').find({ filter: { bookingId, workflowId }, sort: ['id'] });

  it('default workflows and the in-app channel exist after install — enabled (auto-dispatch off), editable, never duplicated', async () => {
    const channel = await t.db.getRepository('notificationChannels').findOne({ filter: { name: IN_APP_CHANNEL } });
    expect(channel.get('notificationType')).toBe('in-app-message');
    for (const def of DEFAULT_WORKFLOWS) {
      const versions = await t.db.getRepository('workflows').find({ filter: { key: def.key }, appends: ['nodes'] });
      expect(versions).toHaveLength(1);
      expect(versions[0].get('enabled')).toBe(def.key !== AUTO_DISPATCH_KEY);
      expect(versions[0].get('type')).toBe(def.type);
      expect(versions[0].get('nodes')).toHaveLength(def.nodes.length);
    }
    // An upgrade / re-install runs the same code: nothing is created twice, nothing is overwritten.
    await t.db.getRepository('workflows').update({ filter: { key: 'govhall-notify-dispatch' }, values: { title: '派单通知（管理员改过）' } });
    expect(await installWorkflowDefaults(t.db)).toEqual([]);
    expect(await t.db.getRepository('workflows').count({ filter: { key: { $in: DEFAULT_WORKFLOWS.map((d) => d.key) } } })).toBe(DEFAULT_WORKFLOWS.length);
    expect((await workflowByKey('govhall-notify-dispatch')).get('title')).toBe('派单通知（管理员改过）');
    expect(await t.db.getRepository('notificationChannels').count({ filter: { name: IN_APP_CHANNEL } })).toBe(1);
  });

  it('R-DSP-1 Booking event: a registration notifies the section in-app, with the booking and its transition as context', async () => {
    const before = { section: (await messagesTo('section')).length, chief: (await messagesTo('chief')).length, desk: (await messagesTo('desk')).length };
    const b = await register({ start: '2026-02-17 09:00' });
    const wf = await workflowByKey('govhall-notify-new-booking');
    const [execution] = await waitFor(() => executionsOf(wf.get('id'), b.id), (l) => l.length > 0);
    const context = execution.get('context');
    expect(context.data).toMatchObject({ id: b.id, number: b.number, status: 'registered', serviceItem: { code: 'BDC-003' }, window: { id: a01 } });
    expect(context.event).toMatchObject({ action: 'register', from: null, to: 'registered', byId: userId.desk, role: 'desk' });
    const section = await waitFor(() => messagesTo('section', b.number), (l) => l.length > 0);
    expect(section[0].get('content')).toContain('新预约待派单');
    expect(section[0].get('content')).toContain('2026-02-17 09:00');
    expect((await waitFor(() => messagesTo('chief'), (l) => l.length > before.chief)).length).toBe(before.chief + 1);
    expect((await messagesTo('desk')).length).toBe(before.desk);
  });

  it('R-PRE-1 the context of a notice: the booking with its item, window, handlers and dispatch parts — users without their password', async () => {
    const b = await heldBooking({ start: '2026-02-17 11:00' });
    const wf = await workflowByKey('govhall-notify-assignment');
    const [execution] = await waitFor(() => executionsOf(wf.get('id'), b.id), (l) => l.length > 0);
    const data = execution.get('context').data;
    expect(data).toMatchObject({ id: b.id, handler1Id: userId.staff, serviceItem: { code: 'BDC-003' }, window: { id: a01, leadId: userId.lead } });
    expect(data.handler1).toMatchObject({ id: userId.staff, username: 'staff' });
    expect(data.handler1).not.toHaveProperty('password');
    expect(data.handler2).toBeNull();
    expect(data.dispatches.map((d: any) => d.id)).toEqual([...data.dispatches.map((d: any) => d.id)].sort((x: number, y: number) => x - y));
    expect(data.dispatches.find((d: any) => d.role === 'lead')).toMatchObject({ windowId: a01 });
    // The handler is told the number to call: the full one (R-PRE-1), though the row holds the mask.
    expect(data.applicantPhone).toMatch(/^1390533\d{4}$/);
  });

  it('Booking event filters: only the configured actions, items and channels fire', async () => {
    const wf: any = await t.db.getRepository('workflows').create({
      values: { title: 'filter test', type: 'bookingEvent', enabled: true, sync: false,
        config: { events: ['register'], serviceItemIds: [ids['GJJ-001']], channels: ['phone'] } },
    });
    const otherItem = await register({ start: '2026-02-18 09:00', channel: 'phone' });
    const onSite = await register({ start: '2026-02-18 09:00', serviceItemId: ids['GJJ-001'] });
    const match = await register({ start: '2026-02-18 09:30', serviceItemId: ids['GJJ-001'], channel: 'phone' });
    await call('section', 'dispatch', {}, BEFORE_HOLIDAY, match.id); // another action: not listened to
    const fired = await waitFor(() => executionsOf(wf.get('id')), (l) => l.length > 0);
    await waitFor(() => t.db.getRepository('bookingEvents').count({ filter: { bookingId: match.id, action: 'dispatch' } }));
    expect(fired.map((e: any) => e.get('context').data.id)).toEqual([match.id]);
    expect(otherItem.id).not.toBe(onSite.id);
    await t.db.getRepository('workflows').update({ filterByTk: wf.get('id'), values: { enabled: false } });
  });

  it('R-DSP-1 R-DSP-3 R-DSP-4 Dispatch booking node (auto-dispatch enabled): lead and cooperating windows, recorded like a manual dispatch; the lead is notified', async () => {
    await t.db.getRepository('workflows').update({ filter: { key: AUTO_DISPATCH_KEY, current: true }, values: { enabled: true } });
    try {
      // The node runs on the registration's commit, at that moment: 10:05 on the plugin's one clock.
      await workflowsIdle();
      const b = await register({ serviceItemId: ids['BDC-001'], start: '2026-02-19 10:00' }, '2026-02-10T10:05:00+08:00');
      const row = await waitFor(() => t.db.getRepository('bookings').findOne({ filterByTk: b.id, appends: ['dispatches'] }), (r: any) => r.get('status') === 'dispatched');
      expect(row.get('status')).toBe('dispatched');
      expect(new Date(row.get('dispatchedAt')).toISOString()).toBe('2026-02-10T02:05:00.000Z');
      expect(row.get('dispatches').map((d: any) => d.get('role')).sort()).toEqual(['cooperating', 'lead']);
      expect(row.get('windowId')).toBe(a01);
      const event = await t.db.getRepository('bookingEvents').findOne({ filter: { bookingId: b.id, action: 'dispatch' } });
      expect(event.get('role')).toBe('section');
      expect(event.get('data').windows).toHaveLength(2);
      // The Dispatch node's transition is itself a booking event: the default dispatch notice follows.
      const messages = await waitFor(() => messagesTo('lead', b.number), (l) => l.length > 0);
      expect(messages[0].get('content')).toContain('管理科已派单');
      // The node's result tells what it did.
      const wf = await workflowByKey(AUTO_DISPATCH_KEY);
      const [execution] = await executionsOf(wf.get('id'), b.id);
      const job = await waitFor(() => t.db.getRepository('jobs').findOne({ filter: { executionId: execution.get('id') } }));
      expect(job.get('result')).toMatchObject({ bookingId: b.id, status: 'dispatched' });
    } finally {
      setNow(BEFORE_HOLIDAY);
      await t.db.getRepository('workflows').update({ filter: { key: AUTO_DISPATCH_KEY, current: true }, values: { enabled: false } });
    }
  });

  it('R-X-3 Dispatch booking node on a booking that is not registered: the node fails with the rule code, the booking is unchanged', async () => {
    const wf: any = await t.db.getRepository('workflows').create({
      values: { title: 'dispatch twice', type: 'bookingEvent', enabled: true, sync: false, config: { events: ['signFor'] } },
    });
    await t.db.getRepository('flow_nodes').create({ values: { workflowId: wf.get('id'), type: 'bookingDispatch', title: 'dispatch', config: {} } });
    try {
      const b = await heldBooking({ start: '2026-02-19 14:00' });
      const [execution] = await waitFor(() => executionsOf(wf.get('id'), b.id), (l) => l.length > 0);
      const job = await waitFor(() => t.db.getRepository('jobs').findOne({ filter: { executionId: execution.get('id') } }));
      expect(job.get('status')).toBe(-1); // JOB_STATUS.FAILED
      expect(job.get('result')).toMatchObject({ code: 'ACTION_NOT_ALLOWED_FROM_STATUS' });
      expect((await t.db.getRepository('bookings').findOne({ filterByTk: b.id })).get('status')).toBe('signedFor');
      expect(await t.db.getRepository('bookingEvents').count({ filter: { bookingId: b.id, action: 'dispatch' } })).toBe(1);
    } finally {
      await t.db.getRepository('workflows').update({ filterByTk: wf.get('id'), values: { enabled: false } });
    }
  });

  it('Assign handler node: the published staff on duty with the fewest bookings in the slot; nobody on duty → left to the window lead, said in the result', async () => {
    const wf: any = await t.db.getRepository('workflows').create({
      values: { title: 'assign test', type: 'bookingEvent', enabled: true, sync: false, config: { events: ['signFor'] } },
    });
    await t.db.getRepository('flow_nodes').create({ values: { workflowId: wf.get('id'), type: 'bookingAssignHandler', title: 'assign', config: {} } });
    const shift = (user: string, date: string, over: any = {}) => ({
      date, windowId: a01, userId: userId[user], role: 'staff', status: 'published', kind: 'holiday',
      plannedStart: `${date}T09:00:00+08:00`, plannedEnd: `${date}T17:00:00+08:00`, ...over,
    });
    await t.db.getRepository('dutyShifts').createMany({ records: [
      shift('staff', '2026-02-20'), shift('staff2', '2026-02-20'), shift('lead', '2026-02-20', { role: 'lead' }),
      shift('staff2', '2026-02-21', { status: 'draft' }), shift('staff', '2026-02-21', { plannedEnd: '2026-02-21T10:00:00+08:00' }),
    ] });
    const jobOf = async (bookingId: number) => {
      const [execution] = await waitFor(() => executionsOf(wf.get('id'), bookingId), (l) => l.length > 0);
      return waitFor(() => t.db.getRepository('jobs').findOne({ filter: { executionId: execution.get('id') } }));
    };
    try {
      // Both on duty and idle: the lower id wins; then the other one, who has fewer bookings in the slot.
      const first = await heldBooking({ start: '2026-02-20 10:00' }, 'lead');
      expect((await jobOf(first.id)).get('result')).toMatchObject({ assigned: true, handlerIds: [Math.min(userId.staff, userId.staff2)] });
      const second = await heldBooking({ start: '2026-02-20 10:00' }, 'lead');
      const job = await jobOf(second.id);
      expect(job.get('result')).toMatchObject({ assigned: true, handlerIds: [Math.max(userId.staff, userId.staff2)] });
      expect(job.get('result').candidates).toEqual(expect.arrayContaining([{ userId: Math.min(userId.staff, userId.staff2), load: 1 }]));
      const row = await t.db.getRepository('bookings').findOne({ filterByTk: second.id });
      expect(row.get('handler1Id')).toBe(Math.max(userId.staff, userId.staff2));
      const event = await t.db.getRepository('bookingEvents').findOne({ filter: { bookingId: second.id, action: 'assignHandlers' } });
      expect(event.get('role')).toBe('windowLead');

      // 02-21: staff2 only in a draft roster, staff's shift ends before the appointment: nobody fits.
      const none = await heldBooking({ start: '2026-02-21 10:00' }, 'lead');
      expect((await jobOf(none.id)).get('result')).toMatchObject({ assigned: false, reason: 'NO_STAFF_ON_DUTY', leadId: userId.lead });
      expect((await t.db.getRepository('bookings').findOne({ filterByTk: none.id })).get('handler1Id')).toBe(userId.lead);
    } finally {
      await t.db.getRepository('workflows').update({ filterByTk: wf.get('id'), values: { enabled: false } });
    }
  });

  it('R-PRE-1 R-PRE-2 R-DAY-1 Booking time: no-contact reminder, day-before reminder, 30-minute late prompt — each once, at its time', async () => {
    const b = await heldBooking({ start: '2026-02-22 09:00' });
    const contact = await workflowByKey('govhall-remind-contact');
    const dayBefore = await workflowByKey('govhall-remind-day-before');
    const late = await workflowByKey('govhall-remind-late');
    const [timer] = await timersOf(b.id, late.get('id'));
    expect(timer.get('status')).toBe('pending');
    expect(new Date(timer.get('dueAt')).toISOString()).toBe('2026-02-22T01:30:00.000Z');

    const tickAt = async (iso: string) => {
      setNow(iso);
      return scheduler().tick();
    };
    await tickAt('2026-02-10T13:59:00+08:00');
    expect(await executionsOf(contact.get('id'), b.id)).toHaveLength(0);
    await tickAt('2026-02-10T14:01:00+08:00'); // signed for at 10:00, no contact: 4 h later
    const reminded = await waitFor(() => executionsOf(contact.get('id'), b.id), (l) => l.length > 0);
    expect(reminded[0].get('context').timer).toMatchObject({ field: 'assignedAt', lateMinutes: 1 });

    expect((await call('staff', 'logContact', { result: 'reached', materialsNoticeGiven: true }, '2026-02-11T09:00:00+08:00', b.id)).status).toBe(200);
    await tickAt('2026-02-21T08:59:00+08:00');
    expect(await executionsOf(dayBefore.get('id'), b.id)).toHaveLength(0);
    await tickAt('2026-02-21T09:00:30+08:00');
    await waitFor(() => executionsOf(dayBefore.get('id'), b.id), (l) => l.length > 0);

    await tickAt('2026-02-22T09:29:00+08:00');
    expect(await executionsOf(late.get('id'), b.id)).toHaveLength(0);
    await tickAt('2026-02-22T09:31:00+08:00');
    const prompted = await waitFor(() => executionsOf(late.get('id'), b.id), (l) => l.length > 0);
    expect(prompted[0].get('eventKey')).toBe(timer.get('fireKey'));
    const messages = await waitFor(() => messagesTo('staff', `30 分钟未到，请电话联系（${b.applicantPhone}）。预约单 ${b.number}`), (l) => l.length > 0);
    expect(messages).toHaveLength(1);
    await tickAt('2026-02-22T09:45:00+08:00');
    await waitFor(() => timersOf(b.id, late.get('id')), (l: any[]) => l[0]?.get('status') === 'fired');
    for (const w of [contact, dayBefore, late]) expect(await executionsOf(w.get('id'), b.id)).toHaveLength(1);
  });

  it('R-PRE-1 a contact logged in time drops the no-contact reminder; arrival drops the late prompt', async () => {
    const b = await heldBooking({ start: '2026-02-22 10:00' });
    const contact = await workflowByKey('govhall-remind-contact');
    const late = await workflowByKey('govhall-remind-late');
    expect((await call('staff', 'logContact', { result: 'reached', materialsNoticeGiven: true }, '2026-02-10T11:00:00+08:00', b.id)).status).toBe(200);
    expect((await timersOf(b.id, contact.get('id'))).map((r: any) => r.get('status'))).toEqual(['dropped']);
    expect((await call('staff', 'arrive', {}, '2026-02-22T09:50:00+08:00', b.id)).status).toBe(200);
    expect((await timersOf(b.id, late.get('id'))).map((r: any) => r.get('status'))).toEqual(['dropped']);
    setNow('2026-02-22T10:31:00+08:00');
    await scheduler().tick();
    expect(await executionsOf(contact.get('id'), b.id)).toHaveLength(0);
    expect(await executionsOf(late.get('id'), b.id)).toHaveLength(0);
  });

  it('R-RSC-2 a pending reschedule is planned 12 h before the appointment; an approved new time re-plans; cancel drops', async () => {
    const b = await heldBooking({ start: '2026-02-23 10:00' });
    const deadline = await workflowByKey('govhall-remind-reschedule-deadline');
    const late = await workflowByKey('govhall-remind-late');
    expect(await timersOf(b.id, deadline.get('id'))).toHaveLength(0); // nothing pending yet
    const asked = await call('staff', 'requestReschedule', { reason: '窗口系统升级', kind: 'ordinary', proposedStart: '2026-02-23T14:00:00+08:00' },
      '2026-02-20T09:00:00+08:00', b.id);
    expect(asked.status).toBe(200);
    const [planned] = await timersOf(b.id, deadline.get('id'));
    expect(new Date(planned.get('dueAt')).toISOString()).toBe('2026-02-22T14:00:00.000Z'); // 02-22 22:00 Shanghai
    const decided = await call('chief', 'decideReschedule', { decision: 'approved' }, '2026-02-20T10:00:00+08:00', b.id);
    expect(decided.status).toBe(200);
    expect((await timersOf(b.id, deadline.get('id'))).map((r: any) => r.get('status'))).toEqual(['dropped']);
    const lateTimers = await timersOf(b.id, late.get('id'));
    expect(lateTimers.map((r: any) => [r.get('status'), new Date(r.get('dueAt')).toISOString()])).toEqual([
      ['dropped', '2026-02-23T02:30:00.000Z'], ['pending', '2026-02-23T06:30:00.000Z'],
    ]);
    expect((await call('section', 'cancel', { reason: '申请人来电取消' }, '2026-02-20T11:00:00+08:00', b.id)).status).toBe(200);
    expect(await t.db.getRepository('bookingTimers').count({ filter: { bookingId: b.id, status: 'pending' } })).toBe(0);
  });

  it('R-AFT-1 follow-up reminder N working days after completion (calendar: Spring Festival skipped) goes to the section', async () => {
    const b = await heldBooking({ start: '2026-02-17 11:00' });
    await call('staff', 'logContact', { result: 'reached', materialsNoticeGiven: true }, '2026-02-16T09:00:00+08:00', b.id);
    await call('staff', 'arrive', {}, '2026-02-17T10:55:00+08:00', b.id);
    const done = await call('staff', 'complete', {
      outcome: '已办结', actualStart: '2026-02-17T11:00:00+08:00', actualEnd: '2026-02-17T11:10:00+08:00',
      applicantSignature: { kind: 'confirmation', value: '口头确认' },
    }, '2026-02-17T11:15:00+08:00', b.id);
    expect(done.status).toBe(200);
    const followUp = await workflowByKey('govhall-remind-follow-up');
    const [timer] = await timersOf(b.id, followUp.get('id'));
    // 02-17 is inside Spring Festival (02-15..23): the first working day after it is Tue 02-24, same wall time.
    expect(new Date(timer.get('dueAt')).toISOString()).toBe('2026-02-24T03:10:00.000Z');
    setNow('2026-02-24T11:11:00+08:00');
    await scheduler().tick();
    await waitFor(() => executionsOf(followUp.get('id'), b.id), (l) => l.length > 0);
    const messages = await waitFor(() => messagesTo('section', `请回访申请人并记录满意度评价。预约单 ${b.number}`), (l) => l.length > 0);
    expect(messages).toHaveLength(1);
    expect(await messagesTo('chief', `请回访申请人并记录满意度评价。预约单 ${b.number}`)).toHaveLength(1);
  });

  // Last in the file: the workflow stays enabled (on SQLite, disabling it while its dispatcher
  // still holds the one connection fails).
  it('an admin\'s own NocoBase collection-event workflow on bookings fires on a lifecycle step, once (the engine writes the booking itself)', async () => {
    const wf: any = await t.db.getRepository('workflows').create({
      values: { title: '签收后通知（管理员自建）', type: 'collection', enabled: true, sync: false,
        config: { mode: 2, collection: 'bookings', changed: ['status'], condition: { $and: [{ status: { $eq: 'signedFor' } }] } },
      },
    });
    const b = await heldBooking({ start: '2026-02-19 10:00' });
    const fired = await waitFor(() => t.db.getRepository('executions').find({ filter: { workflowId: wf.get('id') } }), (l) => l.length > 0);
    expect(fired).toHaveLength(1);
    expect(Number(fired[0].get('context').data.id)).toBe(b.id);
    // The next step moves the booking to contacted: the condition does not hold, no second run.
    expect((await call('staff', 'logContact', { result: 'reached' }, BEFORE_HOLIDAY, b.id)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await t.db.getRepository('executions').count({ filter: { workflowId: wf.get('id') } })).toBe(1);
  });
});
