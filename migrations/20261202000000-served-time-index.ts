import { Migration } from '@nocobase/server';

// 0.2.0 → 0.3.0: the comp-time ledger finds a person's served bookings of a day by their actual
// start (src/server/duty/compTime.ts servedOn). Without an index every completion scanned every
// booking. New installs get it from collections/bookings.ts; this adds it where it is missing.
// Idempotent.
export default class ServedTimeIndex extends Migration {
  on = 'afterLoad';

  async up() {
    await ensureServedTimeIndex(this.db);
  }
}

export async function ensureServedTimeIndex(db: any): Promise<boolean> {
  const c = db.getCollection('bookings');
  const qi = db.sequelize.getQueryInterface();
  const table = c.getTableNameWithSchema();
  const field = c.model.rawAttributes.actualStart.field;
  const indexes: any[] = (await qi.showIndex(table)) as any;
  const has = indexes.some((i) => i.fields?.length === 1 && (i.fields[0].attribute ?? i.fields[0]) === field);
  if (has) return false;
  await qi.addIndex(table, [field]);
  return true;
}
