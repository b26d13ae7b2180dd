// NocoBase 2.2's V2-only shell (/v/, which loads a plugin's dist/client-v2 and nothing else),
// in Chromium against the running app (E2E=1): an admin builds a page there and adds the desk's
// registration form from "Add block"; the desk opens that page at /v/admin/<page uid> — the
// shell's address of a menu page — and registers a booking; our own pages and the settings pages
// open in the same shell. Screenshots: test/browser/out/v2-shell/ (git-ignored).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { assertAppUp, launchBrowser, newContext, pageApi, signIn, watchErrors, screenshotSteps } from '../helpers/browser';

const OUT = path.join(process.env.E2E_SHOTS_DIR || path.join(__dirname, 'out'), 'v2-shell');
const PREFIX = 'V2 登记页';
const PLUGIN = '@govhall/plugin-appointment-duty';

let browser: Browser;
let admin: Page;
let errors: string[] = [];
let route: { id: number; schemaUid: string } | null = null;
const bundles: string[] = [];

const { step } = screenshotSteps(OUT, () => errors);

/** Which of our bundles a page loaded (the V2 shell must load dist/client-v2 only). */
function recordBundles(page: Page) {
  page.on('response', (r) => {
    const m = new RegExp(`/static/plugins/${PLUGIN}/(dist/[^?]+)`).exec(r.url());
    if (m) bundles.push(m[1]);
  });
}

async function removeTestPages() {
  const filter = encodeURIComponent(JSON.stringify({ title: { $startsWith: PREFIX } }));
  const list = (await pageApi(admin, 'GET', `desktopRoutes:list?paginate=false&filter=${filter}`)).json?.data ?? [];
  for (const r of list) await pageApi(admin, 'POST', `desktopRoutes:destroy?filterByTk=${r.id}`);
}

beforeAll(async () => {
  await assertAppUp();
  fs.rmSync(OUT, { recursive: true, force: true });
  browser = await launchBrowser();
  admin = await (await newContext(browser)).newPage();
  errors = watchErrors(admin);
  await signIn(admin, 'admin', 'admin123');
  await removeTestPages();
});

afterAll(async () => {
  if (admin && !process.env.E2E_KEEP) await removeTestPages().catch(() => undefined);
  await browser?.close();
});

test('R-HOL-3 in the V2 shell an admin adds the registration form to a new page; it is stored with the page', async () => {
  recordBundles(admin);
  const title = `${PREFIX} ${Date.now().toString(36)}`;
  await step(admin, '01-v2-new-page', async () => {
    await admin.goto('/v/admin');
    await admin.locator('[data-testid="ui-editor-button"]').click();
    await admin.locator('[data-testid="schema-initializer-Menu-header"]').hover();
    await admin.locator('.ant-dropdown-menu-item:visible').filter({ hasText: /^(页面|Page)$/ }).click();
    await admin.locator('.ant-modal:visible input').first().fill(title);
    const [created] = await Promise.all([
      admin.waitForResponse((r) => r.url().includes('/api/desktopRoutes:create')),
      admin.locator('.ant-modal:visible .ant-btn-primary').click(),
    ]);
    const data = (await created.json()).data;
    expect(data).toMatchObject({ type: 'flowPage', title });
    route = { id: data.id, schemaUid: data.schemaUid };
    await admin.goto(`/v/admin/${route.schemaUid}`);
    await admin.locator('[data-flow-add-block]:visible').waitFor({ timeout: 60000 });
  });
  await step(admin, '02-v2-add-block', async () => {
    await admin.locator('[data-flow-add-block]:visible').hover();
    const item = admin.locator('.ant-dropdown-menu-item').filter({ hasText: '预约服务登记（咨询台）' });
    const [saved] = await Promise.all([admin.waitForResponse((r) => r.url().includes('/api/flowModels:save')), item.first().click({ timeout: 30000 })]);
    expect(saved.status()).toBe(200);
    await admin.locator('[data-testid="desk-form"]:visible').waitFor({ timeout: 30000 });
  });
  await step(admin, '03-v2-after-reload', async () => {
    await admin.reload();
    await admin.locator('[data-testid="desk-form"][data-ready="yes"]').waitFor({ timeout: 60000 });
  });
  // The V2 shell loaded our V2 bundle and not the classic one.
  expect(bundles).toContain('dist/client-v2/index.js');
  expect(bundles).not.toContain('dist/client/index.js');
  // The desk may open the page (its menu permission, as an admin grants it in Users & Permissions).
  const routes = (await pageApi(admin, 'GET', 'desktopRoutes:list?paginate=false')).json.data as any[];
  const ids = [route!.id, ...routes.filter((r) => r.parentId === route!.id).map((r) => r.id)];
  expect((await pageApi(admin, 'POST', 'roles/desk/desktopRoutes:add', ids)).status).toBe(200);
});

test('R-HOL-1 R-HOL-5 the desk registers a booking on that page in the V2 shell and opens its 登记表', async () => {
  expect(route).not.toBeNull();
  const ctx = await newContext(browser);
  await ctx.addInitScript(() => {
    window.print = () => undefined; // no system dialog
  });
  const desk = await ctx.newPage();
  errors = watchErrors(desk);
  await signIn(desk, 'desk', 'desk123');
  // A bookable day with a free seat for an item on the published list (weekend service or holiday).
  const item = (await pageApi(desk, 'GET', 'bookings:searchItems?q=BDC-001')).json.data[0];
  const days = (await pageApi(desk, 'GET', `bookings:availability?serviceItemId=${item.id}`)).json.data.days as any[];
  const day = days.find((d) => d.bookable && d.slots.some((s: any) => s.remaining > 0));
  expect(day).toBeTruthy();
  const slot = day.slots.find((s: any) => s.remaining > 0);

  await step(desk, '04-v2-desk-form', async () => {
    await desk.goto(`/v/admin/${route!.schemaUid}`);
    await desk.locator('[data-testid="desk-form"][data-ready="yes"]').waitFor({ timeout: 60000 });
    expect(await desk.locator('[data-testid="desk-recorder"]').innerText()).toContain('咨询台 王芳');
  });
  await step(desk, '05-v2-desk-filled', async () => {
    const kb = desk.keyboard;
    await desk.locator('[data-testid="desk-item"]').focus();
    await kb.type(item.code);
    await desk.locator('.ant-select-item-option-active', { hasText: item.code }).waitFor();
    await kb.press('Enter');
    await desk.locator('[data-testid="desk-item-notice"]').waitFor();
    await desk.waitForSelector('[data-testid="desk-date"]:not(.ant-picker-disabled)');
    await kb.press('Tab');
    await kb.type(day.date);
    await kb.press('Enter');
    await desk.waitForSelector('[data-testid="desk-slot"]:not(.ant-select-disabled)');
    await kb.press('Tab');
    await kb.press('ArrowDown');
    await desk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: slot.time }).first().click();
    await desk.locator('[data-testid="desk-name"]').fill('赵敏');
    await desk.locator('[data-testid="desk-phone"]').fill('13905330001');
    await desk.locator('[data-testid="desk-phone-ok"]').waitFor();
  });
  const booking = await step(desk, '06-v2-desk-registered', async () => {
    const [res] = await Promise.all([
      desk.waitForResponse((r) => r.url().includes('/api/bookings:register')),
      desk.locator('[data-testid="desk-name"]').press('Enter'),
    ]);
    expect(res.status()).toBe(200);
    const b = (await res.json()).data;
    expect(b).toMatchObject({ applicantName: '赵敏', status: 'registered', serviceItemId: item.id });
    expect(await desk.locator('[data-testid="desk-booking-number"]').innerText()).toBe(b.number);
    return b;
  });
  await step(desk, '07-v2-desk-print', async () => {
    await desk.locator('[data-testid="desk-print"]').click();
    await desk.locator('[data-testid="print-sheet"]').waitFor();
    expect(await desk.locator('[data-testid="print-number"]').innerText()).toBe(`编号：${booking.number}`);
  });
  await step(desk, '08-v2-print-route', async () => {
    await desk.goto(`/v/admin/appointment-duty/bookings/${booking.id}/print`);
    await desk.locator('[data-testid="print-sheet"]').waitFor({ timeout: 60000 });
    expect(await desk.locator('[data-testid="print-number"]').innerText()).toBe(`编号：${booking.number}`);
  });
  // The booking is only for this run.
  await pageApi(admin, 'POST', `bookings:cancel?filterByTk=${booking.id}`, { reason: 'V2 shell test' });
  await ctx.close();
});

test('our pages and settings open in the V2 shell', async () => {
  const ctx = await newContext(browser);
  const chief = await ctx.newPage();
  errors = watchErrors(chief);
  await signIn(chief, 'chief', 'chief123');
  await step(chief, '09-v2-chief-workspace', async () => {
    await chief.goto('/v/admin/appointment-duty/workspace');
    await chief.locator('[data-testid="workspace-page"] [data-testid="section-board"]').waitFor({ timeout: 60000 });
  });
  await ctx.close();
  await step(admin, '10-v2-settings', async () => {
    await admin.goto('/v/admin/settings/appointment-duty');
    // The group's own address opens its first page, the statutory calendar.
    await admin.waitForURL(/\/v\/admin\/settings\/appointment-duty\/calendar/, { timeout: 60000 });
    // The V2 settings centre shows a menu's pages as a horizontal menu.
    await admin.locator('.ant-menu-item', { hasText: '基本设置' }).click();
    await admin.waitForURL(/\/v\/admin\/settings\/appointment-duty\/general/);
  });
});
