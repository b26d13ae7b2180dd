// The one sampling loop of `npm run bench` (packages/app/bench.js runs test/bench/*.bench.ts).
// Every bench measures a subject beside a baseline in the same run and prints both and their
// ratio: on this shared 2-core machine absolute times drift with the load, ratios much less.
// Plain TypeScript without NocoBase imports, so the browser benches use it too.
import os from 'node:os';

export const clock = () => Number(process.hrtime.bigint()) / 1e6;

export interface Stats {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of an unsorted list. */
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function stats(ms: number[]): Stats {
  if (!ms.length) throw new Error('no samples');
  return {
    n: ms.length, median: percentile(ms, 0.5), p95: percentile(ms, 0.95), mean: ms.reduce((s, x) => s + x, 0) / ms.length,
    min: Math.min(...ms), max: Math.max(...ms),
  };
}

/**
 * One timed call: wall time, and the CPU time this process spent meanwhile (user + system). On a
 * machine shared by many, wall time grows with the load; CPU time much less (a database server's
 * own work, PostgreSQL's, is not in it).
 */
export async function once<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = clock();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: clock() - start, cpuMs: (used.user + used.system) / 1000, value };
}

/** `runs` timed calls of fn (after `warmup` untimed ones); fn may be a whole batch. */
export async function sample(fn: (i: number) => unknown, { runs = 30, warmup = 3 } = {}): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = clock();
    await fn(i);
    ms.push(clock() - start);
  }
  return stats(ms);
}

/**
 * Several sides interleaved call by call (a, b, c, a, b, c …): a shared machine's drifting load
 * hits every side alike, so the ratios hold. Returns the stats per side, by name.
 */
export async function interleaved<K extends string>(
  n: number, sides: Record<K, (i: number) => unknown>, { warmup = 5 } = {},
): Promise<Record<K, Stats>> {
  const names = Object.keys(sides) as K[];
  const ms = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = -warmup; i < n; i++) {
    for (const k of names) {
      const start = clock();
      await sides[k](i);
      if (i >= 0) ms[k].push(clock() - start);
    }
  }
  return Object.fromEntries(names.map((k) => [k, stats(ms[k])])) as Record<K, Stats>;
}

/** `clients` concurrent loops of `each` calls; calls per second over the whole run. */
export async function throughput(clients: number, each: number, fn: (client: number, j: number) => Promise<unknown>) {
  const start = clock();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let j = 0; j < each; j++) await fn(c, j);
  }));
  const secs = (clock() - start) / 1000;
  return { calls: clients * each, secs, perSec: (clients * each) / secs };
}

const ms = (x: number) => (x < 0.1 ? `${(x * 1000).toFixed(2)} µs` : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`);

/** The machine and its load, printed at the top of every bench (the README's tables quote it). */
export function header(title: string) {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`${title}`);
  console.log(`  machine   ${cpus.length} × ${cpus[0]?.model ?? '?'}, Node ${process.version}, ${process.env.DB_DIALECT || 'sqlite'}; load average ${load}`);
}

/** Prints the load average now (long benches: before and after each phase). */
export function load(label = 'load') {
  console.log(`  ${label.padEnd(9)} ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

/** "baseline …", "subject …", "ratio …" lines for sampled stats; returns the median and p95 ratios. */
export function compare(subject: { label: string; stats: Stats }, baseline: { label: string; stats: Stats }) {
  const line = (kind: string, s: { label: string; stats: Stats }) =>
    console.log(`  ${kind.padEnd(9)} ${s.label.padEnd(44)} median ${ms(s.stats.median).padStart(9)}   p95 ${ms(s.stats.p95).padStart(9)}   (n ${s.stats.n})`);
  line('baseline', baseline);
  line('subject', subject);
  const median = subject.stats.median / baseline.stats.median;
  const p95 = subject.stats.p95 / baseline.stats.p95;
  console.log(`  ratio     ${''.padEnd(44)} median ${median.toFixed(2).padStart(7)}×   p95 ${p95.toFixed(2).padStart(7)}×`);
  return { median, p95 };
}

/** For one-shot figures: "baseline x ms", "subject y ms", "ratio". */
export function compareOnce(subject: { label: string; ms: number }, baseline: { label: string; ms: number }) {
  console.log(`  baseline  ${baseline.label.padEnd(44)} ${ms(baseline.ms).padStart(9)}`);
  console.log(`  subject   ${subject.label.padEnd(44)} ${ms(subject.ms).padStart(9)}`);
  const ratio = subject.ms / baseline.ms;
  console.log(`  ratio     ${''.padEnd(44)} ${ratio.toFixed(2).padStart(7)}×`);
  return ratio;
}

const missed: string[] = [];

/** A target line ("met" / "NOT met"); a missed target makes the bench exit 1 at the end. */
export function target(label: string, ok: boolean, detail = '') {
  console.log(`  target    ${label}: ${ok ? 'met' : 'NOT met'}${detail ? ` (${detail})` : ''}`);
  if (!ok) missed.push(label);
  return ok;
}

/** Runs a bench's main; exit 1 on an error or a missed target. */
export function runBench(main: () => Promise<unknown>) {
  main().then(
    () => {
      if (missed.length) console.log(`  missed    ${missed.length} target(s): ${missed.join('; ')}`);
      process.exit(missed.length || process.exitCode ? 1 : 0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

/**
 * An HTTP client in another process (test/bench/client-process.js) for a server listening on
 * `port`: `post` answers the wall time that process saw. One request at a time.
 */
export async function externalClient(port: number) {
  const { fork } = await import('node:child_process');
  const path = await import('node:path');
  const child = fork(path.join(process.cwd(), 'test/bench/client-process.js'));
  let id = 0;
  const post = (url: string, headers: Record<string, string>, body: unknown) => new Promise<number>((resolve, reject) => {
    const mine = ++id;
    const onMessage = (m: any) => {
      if (m.id !== mine) return;
      child.off('message', onMessage);
      if (m.error || m.status !== 200) reject(new Error(`${url}: ${m.error ?? `${m.status} ${m.text}`}`));
      else resolve(m.ms);
    };
    child.on('message', onMessage);
    child.send({ id: mine, port, path: url, headers, body });
  });
  return { post, close: () => child.kill() };
}
