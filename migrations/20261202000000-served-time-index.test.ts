// The upgrade adds the index on bookings.actualStart that a new install creates from the
// collection (the comp-time ledger's day of served bookings, R-X-6); a second run changes nothing.
import { createTestApp, TestApp } from '../test/helpers/app';
import ServedTimeIndex from './20261202000000-served-time-index';

describe('migration 20261202000000-served-time-index', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.destroy());

  const onServedTime = async () => {
    const c: any = t.db.getCollection('bookings');
    const field = c.model.rawAttributes.actualStart.field;
    const indexes: any[] = (await t.db.sequelize.getQueryInterface().showIndex(c.getTableNameWithSchema())) as any;
    return indexes.filter((i) => i.fields?.length === 1 && (i.fields[0].attribute ?? i.fields[0]) === field);
  };

  it('R-X-6 a new install has it; an install without it gets it, once', async () => {
    const installed = await onServedTime();
    expect(installed).toHaveLength(1);
    const c: any = t.db.getCollection('bookings');
    await t.db.sequelize.getQueryInterface().removeIndex(c.getTableNameWithSchema(), installed[0].name);
    expect(await onServedTime()).toHaveLength(0);
    await new ServedTimeIndex({ app: t.app, db: t.db } as any).up();
    expect(await onServedTime()).toHaveLength(1);
    await new ServedTimeIndex({ app: t.app, db: t.db } as any).up();
    expect(await onServedTime()).toHaveLength(1);
  });
});
