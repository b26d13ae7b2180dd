// Statistics speed (R-SUP-3; issue 7 target: 100,000 bookings over a year in ≤ 1 s on PostgreSQL).
// A year of bookings (with follow-ups, cases, complaints, reschedules and penalty points in
// proportion) is bulk-inserted, then `GET /api/statistics:compute` is timed over HTTP for the whole
// year, per window × month and per item × day. Baseline in the same run: `GET /api/windows:list`
// (a stock NocoBase action, same app, same auth) — the ratio says what the statistics cost on top
// of a request, the absolute figure is what the target is about.
import { computeStatistics } from '../../src/server/aftercare/statistics';
import { statRange } from '../../src/rules/statistics';
import { createTestApp } from '../helpers/app';
import { clock as now, compare, header, runBench, sample, target } from './harness';

const N = Number(process.env.BENCH_BOOKINGS || 100000);
const RUNS = 7;
const TARGET_MS = 1000;

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same data.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function fill(t: any) {
  const rnd = random(7);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const items: any[] = (await t.db.getRepository('serviceItems').find()).map((i: any) => i.get());
  const Booking = t.db.getModel('bookings');
  const dayMs = 86400000;
  const yearStart = Date.UTC(2026, 0, 1) - 8 * 3600000; // 2026-01-01 00:00 Shanghai
  const CHUNK = 5000;
  const levels = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'];
  let id = 0;
  for (let done = 0; done < N; done += CHUNK) {
    const bookings: any[] = [];
    for (let i = 0; i < Math.min(CHUNK, N - done); i++) {
      const item = pick(items);
      const start = new Date(yearStart + Math.floor(rnd() * 365) * dayMs + (9 * 60 + 30 * Math.floor(rnd() * 15)) * 60000);
      const end = new Date(start.getTime() + item.expectedMinutes * 60000);
      const r = rnd();
      const status = r < 0.8 ? 'completed' : r < 0.85 ? 'abandoned' : r < 0.9 ? 'cancelled' : 'signedFor';
      const b: any = {
        number: `B-${done + i + 1}`, status, kind: 'weekend', channel: rnd() < 0.6 ? 'onSite' : 'phone', applicantName: '测试',
        serviceItemId: item.id, windowId: item.leadWindowId, appointmentStart: start, appointmentEnd: end,
      };
      if (status === 'completed') {
        const actualStart = new Date(start.getTime() + Math.floor(rnd() * 15) * 60000);
        const minutes = Math.max(5, Math.round(item.expectedMinutes * (0.5 + rnd())));
        Object.assign(b, { actualStart, actualEnd: new Date(actualStart.getTime() + minutes * 60000), durationMinutes: minutes, completed: true });
      }
      bookings.push(b);
    }
    const created = await Booking.bulkCreate(bookings, { hooks: false, returning: ['id'] });
    const followUps: any[] = [];
    const cases: any[] = [];
    const reschedules: any[] = [];
    const penalties: any[] = [];
    created.forEach((row: any, i: number) => {
      const b = bookings[i];
      const bookingId = row.get('id') ?? ++id;
      if (rnd() < 0.03) reschedules.push({ bookingId, decision: 'approved', kind: rnd() < 0.2 ? 'forceMajeure' : 'ordinary', reason: 'x' });
      if (b.status !== 'completed' || rnd() > 0.3) return;
      const rating = levels[Math.min(4, Math.floor(rnd() * rnd() * 6))];
      const visitedAt = new Date(b.actualEnd.getTime() + dayMs);
      followUps.push({ bookingId, windowId: b.windowId, serviceItemId: b.serviceItemId, visitedAt, method: 'phone', rating, ratedBookingId: bookingId,
        badReview: rating.endsWith('issatisfied'), malicious: rnd() < 0.01 });
      if (rating === 'dissatisfied' || rating === 'veryDissatisfied') {
        const late = rnd() < 0.2;
        cases.push({ bookingId, windowId: b.windowId, openedAt: visitedAt, dueAt: new Date(visitedAt.getTime() + 7 * dayMs), status: 'closed',
          closedAt: new Date(visitedAt.getTime() + (late ? 9 : 3) * dayMs), closedOnTime: !late });
        if (late) penalties.push({ windowId: b.windowId, bookingId, reason: 'overdueCase', points: 1, status: 'confirmed', occurredAt: visitedAt });
      }
    });
    await t.db.getModel('followUps').bulkCreate(followUps, { hooks: false });
    await t.db.getModel('rectificationCases').bulkCreate(cases, { hooks: false });
    await t.db.getModel('rescheduleRequests').bulkCreate(reschedules, { hooks: false });
    await t.db.getModel('penalties').bulkCreate(penalties, { hooks: false });
  }
  if (t.db.sequelize.getDialect() === 'postgres') await t.db.sequelize.query('ANALYZE');
}

async function time(label: string, fn: () => Promise<unknown>) {
  const s = await sample(fn, { runs: RUNS, warmup: 1 });
  return { label, stats: s, median: s.median, max: s.max };
}

async function main() {
  header(`statistics: ${N} bookings over a year`);
  const t = await createTestApp();
  let failed = false;
  try {
    await t.seedDemo();
    const s0 = now();
    await fill(t);
    const counts = await Promise.all(['bookings', 'followUps', 'rectificationCases', 'rescheduleRequests', 'penalties'].map((c) => t.db.getRepository(c).count()));
    console.log(`${process.env.DB_DIALECT || 'sqlite'}: inserted ${counts.join(' / ')} bookings / follow-ups / cases / reschedules / penalties in ${((now() - s0) / 1000).toFixed(1)} s`);
    const section = await t.as('section');
    const get = (url: string) => async () => {
      const res = await section.get(url).set('X-Test-Now', '2027-01-05T10:00:00+08:00');
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      return res;
    };
    const check = await get('/api/statistics:compute?from=2026-01-01&to=2026-12-31&groupBy=window&period=all')();
    if (check.body.data.totals.bookings !== N) throw new Error(`totals.bookings ${check.body.data.totals.bookings} ≠ ${N}`);
    const baseline = await time('windows:list (baseline)', get('/api/windows:list?pageSize=20'));
    const subjects = [
      await time('statistics:compute window × month, 2026', get('/api/statistics:compute?from=2026-01-01&to=2026-12-31&groupBy=window&period=month')),
      await time('statistics:compute item × day, 2026', get('/api/statistics:compute?from=2026-01-01&to=2026-12-31&groupBy=item&period=day')),
      await time('statistics:export window × month (xlsx)', get('/api/statistics:export?from=2026-01-01&to=2026-12-31&groupBy=window&period=month')),
    ];
    // The same figures without HTTP: what the database work and the merge cost alone.
    const year = statRange('2026-01-01', '2026-12-31');
    subjects.push(await time('computeStatistics item × day, no HTTP', () => computeStatistics(t.db, { groupBy: 'item', period: 'day', ...year, windowIds: null })));
    for (const s of subjects) {
      compare(s, baseline);
      failed ||= !target(`${s.label} ≤ ${TARGET_MS} ms`, s.median <= TARGET_MS, `median ${s.median.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`);
    }
  } finally {
    await t.destroy();
  }
  return failed;
}

runBench(main);
