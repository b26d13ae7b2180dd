// The upgrade from 0.1.0: a role made by an older version gets the collections added since, and
// an admin's edits to what it already had survive.
import { createTestApp, TestApp } from '../test/helpers/app';
import GrantNewCollections from './20261127000000-grant-new-collections';

describe('migration 20261127000000-grant-new-collections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
  });
  afterAll(() => t?.destroy());

  const resources = () => t.db.getRepository('dataSourcesRolesResources');

  it('R-X-2 grants a role the collections it has no entry for, keeps an admin-edited entry as it is', async () => {
    // As an older version left it: no entry for a collection that came later (here: serviceItems) …
    await resources().destroy({ filter: { roleName: 'windowLead', name: 'serviceItems' } });
    // … and an entry the admin narrowed: the desk may no longer list windows.
    const desk = await t.as('desk');
    await resources().destroy({ filter: { roleName: 'desk', name: 'windows' } });
    await resources().create({ values: { roleName: 'desk', dataSourceKey: 'main', name: 'windows', usingActionsConfig: true, actions: [] }, context: {} });
    expect((await desk.get('/api/windows:list')).status).toBe(403);

    const lead = await t.as('lead');
    const before = await lead.get('/api/serviceItems:list');

    await new GrantNewCollections({ app: t.app, db: t.db } as any).up();

    expect(await resources().count({ filter: { roleName: 'windowLead', name: 'serviceItems' } })).toBe(1);
    expect((await lead.get('/api/serviceItems:list')).status).toBe(200);
    expect(before.status).toBe(403);
    // the admin's narrowing stays
    expect((await desk.get('/api/windows:list')).status).toBe(403);
  });

  it('R-X-2 running it again adds nothing', async () => {
    const count = await resources().count();
    const workflows = await t.db.getRepository('workflows').count();
    await new GrantNewCollections({ app: t.app, db: t.db } as any).up();
    expect(await resources().count()).toBe(count);
    expect(await t.db.getRepository('workflows').count()).toBe(workflows);
  });

  it('R-X-4 an app upgraded from 0.1.0 gets the default workflows (as a fresh install has them)', async () => {
    const repo = t.db.getRepository('workflows');
    const fresh = await repo.count({ filter: { key: { $startsWith: 'govhall-' } } });
    expect(fresh).toBeGreaterThan(5);
    await repo.destroy({ filter: { key: 'govhall-remind-late' } });
    await new GrantNewCollections({ app: t.app, db: t.db } as any).up();
    expect(await repo.count({ filter: { key: { $startsWith: 'govhall-' } } })).toBe(fresh);
  });
});
