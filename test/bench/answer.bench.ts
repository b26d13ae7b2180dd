// What a desk user waits for (issue 14, "the answer does not wait for a notification"): register
// vs a plain NocoBase create, timed by a client in ANOTHER process (harness externalClient), as a
// browser is. register.bench.ts's client runs in the server's process, so there the workflows that
// run after an answer also delay the client reading it. Two phases: the defaults as installed, then
// every workflow disabled. In each, N calls of both interleaved: with the workflow engine idle
// before every call (the answer alone), and back to back (the answer beside the earlier calls'
// workflows).
import http from 'node:http';
import { createTestApp, PLUGIN } from '../helpers/app';
import { compare, externalClient, header, load, runBench, stats } from './harness';
import { applicants, definePlainBookings, springFestivalStarts } from './plainBaseline';

const NOW = '2026-02-10T10:00:00+08:00';
const N = Number(process.env.BENCH_N || 150);

async function main() {
  header(`bookings:register vs plain create, client in another process, N = ${N} interleaved`);
  // No request carries a test clock here: "now" for the whole app (the bench's one process).
  process.env.APPOINTMENT_DUTY_TEST_NOW = NOW;
  const t = await createTestApp({ plugins: ['workflow-notification', PLUGIN] });
  const server = http.createServer(t.app.callback()).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const client = await externalClient((server.address() as any).port);
  try {
    await t.seedDemo();
    await definePlainBookings(t);
    const desk = await t.as('desk');
    const headers = { Authorization: `Bearer ${desk.token}`, 'X-Authenticator': 'basic', 'X-Locale': 'zh-CN' };
    const items = (await t.db.getRepository('serviceItems').find({ filter: { published: true, expectedMinutes: { $lte: 30 } } })).map((i: any) => i.get('id'));
    const grid = springFestivalStarts();
    const applicant = applicants();
    let k = 0;
    const nextSlot = () => {
      const n = k++;
      return { serviceItemId: items[n % items.length], start: grid[Math.floor(n / items.length) % grid.length] };
    };
    const dispatcher = () => (t.app.pm.get('workflow') as any).dispatcher;
    // Idle three checks in a row: nothing queued, saving or executing (notices are sent by a node, inside executing).
    const engineIdle = async () => {
      for (let quiet = 0; quiet < 3;) {
        await new Promise((r) => setTimeout(r, 5));
        quiet = dispatcher().idle ? quiet + 1 : 0;
      }
    };
    const register = () => client.post('/api/bookings:register', headers, { ...applicant(), ...nextSlot() });
    const plain = () => client.post('/api/benchPlainBookings:create', headers, { ...applicant(), ...nextSlot(), status: 'registered', kind: 'holiday' });

    for (const phase of ['the defaults as installed', 'every workflow disabled']) {
      if (phase.startsWith('every')) await t.db.getRepository('workflows').update({ filter: { enabled: true }, values: { enabled: false } });
      console.log(`\n### ${phase}`);
      load('load');
      for (const idle of [true, false]) {
        const ms = { register: [] as number[], plain: [] as number[] };
        for (let i = -5; i < N; i++) {
          if (idle) await engineIdle();
          const r = await register();
          if (idle) await engineIdle();
          const p = await plain();
          if (i >= 0) (ms.register.push(r), ms.plain.push(p));
        }
        console.log(idle ? 'engine idle before each call:' : 'back to back:');
        compare({ label: 'bookings:register (desk)', stats: stats(ms.register) }, { label: 'plain NocoBase create', stats: stats(ms.plain) });
      }
      await engineIdle();
    }
  } finally {
    client.close();
    await new Promise((r) => server.close(r));
    await t.destroy();
  }
}

runBench(main);
