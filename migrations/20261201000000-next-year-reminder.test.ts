// The upgrade from 0.2.0: an app installed before the weekly "next year's calendar" reminder
// (R-CAL-4) gets it, once; an admin's edits to it survive a second run.
import { createTestApp, TestApp } from '../test/helpers/app';
import NextYearReminder from './20261201000000-next-year-reminder';

describe('migration 20261201000000-next-year-reminder', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.destroy());

  const KEY = 'govhall-remind-next-year';
  const repo = () => t.db.getRepository('workflows');

  it('R-CAL-4 an app upgraded from 0.2.0 gets the reminder workflow with its three nodes, once', async () => {
    await repo().destroy({ filter: { key: KEY } });
    expect(await repo().count({ filter: { key: KEY } })).toBe(0);
    await new NextYearReminder({ app: t.app, db: t.db } as any).up();
    const wf = await repo().findOne({ filter: { key: KEY }, appends: ['nodes'] });
    expect(wf.get('type')).toBe('schedule');
    expect(wf.get('nodes')).toHaveLength(3);

    await repo().update({ filter: { key: KEY }, values: { title: '管理员改过的标题' } });
    await new NextYearReminder({ app: t.app, db: t.db } as any).up();
    expect(await repo().count({ filter: { key: KEY } })).toBe(1);
    expect((await repo().findOne({ filter: { key: KEY } })).get('title')).toBe('管理员改过的标题');
  });
});
