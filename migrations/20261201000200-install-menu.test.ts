// The upgrade from 0.2.0 (no menu): the menu is created with each role's pages, next to the pages
// an admin made by hand; running it again, or on an app whose menu the admin has changed, changes nothing.
import { createTestApp, TestApp } from '../test/helpers/app';
import { accessibleRoutes, firstPage, MENU_PLUGINS } from '../test/helpers/menu';
import { MENU_GROUP, MENU_KEYS, menuOf } from '../src/menu';
import InstallMenu from './20261201000200-install-menu';

describe('migration 20261201000200-install-menu', () => {
  let t: TestApp;
  const routes = () => t.db.getRepository('desktopRoutes');
  const run = () => new InstallMenu({ app: t.app, db: t.db } as any).up();

  beforeAll(async () => {
    t = await createTestApp({ plugins: MENU_PLUGINS });
    await t.seedDemo();
    // As 0.2.0 left an app: no menu of ours (removed as an admin removes a page, with its models) …
    await routes().destroy({ filter: { schemaUid: MENU_KEYS } });
    // … and a page the admin built by hand around our registration block.
    const admin = await t.as('admin');
    const own = await admin.post('/api/desktopRoutes:create').send({ type: 'flowPage', title: '自建登记页', schemaUid: 'own-page' });
    expect(own.status).toBe(200);
  });
  afterAll(() => t?.destroy());

  it('R-X-2 creates the menu of an app upgraded from 0.2.0: each role lands on its main page; the admin\'s own page stays', async () => {
    expect(await routes().count({ filter: { schemaUid: MENU_KEYS } })).toBe(0);
    expect(firstPage(await accessibleRoutes(t, 'desk'))).toBeUndefined(); // "暂无页面" before
    await run();
    expect(await routes().count({ filter: { schemaUid: MENU_KEYS } })).toBe(MENU_KEYS.length);
    const desk = await accessibleRoutes(t, 'desk');
    expect(desk.find((r) => r.schemaUid === MENU_GROUP.key).children.map((r: any) => r.schemaUid)).toEqual(menuOf('desk').map((p) => p.key));
    expect(firstPage(desk).schemaUid).toBe('govhall-desk');
    expect(firstPage(await accessibleRoutes(t, 'lead')).schemaUid).toBe('govhall-sign');
    expect((await routes().findOne({ filter: { schemaUid: 'own-page' } })).get('title')).toBe('自建登记页');
    const grid = await t.db.getRepository('flowModels').findModelByParentId('govhall-desk-tab', { subKey: 'grid' });
    expect(grid.subModels.items.map((b: any) => b.use)).toEqual(['DeskRegistrationBlockModel', 'DeskBookingsBlockModel']);
  });

  it('running it again adds nothing and keeps the admin\'s changes', async () => {
    const group = await routes().findOne({ filter: { schemaUid: MENU_GROUP.key } });
    await routes().update({ filterByTk: group.get('id'), values: { title: '节假日预约' } });
    const report = await routes().findOne({ filter: { schemaUid: 'govhall-report' } });
    await routes().destroy({ filterByTk: report.get('id') }); // the admin removed a page
    const count = await routes().count();
    await run();
    expect(await routes().count()).toBe(count);
    expect((await routes().findOne({ filter: { schemaUid: MENU_GROUP.key } })).get('title')).toBe('节假日预约');
    expect(await routes().count({ filter: { schemaUid: 'govhall-report' } })).toBe(0);
  });
});
