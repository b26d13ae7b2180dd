// Calendar speed, as ratios against baselines measured in the same run:
//  1. the rule `isWeekendServiceDay` over every date 2004–2026 vs a plain weekday test on the same dates;
//  2. `GET /api/calendar:dayKind` vs `GET /api/calendarDays:list?pageSize=1` (a stock NocoBase action
//     on the same app, same auth, same database).
import { Calendar } from '../../src/rules/calendar';
import { seedDays, seedYearsAvailable } from '../../src/rules/calendarSeed';
import { createTestApp } from '../helpers/app';
import { compare, header, runBench, sample } from './harness';

/** `n` calls of fn as one batch, the median of 5 batches (after one warm-up batch): per call, in µs. */
async function perCall(n: number, fn: (i: number) => unknown) {
  const batch = await sample(async () => { for (let i = 0; i < n; i++) await fn(i); }, { runs: 5, warmup: 1 });
  return { ...batch, median: batch.median / n, p95: batch.p95 / n, n };
}

async function main() {
  const years = seedYearsAvailable();
  const calendar = new Calendar(years.flatMap(seedDays), years);
  const dates: string[] = [];
  for (let d = Date.UTC(years[0], 0, 1); d <= Date.UTC(years[years.length - 1], 11, 31); d += 86400000) {
    dates.push(new Date(d).toISOString().slice(0, 10));
  }
  header('calendar: the rule and the API against plain baselines');
  console.log(`rule: weekend service day over ${dates.length} dates (${years[0]}–${years[years.length - 1]}), per call`);
  const total = dates.length * 20;
  const baseline = await perCall(total, (i) => {
    const day = new Date(`${dates[i % dates.length]}T00:00:00Z`).getUTCDay();
    return day === 0 || day === 6;
  });
  const subject = await perCall(total, (i) => calendar.isWeekendServiceDay(dates[i % dates.length]));
  compare({ label: 'calendar.isWeekendServiceDay', stats: subject }, { label: 'plain weekday test', stats: baseline });

  const t = await createTestApp();
  try {
    await t.seedDemo();
    const admin = await t.as('admin');
    console.log(`\napi: one HTTP request per call (${process.env.DB_DIALECT || 'sqlite'})`);
    const apiBaseline = await sample(() => admin.get('/api/calendarDays:list?pageSize=1').expect(200), { runs: 200, warmup: 20 });
    const apiSubject = await sample((i) => admin.get(`/api/calendar:dayKind?date=${dates[dates.length - 1 - (Math.max(0, i) % 365)]}`).expect(200), { runs: 200, warmup: 20 });
    compare({ label: 'calendar:dayKind', stats: apiSubject }, { label: 'calendarDays:list?pageSize=1', stats: apiBaseline });
  } finally {
    await t.destroy();
  }
}

runBench(main);
