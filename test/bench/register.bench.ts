// bookings:register against baselines in the same run (issue 3 performance):
//   median / p95 of bookings:register  vs  a plain NocoBase `create` on a collection with the same
//   scalar fields  vs  a raw INSERT through the same driver; throughput with 32 concurrent clients;
//   overbookings (seats beyond an item's capacity) — must be 0.
import { createTestApp } from '../helpers/app';

const NOW = '2026-02-10T10:00:00+08:00';
const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/**
 * The three sides interleaved, request by request (register, plain create, raw INSERT, register …):
 * on a shared machine whose load drifts, each side sees the same conditions, so the ratios hold.
 */
async function measureInterleaved(n: number, sides: ((i: number) => Promise<unknown>)[]) {
  const ms: number[][] = sides.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < sides.length; s++) {
      const t0 = now();
      await sides[s](i);
      ms[s].push(now() - t0);
    }
  }
  return ms.map((xs) => ({ median: pct(xs, 0.5), p95: pct(xs, 0.95) }));
}

/** Holiday starts on the 30-minute grid of Spring Festival 2026, enough for every request. */
function starts(): string[] {
  const out: string[] = [];
  for (let d = 15; d <= 23; d++) {
    for (const [from, to] of [[9 * 60, 12 * 60], [13 * 60, 17 * 60]]) {
      for (let m = from; m + 30 <= to; m += 30) out.push(`2026-02-${d} ${String(m / 60 | 0).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    }
  }
  return out;
}

async function main() {
  const t = await createTestApp();
  try {
    await t.seedDemo();
    const desk = await t.as('desk');
    const db = t.db;
    db.collection({
      name: 'benchPlainBookings',
      fields: ['number', 'status', 'kind', 'applicantName', 'applicantPhone', 'applicantUnit', 'channel', 'slotKey', 'notes']
        .map((name) => ({ type: 'string', name }))
        .concat(['appointmentStart', 'appointmentEnd', 'recordedAt'].map((name) => ({ type: 'date', name })) as any)
        .concat(['serviceItemId', 'windowId', 'recorderId'].map((name) => ({ type: 'bigInt', name })) as any),
    });
    await db.getCollection('benchPlainBookings').sync();
    // Same user, same ACL path on both sides: register is allowed to any signed-in user and the
    // state machine decides; the plain create gets the same 'loggedIn' allowance.
    t.app.acl.allow('benchPlainBookings', 'create', 'loggedIn');
    const items = (await db.getRepository('serviceItems').find({ filter: { published: true, expectedMinutes: { $lte: 30 } } }))
      .map((i: any) => ({ id: i.get('id'), capacity: i.get('capacityPerSlot') }));
    const grid = starts();
    let k = 0;
    const next = () => {
      const n = k++;
      const item = items[n % items.length];
      return { serviceItemId: item.id, start: grid[Math.floor(n / items.length) % grid.length] };
    };
    const body = (i: number) => ({
      applicantName: `申请人${i}`, applicantPhone: '13905331234', applicantUnit: '某公司', channel: 'onSite', notes: 'bench', ...next(),
    });
    const N = Number(process.env.BENCH_N || 150);
    const dialect = process.env.DB_DIALECT || 'sqlite';
    console.log(`${dialect}: ${N} sequential requests each (interleaved), then 32 concurrent clients`);

    const table = db.getCollection('benchPlainBookings').quotedTableName();
    const q = (c: string) => (dialect === 'mariadb' ? `\`${c}\`` : `"${c}"`);
    const [register, plain, raw] = await measureInterleaved(N, [
      async (i) => {
        const res = await desk.post('/api/bookings:register').set('X-Test-Now', NOW).send(body(i));
        if (res.status !== 200) throw new Error(`register ${res.status} ${JSON.stringify(res.body)}`);
      },
      async (i) => {
        const res = await desk.post('/api/benchPlainBookings:create').send({ ...body(i), status: 'registered', kind: 'holiday' });
        if (res.status !== 200) throw new Error(`create ${res.status}`);
      },
      (i) =>
        db.sequelize.query(
          `INSERT INTO ${table} (${['applicantName', 'applicantPhone', 'channel', 'status', 'kind', 'createdAt', 'updatedAt'].map(q).join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          { replacements: [`申请人${i}`, '13905331234', 'onSite', 'registered', 'holiday', new Date(), new Date()] },
        ),
    ]);
    const row = (label: string, r: { median: number; p95: number }) =>
      console.log(`  ${label.padEnd(34)} median ${r.median.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   ${(r.median / plain.median).toFixed(2)}× plain create`);
    row('bookings:register', register);
    row('plain NocoBase create', plain);
    row('raw INSERT (same driver)', raw);

    const C = 32;
    const total = C * 8;
    const t0 = now();
    let ok = 0;
    let full = 0;
    await Promise.all(Array.from({ length: C }, async () => {
      for (let j = 0; j < total / C; j++) {
        const res = await desk.post('/api/bookings:register').set('X-Test-Now', NOW).send(body(10000 + k));
        if (res.status === 200) ok++;
        else if (res.body?.errors?.[0]?.code === 'SLOT_FULL') full++;
        else throw new Error(`concurrent register ${res.status} ${JSON.stringify(res.body)}`);
      }
    }));
    const secs = (now() - t0) / 1000;
    console.log(`  32 concurrent clients: ${total} registrations in ${secs.toFixed(1)} s = ${(total / secs).toFixed(1)}/s (${ok} accepted, ${full} slot full)`);
    const seats: any[] = await db.getRepository('slotSeats').find();
    const bySlot = new Map<string, number>();
    for (const s of seats) bySlot.set(s.get('slotKey'), (bySlot.get(s.get('slotKey')) ?? 0) + 1);
    const cap = new Map<string, number>(items.map((i) => [String(i.id), Number(i.capacity)]));
    const over = [...bySlot].filter(([key, n]) => n > (cap.get(key.split(':')[0]) ?? Infinity)).length;
    console.log(`  overbooked slots: ${over}`);
    if (over) process.exitCode = 1;
  } finally {
    await t.destroy();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
