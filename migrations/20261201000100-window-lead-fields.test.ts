// The upgrade from 0.2.0 tightens the window lead's "update own window" grant to its descriptive
// fields (R-X-2), but only while it is still the 0.2.0 default; an admin's own grant stays.
import { createTestApp, TestApp } from '../test/helpers/app';
import WindowLeadFields from './20261201000100-window-lead-fields';

describe('migration 20261201000100-window-lead-fields', () => {
  let t: TestApp;
  let a01: any;
  let intruder: any;
  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    a01 = await t.db.getRepository('windows').findOne({ filter: { code: 'A01' } });
    intruder = await t.db.getRepository('users').create({ values: { username: 'lead9', nickname: '别的负责人', roles: ['windowLead'] } });
  });
  afterAll(() => t?.destroy());

  const updateAction = async () => {
    const resource: any = await t.db.getRepository('dataSourcesRolesResources').findOne({
      filter: { roleName: 'windowLead', name: 'windows' }, appends: ['actions'],
    });
    return resource.get('actions').find((a: any) => a.get('name') === 'update');
  };
  const setFields = async (fields: string[]) =>
    t.db.getRepository('dataSourcesRolesResourcesActions').update({ filterByTk: (await updateAction()).get('id'), values: { fields } });

  it.each([
    ['every listed field (as 0.2.0 left it after the data source manager listed windows)', 'all'],
    ['no field list (0.2.0 before the data source manager)', 'none'],
  ])('R-X-2 a 0.2.0 grant with %s let the lead hand the window over; after the migration only name, department, phone change', async (_what, kind) => {
    const listed = (await t.db.getRepository('fields').find({ filter: { collectionName: 'windows' } })).map((f: any) => f.get('name'));
    expect(listed).toEqual(expect.arrayContaining(['lead', 'staff', 'serviceItems']));
    await setFields(kind === 'all' ? [...listed, 'name', 'phone'] : []);
    const lead = await t.as('lead');
    const leadId = a01.get('leadId');
    const open = await lead.post(`/api/windows:update?filterByTk=${a01.get('id')}`).send({ lead: intruder.get('id') });
    expect(open.status).toBe(200);
    expect((await a01.reload()).get('leadId')).toBe(intruder.get('id')); // the hole this fixes
    await t.db.getRepository('windows').update({ filterByTk: a01.get('id'), values: { leadId } });

    await new WindowLeadFields({ app: t.app, db: t.db } as any).up();
    expect([...(await updateAction()).get('fields')].sort()).toEqual(['department', 'name', 'phone']);
    const res = await lead.post(`/api/windows:update?filterByTk=${a01.get('id')}`).send({ lead: intruder.get('id'), leadId: intruder.get('id'), phone: '0533-1231234' });
    expect(res.status).toBe(200);
    await a01.reload();
    expect(a01.get('leadId')).toBe(leadId);
    expect(a01.get('phone')).toBe('0533-1231234');
  });

  it('R-X-2 a grant the admin changed is left as the admin made it; running again changes nothing', async () => {
    await setFields(['name', 'note']);
    await new WindowLeadFields({ app: t.app, db: t.db } as any).up();
    expect((await updateAction()).get('fields')).toEqual(['name', 'note']);
    const count = await t.db.getRepository('dataSourcesRolesResourcesActions').count();
    await new WindowLeadFields({ app: t.app, db: t.db } as any).up();
    expect(await t.db.getRepository('dataSourcesRolesResourcesActions').count()).toBe(count);
  });
});
