// The service-list editor block in Chromium against the running app (E2E=1; see jest.config.js):
// an admin creates a Modern page (v2), adds the block from "Add block", and edits the list.
// Every step that fails leaves a screenshot named in the error.
// The items edited here are put back through the API afterwards.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { SHOTS_DIR, assertAppUp, guideShot, launchBrowser, newContext, shot, signIn, watchErrors, pageApi } from '../helpers/browser';

let browser: Browser;
let page: Page;
let errors: string[];
let pageUrl = '';
const originals = new Map<number, any>();
let originalOrder: number[] = [];

const api = (method: 'GET' | 'POST', url: string, body?: unknown) => pageApi(page, method, url, body);

/** Pages this test creates are titled so; they are deleted before and after a run. */
const PAGE_PREFIX = 'E2E 清单编辑 ';
async function findRoutes(pred: (r: any) => boolean): Promise<any[]> {
  return ((await api('GET', 'desktopRoutes:list?paginate=false')).json?.data || []).filter(pred);
}
async function deleteTestPages() {
  for (const r of await findRoutes((r) => String(r.title || '').startsWith(PAGE_PREFIX))) {
    await api('POST', `desktopRoutes:destroy?filterByTk=${r.id}`);
  }
}

const listItems = async (): Promise<any[]> =>
  (await api('GET', 'serviceItems:list?paginate=false&sort=sort&appends=cooperatingWindows')).json.data;
const getItem = async (id: number) => (await api('GET', `serviceItems:get?filterByTk=${id}`)).json.data;

/** Runs one step; on failure saves a screenshot and names it (and the page errors) in the error. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const file = await shot(page, `list-editor-FAILED-${name.replace(/[^\w-]+/g, '_')}`).catch(() => '(no screenshot)');
    const err = e as Error;
    // Jest prints the stack, which holds the message as it was when thrown: build a new one.
    const wrapped = new Error(`[${name}] ${err.message}\n  screenshot: ${file}${errors.length ? `\n  page errors:\n  ${errors.join('\n  ')}` : ''}`);
    wrapped.stack = `${wrapped.message}\n${(err.stack || '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}`;
    throw wrapped;
  }
}

const tid = (id: string) => `[data-testid="${id}"]`;
/** The editor of the page on screen (NocoBase keeps pages visited before in the DOM, hidden). */
const editor = () => page.locator('[data-testid="service-list-editor"]:visible');
/** A cell's input: antd puts the test id on the <input> of Input, on the wrapper of InputNumber. */
const cellInput = (testId: string) => editor().locator(`${tid(testId)} input, input${tid(testId)}`).first();

async function waitForEditor() {
  await editor().locator('[data-testid^="code-"]').first().waitFor({ timeout: 60000 });
  await editor().locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 60000 });
}

/** Types into a cell, presses Enter and returns the status of the resulting update. */
async function editCell(testId: string, value: string): Promise<number> {
  const input = cellInput(testId);
  await input.fill(value);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/serviceItems:update'), { timeout: 20000 }),
    input.press('Enter'),
  ]);
  return res.status();
}

/** The admin's way: UI editor › Add menu item › Modern page (v2), then Add block › our block. */
async function createPageWithBlock() {
  const title = `${PAGE_PREFIX}${Date.now()}`;
  await step('create a Modern page', async () => {
    await page.goto('/admin');
    await page.locator('[data-testid="ui-editor-button"], [aria-label="ui-editor-button"]').first().click();
    await page.locator('[data-testid^="schema-initializer-Menu"], [aria-label^="schema-initializer-Menu"]').first().hover();
    await page.getByText(/新版页面|Modern page/).click();
    await page.locator('.ant-modal input.ant-input').first().fill(title);
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    // Open it by its address (the top menu folds pages into "…" when there are many).
    const route = await findRoutes((r) => r.title === title);
    expect(route.length).toBe(1);
    pageUrl = `/admin/${route[0].schemaUid}`;
    await page.goto(pageUrl);
    await page.locator('[data-flow-add-block]:visible').first().waitFor({ timeout: 30000 });
  });
  await step('add the block', async () => {
    await page.locator('[data-flow-add-block]:visible').first().hover();
    await page.locator('.ant-dropdown-menu-item:visible', { hasText: /服务事项清单编辑|Service list editor/ }).click();
    await waitForEditor();
    await shot(page, 'list-editor-1-block-added');
    await guideShot(page, 'admin-04-list-editor');
    expect(await editor().locator(tid('list-editor-count')).textContent()).toContain(String(originalOrder.length));
  });
}

/** The page made by the first test, or a new one when that test was not run (jest -t). */
async function openEditorPage() {
  if (!pageUrl) await createPageWithBlock();
  await page.goto(pageUrl);
  await waitForEditor();
}

beforeAll(async () => {
  await assertAppUp();
  browser = await launchBrowser();
  page = await (await newContext(browser, 'zh-CN')).newPage();
  errors = watchErrors(page);
  await signIn(page, 'admin', 'admin123');
  await deleteTestPages();
  const items = await listItems();
  originalOrder = items.map((i) => i.id);
  for (const i of items.slice(0, 6)) originals.set(i.id, i);
});

afterAll(async () => {
  if (page) {
    // Put back what the tests changed: values of the first items, then the order.
    for (const [id, o] of originals) {
      await api('POST', `serviceItems:update?filterByTk=${id}`, {
        name: o.name, capacityPerSlot: o.capacityPerSlot, expectedMinutes: o.expectedMinutes,
        materials: o.materials, published: o.published,
      }).catch(() => undefined);
    }
    const now = (await listItems().catch(() => [])).map((i: any) => i.id);
    if (now.length && now.slice(0, 6).join() !== originalOrder.slice(0, 6).join()) {
      for (let k = 0; k < 6; k++) {
        const current = (await listItems()).map((i: any) => i.id);
        if (current[k] !== originalOrder[k]) await api('POST', `serviceItems:move?sourceId=${originalOrder[k]}&targetId=${current[k]}`);
      }
    }
  }
  if (page) await deleteTestPages().catch(() => undefined);
  await browser?.close();
  console.log(`list-editor screenshots: ${SHOTS_DIR}`);
});

test('R-LST-2 admin adds the service-list editor to a new Modern page and an inline edit survives a reload', async () => {
  const [first] = originalOrder;
  await createPageWithBlock();
  await step('edit name and capacity', async () => {
    expect(await editCell(`name-${first}`, `${originals.get(first).name}（E2E）`)).toBe(200);
    expect(await editCell(`capacity-${first}`, '7')).toBe(200);
    await shot(page, 'list-editor-2-edited');
  });
  await step('reload and see the edit', async () => {
    await page.reload();
    await waitForEditor();
    expect(await cellInput(`name-${first}`).inputValue()).toBe(`${originals.get(first).name}（E2E）`);
    expect(await cellInput(`capacity-${first}`).inputValue()).toBe('7');
    const stored = await getItem(first);
    expect(stored.capacityPerSlot).toBe(7);
  });
});

test('R-LST-3 R-X-3 an expected time over 0.5 working day shows the localized error and changes nothing', async () => {
  const id = originalOrder[1];
  const before = await getItem(id);
  await step('open the page', openEditorPage);
  await step('type 300 minutes', async () => {
    expect(await editCell(`minutes-${id}`, '300')).toBe(400);
    const error = editor().locator(tid(`minutes-${id}-error`));
    await error.waitFor({ timeout: 10000 });
    expect(await error.textContent()).toContain('超过 0.5 个工作日');
    await shot(page, 'list-editor-3-over-limit');
  });
  await step('nothing changed', async () => {
    expect((await getItem(id)).expectedMinutes).toBe(before.expectedMinutes);
    await page.reload();
    await waitForEditor();
    expect(await cellInput(`minutes-${id}`).inputValue()).toBe(String(before.expectedMinutes));
  });
});

test('R-LST-2 publish, unpublish and bulk publish from the editor', async () => {
  const [a, b] = originalOrder;
  await step('open the page', openEditorPage);
  await step('unpublish one with its switch', async () => {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/serviceItems:update')),
      editor().locator(tid(`published-${a}`)).click(),
    ]);
    expect(res.status()).toBe(200);
    expect((await getItem(a)).published).toBe(false);
  });
  await step('select two and publish them together', async () => {
    for (const id of [a, b]) await editor().locator(`[data-item-id="${id}"] .ant-checkbox-input, [data-row-key="${id}"] .ant-checkbox-input`).first().check();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/serviceItems:update')),
      editor().locator(tid('bulk-publish')).click(),
    ]);
    expect(res.status()).toBe(200);
    expect((await getItem(a)).published).toBe(true);
    expect((await getItem(b)).published).toBe(true);
    expect(await editor().locator(tid(`published-${a}`)).getAttribute('aria-checked')).toBe('true');
  });
});

test('R-LST-2 drag a row to reorder; the order is stored', async () => {
  const [a, b, c] = originalOrder;
  await step('open the page', openEditorPage);
  await step('drag the third row onto the first', async () => {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/serviceItems:move'), { timeout: 20000 }),
      editor().locator(tid(`drag-${c}`)).dragTo(editor().locator(tid(`code-${a}`))),
    ]);
    expect(res.status()).toBe(200);
    expect((await listItems()).slice(0, 3).map((i) => i.id)).toEqual([c, a, b]);
  });
  await step('the table shows the new order after a reload', async () => {
    await page.reload();
    await waitForEditor();
    const codes = await editor().locator('input[data-testid^="code-"]').evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-testid')));
    expect(codes).toEqual([`code-${c}`, `code-${a}`, `code-${b}`]);
  });
});

test('R-LST-1 materials are edited as an ordered list', async () => {
  const id = originalOrder[2];
  const before: string[] = (await getItem(id)).materials;
  await step('open the materials of an item', async () => {
    await openEditorPage();
    await editor().locator(tid(`materials-${id}`)).click();
    await page.locator('.govhall-materials-editor .ant-modal').waitFor();
  });
  await step('add one, move it to the top, save', async () => {
    await page.locator(tid('material-add')).click();
    const last = before.length;
    await page.locator(tid(`material-${last}`)).fill('E2E 授权委托书');
    for (let k = last; k > 0; k--) await page.locator(tid(`material-up-${k}`)).click();
    await guideShot(page, 'admin-05-list-materials');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/serviceItems:update')),
      page.locator(tid('materials-save')).click(),
    ]);
    expect(res.status()).toBe(200);
    expect((await getItem(id)).materials).toEqual(['E2E 授权委托书', ...before]);
    expect(await editor().locator(tid(`materials-${id}`)).textContent()).toContain(String(before.length + 1));
  });
});

test('R-LST-2 search and filters narrow the list', async () => {
  await step('search by name', async () => {
    await openEditorPage();
    const all = await listItems();
    const expected = all.filter((i) => i.name.includes('公积金') || i.code.includes('公积金')).length;
    await editor().locator(tid('list-editor-search')).fill('公积金');
    await editor().locator(tid('list-editor-count'), { hasText: `显示 ${expected} /` }).waitFor();
    const shown = await editor().locator('input[data-testid^="code-"]').count();
    expect(shown).toBe(expected);
  });
});

describe('Excel', () => {
  // The sheet as the editor writes and reads it: the same titled columns both ways (zh-CN here).
  const header = ['事项编码', '事项名称', '预计办理时长（分钟）', '每时段可约人数', '周末无休', '节假日预约', '已公告'];
  const sheet = (rows: any[][]) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([header, ...rows]), 'Sheet1');
    return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  };
  const upload = async (rows: any[][]) => {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/serviceItems:importXlsx'), { timeout: 60000 }),
      editor().locator('input[type=file]').setInputFiles({
        name: 'items.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet(rows),
      }),
    ]);
    return res.status();
  };
  const removeImported = async () => {
    for (const i of await listItems()) if (String(i.code).startsWith('E2E-XL')) await api('POST', `serviceItems:destroy?filterByTk=${i.id}`);
  };
  afterAll(async () => {
    if (page) await removeImported().catch(() => undefined);
  });

  test('R-LST-2 export the list to Excel from the editor', async () => {
    await step('open the page', openEditorPage);
    await step('export', async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), editor().locator(tid('list-editor-export')).click()]);
      const wb = XLSX.read(fs.readFileSync(await download.path()), { type: 'buffer' });
      const rows: any[][] = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 });
      expect(rows[0]).toEqual(header);
      expect(rows.length - 1).toBe(originalOrder.length);
      expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['BDC-001', 'GJJ-001']));
    });
  });

  test('R-LST-2 import items from Excel; R-LST-3 a row over 0.5 working day is refused and nothing is imported', async () => {
    await removeImported();
    await step('open the page', openEditorPage);
    const total = (await listItems()).length;
    await step('import two rows', async () => {
      expect(await upload([['E2E-XL-1', 'E2E 残疾人证办理', 30, 2, '是', '否', '否'], ['E2E-XL-2', 'E2E 老年优待证办理', 15, 4, '否', '是', '否']])).toBe(200);
      await editor().locator(tid('list-editor-count'), { hasText: `共 ${total + 2} 项` }).waitFor({ timeout: 30000 });
      const imported = (await listItems()).find((i) => i.code === 'E2E-XL-2');
      expect([imported.capacityPerSlot, imported.offeredOnWeekends, imported.offeredOnHolidays]).toEqual([4, false, true]);
      await shot(page, 'list-editor-4-imported');
    });
    await step('import a row over the limit', async () => {
      expect(await upload([['E2E-XL-3', 'E2E 合法事项', 30, 1, '是', '是', '否'], ['E2E-XL-4', 'E2E 超时事项', 300, 1, '是', '是', '否']])).toBeGreaterThanOrEqual(400);
      const alert = editor().locator(tid('list-editor-error'));
      await alert.waitFor({ timeout: 10000 });
      expect(await alert.textContent()).toContain('超过 0.5 个工作日');
      expect((await listItems()).length).toBe(total + 2);
      await shot(page, 'list-editor-5-import-refused');
    });
  });
});
