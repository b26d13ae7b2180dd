// The menu 预约+无休 (issue 12) in a real app with NocoBase's menu plugins (client, flow-engine,
// ui-layout): created once on install, each role's accessible routes are exactly its own and its
// first page is its main page, an admin's changes survive a second install and a restart, and
// disabling the plugin hides the entries it owns (enabling shows them again).
import { createTestApp, dropDatabase, PLUGIN, TestApp } from '../helpers/app';
import { accessibleRoutes, firstPage, MAIN_PAGE, MENU_PLUGINS, USER_OF } from '../helpers/menu';
import { MENU_GROUP, MENU_KEYS, MENU_PAGES, menuOf, type MenuRole } from '../../src/menu';

const ours = (t: TestApp) => t.db.getRepository('desktopRoutes').find({ filter: { schemaUid: MENU_KEYS }, sort: 'sort' });
const route = (t: TestApp, key: string) => t.db.getRepository('desktopRoutes').findOne({ filter: { schemaUid: key } });

describe('the menu 预约+无休', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ plugins: MENU_PLUGINS });
    await t.seedDemo();
  });
  afterAll(() => t?.destroy());

  it('install creates the group with every page and link once, in landing order', async () => {
    const routes = await ours(t);
    expect(routes.map((r: any) => r.get('schemaUid')).sort()).toEqual([...MENU_KEYS].sort());
    const group = routes.find((r: any) => r.get('schemaUid') === MENU_GROUP.key);
    expect(group.get('title')).toBe('预约+无休');
    const children = await t.db.getRepository('desktopRoutes').find({ filter: { parentId: group.get('id') }, sort: 'sort' });
    expect(children.map((r: any) => r.get('title'))).toEqual(MENU_PAGES.map((p) => p.title));
    expect(children.map((r: any) => r.get('type'))).toEqual(MENU_PAGES.map((p) => p.type));
  });

  it('each page is a Modern page (v2) whose tab holds its blocks; the desk page has the form beside its list', async () => {
    const admin = await t.as('admin');
    for (const page of MENU_PAGES.filter((p) => p.type === 'flowPage')) {
      const r = await route(t, page.key);
      const tabs = await t.db.getRepository('desktopRoutes').find({ filter: { parentId: r.get('id') } });
      expect(tabs.map((x: any) => [x.get('type'), x.get('hidden')])).toEqual([['tabs', true]]);
      const pageModel = await admin.get(`/api/flowModels:findOne?parentId=${page.key}&subKey=page`);
      expect(pageModel.body.data.use).toBe('RootPageModel');
      const grid = (await admin.get(`/api/flowModels:findOne?parentId=${tabs[0].get('schemaUid')}&subKey=grid`)).body.data;
      expect(grid.use).toBe('BlockGridModel');
      expect(grid.subModels.items.map((b: any) => b.use)).toEqual(page.rows!.flat().map((b) => b.use));
    }
    const deskTab = `govhall-desk-tab`;
    const grid = (await admin.get(`/api/flowModels:findOne?parentId=${deskTab}&subKey=grid`)).body.data;
    const [row] = Object.values(grid.stepParams.gridSettings.grid.rows) as string[][][];
    expect(row.map((cell) => grid.subModels.items.find((b: any) => b.uid === cell[0]).use))
      .toEqual(['DeskRegistrationBlockModel', 'DeskBookingsBlockModel']);
  });

  it('the 回访与投诉 page holds NocoBase\'s own table blocks of follow-ups, rectification cases and complaints', async () => {
    const admin = await t.as('admin');
    const grid = (await admin.get('/api/flowModels:findOne?parentId=govhall-aftercare-tab&subKey=grid')).body.data;
    expect(grid.subModels.items.map((b: any) => b.stepParams.resourceSettings.init.collectionName))
      .toEqual(['followUps', 'rectificationCases', 'complaints']);
    const columns = grid.subModels.items[0].subModels.columns;
    expect(columns.filter((c: any) => c.use === 'TableColumnModel').map((c: any) => c.stepParams.fieldSettings.init.fieldPath))
      .toEqual(['visitedAt', 'method', 'rating', 'badReview', 'comments', 'appealStatus']);
  });

  describe.each(Object.entries(USER_OF))('R-X-2 role %s', (role, username) => {
    it('sees exactly its own pages, under the group, and lands on its main page', async () => {
      const routes = await accessibleRoutes(t, username);
      expect(routes.map((r) => r.schemaUid)).toEqual([MENU_GROUP.key]);
      expect(routes[0].children.map((r: any) => r.schemaUid)).toEqual(menuOf(role as MenuRole).map((p) => p.key));
      expect(firstPage(routes).schemaUid).toBe(MAIN_PAGE[role as MenuRole]);
    });

    it('may read its pages\' blocks (flowModels:findOne)', async () => {
      const agent = await t.as(username);
      const main = MAIN_PAGE[role as MenuRole];
      const res = await agent.get(`/api/flowModels:findOne?parentId=${main}-tab&subKey=grid`);
      expect(res.status).toBe(200);
      expect(res.body.data.subModels.items.length).toBeGreaterThan(0);
    });
  });

  it('R-X-2 NocoBase\'s admin role sees the desk page, statistics, the list editor and the settings links; member sees none of ours', async () => {
    const admin = await accessibleRoutes(t, 'admin', 'admin');
    const group = admin.find((r) => r.schemaUid === MENU_GROUP.key);
    expect(group.children.map((r: any) => r.schemaUid)).toEqual(menuOf('admin').map((p) => p.key));
    expect(firstPage(admin).schemaUid).toBe(MAIN_PAGE.admin);
    const member = await accessibleRoutes(t, 'admin', 'member');
    expect(member.filter((r) => MENU_KEYS.includes(r.schemaUid))).toEqual([]);
    // root (the demo admin's default) sees the whole menu, and lands on the desk page too
    const root = await accessibleRoutes(t, 'admin', 'root');
    expect(root.find((r) => r.schemaUid === MENU_GROUP.key).children.map((r: any) => r.schemaUid)).toEqual(MENU_PAGES.map((p) => p.key));
  });

  it('a second install creates nothing and keeps what the admin changed: renamed, moved, hidden, a block added', async () => {
    const before = await t.db.getRepository('desktopRoutes').count();
    const desk = await route(t, 'govhall-desk');
    const admin = await t.as('admin');
    expect((await admin.post(`/api/desktopRoutes:update?filterByTk=${desk.get('id')}`).send({ title: '咨询台登记' })).status).toBe(200);
    const duty = await route(t, 'govhall-duty');
    await t.db.getRepository('desktopRoutes').update({ filterByTk: duty.get('id'), values: { hideInMenu: true } });
    const added = await admin.post('/api/flowModels:save').send({
      uid: 'admin-added-table', parentId: 'govhall-desk-grid', subKey: 'items', subType: 'array', use: 'TableBlockModel',
      stepParams: { resourceSettings: { init: { dataSourceKey: 'main', collectionName: 'bookings' } } },
    });
    expect(added.status).toBe(200);

    await t.app.pm.get(PLUGIN).install();

    expect(await t.db.getRepository('desktopRoutes').count()).toBe(before);
    expect((await route(t, 'govhall-desk')).get('title')).toBe('咨询台登记');
    expect((await route(t, 'govhall-duty')).get('hideInMenu')).toBe(true);
    const grid = (await admin.get('/api/flowModels:findOne?parentId=govhall-desk-tab&subKey=grid')).body.data;
    expect(grid.subModels.items.map((b: any) => b.uid)).toContain('admin-added-table');
  });

  it('disabling the plugin hides its entries; enabling shows them again, except what the admin had hidden', async () => {
    const visible = async () => (await ours(t)).filter((r: any) => !r.get('hideInMenu')).map((r: any) => r.get('schemaUid'));
    const before = await visible();
    expect(before).not.toContain('govhall-duty'); // hidden by the admin in the test above
    // NocoBase's plugin manager calls these after disabling / enabling (pm.disable / pm.enable);
    // the test app registers the plugin by package name, which pm.disable cannot look up.
    const plugin = t.app.pm.get(PLUGIN);
    await plugin.afterDisable();
    expect(await visible()).toEqual([]);
    expect(firstPage(await accessibleRoutes(t, 'desk'))).toBeUndefined();
    await plugin.afterEnable();
    expect((await visible()).sort()).toEqual([...before].sort());
    expect((await route(t, 'govhall-duty')).get('hideInMenu')).toBe(true);
    expect(firstPage(await accessibleRoutes(t, 'desk')).schemaUid).toBe('govhall-desk');
  });
});

describe('the menu after a restart', () => {
  it('is still there once, with the admin\'s rename', async () => {
    const first = await createTestApp({ shared: true, plugins: MENU_PLUGINS });
    let second: TestApp | null = null;
    try {
      await first.seedDemo();
      const desk = await route(first, 'govhall-desk');
      await first.db.getRepository('desktopRoutes').update({ filterByTk: desk.get('id'), values: { title: '咨询台' } });
      const count = await first.db.getRepository('desktopRoutes').count();
      await first.app.destroy();
      second = await createTestApp({ reuse: first.database, plugins: MENU_PLUGINS, name: 'restarted' });
      expect(await second.db.getRepository('desktopRoutes').count()).toBe(count);
      expect((await route(second, 'govhall-desk')).get('title')).toBe('咨询台');
      expect(firstPage(await accessibleRoutes(second, 'desk')).schemaUid).toBe('govhall-desk');
    } finally {
      await second?.app.destroy();
      await dropDatabase(first.database);
    }
  });
});
