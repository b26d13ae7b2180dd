// R-X-4 for the Booking time trigger: the schedule survives a restart (catch-up on start, with
// the maximum lateness), two Application processes on one PostgreSQL or MariaDB database fire each due item
// once, and a tick reads only due rows however many future bookings there are.
import { createTestApp, dropDatabase, PLUGIN, TestApp } from '../helpers/app';

const PLUGINS = ['workflow-notification', PLUGIN];
const BEFORE_HOLIDAY = '2026-02-10T10:00:00+08:00';
const isPostgres = process.env.DB_DIALECT === 'postgres';
const isMariadb = /^(mariadb|mysql)$/.test(process.env.DB_DIALECT ?? '');
const setNow = (iso: string) => {
  process.env.APPOINTMENT_DUTY_TEST_NOW = iso;
};
const schedulerOf = (t: TestApp) => require('../../dist/server/index.js').bookingScheduler(t.app);

async function waitFor(fn: () => Promise<any>, ok: (v: any) => boolean, timeoutMs = 15000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Registered, dispatched and signed for over HTTP (BDC-003 at A01, handler: the demo staff). */
async function heldBookings(t: TestApp, starts: string[]) {
  const users: Record<string, any> = {};
  for (const u of ['desk', 'section', 'lead']) users[u] = await t.as(u);
  const item = await t.db.getRepository('serviceItems').findOne({ filter: { code: 'BDC-003' } });
  const staff = await t.db.getRepository('users').findOne({ filter: { username: 'staff' } });
  const ids: number[] = [];
  for (const start of starts) {
    const post = (u: string, action: string, body: any, id?: number) =>
      users[u].post(`/api/bookings:${action}${id ? `?filterByTk=${id}` : ''}`).set('X-Test-Now', BEFORE_HOLIDAY).send(body);
    // One applicant per booking (R-HOL-6: one number holds at most 3 open bookings in a holiday, none overlapping).
    const reg = await post('desk', 'register', { applicantName: '王建国', applicantPhone: `1390533${1234 + ids.length}`, channel: 'onSite', serviceItemId: item.get('id'), start });
    expect(reg.status).toBe(200);
    expect((await post('section', 'dispatch', {}, reg.body.data.id)).status).toBe(200);
    expect((await post('lead', 'signFor', { handler1Id: staff.get('id') }, reg.body.data.id)).status).toBe(200);
    ids.push(reg.body.data.id);
  }
  return ids;
}

const workflowId = async (t: TestApp, key: string) => (await t.db.getRepository('workflows').findOne({ filter: { key, current: true } })).get('id');

describe('R-X-4 booking time schedule', () => {
  beforeAll(() => {
    process.env.APPOINTMENT_DUTY_TEST_CLOCK = 'true';
  });
  afterAll(() => {
    delete process.env.APPOINTMENT_DUTY_TEST_NOW;
  });

  it('R-X-4 restart catch-up: stop the app, move the clock past due, start → the due reminder fires once; one found too late is marked missed', async () => {
    setNow(BEFORE_HOLIDAY);
    const first = await createTestApp({ shared: true, plugins: PLUGINS });
    let second: TestApp | null = null;
    try {
      await first.seedDemo();
      const [booking] = await heldBookings(first, ['2026-02-17 10:00']);
      const late = await workflowId(first, 'govhall-remind-late');
      const dayBefore = await workflowId(first, 'govhall-remind-day-before');
      const timer = await first.db.getRepository('bookingTimers').findOne({ filter: { bookingId: booking, workflowId: late } });
      expect(timer.get('status')).toBe('pending');
      await first.app.destroy(); // the app is down …

      setNow('2026-02-17T10:40:00+08:00'); // … while the late prompt (10:30) and the day-before reminder (02-16 10:00) fall due
      second = await createTestApp({ reuse: first.database, plugins: PLUGINS, name: 'restarted' });
      await schedulerOf(second).idle(); // the catch-up tick ran on start
      const executions = () => second!.db.getRepository('executions').find({ filter: { workflowId: late } });
      const fired = await waitFor(executions, (l) => l.length > 0);
      expect(fired.map((e: any) => e.get('eventKey'))).toEqual([timer.get('fireKey')]);
      expect(fired[0].get('context').timer.lateMinutes).toBe(10);
      // More than a day late (the default maximum lateness): dropped as missed, never sent.
      const missed = await second.db.getRepository('bookingTimers').findOne({ filter: { bookingId: booking, workflowId: dayBefore } });
      expect(missed.get('status')).toBe('missed');
      expect(await second.db.getRepository('executions').count({ filter: { workflowId: dayBefore } })).toBe(0);

      await schedulerOf(second).tick();
      await waitFor(() => second!.db.getRepository('bookingTimers').findOne({ filterByTk: timer.get('id') }), (r: any) => r.get('status') === 'fired');
      expect(await executions()).toHaveLength(1);
    } finally {
      await second?.app.destroy();
      await dropDatabase(first.database);
    }
  });

  (isPostgres || isMariadb ? it : it.skip)('R-X-4 two Application instances on one PostgreSQL or MariaDB database tick together: each due reminder runs exactly once', async () => {
    setNow(BEFORE_HOLIDAY);
    const one = await createTestApp({ shared: true, plugins: PLUGINS });
    let two: TestApp | null = null;
    try {
      await one.seedDemo();
      const starts = ['09:00', '09:30', '10:00', '10:30', '11:00'].flatMap((h) => [`2026-02-18 ${h}`, `2026-02-18 ${h}`]);
      const bookings = await heldBookings(one, starts);
      two = await createTestApp({ reuse: one.database, plugins: PLUGINS, name: 'second' });
      const late = await workflowId(one, 'govhall-remind-late');
      setNow('2026-02-18T12:00:00+08:00'); // every late prompt is due (the last at 02-18 11:30)
      const rounds = await Promise.all([schedulerOf(one).tick(), schedulerOf(two).tick()]);
      const again = await Promise.all([schedulerOf(one).tick(), schedulerOf(two).tick()]);
      const executions = () => one.db.getRepository('executions').find({ filter: { workflowId: late } });
      // Generous: on a loaded 2-core machine ten executions with their notifications took over 15 s (CI).
      const all = await waitFor(executions, (l) => l.length >= bookings.length, 90000);
      await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now
      expect((await executions()).length).toBe(bookings.length);
      expect(new Set(all.map((e: any) => e.get('context').data.id))).toEqual(new Set(bookings));
      expect(rounds[0] + rounds[1]).toBe(bookings.length); // late prompts fired; older reminders were missed, not fired
      expect(again[0] + again[1]).toBe(0);
    } finally {
      await two?.app.destroy();
      await one.destroy();
    }
  });

  it('R-X-4 10,000 future bookings: a tick reads only the due rows (index range scan, rows examined = rows due)', async () => {
    setNow('2026-02-17T10:31:00+08:00');
    const t = await createTestApp({ plugins: PLUGINS });
    try {
      await t.seedDemo();
      const item = await t.db.getRepository('serviceItems').findOne({ filter: { code: 'BDC-003' } });
      const due = ['2026-02-17T09:00:00+08:00', '2026-02-17T09:30:00+08:00', '2026-02-17T10:00:00+08:00'];
      const rows = Array.from({ length: 10000 }, (_, i) => {
        const start = i < due.length ? new Date(due[i]) : new Date(Date.parse('2026-03-02T01:00:00Z') + (i % 500) * 86400000 + (i % 7) * 1800000);
        return { number: `B-${i}`, status: 'signedFor', kind: 'holiday', applicantName: '测试', applicantPhone: '13905331234', serviceItemId: item.get('id'),
          windowId: item.get('leadWindowId'), channel: 'onSite', appointmentStart: start, appointmentEnd: new Date(start.getTime() + 1200000) };
      });
      for (let i = 0; i < rows.length; i += 1000) await t.db.getModel('bookings').bulkCreate(rows.slice(i, i + 1000));
      // A workflow enabled now plans every existing booking (backfill), then ticks read only what is due.
      const wf: any = await t.db.getRepository('workflows').create({
        values: { title: 'late (bench)', type: 'bookingTime', enabled: true, sync: false,
          config: { field: 'appointmentStart', offset: 30, unit: 'minutes', statuses: ['signedFor', 'contacted'] } },
      });
      const scheduler = schedulerOf(t);
      await scheduler.idle();
      expect(await t.db.getRepository('bookingTimers').count({ filter: { workflowId: wf.get('id'), status: 'pending' } })).toBe(10000);

      let sql = '';
      const now = new Date('2026-02-17T10:31:00+08:00');
      const found = await scheduler.dueRows(now, { logging: (s: string) => (sql = s.replace(/^Executing \([^)]*\):\s*/, '')) });
      expect(found.filter((r: any) => String(r.workflowId) === String(wf.get('id')))).toHaveLength(3);
      expect(found.length).toBeLessThan(10); // only due rows; the 9,997 future ones are never read
      if (isPostgres) {
        await t.db.sequelize.query('ANALYZE "bookingTimers"');
        const [[{ 'QUERY PLAN': [plan] }]]: any = await t.db.sequelize.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
        const scans: any[] = [];
        const walk = (n: any) => { if (n['Relation Name'] === 'bookingTimers') scans.push(n); (n.Plans ?? []).forEach(walk); };
        walk(plan.Plan);
        expect(scans.map((n) => n['Node Type'])).toEqual([expect.stringMatching(/Index/)]);
        const examined = scans.reduce((sum, n) => sum + n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0), 0);
        expect(examined).toBe(found.length);
      } else if (isMariadb) {
        await t.db.sequelize.query('ANALYZE TABLE `bookingTimers`');
        // ANALYZE runs the statement and reports, per table, the access, the index and r_rows (rows read).
        const [[row]]: any = await t.db.sequelize.query(`ANALYZE FORMAT=JSON ${sql}`);
        const scans: any[] = [];
        const walk = (n: any) => {
          if (!n || typeof n !== 'object') return;
          if (n.table_name === 'bookingTimers') scans.push(n);
          Object.values(n).forEach(walk);
        };
        walk(JSON.parse(Object.values(row)[0] as string));
        expect(scans.map((n) => [n.access_type, n.key])).toEqual([['range', expect.stringMatching(/status.*workflow.*due/i)]]);
        expect(scans[0].used_key_parts).toEqual(['status', 'workflowId', 'dueAt']);
        expect(scans[0].r_rows).toBe(found.length); // rows read through the index = rows due
        expect(scans[0].r_filtered).toBe(100); // none read and then thrown away
      } else {
        const plan: any[] = await t.db.sequelize.query(`EXPLAIN QUERY PLAN ${sql}`, { type: 'SELECT' });
        const details = plan.map((p) => p.detail).join('\n');
        expect(details).toMatch(/SEARCH `?bookingTimers`? USING INDEX \S+ \(status=\? AND workflowId=\? AND dueAt<\?\)/);
        expect(details).not.toMatch(/SCAN `?bookingTimers`?/);
      }
      expect(await scheduler.tick()).toBe(3);
    } finally {
      await t.destroy();
    }
  });
});
