// R-X-3 on the admin paths, over HTTP: every bad value an admin (or a window lead, on its own
// window) can send for service items (form/API and Excel import), windows, calendar days and the
// settings gets a clear 4xx whose message is plain text in the user's language — translated,
// no template left, no HTML entity, the echoed value bounded — and changes nothing: every row of
// the admin tables is the same afterwards. One real app for the file, with the demo data, as in
// bookingsBadInput.test.ts.
import * as XLSX from 'xlsx';
import { createTestApp, PLUGIN, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const TABLES = ['serviceItems', 'serviceItemsCooperatingWindows', 'windows', 'windowsStaff', 'calendarDays', 'calendarYears', 'appointmentSettingsSections'];
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const UNFILLED = /\{\{|\$t\(|LABEL_|SETTINGS_FIELD_/;
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/i;
const MESSAGE_MAX = 300;

interface Ctx {
  window: Record<string, number>; // window id by code
  item: Record<string, number>; // service item id by code
}

interface Row {
  title: string;
  user?: 'admin' | 'lead';
  send: (a: Agent, c: Ctx) => any;
  status: 400 | 403 | 404;
  code: string;
  /** Also ask with X-Locale: en-US (rows whose parameters carry no Chinese text). */
  en?: boolean;
}

let seq = 0;
/** An item the admin could create (the 'R-LST-1 … accepted' case at the end proves it), spoiled per row. */
const item = (c: Ctx, over: Record<string, unknown> = {}) => ({
  code: `ADM-${++seq}`, name: 'Passport renewal', leadWindowId: c.window.A06, cooperatingWindows: [c.window.A01],
  expectedMinutes: 30, capacityPerSlot: 2, published: true, materials: ['ID card', 'Old passport'], ...over,
});
const createItem = (over: (c: Ctx) => Record<string, unknown>) => (a: Agent, c: Ctx) => a.post('/api/serviceItems:create').send(item(c, over(c)));
const updateItem = (code: string, values: (c: Ctx) => Record<string, unknown>) => (a: Agent, c: Ctx) =>
  a.post(`/api/serviceItems:update?filterByTk=${c.item[code]}`).send(values(c));
const createWindow = (over: Record<string, unknown>) => (a: Agent) =>
  a.post('/api/windows:create').send({ code: `W-${++seq}`, name: 'Window Z', department: 'Tax office', phone: '0533-2512399', ...over });
const setDay = (over: Record<string, unknown>) => (a: Agent) =>
  a.post('/api/calendar:setDay').send({ date: '2026-10-01', kind: 'holiday', holidayName: '国庆节', ...over });
const settings = (patch: unknown) => (a: Agent) => a.post('/api/appointmentSettings:update').send(patch as any);

// Excel import through NocoBase's import plugin, as the list editor's 导入 Excel does.
const COLUMNS = [
  { dataIndex: ['code'], defaultTitle: '事项编码' }, { dataIndex: ['name'], defaultTitle: '事项名称' },
  { dataIndex: ['expectedMinutes'], defaultTitle: '预计办理时长（分钟）' }, { dataIndex: ['capacityPerSlot'], defaultTitle: '每时段可约人数' },
  { dataIndex: ['leadWindow', 'code'], defaultTitle: '主办窗口' }, { dataIndex: ['published'], defaultTitle: '公告' },
];
const importRows = (rows: (c: Ctx) => unknown[][]) => (a: Agent, c: Ctx) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([COLUMNS.map((x) => x.defaultTitle), ...rows(c)]), 'Sheet1');
  return a.post('/api/serviceItems:importXlsx').field('columns', JSON.stringify(COLUMNS))
    .attach('file', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'items.xlsx');
};
const goodRow = () => [`XL-${++seq}`, '残疾人证办理', 30, 2, 'A04', '是'];

const LONG = 'x'.repeat(100000);
const ROWS: Row[] = [
  // ---------- service items: texts ----------
  { title: 'R-X-3 R-LST-1 a 100,000-character item name is refused', send: createItem(() => ({ name: LONG })), status: 400, code: 'TEXT_TOO_LONG', en: true },
  { title: 'R-X-3 R-LST-1 an item name one character over 200 is refused', send: createItem(() => ({ name: '证'.repeat(201) })), status: 400, code: 'TEXT_TOO_LONG' },
  { title: 'R-X-3 R-LST-1 <script> in an item name is refused, not stored', send: createItem(() => ({ name: '<script>alert(1)</script>' })), status: 400, code: 'TEXT_MARKUP', en: true },
  { title: 'R-X-3 R-LST-1 a control character (bell) in an item name is refused', send: createItem(() => ({ name: '护照\u0007换发' })), status: 400, code: 'TEXT_CONTROL_CHARACTERS' },
  { title: 'R-X-3 R-LST-1 a right-to-left override in an item code is refused', send: createItem(() => ({ code: 'GA-\u202e100' })), status: 400, code: 'TEXT_CONTROL_CHARACTERS', en: true },
  { title: 'R-X-3 R-LST-1 an object as item name is refused, not stored as "[object Object]"', send: createItem(() => ({ name: { zh: '护照' } })), status: 400, code: 'TEXT_INVALID', en: true },
  { title: 'R-X-3 R-LST-1 a list as item code is refused', send: createItem(() => ({ code: ['GA', '100'] })), status: 400, code: 'TEXT_INVALID' },
  { title: 'R-X-3 R-LST-1 a null item name is refused with our message', send: createItem(() => ({ name: null })), status: 400, code: 'SERVICE_ITEM_NAME_REQUIRED', en: true },
  { title: 'R-X-3 R-LST-1 an item code of 51 characters is refused', send: createItem(() => ({ code: 'C'.repeat(51) })), status: 400, code: 'TEXT_TOO_LONG' },
  { title: 'R-X-3 R-LST-1 a line break in an item code is refused', send: createItem(() => ({ code: 'GA-1\n00' })), status: 400, code: 'TEXT_CONTROL_CHARACTERS' },
  { title: 'R-X-3 R-LST-1 an existing item code (BDC-001) is refused, translated', send: createItem(() => ({ code: 'BDC-001' })), status: 400, code: 'FIELD_NOT_UNIQUE', en: true },
  { title: 'R-X-3 R-LST-1 a 10,000-character item note is refused', send: createItem(() => ({ note: 'n'.repeat(10000) })), status: 400, code: 'TEXT_TOO_LONG' },
  // ---------- service items: numbers ----------
  { title: 'R-X-3 R-LST-3 a null expected time is refused with our message, not "{{t(…)}} cannot be null"', send: createItem(() => ({ expectedMinutes: null })), status: 400, code: 'EXPECTED_MINUTES_REQUIRED', en: true },
  { title: 'R-X-3 R-LST-3 an expected time in exponent notation ("1e2") is refused', send: createItem(() => ({ expectedMinutes: '1e2' })), status: 400, code: 'EXPECTED_MINUTES_INVALID' },
  { title: 'R-X-3 R-LST-3 a fractional expected time (1.5) is refused', send: createItem(() => ({ expectedMinutes: 1.5 })), status: 400, code: 'EXPECTED_MINUTES_INVALID', en: true },
  { title: 'R-X-3 R-LST-3 a negative expected time is refused', send: createItem(() => ({ expectedMinutes: -30 })), status: 400, code: 'EXPECTED_MINUTES_INVALID' },
  { title: 'R-X-3 R-LST-1 a capacity of 1e9 per slot is refused', send: createItem(() => ({ capacityPerSlot: 1e9 })), status: 400, code: 'CAPACITY_OVER_LIMIT', en: true },
  { title: 'R-X-3 R-LST-1 a capacity of 1001 per slot (one over) is refused', send: createItem(() => ({ capacityPerSlot: 1001 })), status: 400, code: 'CAPACITY_OVER_LIMIT' },
  { title: 'R-X-3 R-LST-1 a null capacity is refused with our message', send: createItem(() => ({ capacityPerSlot: null })), status: 400, code: 'CAPACITY_REQUIRED', en: true },
  { title: 'R-X-3 R-LST-1 a capacity as text in exponent notation ("1e3") is refused', send: createItem(() => ({ capacityPerSlot: '1e3' })), status: 400, code: 'CAPACITY_BELOW_ONE' },
  // ---------- service items: materials (一次性告知) ----------
  { title: 'R-X-3 R-LST-1 101 materials are refused', send: createItem(() => ({ materials: Array.from({ length: 101 }, (_, i) => `Document ${i + 1}`) })), status: 400, code: 'MATERIALS_TOO_MANY', en: true },
  { title: 'R-X-3 R-LST-1 a material of 501 characters is refused', send: createItem(() => ({ materials: ['身份证', 'm'.repeat(501)] })), status: 400, code: 'TEXT_TOO_LONG' },
  { title: 'R-X-3 R-LST-1 markup in a material is refused', send: createItem(() => ({ materials: ['<img src=x onerror=alert(1)>'] })), status: 400, code: 'TEXT_MARKUP', en: true },
  { title: 'R-X-3 R-LST-1 materials as an object are refused', send: createItem(() => ({ materials: { first: '身份证' } })), status: 400, code: 'MATERIALS_NOT_A_LIST' },
  // ---------- service items: window references ----------
  { title: 'R-X-3 R-LST-1 a published item with a lead window that does not exist (99999) is refused', send: createItem(() => ({ leadWindowId: 99999 })), status: 400, code: 'LEAD_WINDOW_NOT_FOUND', en: true },
  { title: 'R-X-3 R-LST-1 a lead window given as association (leadWindow: 99999) that does not exist is refused', send: createItem(() => ({ leadWindowId: undefined, leadWindow: 99999 })), status: 400, code: 'LEAD_WINDOW_NOT_FOUND' },
  { title: 'R-X-3 R-LST-1 a negative lead window id is refused', send: createItem(() => ({ leadWindowId: -5 })), status: 400, code: 'LEAD_WINDOW_NOT_FOUND' },
  { title: 'R-X-3 R-LST-1 a draft item with a missing lead window is refused too', send: createItem(() => ({ leadWindowId: 99999, published: false })), status: 400, code: 'LEAD_WINDOW_NOT_FOUND' },
  { title: 'R-X-3 R-LST-1 a cooperating window that does not exist is refused, not silently dropped', send: createItem((c) => ({ cooperatingWindows: [c.window.A01, 99999] })), status: 400, code: 'COOPERATING_WINDOW_NOT_FOUND', en: true },
  { title: 'R-X-3 R-LST-1 a missing cooperating window given as { id } is refused', send: createItem(() => ({ cooperatingWindows: [{ id: 99999 }] })), status: 400, code: 'COOPERATING_WINDOW_NOT_FOUND' },
  // ---------- service items: edits ----------
  { title: 'R-X-3 R-LST-1 re-pointing a published item to a missing lead window is refused; it keeps its window', send: updateItem('BDC-001', () => ({ leadWindowId: 99999 })), status: 400, code: 'LEAD_WINDOW_NOT_FOUND' },
  { title: 'R-X-3 R-LST-1 an edit to capacity 1e9 is refused', send: updateItem('BDC-001', () => ({ capacityPerSlot: 1e9 })), status: 400, code: 'CAPACITY_OVER_LIMIT' },
  { title: 'R-X-3 R-LST-3 an edit clearing the expected time is refused with our message', send: updateItem('SB-001', () => ({ expectedMinutes: null })), status: 400, code: 'EXPECTED_MINUTES_REQUIRED' },
  { title: 'R-X-3 R-LST-1 an edit adding a missing cooperating window is refused', send: updateItem('BDC-001', (c) => ({ cooperatingWindows: [c.window.A07, 99999] })), status: 400, code: 'COOPERATING_WINDOW_NOT_FOUND' },
  { title: 'R-X-3 R-LST-1 an edit of two items at once with markup in the name refuses both', send: (a, c) =>
    a.post(`/api/serviceItems:update?filterByTk[]=${c.item['SB-001']}&filterByTk[]=${c.item['SB-002']}`).send({ name: '<b>社保</b>' }), status: 400, code: 'TEXT_MARKUP' },
  { title: 'R-X-3 R-LST-1 windows:update taking published items off their lead window is refused', send: (a, c) =>
    a.post(`/api/windows:update?filterByTk=${c.window.A01}`).send({ serviceItems: [c.item['BDC-001']] }), status: 400, code: 'PUBLISHED_WITHOUT_LEAD_WINDOW' },
  // ---------- service items: Excel import (R-LST-2), one bad row imports nothing ----------
  { title: 'R-X-3 R-LST-2 an imported row with a 300-character name is refused', send: importRows(() => [goodRow(), ['XL-A', '名'.repeat(300), 30, 2, 'A04', '是']]), status: 400, code: 'TEXT_TOO_LONG' },
  { title: 'R-X-3 R-LST-2 an imported row with capacity 1e9 is refused', send: importRows(() => [goodRow(), ['XL-B', '老年优待证办理', 30, 1e9, 'A04', '是']]), status: 400, code: 'CAPACITY_OVER_LIMIT' },
  { title: 'R-X-3 R-LST-2 an imported row with markup in the name is refused', send: importRows(() => [goodRow(), ['XL-C', '<iframe src=x>', 30, 2, 'A04', '是']]), status: 400, code: 'TEXT_MARKUP' },
  { title: 'R-X-3 R-LST-2 a published imported row without a lead window is refused', send: importRows(() => [goodRow(), ['XL-D', '老年优待证办理', 30, 2, null, '是']]), status: 400, code: 'PUBLISHED_WITHOUT_LEAD_WINDOW' },
  { title: 'R-X-3 R-LST-2 an imported row over 0.5 working day is refused', send: importRows(() => [goodRow(), ['XL-E', '老年优待证办理', 241, 2, 'A04', '是']]), status: 400, code: 'EXPECTED_MINUTES_OVER_HALF_DAY' },
  // ---------- windows ----------
  { title: 'R-X-3 R-LST-1 a window name of 201 characters is refused', send: createWindow({ name: 'w'.repeat(201) }), status: 400, code: 'TEXT_TOO_LONG', en: true },
  { title: 'R-X-3 R-LST-1 markup in a window name is refused', send: createWindow({ name: '<b>Window</b>' }), status: 400, code: 'TEXT_MARKUP' },
  { title: 'R-X-3 R-LST-1 a control character in a window number is refused', send: createWindow({ code: 'A\u000009' }), status: 400, code: 'TEXT_CONTROL_CHARACTERS', en: true },
  { title: 'R-X-3 R-LST-1 a null window name is refused with our message', send: createWindow({ name: null }), status: 400, code: 'WINDOW_NAME_REQUIRED', en: true },
  { title: 'R-X-3 R-LST-1 an existing window number (A01) is refused, translated', send: createWindow({ code: 'A01' }), status: 400, code: 'FIELD_NOT_UNIQUE', en: true },
  { title: 'R-X-3 R-LST-1 a 10,000-character department is refused', send: createWindow({ department: 'd'.repeat(10000) }), status: 400, code: 'TEXT_TOO_LONG' },
  { title: 'R-X-3 R-LST-1 an object as window phone is refused', send: createWindow({ phone: { number: '0533' } }), status: 400, code: 'TEXT_INVALID' },
  { title: 'R-X-3 R-LST-1 a window lead renaming its own window with markup is refused', user: 'lead', send: (a, c) =>
    a.post(`/api/windows:update?filterByTk=${c.window.A01}`).send({ name: '不动产<script>x</script>' }), status: 400, code: 'TEXT_MARKUP' },
  // ---------- calendar days (R-CAL-1) ----------
  { title: 'R-X-3 R-CAL-1 <script> in a holiday name is refused', send: setDay({ holidayName: '<script>alert(1)</script>' }), status: 400, code: 'TEXT_MARKUP', en: true },
  { title: 'R-X-3 R-CAL-1 a 100,000-character holiday name is refused', send: setDay({ holidayName: LONG }), status: 400, code: 'TEXT_TOO_LONG', en: true },
  { title: 'R-X-3 R-CAL-1 a holiday name of 51 characters is refused', send: setDay({ holidayName: '节'.repeat(51) }), status: 400, code: 'TEXT_TOO_LONG' },
  { title: 'R-X-3 R-CAL-1 a control character in a holiday name is refused', send: setDay({ holidayName: '国庆\u001b[31m节' }), status: 400, code: 'TEXT_CONTROL_CHARACTERS' },
  { title: 'R-X-3 R-CAL-1 an object as holiday name is refused', send: setDay({ holidayName: { name: '国庆节' } }), status: 400, code: 'TEXT_INVALID', en: true },
  { title: 'R-X-3 R-CAL-1 a calendar note of 2,001 characters is refused', send: setDay({ note: 'n'.repeat(2001) }), status: 400, code: 'TEXT_TOO_LONG' },
  { title: 'R-X-3 R-CAL-1 a NUL character in a calendar note is refused', send: setDay({ note: '调休\u0000说明' }), status: 400, code: 'TEXT_CONTROL_CHARACTERS' },
  { title: 'R-X-3 R-CAL-1 a day kind given as a list is refused', send: setDay({ kind: ['holiday'] }), status: 400, code: 'INVALID_DAY_KIND', en: true },
  { title: 'R-X-3 R-CAL-1 an impossible date (02-30) is refused', send: setDay({ date: '2026-02-30' }), status: 400, code: 'INVALID_DATE', en: true },
  { title: 'R-X-3 R-CAL-1 markup in a holiday name through the generic calendarDays:create is refused', send: (a) =>
    a.post('/api/calendarDays:create').send({ date: '2026-12-25', kind: 'holiday', holidayName: '<svg onload=alert(1)>' }), status: 400, code: 'TEXT_MARKUP' },
  { title: 'R-X-3 R-CAL-1 a 100,000-character note through the generic calendarDays:update is refused', send: async (a) => {
    const days = (await a.get('/api/calendarDays:list?filter=%7B%22date%22%3A%222026-02-17%22%7D')).body.data;
    return a.post(`/api/calendarDays:update?filterByTk=${days[0].id}`).send({ note: LONG });
  }, status: 400, code: 'TEXT_TOO_LONG' },
  { title: 'R-X-3 R-CAL-1 a second row for an existing date through calendarDays:create is refused, translated', send: (a) =>
    a.post('/api/calendarDays:create').send({ date: '2026-02-17', kind: 'holiday', holidayName: '春节' }), status: 400, code: 'FIELD_NOT_UNIQUE', en: true },
  { title: 'R-X-3 R-CAL-1 adding the year 99999 is refused', send: (a) => a.post('/api/calendar:addYear').send({ year: 99999 }), status: 400, code: 'INVALID_YEAR', en: true },
  // ---------- settings (基本设置): every number in a range, every text bounded ----------
  { title: 'R-X-3 R-HOL-5 a slot grid of 1e9 minutes is refused', send: settings({ booking: { slotMinutes: 1e9 } }), status: 400, code: 'SETTINGS_NUMBER_OUT_OF_RANGE', en: true },
  { title: 'R-X-3 R-RSC-2 notice hours as text ("12") are refused', send: settings({ booking: { rescheduleNoticeHours: '12' } }), status: 400, code: 'SETTINGS_NUMBER_INVALID' },
  { title: 'R-X-3 R-DAY-1 negative late minutes are refused', send: settings({ booking: { lateMinutes: -1 } }), status: 400, code: 'SETTINGS_NUMBER_INVALID', en: true },
  { title: 'R-X-3 R-HOL-1 a 100,000-character phone number is refused, the message quoting only its start', send: settings({ booking: { phoneNumber: `0533${'9'.repeat(99996)}` } }), status: 400, code: 'INVALID_PHONE' },
  { title: 'R-X-3 R-HOL-1 phone hours with 1,000 sessions are refused', send: settings({ booking: { phoneHours: Array.from({ length: 1000 }, (_, i) => ({ start: '09:00', end: `${String(10 + (i % 10)).padStart(2, '0')}:00` })) } }), status: 400, code: 'SETTINGS_SESSIONS_TOO_MANY', en: true },
  { title: 'R-X-3 R-WKD-2 1e9 staff per duty shift are refused', send: settings({ duty: { staffPerShift: 1e9 } }), status: 400, code: 'DUTY_SETTING_INVALID', en: true },
  { title: 'R-X-3 R-WKD-1 a 1 MB junk weekend shift list is refused, the message quoting only its start', send: settings({ duty: { weekendShifts: [{ start: '09:00', end: '12:00', junk: 'j'.repeat(1000000) }, 'x'] } }), status: 400, code: 'DUTY_SETTING_INVALID' },
  { title: 'R-X-3 R-AFT-2 a rating window of 1e9 working days is refused', send: settings({ aftercare: { ratingWorkingDays: 1e9 } }), status: 400, code: 'SETTINGS_NUMBER_OUT_OF_RANGE', en: true },
  { title: 'R-X-3 R-AFT-2 an unknown case type in the case deadlines is refused', send: settings({ aftercare: { caseWorkingDays: { badReview: 5, complaint: 5, junk: 1 } } }), status: 400, code: 'CASE_TYPE_INVALID', en: true },
  { title: 'R-X-3 R-HOL-1 a section named "constructor" is refused', send: settings({ constructor: { slotMinutes: 1 } }), status: 400, code: 'SETTINGS_SECTION_UNKNOWN', en: true },
];

describe('R-X-3 admin-path bad-input table', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const ctx: Ctx = { window: {}, item: {} };

  /** Every row of every admin table, in a stable order. */
  const snapshot = async () => {
    const out: Record<string, string[]> = {};
    for (const name of TABLES) {
      const rows = await t.db.getModel(name).findAll({ raw: true });
      out[name] = rows.map((r: any) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] instanceof Date ? r[k].toISOString() : r[k]]))).sort();
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp({ plugins: ['action-import', 'action-export', PLUGIN] });
    await t.seedDemo();
    for (const u of ['admin', 'lead']) as[u] = await t.as(u);
    for (const w of await t.db.getRepository('windows').find()) ctx.window[w.get('code')] = w.get('id');
    for (const i of await t.db.getRepository('serviceItems').find()) ctx.item[i.get('code')] = i.get('id');
  });
  afterAll(() => t?.destroy());

  it('R-X-3 R-LST-1 has at least 30 rows, each titled with R-X-3 and a second rule id', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
    for (const r of ROWS) expect(r.title).toMatch(/^R-X-3 (R-[A-Z]+-\d+ )+/);
    expect(new Set(ROWS.map((r) => r.title)).size).toBe(ROWS.length);
  });

  const plainText = (message: unknown) => {
    expect(typeof message).toBe('string');
    expect(message).not.toMatch(UNFILLED);
    expect(message).not.toMatch(ENTITY);
    expect((message as string).length).toBeLessThanOrEqual(MESSAGE_MAX);
  };

  it.each(ROWS.map((r) => [r.title, r] as const))('%s', async (_title, row) => {
    const before = await snapshot();
    const agent = as[row.user ?? 'admin'];

    const zh = await localized(row, agent, 'zh-CN');
    const error = zh.body?.errors?.[0];
    expect({ status: zh.status, code: error?.code }).toEqual({ status: row.status, code: row.code });
    expect(error.message).toMatch(CJK);
    plainText(error.message);

    if (row.en) {
      const en = await localized(row, agent, 'en-US');
      const e = en.body?.errors?.[0];
      expect({ status: en.status, code: e?.code }).toEqual({ status: row.status, code: row.code });
      expect(e.message).not.toMatch(CJK);
      plainText(e.message);
      expect(e.message).not.toBe(error.message);
    }

    expect(await snapshot()).toEqual(before);
  });

  /** The row's request in the given language (the request is built lazily so the header can be set). */
  async function localized(row: Row, agent: Agent, locale: string) {
    const withLocale: Agent = {
      ...agent,
      get: (url: string) => agent.get(url).set('X-Locale', locale),
      post: (url: string) => agent.post(url).set('X-Locale', locale),
    };
    return row.send(withLocale, ctx);
  }

  it('R-X-3 R-LST-1 the unspoiled values of the table are accepted (item, import row, window, day, settings)', async () => {
    const a = as.admin;
    const created = await a.post('/api/serviceItems:create').send(item(ctx, { note: '面积 < 90 平方米的住房' }));
    expect(created.status).toBe(200);
    expect(created.body.data.note).toBe('面积 < 90 平方米的住房'); // a lone '<' is text, not markup
    expect((await importRows(() => [goodRow()])(a, ctx)).status).toBe(200);
    expect((await createWindow({})(a)).status).toBe(200);
    expect((await setDay({ note: '第一行\n第二行' })(a)).status).toBe(200);
    expect((await settings({ booking: { slotMinutes: 30 }, duty: { staffPerShift: 1 }, aftercare: { ratingWorkingDays: 5 } })(a)).status).toBe(200);
  });
});
