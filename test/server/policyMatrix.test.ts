// The access policy over HTTP, generated (R-X-2, R-DSP-2, R-DSP-3, R-PRE-1, R-X-6): every relation
// an actor can have to a booking — each a real user of a real app (the demo plus a second and
// third window with their own leads and staff, a cooperating window on the item, a recorder, a
// handler, a staff member who is not the handler) — times every lifecycle action, on a booking in
// every reachable status. The policy's answer (src/rules/policy.ts BOOKING_POLICY) decides the
// expectation: allowed → never 403 (200 when the status fits, else the state machine's 400);
// refused → 403 and no row of any booking, duty or comp-time table changed. Bookings are put into
// their status through the booking service in-process (the same functions the actions call),
// which is much faster than an HTTP chain per booking.
import { createTestApp, TestApp } from '../helpers/app';
import { BOOKING_DENIED, BOOKING_POLICY, BookingPolicyAction, BookingRelation } from '../../src/rules/policy';
import { BOOKING_ACTIONS, BookingAction, TRANSITIONS } from '../../src/rules/booking';

type Agent = Awaited<ReturnType<TestApp['as']>>;
type Label = BookingRelation | 'otherWindowLead' | 'otherWindowStaff';
type PoolKey = 'registered' | 'dispatched' | 'signedFor' | 'contacted' | 'inService' | 'completed' | 'abandoned' | 'cancelled'
  | 'signedFor+pending' | 'contacted+pending';

const T0 = '2026-02-10T10:00:00+08:00'; // a working day before Spring Festival (02-15..23)
const MIN = 60000;
/** Who holds each relation to every matrix booking (BDC-001: lead window A01, cooperating A07). */
const USER_OF: Record<Label, string> = {
  admin: 'admin', desk: 'desk2', recorder: 'desk', section: 'section', sectionChief: 'chief',
  leadWindowLead: 'lead', leadWindowStaff: 'staff2', handler: 'staff', coopWindowLead: 'lead7', coopWindowStaff: 'staff7',
  otherWindowLead: 'lead2', otherWindowStaff: 'staff3',
};
const LABELS = Object.keys(USER_OF) as Label[];
/** The statuses a booking reaches, and the two open ones with a reschedule waiting for the chief. */
const POOLS: PoolKey[] = ['registered', 'dispatched', 'signedFor', 'contacted', 'inService', 'completed', 'abandoned', 'cancelled',
  'signedFor+pending', 'contacted+pending'];
const TABLES = ['bookings', 'bookingEvents', 'bookingContacts', 'rescheduleRequests', 'bookingDispatches', 'slotSeats', 'compTimeEntries', 'dutyShifts'];

/** The policy's answer for a relation (the recorder is a desk user too). */
function policyAllows(label: Label, action: BookingPolicyAction): boolean {
  const holds: string[] = label === 'recorder' ? ['recorder', 'desk'] : [label];
  const denied = holds.some((r) => (BOOKING_DENIED[action] ?? []).includes(r as BookingRelation));
  return !denied && holds.some((r) => (BOOKING_POLICY[action] as readonly string[]).includes(r));
}
/** `bookings:signFor` by a cooperating window's lead is its own part's sign-for (R-DSP-3). */
const stepOf = (label: Label | 'none', action: BookingAction): BookingAction =>
  action === 'signFor' && !allowedFor(label, 'signFor') && allowedFor(label, 'signForCooperation') ? 'signForCooperation' : action;

/**
 * The relation the user really holds to the booking in that state: the handler is a handler once
 * signed for (staff of the window before), a cooperating window is one once dispatched (nobody's
 * before). The cancelled pool was cancelled after contact, so both hold there.
 */
function held(label: Label, pool: PoolKey): Label | 'none' {
  const early = pool === 'registered' || pool === 'dispatched';
  if (label === 'handler' && early) return 'leadWindowStaff';
  if (label.startsWith('coop') && pool === 'registered') return 'none';
  return label;
}
const allowedFor = (label: Label | 'none', action: BookingPolicyAction) => label !== 'none' && policyAllows(label, action);

const rule = (label: Label) => (label.startsWith('coop') ? 'R-DSP-3' : label === 'leadWindowStaff' || label === 'handler' ? 'R-PRE-1' : 'R-DSP-2');

describe('R-X-2 the booking policy over HTTP: relation × action × status', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const uid: Record<string, number> = {};
  const users: Record<string, any> = {};
  let item: number;
  const pools = new Map<PoolKey, { id: number; start: Date }[]>();
  let slot = 0;
  let phone = 0;

  const svc = () => require('../../dist/server/index.js');
  /** One step of the booking service as a real user (their own roles and windows) at `now`. */
  const step = (username: string, now: Date, fn: (s: any, a: any) => Promise<any>) => {
    const { inWriteTransaction, actorOfUser, bookingService } = svc();
    return inWriteTransaction(t.app, t.db, async (transaction: any) =>
      fn(bookingService, { db: t.db, app: t.app, now, transaction, actor: await actorOfUser(t.db, users[username], transaction) }));
  };

  /** The next free start of BDC-001 (90 min, 2 seats) on the holiday days. */
  function nextStart(): string {
    const starts = ['09:00', '09:30', '10:00', '10:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30'];
    const n = Math.floor(slot++ / 2);
    const day = 16 + Math.floor(n / starts.length);
    if (day > 23) throw new Error('matrix: out of slots');
    return `2026-02-${day} ${starts[n % starts.length]}`;
  }

  /** A new booking of BDC-001 in `key`, made the way the people would make it. */
  async function make(key: PoolKey): Promise<{ id: number; start: Date }> {
    const t0 = new Date(T0);
    const b = await step('desk', t0, (s, a) => s.register(a, {
      applicantName: '矩阵测试', applicantPhone: `139${String(10000000 + phone++).slice(-8)}`, channel: 'onSite', serviceItemId: item, start: nextStart(),
    }));
    const bookingId = b.get('id');
    const start = new Date(b.get('appointmentStart'));
    const at = (offsetMin: number) => new Date(start.getTime() + offsetMin * MIN);
    const [status, pending] = key.split('+');
    if (status === 'registered') return { id: bookingId, start };
    await step('section', t0, (s, a) => s.dispatch(a, { bookingId }));
    if (status === 'dispatched') return { id: bookingId, start };
    await step('lead', t0, (s, a) => s.signFor(a, { bookingId, handler1Id: uid.staff }));
    if (status !== 'signedFor' && status !== 'abandoned') {
      await step('staff', new Date(t0.getTime() + 60 * MIN), (s, a) => s.logContact(a, { bookingId, result: 'reached', materialsNoticeGiven: true }));
    }
    if (status === 'cancelled') await step('section', new Date(t0.getTime() + 90 * MIN), (s, a) => s.cancel(a, { bookingId, reason: '申请人来电取消' }));
    if (pending) {
      await step('staff', new Date(t0.getTime() + 90 * MIN), (s, a) => s.requestReschedule(a, {
        bookingId, reason: '申请人临时出差', kind: 'ordinary', proposedStart: new Date(start.getTime() + 86400000).toISOString(),
      }));
    }
    if (status === 'abandoned') await step('staff', at(31), (s, a) => s.abandon(a, { bookingId, reason: '申请人表示放弃' }));
    if (status === 'inService' || status === 'completed') await step('staff', at(-5), (s, a) => s.arrive(a, { bookingId }));
    if (status === 'completed') {
      await step('staff', at(55), (s, a) => s.complete(a, {
        bookingId, outcome: '已办结', actualStart: start, actualEnd: at(50), applicantSignature: { kind: 'confirmation', value: '当场确认' },
      }));
    }
    return { id: bookingId, start };
  }

  async function booking(key: PoolKey) {
    const pool = pools.get(key) ?? [];
    pools.set(key, pool);
    if (!pool.length) pool.push(await make(key));
    return pool[0];
  }
  /** An allowed step changed the booking: the next cell needs a fresh one. */
  const used = (key: PoolKey) => pools.get(key)!.shift();

  /** When and with what each step is asked, relative to the booking's agreed start. */
  function request(action: BookingAction, start: Date): { now: Date; body: Record<string, unknown> } {
    const at = (m: number) => new Date(start.getTime() + m * MIN);
    const before = new Date(new Date(T0).getTime() + 180 * MIN);
    switch (action) {
      case 'register': return { now: before, body: { applicantName: '矩阵测试', applicantPhone: '13900000000', channel: 'onSite', serviceItemId: item, start: '2026-02-23 15:30' } };
      case 'signFor': case 'assignHandlers': return { now: before, body: { handler1Id: uid.staff } };
      case 'logContact': return { now: before, body: { result: 'reached', materialsNoticeGiven: true } };
      case 'requestReschedule': return { now: before, body: { reason: '窗口系统升级', kind: 'ordinary', proposedStart: at(24 * 60).toISOString() } };
      case 'decideReschedule': return { now: before, body: { decision: 'rejected', note: '原时间不变' } };
      case 'arrive': return { now: at(-5), body: {} };
      case 'complete': return { now: at(55), body: { outcome: '已办结', actualStart: start.toISOString(), actualEnd: at(50).toISOString(),
        applicantSignature: { kind: 'confirmation', value: '当场确认' } } };
      case 'correctServedTime': return { now: at(120), body: { actualStart: at(5).toISOString(), actualEnd: at(40).toISOString(), reason: '按登记表更正' } };
      case 'abandon': return { now: at(31), body: { reason: '申请人表示放弃' } };
      case 'cancel': return { now: before, body: { reason: '申请人来电取消' } };
      default: return { now: before, body: {} };
    }
  }

  /** Row count, latest updatedAt and highest id of every table an action could touch, in one query. */
  let snapshotSql = '';
  const snapshot = async () => {
    if (!snapshotSql) {
      const q = (s: string) => t.db.sequelize.getQueryInterface().quoteIdentifier(s);
      snapshotSql = 'SELECT ' + TABLES.map((name, i) => {
        const c = t.db.getCollection(name);
        const f = (attr: string) => q((c.model.rawAttributes as any)[attr].field);
        return `(SELECT COUNT(*) FROM ${c.quotedTableName()}) AS c${i}, (SELECT MAX(${f('updatedAt')}) FROM ${c.quotedTableName()}) AS u${i}, (SELECT MAX(${f('id')}) FROM ${c.quotedTableName()}) AS m${i}`;
      }).join(', ');
    }
    const [row] = await t.db.sequelize.query(snapshotSql, { type: 'SELECT' as any });
    return Object.fromEntries(Object.entries(row as any).map(([k, v]) => [k, v == null ? null : String(v)]));
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    // The notification workflows are not what this file measures.
    await t.db.getRepository('workflows').update({ filter: { enabled: true }, values: { enabled: false } });
    const windows = t.db.getRepository('windows');
    const code = async (c: string) => (await windows.findOne({ filter: { code: c } })).get('id');
    const [a02, a03, a07] = [await code('A02'), await code('A03'), await code('A07')];
    const person = async (username: string, role: string, lead?: number, staff?: number) => {
      const u = await t.db.getRepository('users').create({ values: { username, nickname: username, password: 'x1234567', roles: [role] } });
      if (lead) await windows.update({ filterByTk: lead, values: { leadId: u.get('id') } });
      if (staff) await (t.db.getRepository('windows.staff', staff) as any).add(u.get('id'));
    };
    await person('desk2', 'desk');
    await person('lead7', 'windowLead', a07); // the cooperating window of BDC-001
    await person('staff7', 'windowStaff', undefined, a07);
    await person('lead2', 'windowLead', a02); // a second window with its own lead and staff
    await person('staff2b', 'windowStaff', undefined, a02);
    await person('lead3', 'windowLead', a03); // and a third
    await person('staff3', 'windowStaff', undefined, a03);
    for (const u of Object.values(USER_OF)) {
      users[u] = await t.db.getRepository('users').findOne({ filter: { username: u } });
      uid[u] = users[u].get('id');
      as[u] = await t.as(u);
    }
    item = (await t.db.getRepository('serviceItems').findOne({ filter: { code: 'BDC-001' } })).get('id');
  });
  afterAll(() => t?.destroy());

  const LIFECYCLE = BOOKING_ACTIONS.filter((a) => a !== 'register');
  const cells = POOLS.flatMap((pool) => {
    const actions = pool.endsWith('+pending') ? (['decideReschedule'] as BookingAction[]) : LIFECYCLE;
    return actions.flatMap((action) => LABELS.map((label) => [pool, action, label] as const));
  });

  it('covers every relation, every lifecycle action and every reachable status', () => {
    expect(new Set(cells.map(([, , l]) => l)).size).toBe(12);
    expect(new Set(cells.map(([, a]) => a))).toEqual(new Set(LIFECYCLE));
    expect(new Set(cells.map(([p]) => p.split('+')[0]))).toEqual(new Set(['registered', 'dispatched', 'signedFor', 'contacted', 'inService',
      'completed', 'abandoned', 'cancelled']));
  });

  const answer = (pool: PoolKey, action: BookingAction, label: Label) => allowedFor(held(label, pool), stepOf(held(label, pool), action));
  it.each(cells.map(([pool, action, label]) => [
    `${rule(label)} ${action} on a ${pool} booking by ${USER_OF[label]} (${held(label, pool)}): ${answer(pool, action, label) ? 'allowed' : '403, nothing changed'}`,
    pool, action, label,
  ] as const))('%s', async (_title, pool, action, label) => {
    const b = await booking(pool);
    const { now, body } = request(action, b.start);
    const stepName = stepOf(held(label, pool), action);
    const allowed = answer(pool, action, label);
    const before = allowed ? null : await snapshot();
    const res = await as[USER_OF[label]].post(`/api/bookings:${action}?filterByTk=${b.id}`).set('X-Test-Now', now.toISOString()).send(body);
    const status = pool.split('+')[0] as any;
    if (!allowed) {
      expect({ status: res.status, body: res.body?.errors?.[0]?.code }).toEqual({ status: 403, body: expect.any(String) });
      expect(await snapshot()).toEqual(before);
      return;
    }
    if (TRANSITIONS[stepName].from.includes(status) && action === 'decideReschedule' && !pool.endsWith('+pending')) {
      expect({ status: res.status, code: res.body?.errors?.[0]?.code }).toEqual({ status: 400, code: 'NO_PENDING_RESCHEDULE' });
    } else if (TRANSITIONS[stepName].from.includes(status)) {
      expect({ status: res.status, error: res.body?.errors?.[0] }).toEqual({ status: 200, error: undefined });
      used(pool);
    } else {
      expect({ status: res.status, code: res.body?.errors?.[0]?.code }).toEqual({ status: 400, code: 'ACTION_NOT_ALLOWED_FROM_STATUS' });
    }
  });

  it('R-X-2 register: only the desk (and admins) take bookings', async () => {
    const { now, body } = request('register', new Date());
    for (const label of LABELS) {
      const res = await as[USER_OF[label]].post('/api/bookings:register').set('X-Test-Now', now.toISOString())
        .send({ ...body, applicantPhone: `1380000${String(LABELS.indexOf(label)).padStart(4, '0')}` });
      expect([label, res.status === 403]).toEqual([label, !policyAllows(label, 'register')]);
    }
  });
});
