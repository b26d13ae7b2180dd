import { createTestApp, PLUGIN, TestApp } from '../helpers/app';

describe('plugin boots in a real NocoBase app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('is installed and enabled', async () => {
    const plugin: any = t.app.pm.get(PLUGIN);
    expect(plugin.options.packageName).toBe(PLUGIN);
    for (const name of ['calendarDays', 'calendarYears', 'windows', 'serviceItems']) {
      expect(await t.db.getCollection(name).existsInDb()).toBe(true);
    }
  });
});
