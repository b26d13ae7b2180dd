// Calendar speed, as ratios against baselines measured in the same run:
//  1. the rule `isWeekendServiceDay` over every date 2004–2026 vs a plain weekday test on the same dates;
//  2. `GET /api/calendar:dayKind` vs `GET /api/calendarDays:list?pageSize=1` (a stock NocoBase action
//     on the same app, same auth, same database).
import { Calendar } from '../../src/rules/calendar';
import { seedDays, seedYearsAvailable } from '../../src/rules/calendarSeed';
import { createTestApp } from '../helpers/app';

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function time(label: string, n: number, fn: (i: number) => unknown) {
  for (let i = 0; i < Math.min(n, 20); i++) await fn(i); // warm-up
  const start = now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = now() - start;
  return { label, n, ms, per: ms / n };
}

function report(subject: Awaited<ReturnType<typeof time>>, baseline: Awaited<ReturnType<typeof time>>) {
  const fmt = (r: typeof subject) => `${r.label}: ${r.n} in ${r.ms.toFixed(1)} ms (${(r.per * 1000).toFixed(1)} µs each)`;
  console.log(`  baseline  ${fmt(baseline)}`);
  console.log(`  subject   ${fmt(subject)}`);
  console.log(`  ratio     ${(subject.per / baseline.per).toFixed(2)}× baseline`);
}

async function main() {
  const years = seedYearsAvailable();
  const calendar = new Calendar(years.flatMap(seedDays), years);
  const dates: string[] = [];
  for (let d = Date.UTC(years[0], 0, 1); d <= Date.UTC(years[years.length - 1], 11, 31); d += 86400000) {
    dates.push(new Date(d).toISOString().slice(0, 10));
  }
  console.log(`rule: weekend service day over ${dates.length} dates (${years[0]}–${years[years.length - 1]}) × 20`);
  const total = dates.length * 20;
  const baseline = await time('plain weekday test', total, (i) => {
    const day = new Date(`${dates[i % dates.length]}T00:00:00Z`).getUTCDay();
    return day === 0 || day === 6;
  });
  const subject = await time('calendar.isWeekendServiceDay', total, (i) => calendar.isWeekendServiceDay(dates[i % dates.length]));
  report(subject, baseline);

  const t = await createTestApp();
  try {
    await t.seedDemo();
    const admin = await t.as('admin');
    console.log(`\napi: one HTTP request per call (${process.env.DB_DIALECT || 'sqlite'})`);
    const apiBaseline = await time('calendarDays:list?pageSize=1', 200, () => admin.get('/api/calendarDays:list?pageSize=1').expect(200));
    const apiSubject = await time('calendar:dayKind', 200, (i) =>
      admin.get(`/api/calendar:dayKind?date=${dates[dates.length - 1 - (i % 365)]}`).expect(200),
    );
    report(apiSubject, apiBaseline);
  } finally {
    await t.destroy();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
