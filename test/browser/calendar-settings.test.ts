// The statutory calendar settings page in Chromium against a fresh `npm start` app (E2E=1; see
// test/helpers/browserEnvironment.js). Assertions read data-testid / data-kind, not texts, so they
// hold in any UI language.
import type { Browser, Page } from 'playwright-core';
import { assertAppUp, guideShot, launchBrowser, newContext, shot, signIn, watchErrors, pageApi } from '../helpers/browser';

const cell = (date: string) => `[data-testid="day-${date}"]`;
const EDITED_DAY = '2026-06-06'; // a plain Saturday in 2026 (no holiday, no make-up workday)

let browser: Browser;
let page: Page;
let errors: string[];

const api = (method: 'GET' | 'POST', url: string, body?: unknown) => pageApi(page, method, url, body);

async function kindOf(date: string): Promise<string | null> {
  return page.locator(cell(date)).getAttribute('data-kind');
}

async function waitForKind(date: string, kind: string) {
  await page.waitForSelector(`${cell(date)}[data-kind="${kind}"]`, { timeout: 30000 });
}

async function selectYear(year: number) {
  await page.locator('[data-testid="year-select"] .ant-select-selector').click();
  await page.locator(`.ant-select-dropdown .ant-select-item-option[title^="${year}"]`).click();
  await page.waitForSelector(cell(`${year}-01-01`), { timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
}

/** The settings page of our plugin; its group URL leads to the calendar sub-page. */
async function openCalendar(year: number) {
  await page.goto('/admin/settings/appointment-duty');
  await page.waitForURL(/\/admin\/settings\/appointment-duty\/calendar/, { timeout: 60000 });
  await page.waitForSelector('[data-testid="year-select"]', { timeout: 60000 });
  await selectYear(year);
}

/** Opens a day's editor, picks a kind and saves; resolves with the setDay response status. */
async function editDay(date: string, kind: string, holidayName?: string): Promise<number> {
  await page.locator(cell(date)).click();
  const dialog = page.locator('.govhall-day-editor .ant-modal');
  await dialog.waitFor({ state: 'visible' });
  await dialog.locator(`label:has([data-testid="kind-${kind}"])`).click();
  if (holidayName !== undefined) await dialog.locator('[data-testid="day-editor-holiday-name"]').fill(holidayName);
  if (kind === 'makeupWorkday') await guideShot(page, 'admin-02-calendar-day');
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/calendar:setDay')),
    dialog.locator('[data-testid="day-editor-save"]').click(),
  ]);
  return res.status();
}

beforeAll(async () => {
  await assertAppUp();
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  errors = watchErrors(page);
  await signIn(page, 'admin', 'admin123');
  // A failed earlier run may have left the edited day changed: put it back.
  await api('POST', 'calendar:setDay', { date: EDITED_DAY, kind: 'weekendRest', holidayName: null, note: null });
});

afterEach(async () => {
  const name = expect.getState().currentTestName?.replace(/[^\w-]+/g, '_').slice(0, 80) || 'test';
  await shot(page, name).catch(() => undefined);
});

afterAll(async () => {
  if (page) await api('POST', 'calendar:setDay', { date: EDITED_DAY, kind: 'weekendRest', holidayName: null, note: null }).catch(() => undefined);
  await browser?.close();
  const unexpected = (errors || []).filter((e) => /govhall|appointment-duty|calendar/i.test(e));
  if (unexpected.length) console.warn(unexpected.join('\n'));
});

test('R-CAL-1 admin sees 2026 holidays in calendar settings', async () => {
  await openCalendar(2026);
  expect(page.url()).toContain('/admin/settings/appointment-duty/calendar');
  // Spring Festival 2026: Sat 14 Feb is a make-up workday, 15–23 Feb are the holiday.
  expect(await kindOf('2026-02-14')).toBe('makeupWorkday');
  expect(await kindOf('2026-02-22')).toBe('holiday');
  expect(await page.locator(cell('2026-02-22')).getAttribute('data-holiday-name')).toBe('春节');
  expect(await kindOf('2026-03-01')).toBe('weekendRest');
  expect(await kindOf('2026-03-02')).toBe('workday');
  expect(await kindOf('2026-01-01')).toBe('holiday');
  // Twelve Monday-first months: 1 Feb 2026 is a Sunday, so it is the 7th cell of February.
  await expect(page.locator('[data-testid="month-2026-2"] [data-testid^="day-"]').count()).resolves.toBe(28);
  expect(await page.locator('[data-testid^="day-2026-"]').count()).toBe(365);
  // 2026 is seeded from the data package: no "not configured" warning.
  expect(await page.locator('[data-testid="year-not-configured"]').count()).toBe(0);
  await guideShot(page, 'admin-01-calendar-year');
});

test('R-CAL-1 admin changes a day and the change survives a reload', async () => {
  await openCalendar(2026);
  expect(await kindOf(EDITED_DAY)).toBe('weekendRest');

  expect(await editDay(EDITED_DAY, 'makeupWorkday')).toBe(200);
  await waitForKind(EDITED_DAY, 'makeupWorkday');

  await page.reload();
  await page.waitForSelector(cell(EDITED_DAY), { timeout: 60000 });
  expect(page.url()).toContain('year=2026'); // the selected year is kept in the address
  await waitForKind(EDITED_DAY, 'makeupWorkday');
  const stored = await api('GET', `calendar:dayKind?date=${EDITED_DAY}`);
  expect(stored.json?.data?.kind).toBe('makeupWorkday');

  expect(await editDay(EDITED_DAY, 'weekendRest')).toBe(200);
  await waitForKind(EDITED_DAY, 'weekendRest');
  await page.reload();
  await page.waitForSelector(cell(EDITED_DAY), { timeout: 60000 });
  await waitForKind(EDITED_DAY, 'weekendRest');
});

test('R-X-3 a refused change shows the server message and keeps the dialog open', async () => {
  await openCalendar(2026);
  // The server's own validation is covered by the server tests; here: what the page does with a 400.
  await page.route('**/api/calendar:setDay', (route) =>
    route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: '测试：日期类型与星期不符' }] }) }),
  );
  try {
    expect(await editDay(EDITED_DAY, 'holiday', '测试节')).toBe(400);
    await page.locator('.ant-message-error', { hasText: '测试：日期类型与星期不符' }).waitFor({ timeout: 10000 });
    expect(await page.locator('.govhall-day-editor .ant-modal').isVisible()).toBe(true);
    await page.locator('.govhall-day-editor .ant-modal-close').click();
  } finally {
    await page.unroute('**/api/calendar:setDay');
  }
  expect(await kindOf(EDITED_DAY)).toBe('weekendRest');
});

test('R-CAL-1 a year without statutory holidays is flagged and can be marked as configured', async () => {
  // Adding a real year cannot be undone through the API, so the server is stood in for here:
  // an extra year 2099 that has no holidays yet, and a confirmYear that accepts it.
  let configured = false;
  const json = (data: unknown) => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ data }) });
  await page.route('**/api/calendar:years*', async (route) => {
    const real = await route.fetch();
    const body = await real.json();
    route.fulfill(json([...(body.data || []), { year: 2099, configured, source: 'admin' }]));
  });
  await page.route('**/api/calendar:year?*year=2099*', (route) =>
    route.fulfill(json({ year: 2099, configured, source: 'admin', days: [] })),
  );
  await page.route('**/api/calendar:confirmYear', (route) => {
    expect(route.request().postDataJSON()).toEqual({ year: 2099 });
    configured = true;
    return route.fulfill(json({ year: 2099, configured: true }));
  });
  try {
    await openCalendar(2099);
    await page.locator('[data-testid="year-not-configured"]').waitFor({ state: 'visible' });
    expect(await kindOf('2099-01-01')).toBe('workday'); // Thursday, nothing stored: weekday default
    expect(await kindOf('2099-01-03')).toBe('weekendRest');
    await page.locator('[data-testid="confirm-year"]').click();
    await guideShot(page, 'admin-03-calendar-confirm-year');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/calendar:confirmYear')),
      page.locator('.ant-popconfirm .ant-btn-primary').click(),
    ]);
    await page.locator('[data-testid="year-not-configured"]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="confirm-year"]').count()).toBe(0);
  } finally {
    await page.unroute('**/api/calendar:years*');
    await page.unroute('**/api/calendar:year?*year=2099*');
    await page.unroute('**/api/calendar:confirmYear');
  }
});
