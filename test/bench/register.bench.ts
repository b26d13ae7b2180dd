// The booking actions against plain NocoBase baselines in the same run (issues 3 and 14), on the
// app as it ships: the workflow, notification and workflow-notification plugins with the default
// workflows installed. Three phases in one run:
//   1. the defaults as installed (Booking event notices, Booking time reminders; auto-dispatch off),
//   2. the same with the Booking time workflows disabled (what reminder planning costs),
//   3. every workflow disabled (what the booking costs by itself).
// In each phase:
//   - register vs a plain NocoBase `create` on a collection with the same scalar fields (same desk
//     user, same "signed in" ACL path) vs a raw INSERT through the same driver, interleaved;
//   - each other lifecycle action (dispatch, signFor, logContact, arrive, complete) vs a plain
//     NocoBase `update` of one row by the same user, interleaved;
//   - 32 concurrent clients: register vs plain create, and the overbooked slots (must be 0).
import { Op } from '@nocobase/database';
import { createTestApp, PLUGIN, TestApp } from '../helpers/app';
import { compare, header, interleaved, load, runBench, Stats, target, throughput } from './harness';
import { applicants, definePlainBookings, springFestivalStarts } from './plainBaseline';

const NOW = '2026-02-10T10:00:00+08:00';
const N = Number(process.env.BENCH_N || 150);
const M = Number(process.env.BENCH_LIFECYCLE_N || 60);
const CLIENTS = 32;
const EACH = 8;

const shanghai = (local: string, plusMinutes = 0) => new Date(Date.parse(`${local.replace(' ', 'T')}:00+08:00`) + plusMinutes * 60000).toISOString();

/**
 * Resolves when the workflow engine has nothing queued or running (between phases), with the ms
 * from the call until it was first seen idle (of five quiet looks 20 ms apart): how long the work
 * started before the call took to end.
 */
async function engineIdle(t: TestApp, timeoutMs = 60000): Promise<number> {
  const wf: any = t.app.pm.get('workflow');
  const start = Date.now();
  const deadline = start + timeoutMs;
  let idleSince = start;
  for (let quiet = 0; quiet < 5 && Date.now() < deadline;) {
    const looked = Date.now();
    const d = wf.dispatcher;
    const queued = await t.db.getModel('executions').count({ where: { [Op.or]: [{ status: null }, { status: 0 }] } });
    const busy = d.executing || d.saving || d.events.length || queued;
    if (busy) quiet = 0;
    else if (quiet++ === 0) idleSince = looked;
    await new Promise((r) => setTimeout(r, 20));
  }
  return idleSince - start;
}

async function main() {
  header(`bookings actions vs plain NocoBase, N = ${N} interleaved, lifecycle N = ${M}, ${CLIENTS} clients × ${EACH}`);
  const t = await createTestApp({ plugins: ['workflow-notification', PLUGIN] });
  try {
    await t.seedDemo();
    const db = t.db;
    const as = Object.fromEntries(await Promise.all(['desk', 'section', 'lead', 'staff'].map(async (u) => [u, await t.as(u)] as const)));
    const staffId = (await db.getRepository('users').findOne({ filter: { username: 'staff' } })).get('id');
    await definePlainBookings(t);
    const items = (await db.getRepository('serviceItems').find({ filter: { published: true, expectedMinutes: { $lte: 30 } } }))
      .map((i: any) => ({ id: i.get('id'), capacity: Number(i.get('capacityPerSlot')) }));
    const a01 = (await db.getRepository('windows').findOne({ filter: { code: 'A01' } })).get('id');
    const a01Items = (await db.getRepository('serviceItems').find({ filter: { leadWindowId: a01, published: true, expectedMinutes: { $lte: 30 } } }))
      .map((i: any) => i.get('id'));
    const grid = springFestivalStarts();
    let k = 0;
    const nextSlot = () => {
      const n = k++;
      return { serviceItemId: items[n % items.length].id, start: grid[Math.floor(n / items.length) % grid.length] };
    };
    let lk = 0;
    const applicant = applicants();
    const post = (user: string, action: string, body: any, now = NOW) => as[user].post(`/api/${action}`).set('X-Test-Now', now).send(body);
    const ok = async (p: Promise<any>, what: string) => {
      const res = await p;
      if (res.status !== 200) throw new Error(`${what} ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      return res.body.data;
    };
    const table = db.getCollection('benchPlainBookings').quotedTableName();
    const q = (c: string) => db.sequelize.getQueryInterface().quoteIdentifier(c);
    const rawInsert = (i: number) => db.sequelize.query(
      `INSERT INTO ${table} (${['applicantName', 'applicantPhone', 'channel', 'status', 'kind', 'createdAt', 'updatedAt'].map(q).join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      { replacements: [`申请人${i}`, '13905331234', 'onSite', 'registered', 'holiday', new Date(), new Date()] },
    );
    const plainRows: number[] = [];
    const plainCreate = async () => {
      const row = await ok(post('desk', 'benchPlainBookings:create', { ...applicant(), ...nextSlot(), status: 'registered', kind: 'holiday' }), 'create');
      plainRows.push(row.id);
    };
    const plainUpdate = (user: string, i: number) => ok(post(user, `benchPlainBookings:update?filterByTk=${plainRows[i % plainRows.length]}`, { notes: `更新${i}` }), 'update');

    const summary: { phase: string; register: Stats; plain: Stats; raw: Stats; regPerSec: number; keptPerSec: number; plainPerSec: number; actions: Record<string, [Stats, Stats]> }[] = [];
    const count = (filter: any) => db.getRepository('workflows').count({ filter: { current: true, enabled: true, ...filter } });
    const [all, timed] = [await count({}), await count({ type: 'bookingTime' })];
    const phases: [string, () => Promise<void>][] = [
      [`defaults: the ${all} enabled default workflows (${timed} Booking time; auto-dispatch off)`, async () => undefined],
      [`the ${timed} Booking time workflows disabled (${all - timed} others on)`, async () => {
        await db.getRepository('workflows').update({ filter: { type: 'bookingTime', enabled: true }, values: { enabled: false } });
      }],
      // What the booking costs by itself: where the rest of a gap to the baseline comes from.
      ['every workflow disabled', async () => {
        await db.getRepository('workflows').update({ filter: { enabled: true }, values: { enabled: false } });
      }],
    ];
    // BENCH_PHASE=3: only that phase (its setup and the ones before it still run), e.g. to profile it.
    const only = Number(process.env.BENCH_PHASE) || 0;
    for (const [index, [phase, setup]] of phases.entries()) {
      await setup();
      if (only && index + 1 !== only) continue;
      await engineIdle(t);
      const enabled = await db.getRepository('workflows').find({ filter: { enabled: true, current: true } });
      console.log(`\n### ${phase}: ${enabled.map((w: any) => w.get('key')?.replace('govhall-', '') ?? w.get('title')).join(', ')}`);
      load('load');

      const r = await interleaved(N, {
        register: () => ok(post('desk', 'bookings:register', { ...applicant(), ...nextSlot() }), 'register'),
        plain: plainCreate,
        raw: rawInsert,
      });
      console.log('register (desk):');
      compare({ label: 'bookings:register', stats: r.register }, { label: 'plain NocoBase create', stats: r.plain });
      console.log(`  floor     raw INSERT (same driver)                     median ${r.raw.median.toFixed(2)} ms`);

      // Lifecycle: M bookings of A01 (lead `lead`, staff `staff`) taken through every step.
      const ids: number[] = [];
      const starts0: string[] = [];
      while (ids.length < M + 5) {
        const n = lk++;
        const start = grid[n % grid.length];
        const res = await post('desk', 'bookings:register', { ...applicant(), serviceItemId: a01Items[Math.floor(n / grid.length) % a01Items.length], start });
        if (res.body?.errors?.[0]?.code === 'SLOT_FULL') continue;
        ids.push((await ok(Promise.resolve(res), 'register')).id);
        starts0.push(start);
      }
      const at = (i: number) => (i < 0 ? M - i - 1 : i); // warm-up calls (negative i) use the spare bookings
      const steps: [string, string, (i: number) => any, (i: number) => string][] = [
        ['dispatch', 'section', () => ({}), () => NOW],
        ['signFor', 'lead', () => ({ handler1Id: staffId }), () => NOW],
        ['logContact', 'staff', () => ({ result: 'reached', materialsNoticeGiven: true }), () => NOW],
        ['arrive', 'staff', () => ({}), (i) => shanghai(starts0[i], -5)],
        ['complete', 'staff', (i) => ({
          outcome: '已办结', actualStart: shanghai(starts0[i]), actualEnd: shanghai(starts0[i], 15),
          applicantSignature: { kind: 'confirmation', value: '口头确认' },
        }), (i) => shanghai(starts0[i], 20)],
      ];
      const actions: Record<string, [Stats, Stats]> = {};
      console.log('lifecycle actions vs a plain update of one row by the same user:');
      for (const [action, user, body, now] of steps) {
        // The notices the previous step (or the registrations above) started run to their end
        // first: each step is timed beside its baseline with its own automation only.
        await engineIdle(t);
        const s = await interleaved(M, {
          action: (i: number) => ok(post(user, `bookings:${action}?filterByTk=${ids[at(i)]}`, body(at(i)), now(at(i))), action),
          update: (i: number) => plainUpdate(user, at(i)),
        });
        actions[action] = [s.action, s.update];
        compare({ label: `bookings:${action} (${user})`, stats: s.action }, { label: 'plain NocoBase update', stats: s.update });
      }

      // Each side starts with the engine idle: neither pays for notices the other started.
      await engineIdle(t);
      let accepted = 0;
      let full = 0;
      const reg = await throughput(CLIENTS, EACH, async () => {
        const res = await post('desk', 'bookings:register', { ...applicant(), ...nextSlot() });
        if (res.status === 200) accepted++;
        else if (res.body?.errors?.[0]?.code === 'SLOT_FULL') full++;
        else throw new Error(`concurrent register ${res.status} ${JSON.stringify(res.body)}`);
      });
      // The notices the burst started, still running after its last answer: with them, the rate
      // the app can keep up (answers and their notices) rather than the rate it answers a burst.
      const drainMs = await engineIdle(t);
      // Counted, not thrown: before the SQLite turns, concurrent plain creates broke each other
      // on SQLite's one connection ("cannot start a transaction within a transaction").
      let plainFailed = 0;
      const plainTp = await throughput(CLIENTS, EACH, () => plainCreate().catch(() => { plainFailed++; }));
      console.log(`${CLIENTS} concurrent clients:`);
      console.log(`  baseline  plain create   ${plainTp.perSec.toFixed(1)}/s (${plainTp.calls} in ${plainTp.secs.toFixed(1)} s${plainFailed ? `; ${plainFailed} FAILED` : ''})`);
      target('32 concurrent plain creates all succeed', plainFailed === 0, `${plainFailed} failed`);
      console.log(`  subject   register       ${reg.perSec.toFixed(1)}/s (${reg.calls} in ${reg.secs.toFixed(1)} s; ${accepted} accepted, ${full} slot full)`);
      console.log(`  ratio     ${(reg.perSec / plainTp.perSec).toFixed(2)}× plain create's throughput`);
      const kept = reg.calls / (reg.secs + drainMs / 1000);
      console.log(`  notices   the burst's notices ended ${(drainMs / 1000).toFixed(1)} s after its last answer: ` +
        `${kept.toFixed(1)}/s answered and notified, ${(kept / plainTp.perSec).toFixed(2)}× plain create's throughput`);
      load('load');
      summary.push({ phase, register: r.register, plain: r.plain, raw: r.raw, regPerSec: reg.perSec, keptPerSec: kept, plainPerSec: plainTp.perSec, actions });
    }

    const over = await overbooked(t, items);
    console.log(`\noverbooked slots: ${over}`);
    target('0 overbooked slots', over === 0);
    console.log('\nsummary (targets of issue 14):');
    for (const s of summary) {
      console.log(`  ${s.phase}`);
      target('register median ≤ 1.3× plain create', s.register.median <= 1.3 * s.plain.median, `${(s.register.median / s.plain.median).toFixed(2)}×`);
      target('register p95 ≤ 1.5× plain create', s.register.p95 <= 1.5 * s.plain.p95, `${(s.register.p95 / s.plain.p95).toFixed(2)}×`);
      target('32-client throughput ≥ 0.8× plain create', s.regPerSec >= 0.8 * s.plainPerSec,
        `${(s.regPerSec / s.plainPerSec).toFixed(2)}×; answered and notified ${(s.keptPerSec / s.plainPerSec).toFixed(2)}×`);
      for (const [action, [a, u]] of Object.entries(s.actions)) {
        target(`${action} median ≤ 1.5× plain update`, a.median <= 1.5 * u.median, `${(a.median / u.median).toFixed(2)}×`);
      }
    }
  } finally {
    await engineIdle(t, 30000).catch(() => undefined);
    await t.destroy();
  }
}

/** Slots holding more bookings than the item's capacity, counted from the open bookings themselves. */
async function overbooked(t: TestApp, items: { id: number; capacity: number }[]) {
  const open = await t.db.getRepository('bookings').find({ filter: { status: { $notIn: ['cancelled'] } }, fields: ['slotKey', 'serviceItemId'] });
  const bySlot = new Map<string, number>();
  for (const b of open) bySlot.set(b.get('slotKey'), (bySlot.get(b.get('slotKey')) ?? 0) + 1);
  const cap = new Map<string, number>(items.map((i) => [String(i.id), i.capacity]));
  const all = await t.db.getRepository('serviceItems').find();
  for (const i of all) if (!cap.has(String(i.get('id')))) cap.set(String(i.get('id')), Number(i.get('capacityPerSlot')));
  return [...bySlot].filter(([key, n]) => n > (cap.get(key.split(':')[0]) ?? Infinity)).length;
}

runBench(main);
