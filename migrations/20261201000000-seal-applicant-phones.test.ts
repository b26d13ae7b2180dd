// The upgrade from 0.2.0: bookings that hold the full number in applicantPhone are sealed (R-X-2).
import { createTestApp, TestApp } from '../test/helpers/app';
import SealApplicantPhones from './20261201000000-seal-applicant-phones';

describe('migration 20261201000000-seal-applicant-phones', () => {
  let t: TestApp;
  let ids: number[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    const item = await t.db.getRepository('serviceItems').findOne({ filter: { code: 'BDC-003' } });
    const section = await t.db.getRepository('users').findOne({ filter: { username: 'section' } });
    // As 0.2.0 left them: the number in the clear, no hash, nothing sealed (written without our hooks).
    const rows = ['13905331234', '0533-2512345', '13905337777'].map((phone, i) => ({
      number: `YY-2026-90000${i}`, status: 'registered', kind: 'holiday', applicantName: `旧数据${i}`, applicantPhone: phone,
      serviceItemId: item.get('id'), windowId: item.get('leadWindowId'), channel: 'onSite', recorderId: section.get('id'),
      appointmentStart: new Date('2026-02-17T02:00:00Z'), appointmentEnd: new Date('2026-02-17T02:20:00Z'),
    }));
    ids = (await t.db.getModel('bookings').bulkCreate(rows, { hooks: false })).map((b: any) => b.get('id'));
  });
  afterAll(() => t?.destroy());

  const stored = async () => (await t.db.getModel('bookings').findAll({ where: { id: ids }, order: [['id', 'ASC']], raw: true })) as any[];

  it('R-X-2 keeps only the mask in applicantPhone, the hash and the sealed number beside it; readers who may see it get it back', async () => {
    expect((await stored()).map((r) => r.applicantPhone)).toEqual(['13905331234', '0533-2512345', '13905337777']);
    await new SealApplicantPhones({ app: t.app, db: t.db } as any).up();
    const after = await stored();
    expect(after.map((r) => r.applicantPhone)).toEqual(['139****1234', '0533-***2345', '139****7777']);
    for (const r of after) {
      expect(r.applicantPhoneHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.applicantPhoneSealed).toMatch(/^v1:/);
      expect(JSON.stringify(r)).not.toMatch(/13905331234|2512345|13905337777/);
    }
    const section = await t.as('section');
    const desk = await t.as('desk');
    expect((await section.get(`/api/bookings:get?filterByTk=${ids[1]}`)).body.data.applicantPhone).toBe('0533-2512345');
    expect((await desk.get(`/api/bookings:get?filterByTk=${ids[1]}`)).body.data.applicantPhone).toBe('0533-***2345');
    // The desk's look-up by the full number finds the migrated row (the hash matches a new booking's).
    const found = await desk.get(`/api/bookings:lookup?q=${encodeURIComponent('0533 2512345')}`);
    expect(found.body.data.map((r: any) => r.id)).toEqual([ids[1]]);
  });

  it('R-X-2 running it again changes nothing', async () => {
    const before = await stored();
    await new SealApplicantPhones({ app: t.app, db: t.db } as any).up();
    expect(await stored()).toEqual(before);
  });
});
