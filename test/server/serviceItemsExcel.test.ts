// R-LST-2: the list is imported from and exported to Excel with NocoBase's own import/export
// plugins — and an imported row obeys the same rules as one typed in the form (R-LST-3).
import * as XLSX from 'xlsx';
import { createTestApp, PLUGIN, TestApp } from '../helpers/app';

describe('service-item list in Excel', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  const count = () => t.db.getRepository('serviceItems').count();
  const columns = [
    { dataIndex: ['code'], defaultTitle: '事项编码' },
    { dataIndex: ['name'], defaultTitle: '事项名称' },
    { dataIndex: ['expectedMinutes'], defaultTitle: '预计办理时长（分钟）' },
    { dataIndex: ['capacityPerSlot'], defaultTitle: '每时段可约人数' },
  ];
  const workbook = (rows: any[][]) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([columns.map((c) => c.defaultTitle), ...rows]), 'Sheet1');
    return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  };
  const importRows = (rows: any[][]) =>
    admin
      .post('/api/serviceItems:importXlsx')
      .field('columns', JSON.stringify(columns))
      .attach('file', workbook(rows), 'items.xlsx');

  beforeAll(async () => {
    t = await createTestApp({ plugins: ['action-import', 'action-export', PLUGIN] });
    await t.seedDemo();
    admin = await t.as('admin');
  });
  afterAll(() => t?.destroy());

  it('R-LST-2 an admin imports new items from an .xlsx file', async () => {
    const before = await count();
    const res = await importRows([
      ['XL-1', '残疾人证办理', 30, 2],
      ['XL-2', '老年优待证办理', 15, 4],
    ]);
    expect(res.status).toBe(200);
    expect(await count()).toBe(before + 2);
    const item = await t.db.getRepository('serviceItems').findOne({ filter: { code: 'XL-2' } });
    expect(item.get('capacityPerSlot')).toBe(4);
  });

  it('R-LST-3 R-X-3 an imported row over 0.5 working day is refused and nothing is imported', async () => {
    const before = await count();
    const res = await importRows([
      ['XL-3', '合法事项', 30, 1],
      ['XL-4', '超时事项', 300, 1],
    ]);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(res.body)).toContain('超过 0.5 个工作日');
    expect(await count()).toBe(before);
  });

  it('R-LST-2 R-LST-1 a published row with its lead window (by window number) imports; without one it is refused', async () => {
    const withLead = [...columns, { dataIndex: ['leadWindow', 'code'], defaultTitle: '主办窗口' }, { dataIndex: ['published'], defaultTitle: '公告' }];
    const send = (rows: any[][]) => admin.post('/api/serviceItems:importXlsx').field('columns', JSON.stringify(withLead))
      .attach('file', (() => {
        const wb = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([withLead.map((c) => c.defaultTitle), ...rows]), 'Sheet1');
        return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
      })(), 'items.xlsx');
    const ok = await send([['XL-P1', '助残服务咨询', 20, 1, 'A04', '是']]);
    expect(ok.status).toBe(200);
    const item = await t.db.getRepository('serviceItems').findOne({ filter: { code: 'XL-P1' }, appends: ['leadWindow'] });
    expect([item.get('published'), item.get('leadWindow').get('code')]).toEqual([true, 'A04']);
    const before = await count();
    const refused = await send([['XL-P2', '助残服务咨询（二）', 20, 1, 'A04', '是'], ['XL-P3', '无窗口事项', 20, 1, null, '是']]);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ code: 'PUBLISHED_WITHOUT_LEAD_WINDOW', message: '第 2 行：事项“无窗口事项”没有主办窗口，不能公告。' });
    expect(await count()).toBe(before);
  });

  it('R-LST-2 an admin exports the list to .xlsx', async () => {
    const res = await admin
      .post('/api/serviceItems:export')
      .send({ columns, title: '服务事项清单' })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const rows: any[][] = XLSX.utils.sheet_to_json(XLSX.read(res.body, { type: 'buffer' }).Sheets.Data, { header: 1 });
    expect(rows[0]).toEqual(columns.map((c) => c.defaultTitle));
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['BDC-001', 'SB-001', 'XL-1']));
  });
});
