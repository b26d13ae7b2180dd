// Every number once (issue 14): the default reminders take their offsets and the numbers in their
// texts from the settings (预约+无休 › 基本设置) the rules use, so an admin changes a number once.
import { createTestApp, PLUGIN, TestApp } from '../helpers/app';
import { IN_APP_CHANNEL } from '../../src/server/workflow/defaults';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';

async function waitFor(fn: () => Promise<any>, ok: (v: any) => boolean, timeoutMs = 15000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('reminders follow the settings', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const userId: Record<string, number> = {};
  let itemId: number;
  const setNow = (iso: string) => {
    process.env.APPOINTMENT_DUTY_TEST_NOW = iso;
  };
  const scheduler = () => require('../../dist/server/index.js').bookingScheduler(t.app);

  beforeAll(async () => {
    process.env.APPOINTMENT_DUTY_TEST_CLOCK = 'true';
    setNow(BEFORE_HOLIDAY);
    t = await createTestApp({ plugins: ['workflow-notification', PLUGIN] });
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff']) {
      as[u] = await t.as(u);
      userId[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    itemId = (await t.db.getRepository('serviceItems').findOne({ filter: { code: 'BDC-003' } })).get('id');
  });
  afterAll(async () => {
    delete process.env.APPOINTMENT_DUTY_TEST_NOW;
    await t?.destroy();
  });
  beforeEach(() => setNow(BEFORE_HOLIDAY));

  const call = (user: string, action: string, body: any, now = BEFORE_HOLIDAY, id?: number) =>
    as[user].post(`/api/bookings:${action}${id ? `?filterByTk=${id}` : ''}`).set('X-Test-Now', now).send(body);
  const setSettings = async (booking: Record<string, number>) => {
    const res = await as.admin.post('/api/appointmentSettings:update').send({ booking });
    expect(res.status).toBe(200);
    await scheduler().idle(); // the re-plan of the reminders that name a changed setting
  };
  const held = async (start: string, phone: string) => {
    const reg = await call('desk', 'register', { applicantName: '王建国', applicantPhone: phone, channel: 'onSite', serviceItemId: itemId, start });
    expect(reg.status).toBe(200);
    expect((await call('section', 'dispatch', {}, BEFORE_HOLIDAY, reg.body.data.id)).status).toBe(200);
    expect((await call('lead', 'signFor', { handler1Id: userId.staff }, BEFORE_HOLIDAY, reg.body.data.id)).status).toBe(200);
    return reg.body.data;
  };
  const workflowId = async (key: string) => (await t.db.getRepository('workflows').findOne({ filter: { key, current: true } })).get('id');
  const timers = (bookingId: number, wf: number) => t.db.getRepository('bookingTimers').find({ filter: { bookingId, workflowId: wf }, sort: ['id'] });
  const executions = async (wf: number, bookingId: number) =>
    (await t.db.getRepository('executions').find({ filter: { workflowId: wf } })).filter((e: any) => Number(e.get('context')?.data?.id) === bookingId);
  const due = (rows: any[]) => rows.map((r) => [r.get('status'), new Date(r.get('dueAt')).toISOString()]);

  it('R-RSC-2 an admin who sets 24 h notice gets refusals at 24 h and the deadline reminder 24 h before', async () => {
    await setSettings({ rescheduleNoticeHours: 24 });
    try {
      const b = await held('2026-02-20 10:00', '13905330001');
      const tooLate = await call('staff', 'requestReschedule', { reason: '系统升级', kind: 'ordinary' }, '2026-02-19T12:00:00+08:00', b.id);
      expect(tooLate.status).toBe(400);
      expect(tooLate.body.errors[0].code).toBe('RESCHEDULE_NOTICE_TOO_SHORT');
      const asked = await call('staff', 'requestReschedule', { reason: '系统升级', kind: 'ordinary' }, '2026-02-18T09:00:00+08:00', b.id);
      expect(asked.status).toBe(200);
      const deadline = await workflowId('govhall-remind-reschedule-deadline');
      expect(due(await timers(b.id, deadline))).toEqual([['pending', '2026-02-19T02:00:00.000Z']]); // 02-19 10:00 Shanghai
      setNow('2026-02-19T10:01:00+08:00');
      await scheduler().tick();
      await waitFor(() => executions(deadline, b.id), (l) => l.length > 0);
      const chief = await waitFor(() => t.db.getRepository('notificationInAppMessages').find({
        filter: { userId: userId.chief, channelName: IN_APP_CHANNEL, content: { $includes: `变更申请仍待审批。预约单 ${b.number}` } },
      }), (l) => l.length > 0);
      expect(chief).toHaveLength(1);
      expect(chief[0].get('content')).toContain('已不足 24 小时');
    } finally {
      await setSettings({ rescheduleNoticeHours: 12 });
    }
  });

  it('R-DAY-1 a changed late setting moves the planned late prompts: the old time is dropped, the new one fires once with the new number', async () => {
    const b = await held('2026-02-21 10:00', '13905330002');
    const late = await workflowId('govhall-remind-late');
    expect(due(await timers(b.id, late))).toEqual([['pending', '2026-02-21T02:30:00.000Z']]);
    await setSettings({ lateMinutes: 45 });
    try {
      // Planned again for the new offset; the old row stays until its time, then is dropped unsent.
      expect(due(await timers(b.id, late))).toEqual([['pending', '2026-02-21T02:30:00.000Z'], ['pending', '2026-02-21T02:45:00.000Z']]);
      setNow('2026-02-21T10:31:00+08:00');
      await scheduler().tick();
      expect(due(await timers(b.id, late))[0]).toEqual(['dropped', '2026-02-21T02:30:00.000Z']);
      expect(await executions(late, b.id)).toHaveLength(0);
      setNow('2026-02-21T10:46:00+08:00');
      await scheduler().tick();
      await waitFor(() => executions(late, b.id), (l) => l.length > 0);
      const sent = await waitFor(() => t.db.getRepository('notificationInAppMessages').find({
        filter: { userId: userId.staff, channelName: IN_APP_CHANNEL, content: { $includes: `预约单 ${b.number}` } },
      }), (l) => l.some((m: any) => m.get('content').includes('45 分钟未到')));
      expect(sent.filter((m: any) => m.get('content').includes('分钟未到'))).toHaveLength(1);
      expect(sent.find((m: any) => m.get('content').includes('分钟未到')).get('content')).toContain('已超过约定时间 45 分钟未到');
      // A new booking is planned with the new offset straight away.
      const next = await held('2026-02-21 14:00', '13905330003');
      expect(due(await timers(next.id, late))).toEqual([['pending', '2026-02-21T06:45:00.000Z']]);
      expect(await executions(late, b.id)).toHaveLength(1);
    } finally {
      await setSettings({ lateMinutes: 30 });
    }
  });

  it('R-PRE-1 the contact reminder counts the configured hours from the assignment', async () => {
    await setSettings({ contactReminderHours: 6 });
    try {
      const b = await held('2026-02-22 10:00', '13905330004');
      const contact = await workflowId('govhall-remind-contact');
      expect(due(await timers(b.id, contact))).toEqual([['pending', '2026-02-10T08:00:00.000Z']]); // signed for 10:00 + 6 h
    } finally {
      await setSettings({ contactReminderHours: 4 });
    }
  });
});
