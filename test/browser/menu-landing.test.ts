// Ready on first sign-in (issue 12), in Chromium against its own fresh `npm start` app (E2E=1): every demo
// user of the README's login table signs in on a fresh context and lands on its own page of the
// menu 预约+无休 with its main task on screen — never NocoBase's "暂无页面". An admin adds a
// NocoBase table block to 预约登记, the app restarts, and the block is still there. The desk finds
// a booking by the applicant's phone and reprints its 登记表.
// Screenshots: test/browser/out/menu/<step>.png (git-ignored; the user guide uses them).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { assertAppUp, BASE_URL, launchBrowser, newContext, pageApi, signIn, watchErrors, screenshotSteps } from '../helpers/browser';
import demoUsers from '../../src/server/seed/demo-users.json';
import { MENU_PAGES, menuOf } from '../../src/menu';

const OUT = process.env.E2E_SHOTS_DIR || path.join(__dirname, 'out', 'menu');
const NO_PAGES = /暂无页面|No pages yet/;

let browser: Browser;
let errors: string[] = [];

const { step } = screenshotSteps(OUT, () => errors);


/** Signs `username` in on a fresh context; the page is wherever NocoBase landed. */
async function freshSignIn(username: string): Promise<Page> {
  const user = demoUsers.find((u) => u.username === username)!;
  const page = await (await newContext(browser)).newPage();
  errors = watchErrors(page);
  page.setDefaultNavigationTimeout(120000); // a first load of the app on a busy machine
  await signIn(page, user.username, user.password);
  return page;
}

const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).filter({ visible: true }).first();

/** What each demo user must see first: its page of the menu and that page's main task. */
const LANDING: Record<string, { page: string; tasks: string[] }> = {
  admin: { page: 'govhall-desk', tasks: ['desk-form', 'desk-bookings'] },
  desk: { page: 'govhall-desk', tasks: ['desk-form', 'desk-bookings'] },
  chief: { page: 'govhall-dispatch', tasks: ['section-board', 'reschedule-inbox'] },
  section: { page: 'govhall-dispatch', tasks: ['section-board', 'reschedule-inbox'] },
  lead: { page: 'govhall-sign', tasks: ['lead-desk'] },
  staff: { page: 'govhall-mine', tasks: ['staff-desk'] },
  staff2: { page: 'govhall-mine', tasks: ['staff-desk'] },
};

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  await assertAppUp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(demoUsers.map((u) => [u.username]))('%s signs in', (username) => {
  it('lands on its own page of the menu with its main task visible, never "暂无页面"', async () => {
    const page = await freshSignIn(username);
    const want = LANDING[username];
    await step(page, `${username}-landing`, async () => {
      await page.waitForURL((url) => url.pathname === `/admin/${want.page}`, { timeout: 60000 });
      for (const task of want.tasks) await visible(page, task).waitFor({ timeout: 60000 });
      expect(await page.getByText(NO_PAGES).count()).toBe(0);
    });
    // The menu shows this role's pages, in order (the admin — root — sees all of them).
    const role = demoUsers.find((u) => u.username === username)!.role;
    const titles = (role === 'root' ? MENU_PAGES : menuOf(role as any)).map((p) => p.title);
    const menu = page.locator('.ant-menu-item, .ant-pro-base-menu-vertical-item-title, .ant-pro-base-menu-horizontal-item-title');
    for (const title of titles) await menu.filter({ hasText: title }).first().waitFor({ timeout: 30000 });
    await page.context().close();
  });
});

/** What each page of the menu shows once it has loaded (the admin sees every page). */
const PAGE_SHOWS: Record<string, (page: Page) => Locator> = {
  'govhall-desk': (p) => p.locator('[data-testid="desk-form"]'),
  'govhall-dispatch': (p) => p.locator('[data-testid="section-board"]'),
  'govhall-sign': (p) => p.locator('[data-testid="workspace-block-sign"]'),
  'govhall-mine': (p) => p.locator('[data-testid="workspace-block-mine"]'),
  'govhall-duty': (p) => p.locator('[data-testid="duty-page"]'),
  // three NocoBase table blocks (follow-ups, rectification cases, complaints): the last one's title
  'govhall-aftercare': (p) => p.locator('.ant-card-head-title').filter({ hasText: /^\s*(投诉|Complaints)\s*$/ }),
  'govhall-report': (p) => p.locator('.govhall-report'),
  'govhall-list': (p) => p.locator('[data-testid="service-list-editor"]'),
};

it('the admin opens every page of the menu from the menu itself and each shows its blocks', async () => {
  const admin = await freshSignIn('admin');
  await admin.waitForURL((url) => url.pathname === '/admin/govhall-desk', { timeout: 60000 });
  for (const entry of MENU_PAGES.filter((p) => p.type === 'flowPage')) {
    await step(admin, `admin-page-${entry.key.replace('govhall-', '')}`, async () => {
      await admin.locator('.ant-menu-item', { hasText: entry.title }).first().click();
      await admin.waitForURL((url) => url.pathname === `/admin/${entry.key}`, { timeout: 30000 });
      await PAGE_SHOWS[entry.key](admin).filter({ visible: true }).first().waitFor({ timeout: 90000 });
    });
  }
  await admin.context().close();
});

describe('the admin extends 预约登记 with a NocoBase table block', () => {
  const BLOCK_UID = `e2e-table-${Date.now().toString(36)}`;
  let admin: Page;

  afterAll(async () => {
    if (admin) await pageApi(admin, 'POST', `flowModels:destroy?filterByTk=${BLOCK_UID}`).catch(() => undefined);
    await admin?.context().close();
  });

  it('adds it in the UI editor; after a restart of the app it is still on the page', async () => {
    admin = await freshSignIn('admin');
    await step(admin, 'admin-add-table', async () => {
      await admin.waitForURL((url) => url.pathname === '/admin/govhall-desk', { timeout: 60000 });
      await visible(admin, 'desk-form').waitFor({ timeout: 60000 });
      await admin.locator('[data-testid="ui-editor-button"]').click();
      await admin.getByText(/Add block|创建区块/).filter({ visible: true }).first().hover();
      await admin.locator('.ant-dropdown-menu-submenu-title', { hasText: /^(表格|Table)$/ }).first().hover();
      // The mouse crosses the other submenu titles (表单 first) on its way, and antd keeps each popup it
      // opened in the DOM, hidden: pick the table submenu's own item, and only a visible one.
      await admin
        .locator('.ant-dropdown-menu-submenu-popup .ant-dropdown-menu-item[data-menu-id*="/TableBlockModel/"]', { hasText: /^(预约登记|Bookings)$/ })
        .filter({ visible: true })
        .first()
        .click();
      await admin.locator('.ant-table-wrapper').filter({ hasNot: admin.locator('[data-testid^="desk-list"]') }).first().waitFor({ timeout: 30000 });
    });
    // The block NocoBase stored on the page's grid, given a known uid so the test can remove it after.
    const grid = (await pageApi(admin, 'GET', 'flowModels:findOne?parentId=govhall-desk-tab&subKey=grid')).json.data;
    const tables = grid.subModels.items.filter((b: any) => b.use === 'TableBlockModel' && b.stepParams?.resourceSettings?.init?.collectionName === 'bookings');
    expect(tables).toHaveLength(1);
    const stored = tables[0].uid;

    // Restart the app as an admin does (NocoBase's app:restart), and wait until it answers again.
    expect((await pageApi(admin, 'POST', 'app:restart')).status).toBe(200);
    await waitForRestart();

    await step(admin, 'admin-table-after-restart', async () => {
      await admin.reload();
      await visible(admin, 'desk-form').waitFor({ timeout: 120000 });
      const after = (await pageApi(admin, 'GET', 'flowModels:findOne?parentId=govhall-desk-tab&subKey=grid')).json.data;
      expect(after.subModels.items.map((b: any) => b.uid)).toContain(stored);
      await admin.locator(`[data-model-uid="${stored}"], .ant-table-wrapper`).first().waitFor({ timeout: 30000 });
    });
    await pageApi(admin, 'POST', `flowModels:destroy?filterByTk=${stored}`);
  });
});

async function waitForRestart() {
  const deadline = Date.now() + 180000;
  await new Promise((r) => setTimeout(r, 3000));
  for (;;) {
    try {
      const res = await fetch(`${BASE_URL}/api/app:getInfo`);
      if (res.ok) return;
    } catch {
      /* still restarting */
    }
    if (Date.now() > deadline) throw new Error('the app did not come back after app:restart');
    await new Promise((r) => setTimeout(r, 2000));
  }
}

describe('the desk answers a caller', () => {
  it('finds a booking by the applicant\'s full phone and reprints its 登记表', async () => {
    const desk = await freshSignIn('desk');
    await desk.waitForURL((url) => url.pathname === '/admin/govhall-desk', { timeout: 60000 });
    // A booking the desk recorded (the demo seed registers them as the desk user).
    const me = (await pageApi(desk, 'GET', 'auth:check')).json.data;
    const mine = (await pageApi(desk, 'GET', `bookings:list?pageSize=1&sort=-id&filter=${encodeURIComponent(JSON.stringify({ recorderId: me.id }))}`)).json.data;
    expect(mine.length).toBe(1);
    const booking = mine[0];
    await step(desk, 'desk-lookup', async () => {
      await desk.locator('input[data-testid="desk-lookup"], [data-testid="desk-lookup"] input').first().fill(booking.applicantPhone);
      await visible(desk, 'desk-lookup-go').click();
      const result = visible(desk, 'desk-lookup-result');
      await result.waitFor({ timeout: 30000 });
      await result.locator('[data-testid="desk-row-number"]', { hasText: booking.number }).first().waitFor({ timeout: 30000 });
    });
    await step(desk, 'desk-reprint', async () => {
      await visible(desk, 'desk-lookup-result').locator(`[data-testid="desk-reprint-${booking.id}"]`).click();
      await visible(desk, 'print-view').waitFor({ timeout: 30000 });
      await desk.locator('[data-testid="print-view"]').getByText(booking.applicantName).first().waitFor({ timeout: 30000 });
    });
    await visible(desk, 'print-close').click();
    await desk.context().close();
  });
});
