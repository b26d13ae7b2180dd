// "The registration form usable within 1.5 s of the page shell" (issue 6), measured in Chromium
// against the running app (E2E_BASE_URL, default http://localhost:13000; skipped, saying so, when
// no app answers). Creates a Modern page with the block (as the browser test does), then loads it
// N times as the desk user in fresh tabs. Inside the page a MutationObserver notes, on the page's
// own clock (performance.now(), from navigation start):
//   shell  — NocoBase's layout is on screen (the user menu button is rendered)
//   form   — the block's form is on screen (its data may still be loading)
//   usable — the form is there with the item search enabled and the bookable list loaded
// and the figure that counts is usable − shell.
import { chromium } from 'playwright-core';
import { percentile } from './harness';

const BASE = (process.env.E2E_BASE_URL || 'http://localhost:13000').replace(/\/$/, '');
const RUNS = Number(process.env.BENCH_RUNS || 8);
const TARGET_MS = 1500;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

async function token(account: string, password: string) {
  const res = await fetch(`${BASE}/api/auth:signIn`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' }, body: JSON.stringify({ account, password }),
  });
  return (await res.json()).data.token as string;
}

async function api(tok: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${BASE}/api/${url}`, {
    method, headers: { Authorization: `Bearer ${tok}`, 'X-Authenticator': 'basic', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json().catch(() => null);
}

const WATCH = () => {
  const w = window as any;
  const check = () => {
    if (!w.__shellAt && document.querySelector('[data-testid="user-center-button"]')) w.__shellAt = performance.now();
    const form = document.querySelector('[data-testid="desk-form"]');
    if (w.__shellAt && !w.__formAt && form) w.__formAt = performance.now();
    if (w.__shellAt && !w.__usableAt && form && form.getAttribute('data-ready') === 'yes') {
      w.__usableAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

async function main() {
  try {
    await fetch(`${BASE}/api/app:getInfo`);
  } catch {
    console.log(`  skipped: no app at ${BASE} (start one: APP_PORT=13000 npm start, or set E2E_BASE_URL)`);
    return;
  }
  const admin = await token('admin', 'admin123');
  const desk = await token('desk', 'desk123');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  let routeId = 0;
  try {
    // The page, made through the UI editor like an admin does.
    const setup = await (await browser.newContext({ baseURL: BASE, viewport: { width: 1440, height: 1000 } })).newPage();
    await setup.addInitScript((t) => {
      localStorage.setItem('NOCOBASE_TOKEN', t);
      localStorage.setItem('NOCOBASE_AUTH', 'basic');
    }, admin);
    await setup.goto('/admin');
    await setup.waitForSelector('[data-testid="ui-editor-button"]', { timeout: 60000 });
    const menuAdd = setup.locator('[data-testid="schema-initializer-Menu-header"]');
    if (!(await menuAdd.count())) await setup.click('[data-testid="ui-editor-button"]');
    await menuAdd.hover();
    await setup.locator('.ant-dropdown-menu-item, .ant-menu-item').filter({ hasText: /v2/ }).first().click();
    await setup.locator('.ant-modal input').first().fill(`bench ${Date.now().toString(36)}`);
    const [created] = await Promise.all([
      setup.waitForResponse((r) => r.url().includes('/api/desktopRoutes:create')),
      setup.locator('.ant-modal .ant-btn-primary').click(),
    ]);
    const route = (await created.json()).data;
    routeId = route.id;
    await setup.goto(`/admin/${route.schemaUid}`);
    const addBlock = setup.locator('[data-flow-add-block]:visible');
    await addBlock.waitFor({ timeout: 15000 }).catch(async () => {
      await setup.click('[data-testid="ui-editor-button"]');
      await addBlock.waitFor({ timeout: 30000 });
    });
    await addBlock.hover();
    await Promise.all([
      setup.waitForResponse((r) => r.url().includes('/api/flowModels:save')),
      setup.locator('.ant-dropdown-menu-item').filter({ hasText: '预约服务登记（咨询台）' }).click(),
    ]);
    const routes = (await api(admin, 'GET', 'desktopRoutes:list?paginate=false')).data as any[];
    await api(admin, 'POST', 'roles/desk/desktopRoutes:add', [route.id, ...routes.filter((r) => r.parentId === route.id).map((r) => r.id)]);

    const ctx = await browser.newContext({ baseURL: BASE, viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    await ctx.addInitScript((t) => {
      localStorage.setItem('NOCOBASE_TOKEN', t);
      localStorage.setItem('NOCOBASE_AUTH', 'basic');
    }, desk);
    await ctx.addInitScript(WATCH);
    const rows: { shell: number; form: number; usable: number }[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await ctx.newPage();
      await page.goto(`/admin/${route.schemaUid}`);
      await page.waitForFunction(() => (window as any).__usableAt, undefined, { timeout: 60000 });
      const r = await page.evaluate(() => {
        const w = window as any;
        return { shell: w.__shellAt as number, form: w.__formAt as number, usable: w.__usableAt as number };
      });
      if (i > 0) rows.push(r); // the first load fills the browser cache, as a desk PC's would be
      await page.close();
    }
    const median = (xs: number[]) => percentile(xs, 0.5);
    const shell = median(rows.map((r) => r.shell));
    const usable = median(rows.map((r) => r.usable));
    const after = rows.map((r) => r.usable - r.shell);
    console.log(`  ${RUNS} loads of a Modern page with the block, as desk (median, ms from navigation start)`);
    console.log(`  baseline  page shell (NocoBase layout)        ${shell.toFixed(0)} ms`);
    console.log(`  subject   registration form usable            ${usable.toFixed(0)} ms`);
    console.log(`  split: shell → block on screen (NocoBase loads the page's flow models) median ${median(rows.map((r) => r.form - r.shell)).toFixed(0)} ms;` +
      ` block on screen → usable (our item list and user) median ${median(rows.map((r) => r.usable - r.form)).toFixed(0)} ms`);
    console.log(`  form after shell: median ${median(after).toFixed(0)} ms, worst ${Math.max(...after).toFixed(0)} ms (target ≤ ${TARGET_MS} ms)` +
      ` → ${Math.max(...after) <= TARGET_MS ? 'met' : 'NOT met'}; ratio usable/shell ${(usable / shell).toFixed(2)}×`);
  } finally {
    if (routeId) await api(admin, 'POST', `desktopRoutes:destroy?filterByTk=${routeId}`);
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
