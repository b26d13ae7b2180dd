// R-CAL-4 the calendar as data others use, on a real app: a configured year as iCalendar for any
// signed-in user (Outlook / WeCom subscriptions), and a year exported to and imported from Excel
// through NocoBase's own import/export plugins, each imported row checked by the day rules.
import * as XLSX from 'xlsx';
import { createTestApp, PLUGIN, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const binary = (r: any, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('R-CAL-4 the calendar as data: iCalendar and Excel', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const columns = [
    { dataIndex: ['date'], defaultTitle: '日期' },
    { dataIndex: ['kind'], defaultTitle: '类型' },
    { dataIndex: ['holidayName'], defaultTitle: '节日' },
  ];

  beforeAll(async () => {
    t = await createTestApp({ plugins: ['action-import', 'action-export', PLUGIN] });
    await t.seedDemo();
    for (const u of ['admin', 'desk', 'staff']) as[u] = await t.as(u);
  });
  afterAll(() => t?.destroy());

  const ics = (user: string, year: number | string) => as[user].get(`/api/calendar:ics?year=${year}`).buffer(true).parse(binary);

  describe('iCalendar', () => {
    it('R-CAL-4 any signed-in user downloads a configured year as .ics: all-day events, CRLF, folded', async () => {
      const res = await ics('staff', 2026);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="holidays-2026.ics"');
      const text = res.body.toString('utf8');
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const unfolded = text.replace(/\r\n /g, '');
      expect(unfolded).toContain('DTSTART;VALUE=DATE:20260215\r\nDTEND;VALUE=DATE:20260224\r\nSUMMARY:春节 放假');
      expect(unfolded).toContain('X-WR-CALNAME:2026 年法定节假日（预约+无休）');
      expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(13);
    });

    it('R-CAL-4 stable UIDs: the same calendar downloads byte for byte the same; in English on request', async () => {
      const a = (await ics('desk', 2026)).body.toString('utf8');
      const b = (await ics('admin', 2026)).body.toString('utf8');
      expect(a).toBe(b);
      expect(a).toMatch(/UID:20260215-holiday@/);
      const en = await as.desk.get('/api/calendar:ics?year=2026').set('X-Locale', 'en-US').buffer(true).parse(binary);
      expect(en.body.toString('utf8').replace(/\r\n /g, '')).toContain('SUMMARY:春节 holiday');
    });

    it('R-CAL-4 a subscription URL carries the token as a query parameter (calendar apps send no header)', async () => {
      const res = await t.request().get(`/api/calendar:ics?year=2026&token=${as.staff.token}`).set('X-Authenticator', 'basic').buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.body.toString('utf8')).toContain('BEGIN:VEVENT');
    });

    it('R-CAL-4 R-X-3 refused: not signed in, a year not configured, a year that is not one', async () => {
      expect((await t.request().get('/api/calendar:ics?year=2026')).status).toBe(401);
      const missing = await as.desk.get('/api/calendar:ics?year=2027');
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].code).toBe('CALENDAR_YEAR_NOT_CONFIGURED');
      expect((await as.desk.get('/api/calendar:ics?year=20x6')).body.errors[0].code).toBe('INVALID_YEAR');
    });
  });

  describe('Excel', () => {
    const workbook = (rows: any[][]) => {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([columns.map((c) => c.defaultTitle), ...rows]), 'Sheet1');
      return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    };
    const importRows = (rows: any[][], user = 'admin') =>
      as[user].post('/api/calendarDays:importXlsx').field('columns', JSON.stringify(columns)).attach('file', workbook(rows), 'calendar.xlsx');
    const exportYear = (year: number, user = 'admin') => {
      const filter = encodeURIComponent(JSON.stringify({ date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }));
      return as[user].post(`/api/calendarDays:export?filter=${filter}&sort=date`).send({ columns, title: `${year} 年法定节假日` }).buffer(true).parse(binary);
    };
    const days = (year: number) =>
      t.db.getRepository('calendarDays').find({ filter: { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, sort: ['date'] });

    it('R-CAL-4 an admin exports a year: one row per stored day', async () => {
      const res = await exportYear(2026);
      expect(res.status).toBe(200);
      const rows: any[][] = XLSX.utils.sheet_to_json(XLSX.read(res.body, { type: 'buffer' }).Sheets.Data, { header: 1 });
      expect(rows[0]).toEqual(['日期', '类型', '节日']);
      expect(rows).toHaveLength(1 + 39);
      expect(rows.find((r) => String(r[0]).startsWith('2026-02-14'))?.slice(1)).toEqual(['调休上班', '春节']);
    });

    it('R-CAL-4 import into a new year: the rows land; the year is then confirmed like one entered by hand', async () => {
      expect((await as.admin.post('/api/calendar:addYear').send({ year: 2027 })).status).toBe(200);
      const res = await importRows([
        ['2027-01-01', '法定节假日', '元旦'], ['2027-01-02', '法定节假日', '元旦'], ['2027-01-03', '法定节假日', '元旦'],
        ['2027-01-31', '调休上班', '春节'],
      ]);
      expect(res.status).toBe(200);
      expect((await days(2027)).map((d: any) => [d.get('date'), d.get('kind')])).toEqual([
        ['2027-01-01', 'holiday'], ['2027-01-02', 'holiday'], ['2027-01-03', 'holiday'], ['2027-01-31', 'makeupWorkday'],
      ]);
      expect((await as.admin.post('/api/calendar:confirmYear').send({ year: 2027 })).status).toBe(200);
      expect((await as.desk.get('/api/calendar:dayKind?date=2027-01-31')).body.data).toMatchObject({ kind: 'makeupWorkday', workingDay: true });
    });

    it('R-CAL-4 English labels and the stored codes import too', async () => {
      const res = await importRows([['2027-04-03', 'Statutory holiday', '清明节'], ['2027-04-04', 'holiday', '清明节']]);
      expect(res.status).toBe(200);
      expect((await days(2027)).filter((d: any) => d.get('date') >= '2027-04-01').map((d: any) => d.get('kind'))).toEqual(['holiday', 'holiday']);
      await t.db.getRepository('calendarDays').destroy({ filter: { date: { $in: ['2027-04-03', '2027-04-04'] } } });
    });

    it('R-CAL-4 a year exported, edited and imported again: imported rows replace their dates', async () => {
      const res = await importRows([['2027-01-31', '调休上班', '春节（改）'], ['2027-02-20', '调休上班', '春节']]);
      expect(res.status).toBe(200);
      const stored = await days(2027);
      expect(stored.map((d: any) => [d.get('date'), d.get('holidayName')])).toEqual([
        ['2027-01-01', '元旦'], ['2027-01-02', '元旦'], ['2027-01-03', '元旦'], ['2027-01-31', '春节（改）'], ['2027-02-20', '春节'],
      ]);
    });

    // The import plugin words the failure itself ("导入第 N 行失败…原因：…") around our rule's message.
    const bad: [string, any[][], string][] = [
      ['a make-up workday on a Monday', [['2027-03-01', '调休上班', '春节']], '2027-03-01 不能设为该类型'], // DAY_KIND_WEEKDAY_MISMATCH
      ['a plain workday on a Saturday', [['2027-03-06', '工作日', null]], '2027-03-06 不能设为该类型'],
      ['a date twice', [['2027-04-03', '法定节假日', '清明节'], ['2027-04-03', '法定节假日', '清明节']], '2027-04-03 出现了两次'], // CALENDAR_DAY_TWICE
      ['a year the calendar does not have', [['2031-01-01', '法定节假日', '元旦']], '日历中还没有 2031 年度'], // CALENDAR_YEAR_MISSING
      ["a kind that is none (the message is NocoBase's, in English)", [['2027-04-06', '放假', '清明节']], 'is not a valid option in kind field'],
    ];
    it.each(bad)('R-CAL-4 R-X-3 an import with %s is refused whole, in the user language, and nothing changes', async (_t, rows, text) => {
      const before = (await days(2027)).map((d: any) => [d.get('date'), d.get('kind'), d.get('holidayName')]);
      const res = await importRows([['2027-04-05', '法定节假日', '清明节'], ...rows]);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.errors[0].message).toContain(text);
      expect((await days(2027)).map((d: any) => [d.get('date'), d.get('kind'), d.get('holidayName')])).toEqual(before);
    });

    it('R-CAL-4 R-X-2 only admins import or export the calendar table', async () => {
      expect((await importRows([['2027-04-05', '法定节假日', '清明节']], 'desk')).status).toBe(403);
      expect((await exportYear(2026, 'desk')).status).toBe(403);
    });
  });
});
