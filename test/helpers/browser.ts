// Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core, against the
// app `npm start` serves (E2E_BASE_URL, default http://localhost:13000). No browser download.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const BASE_URL = (process.env.E2E_BASE_URL || 'http://localhost:13000').replace(/\/$/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Screenshots of failures and of `shot()` go here. */
export const SHOTS_DIR = process.env.E2E_SHOTS_DIR || '/tmp/govhall-e2e-shots';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A fresh context (no stored token) in the given UI language. */
export async function newContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: BASE_URL, locale, viewport: { width: 1440, height: 1000 } });
}

/** Fails fast with a clear message when the app is not running. */
export async function assertAppUp(): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${BASE_URL}/api/app:getInfo`);
  } catch (e) {
    throw new Error(`No app at ${BASE_URL} (${(e as Error).message}). Start it: APP_PORT=13000 npm start`);
  }
  if (!res.ok) throw new Error(`App at ${BASE_URL} answered ${res.status} to app:getInfo`);
}

/**
 * Signs in through NocoBase's real sign-in page (username or email + password), whatever the UI
 * language: the basic authenticator's form has one text input and one password input.
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/signin');
  const user = page.locator('form input:not([type=password]):not([type=hidden]):not([type=checkbox])').first();
  const pass = page.locator('form input[type=password]').first();
  await user.waitFor({ state: 'visible', timeout: 60000 });
  await user.fill(username);
  await pass.fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/auth:signIn'), { timeout: 30000 }),
    pass.press('Enter'),
  ]);
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Collects uncaught page errors and console errors, to show what broke when a wait times out. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Calls our API with the signed-in page's token (for set-up and clean-up; the UI is what is tested). */
export async function pageApi(page: Page, method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(`/api/${url}`, {
        method,
        headers: {
          Authorization: `Bearer ${localStorage.getItem('NOCOBASE_TOKEN')}`,
          'X-Authenticator': localStorage.getItem('NOCOBASE_AUTH') || 'basic',
          'Content-Type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, url, body },
  );
}

/** Where guideShot saves: test/browser/out/guide (E2E_GUIDE_DIR to change it). */
export const GUIDE_DIR = process.env.E2E_GUIDE_DIR || path.join(__dirname, '../browser/out/guide');

/**
 * A screenshot for the user guide (docs/zh-CN, 操作手册): the viewport only (small files), or one
 * element when given. `npm run docs:shots` copies the shots the guide names into docs/zh-CN/images.
 */
export async function guideShot(page: Page, name: string, element?: Locator): Promise<void> {
  fs.mkdirSync(GUIDE_DIR, { recursive: true });
  const file = path.join(GUIDE_DIR, `${name}.png`);
  // Let antd's open/close animations settle so the shot shows the finished state.
  await page.waitForTimeout(400);
  if (element) await element.screenshot({ path: file, animations: 'disabled' });
  else await page.screenshot({ path: file, fullPage: false, animations: 'disabled' });
}

/**
 * A test file's screenshot steps, saved into `dir`: `step(page, name, fn)` saves `<name>.png` once
 * fn has passed; when it fails, `FAILED-<name>.png`, named in the error with the page's last errors.
 */
export function screenshotSteps(dir: string, pageErrors: () => string[]) {
  const shot = async (page: Page, name: string) => {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    return file;
  };
  const step = async <T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> => {
    try {
      const result = await fn();
      await shot(page, name);
      return result;
    } catch (e) {
      const file = await shot(page, `FAILED-${name}`);
      const err = e as Error;
      err.message = `${err.message}\n  screenshot: ${file}\n  page errors: ${pageErrors().slice(-5).join(' | ') || '-'}`;
      throw err;
    }
  };
  return { shot, step };
}
