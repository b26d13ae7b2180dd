// The printable monthly report (R-SUP-3) in Chromium against the running app (E2E=1; see
// jest.config.js): signed in as the section, one A4 page per window; in print media only the pages
// show and each ends with a page break.
import type { Browser, Page } from 'playwright-core';
import { assertAppUp, launchBrowser, newContext, shot, signIn, watchErrors } from '../helpers/browser';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  await assertAppUp();
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  errors = watchErrors(page);
  await signIn(page, 'section', 'section123');
});
afterAll(() => browser?.close());

test('R-SUP-3 the monthly report shows one A4 page per window and prints only the pages', async () => {
  try {
    await page.goto('/admin/aftercare/report?month=2026-03');
    await page.waitForSelector('.govhall-report .page', { timeout: 60000 });
    const windows = await page.evaluate(async () => {
      const res = await fetch('/api/windows:list?pageSize=200', {
        headers: { Authorization: `Bearer ${localStorage.getItem('NOCOBASE_TOKEN')}`, 'X-Authenticator': 'basic' },
      });
      return (await res.json()).data.length;
    });
    expect(await page.locator('.govhall-report .page').count()).toBe(windows);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govhall-report .no-print').first().evaluate((e) => getComputedStyle(e).display)).toBe('none');
    const breaks = await page.locator('.govhall-report .page').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
    expect(new Set(breaks)).toEqual(new Set(['page']));
    await shot(page, 'aftercare-report-print');
  } catch (e) {
    await shot(page, 'aftercare-report-failure');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  }
});
