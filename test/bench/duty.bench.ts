// Duty speed (issue 5), against baselines measured in the same run:
//  1. generating a year's weekend roster for 50 windows (POST dutyShifts:generate, target ≤ 1 s)
//     vs a bare bulk INSERT of the same rows (the floor any generator pays to store them);
//     then the idempotent second run (reads, adds nothing);
//  2. comp-time balances of 500 people in ONE query vs the naive one query per person.
import { balances } from '../../src/server/duty/compTime';
import { createTestApp } from '../helpers/app';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const WINDOWS = 50;
const PEOPLE = 500;
const ENTRIES_EACH = 20;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = now();
  const value = await fn();
  return { ms: now() - start, value };
}

async function main() {
  const t = await createTestApp();
  const db = t.db;
  let queries = 0;
  db.sequelize.addHook('beforeQuery', () => { queries++; });
  try {
    await t.seedDemo();
    // 50 weekend windows, each with a lead and three staff.
    const users = await db.getRepository('users').createMany({
      records: Array.from({ length: WINDOWS * 4 }, (_, i) => ({ username: `bench${i}`, nickname: `值班人员${i}` })),
    });
    const ids = users.map((u: any) => u.get('id'));
    for (let w = 0; w < WINDOWS; w++) {
      const win = await db.getRepository('windows').create({
        values: { code: `B${String(w).padStart(2, '0')}`, name: `窗口${w}`, leadId: ids[w * 4], staff: ids.slice(w * 4, w * 4 + 4) },
      });
      await db.getRepository('serviceItems').create({
        values: { code: `BENCH-${w}`, name: `事项${w}`, leadWindowId: win.get('id'), offeredOnWeekends: true, offeredOnHolidays: false,
          published: true, expectedMinutes: 30, capacityPerSlot: 1, materials: [] },
      });
    }
    // Only the bench windows serve on weekends: unpublish the demo items.
    await db.getRepository('serviceItems').update({ filter: { code: { $notLike: 'BENCH-%' } }, values: { published: false } });
    const admin = await t.as('admin');
    const db_ = process.env.DB_DIALECT || 'sqlite';

    console.log(`roster: 2026 weekend roster for ${WINDOWS} windows (${db_})`);
    const first = await timed(() => admin.post('/api/dutyShifts:generate').send({ from: '2026-01-01', to: '2026-12-31' }).expect(200));
    const created = first.value.body.data.created;
    const again = await timed(() => admin.post('/api/dutyShifts:generate').send({ from: '2026-01-01', to: '2026-12-31' }).expect(200));
    if (again.value.body.data.created !== 0) throw new Error('second run added shifts');
    // Baseline: the same rows, bulk-inserted as they are (into a scratch range of keys), then removed.
    const rows = (await db.getModel('dutyShifts').findAll({ raw: true })).map((r: any) => {
      const { id, ...rest } = r;
      void id;
      return { ...rest, rosterKey: `copy:${r.rosterKey}`, plannedStart: new Date(r.plannedStart), plannedEnd: new Date(r.plannedEnd), createdAt: new Date(), updatedAt: new Date() };
    });
    const copy = await timed(async () => {
      for (let i = 0; i < rows.length; i += 500) await db.getModel('dutyShifts').bulkCreate(rows.slice(i, i + 500), { hooks: false });
    });
    const { Op } = require('@nocobase/database');
    await db.getModel('dutyShifts').destroy({ where: { rosterKey: { [Op.like]: 'copy:%' } } });
    // Floor: the same rows through the query interface's multi-row INSERT (what generate uses).
    const model: any = db.getModel('dutyShifts');
    const byField = Object.fromEntries(Object.values(model.rawAttributes).map((a: any) => [a.field, a]));
    const raw = await timed(async () => {
      for (let i = 0; i < rows.length; i += 1000) await db.sequelize.getQueryInterface().bulkInsert(model.getTableName(), rows.slice(i, i + 1000), {}, byField);
    });
    await db.getModel('dutyShifts').destroy({ where: { rosterKey: { [Op.like]: 'copy:%' } } });
    console.log(`  baseline  Model.bulkCreate of ${rows.length} rows: ${copy.ms.toFixed(0)} ms`);
    console.log(`  floor     multi-row INSERT of the same rows: ${raw.ms.toFixed(0)} ms`);
    console.log(`  subject   dutyShifts:generate, ${created} shifts: ${first.ms.toFixed(0)} ms (${(first.ms / copy.ms).toFixed(2)}× bulkCreate, ${(first.ms / raw.ms).toFixed(2)}× floor; target ≤ 1000 ms: ${first.ms <= 1000 ? 'met' : 'NOT met'})`);
    console.log(`  again     second run adds 0 in ${again.ms.toFixed(0)} ms`);

    console.log(`\nledger: balances of ${PEOPLE} people × ${ENTRIES_EACH} entries`);
    const people = Array.from({ length: PEOPLE }, (_, i) => 100000 + i);
    const entries = people.flatMap((userId) => Array.from({ length: ENTRIES_EACH }, (_, k) => ({
      userId, kind: k % 4 === 3 ? 'taken' : 'earned', minutes: 60 + k, at: new Date(Date.UTC(2026, 0, 1 + k)), date: '2026-01-01',
      sourceType: k % 4 === 3 ? 'compTimeRequest' : 'dutyShift', sourceId: userId * 100 + k,
    })));
    for (let i = 0; i < entries.length; i += 1000) await db.getModel('compTimeEntries').bulkCreate(entries.slice(i, i + 1000), { hooks: false });
    await balances(db, people, new Date()); // warm-up
    queries = 0;
    const one = await timed(() => balances(db, people, new Date()));
    const oneQueries = queries;
    const naive = await timed(async () => {
      const out = new Map<number, number>();
      for (const userId of people) {
        const e = await db.getModel('compTimeEntries').sum('minutes', { where: { userId, kind: 'earned' } });
        const tk = await db.getModel('compTimeEntries').sum('minutes', { where: { userId, kind: 'taken' } });
        out.set(userId, Number(e || 0) - Number(tk || 0));
      }
      return out;
    });
    for (const userId of people) {
      if (one.value.get(userId)!.balance !== naive.value.get(userId)) throw new Error(`balance mismatch for ${userId}`);
    }
    console.log(`  baseline  two SUM queries per person: ${naive.ms.toFixed(0)} ms (${PEOPLE * 2} queries)`);
    console.log(`  subject   balances(): ${one.ms.toFixed(1)} ms in ${oneQueries} quer${oneQueries === 1 ? 'y' : 'ies'} (${(one.ms / naive.ms).toFixed(3)}× baseline)`);
    if (oneQueries !== 1) throw new Error(`balances used ${oneQueries} queries, not 1`);
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
