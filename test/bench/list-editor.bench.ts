// The service-list editor with 2,000 items in Chromium, against a running app (it needs the web
// client, so it cannot boot its own): E2E_BASE_URL=http://localhost:13107 npm run bench list-editor
// Without E2E_BASE_URL it says so and stops (the other benches run without an app).
//
// Baseline in the same run: the same editor, same page, showing the demo list (~21 items) before
// the bench adds its items. Measured: time to rows after "Reload" (fetch + render), rows in the DOM
// (virtualisation), scroll from top to bottom (frame times), and search/filter latency.
// The items it adds (codes BENCH-…) and its page are deleted at the end.
import type { Page } from 'playwright-core';
import { BASE_URL, launchBrowser, newContext, signIn } from '../helpers/browser';
import { percentile } from './harness';

const TARGET = Number(process.env.LIST_EDITOR_BENCH_ITEMS || 2000);
const PAGE_TITLE = 'E2E 清单编辑 bench';
let token = '';

async function api(method: string, url: string, body?: unknown, attempt = 0): Promise<any> {
  const res = await fetch(`${BASE_URL}/api/${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'X-Authenticator': 'basic', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: any = await res.json().catch(() => null);
  // SQLite allows one writer: a write racing the page's own saves may get SQLITE_BUSY; try again.
  if (res.status === 500 && /SQLITE_BUSY/.test(JSON.stringify(json)) && attempt < 5) {
    await new Promise((r) => setTimeout(r, 500));
    return api(method, url, body, attempt + 1);
  }
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json?.data;
}

async function signInApi() {
  const res = await fetch(`${BASE_URL}/api/auth:signIn`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
    body: JSON.stringify({ account: 'admin', password: 'admin123' }),
  });
  token = ((await res.json()) as any).data.token;
}

/** Adds items until the list has TARGET. */
async function seedItems() {
  const have: any[] = await api('GET', 'serviceItems:list?paginate=false');
  const windows: any[] = await api('GET', 'windows:list?paginate=false');
  const missing = TARGET - have.length;
  const names = ['不动产登记', '公积金提取', '营业执照变更', '社保卡补办', '医保备案', '户籍证明', '纳税申报', '道路运输证'];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < missing; i = next++) {
      await api('POST', 'serviceItems:create', {
        code: `BENCH-${String(i).padStart(5, '0')}`, name: `${names[i % names.length]}（压测 ${i}）`,
        leadWindowId: windows[i % windows.length].id, expectedMinutes: 15 + (i % 8) * 15, capacityPerSlot: 1 + (i % 4),
        offeredOnWeekends: i % 3 !== 0, offeredOnHolidays: i % 2 === 0, published: i % 5 !== 0,
        materials: ['本人身份证原件', `申请表 ${i}`, '近期一寸免冠照片'],
      });
    }
  };
  // One at a time: SQLite (npm start's default) takes one writer.
  await worker();
  return missing;
}

async function cleanUp() {
  for (;;) {
    const rows: any[] = await api('GET', `serviceItems:list?pageSize=500&fields=id&filter=${encodeURIComponent(JSON.stringify({ code: { $startsWith: 'BENCH-' } }))}`);
    if (!rows.length) break;
    await api('POST', `serviceItems:destroy?${rows.map((r) => `filterByTk[]=${r.id}`).join('&')}`);
  }
  const routes: any[] = await api('GET', 'desktopRoutes:list?paginate=false');
  for (const r of routes.filter((r) => r.title === PAGE_TITLE)) await api('POST', `desktopRoutes:destroy?filterByTk=${r.id}`);
}

const editor = (page: Page) => page.locator('[data-testid="service-list-editor"]:visible');

async function addPageWithEditor(page: Page): Promise<string> {
  await page.goto('/admin');
  await page.locator('[data-testid="ui-editor-button"], [aria-label="ui-editor-button"]').first().click();
  await page.locator('[data-testid^="schema-initializer-Menu"], [aria-label^="schema-initializer-Menu"]').first().hover();
  await page.getByText(/新版页面|Modern page/).click();
  await page.locator('.ant-modal input.ant-input').first().fill(PAGE_TITLE);
  await page.locator('.ant-modal .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  const route = ((await api('GET', 'desktopRoutes:list?paginate=false')) as any[]).find((r) => r.title === PAGE_TITLE);
  const url = `/admin/${route.schemaUid}`;
  await page.goto(url);
  await page.locator('[data-flow-add-block]:visible').first().hover();
  await page.locator('.ant-dropdown-menu-item:visible', { hasText: /服务事项清单编辑|Service list editor/ }).click();
  await waitForRows(page);
  // Leave the UI editor so the page is measured as users see it.
  await page.locator('[data-testid="ui-editor-button"], [aria-label="ui-editor-button"]').first().click();
  return url;
}

async function waitForRows(page: Page) {
  await editor(page).locator('[data-testid^="code-"]').first().waitFor({ timeout: 60000 });
  await editor(page).locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 60000 });
}

const median = (xs: number[]) => percentile(xs, 0.5);

interface Figures {
  items: number;
  reloadMs: number;
  domRows: number;
  scroll: { frames: number; meanMs: number; p95Ms: number; over50: number };
  searchMs: number;
  filterMs: number;
}

async function measure(page: Page, url: string): Promise<Figures> {
  await page.goto(url);
  await waitForRows(page);
  const count = async () => (await editor(page).locator('[data-testid="list-editor-count"]').textContent()) || '';
  const items = Number((await count()).match(/(\d+)\D*$/)?.[1]);

  // Reload: the list request and the table drawn again, 5 times.
  const reloads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/serviceItems:list')),
      editor(page).locator('[data-testid="list-editor-reload"]').click(),
    ]);
    await waitForRows(page);
    reloads.push(Date.now() - t0);
  }
  const domRows = await editor(page).locator('input[data-testid^="code-"]').count();

  // Scroll the virtual body to the bottom, 40 px per animation frame, recording frame times.
  const scroll = await editor(page).evaluate(async (root) => {
    const holder = (root.querySelector('.ant-table-tbody-virtual-holder') || root.querySelector('.ant-table-body')) as HTMLElement;
    const frames: number[] = [];
    let last = performance.now();
    await new Promise<void>((done) => {
      const tick = (now: number) => {
        frames.push(now - last);
        last = now;
        const before = holder.scrollTop;
        holder.scrollTop += 40;
        holder.dispatchEvent(new WheelEvent('wheel', { deltaY: 40 }));
        if (holder.scrollTop === before || frames.length > 3000) done();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    frames.shift();
    const sorted = frames.slice().sort((a, b) => a - b);
    return {
      frames: frames.length,
      meanMs: frames.reduce((s, f) => s + f, 0) / Math.max(1, frames.length),
      p95Ms: sorted[Math.floor(sorted.length * 0.95)] || 0,
      over50: frames.filter((f) => f > 50).length,
    };
  });

  // Search: type a term, wait for the count to change; then clear it.
  const search = editor(page).locator('[data-testid="list-editor-search"]');
  const searches: number[] = [];
  for (const term of ['公积金', '压测 1', 'GJJ', '社保卡', 'BENCH-0019']) {
    const before = await count();
    const t0 = Date.now();
    await search.fill(term);
    await page.waitForFunction((b) => document.querySelector('[data-testid="service-list-editor"] [data-testid="list-editor-count"]')?.textContent !== b, before).catch(() => undefined);
    searches.push(Date.now() - t0);
    await search.fill('');
    await editor(page).locator('[data-testid="list-editor-count"]', { hasText: `共 ${items}` }).waitFor();
  }

  // A filter select: published = no, then back to all.
  const filters: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (const choice of ['否', '全部']) {
      const before = await count();
      await editor(page).locator('[data-testid="filter-published"]').click();
      const t0 = Date.now();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${choice}$`) }).click();
      await page.waitForFunction((b) => document.querySelector('[data-testid="service-list-editor"] [data-testid="list-editor-count"]')?.textContent !== b, before).catch(() => undefined);
      filters.push(Date.now() - t0);
    }
  }
  return { items, reloadMs: median(reloads), domRows, scroll, searchMs: median(searches), filterMs: median(filters) };
}

function print(label: string, f: Figures) {
  console.log(`  ${label.padEnd(9)} ${String(f.items).padStart(5)} items: reload→rows ${f.reloadMs} ms (median of 5), `
    + `${f.domRows} rows in the DOM, scroll ${f.scroll.frames} frames mean ${f.scroll.meanMs.toFixed(1)} ms p95 ${f.scroll.p95Ms.toFixed(1)} ms `
    + `(${f.scroll.over50} over 50 ms), search ${f.searchMs} ms, filter ${f.filterMs} ms (medians)`);
}

async function main() {
  if (!process.env.E2E_BASE_URL) {
    console.log('  skipped: needs a running app (E2E_BASE_URL=http://localhost:<port> npm run bench list-editor)');
    return;
  }
  await signInApi();
  await cleanUp();
  const browser = await launchBrowser();
  try {
    const page = await (await newContext(browser, 'zh-CN')).newPage();
    await signIn(page, 'admin', 'admin123');
    const url = await addPageWithEditor(page);
    const baseline = await measure(page, url);
    const t0 = Date.now();
    const added = await seedItems();
    console.log(`  (added ${added} items in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    const subject = await measure(page, url);
    print('baseline', baseline);
    print('subject', subject);
    console.log(`  ratio     reload ${(subject.reloadMs / baseline.reloadMs).toFixed(2)}×, scroll frame p95 `
      + `${(subject.scroll.p95Ms / Math.max(1, baseline.scroll.p95Ms)).toFixed(2)}×, search ${(subject.searchMs / Math.max(1, baseline.searchMs)).toFixed(2)}× `
      + `for ${(subject.items / baseline.items).toFixed(0)}× the items`);
  } finally {
    await browser.close();
    await cleanUp().catch((e) => console.error('  clean-up failed:', e.message));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
