// Settings page 预约+无休 › 基本设置 in Chromium against the running app (E2E=1; see jest.config.js):
// an admin changes numbers of the booking engine (R-HOL-1 phone hours, R-DAY-1 late minutes), they
// survive a reload; a bad value is refused — one by the page's own check before any request, one
// by the server (R-LST-3: the half day below an item on the list) with its message at the field —
// and nothing is stored (R-X-3). Selectors are data-testid, so it holds in any UI language.
import type { Browser, Page } from 'playwright-core';
import { assertAppUp, guideShot, launchBrowser, newContext, shot, signIn, watchErrors, pageApi } from '../helpers/browser';

let browser: Browser;
let page: Page;
let errors: string[];
let defaults: any;

const api = (method: 'GET' | 'POST', url: string, body?: unknown) => pageApi(page, method, url, body);

/** The <input> of a field (antd puts data-testid on the input or on its wrapper, by component). */
const input = (testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function openGeneral() {
  await page.goto('/admin/settings/appointment-duty/general');
  await page.waitForSelector('[data-testid="general-settings"]', { timeout: 60000 });
  await input('settings-booking-lateMinutes').waitFor({ state: 'visible', timeout: 30000 });
}

async function restoreDefaults() {
  const res = await api('POST', 'appointmentSettings:update', { booking: defaults.booking });
  expect(res.status).toBe(200);
}

async function saveAndWait() {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/appointmentSettings:update'), { timeout: 30000 }),
    page.locator('[data-testid="settings-save"]').click(),
  ]);
  return res;
}

beforeAll(async () => {
  await assertAppUp();
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  errors = watchErrors(page);
  await signIn(page, 'admin', 'admin123');
  defaults = (await api('GET', 'appointmentSettings:get')).json.data.defaults;
  await restoreDefaults(); // a failed earlier run may have left values changed
});

afterEach(async () => {
  const name = expect.getState().currentTestName?.replace(/[^\w-]+/g, '_').slice(0, 80) || 'test';
  await shot(page, name).catch(() => undefined);
});

afterAll(async () => {
  if (page && defaults) await restoreDefaults().catch(() => undefined);
  await browser?.close();
  const unexpected = (errors || []).filter((e) => /govhall|appointment-duty|settings/i.test(e));
  if (unexpected.length) console.warn(unexpected.join('\n'));
});

test('R-HOL-1 R-DAY-1 admin changes the late minutes and the phone hours; both survive a reload', async () => {
  await openGeneral();
  expect(await input('settings-booking-lateMinutes').inputValue()).toBe('30');
  await input('settings-booking-lateMinutes').fill('45');
  await input('settings-booking-phoneHours-1-end').fill('16:30');
  await guideShot(page, 'admin-06-settings-general');
  const res = await saveAndWait();
  expect(res.status()).toBe(200);

  await page.reload();
  await page.waitForSelector('[data-testid="general-settings"]', { timeout: 60000 });
  await input('settings-booking-lateMinutes').waitFor({ state: 'visible' });
  expect(await input('settings-booking-lateMinutes').inputValue()).toBe('45');
  expect(await input('settings-booking-phoneHours-1-end').inputValue()).toBe('16:30');
  const stored = (await api('GET', 'appointmentSettings:get')).json.data.sections.booking;
  expect(stored.lateMinutes).toBe(45);
  expect(stored.phoneHours).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '16:30' }]);
  await restoreDefaults();
});

test('R-HOL-1 R-X-3 a bad phone number is flagged at the field and never sent', async () => {
  await openGeneral();
  let sent = false;
  const onRequest = (r: any) => { if (r.url().includes('appointmentSettings:update')) sent = true; };
  page.on('request', onRequest);
  await input('settings-booking-phoneNumber').fill('12345');
  await page.waitForSelector('[data-testid="settings-booking-phoneNumber-error"]', { timeout: 10000 });
  await page.locator('[data-testid="settings-save"]').click();
  await page.waitForSelector('[data-testid="settings-error"]', { timeout: 10000 });
  await page.waitForTimeout(500);
  page.off('request', onRequest);
  expect(sent).toBe(false);
  expect((await api('GET', 'appointmentSettings:get')).json.data.sections.booking.phoneNumber).toBe('0533-2512345');
});

test('R-LST-3 R-X-3 the server refuses a half day shorter than an item on the list; its message shows at the field and nothing is stored', async () => {
  await openGeneral();
  await input('settings-booking-halfDayMinutes').fill('100');
  const res = await saveAndWait();
  expect(res.status()).toBe(400);
  expect((await res.json()).errors[0].code).toBe('SETTINGS_HALF_DAY_BELOW_ITEM');
  const message = page.locator('[data-testid="settings-booking-halfDayMinutes-error"]');
  await message.waitFor({ state: 'visible', timeout: 10000 });
  expect((await message.textContent())?.length).toBeGreaterThan(10);
  await page.reload();
  await input('settings-booking-halfDayMinutes').waitFor({ state: 'visible', timeout: 60000 });
  expect(await input('settings-booking-halfDayMinutes').inputValue()).toBe('240');
});
