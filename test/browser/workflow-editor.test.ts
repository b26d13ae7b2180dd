// Our workflow triggers and nodes in NocoBase's workflow editor (the legacy client 2.2 serves), in
// zh-CN and en-US, against a fresh app (E2E=1; see test/helpers/browserEnvironment.js). Uses the
// default workflows created on install: the late prompt (Booking time) and auto-dispatch (Booking
// event → Dispatch booking).
import type { Browser, Page } from 'playwright-core';
import { assertAppUp, guideShot, launchBrowser, newContext, shot, signIn, watchErrors } from '../helpers/browser';

let browser: Browser;

async function workflowId(page: Page, key: string): Promise<string> {
  return page.evaluate(async (k) => {
    const filter = encodeURIComponent(JSON.stringify({ key: k, current: true }));
    const res = await fetch(`/api/workflows:list?filter=${filter}`, {
      headers: { Authorization: `Bearer ${localStorage.getItem('NOCOBASE_TOKEN')}`, 'X-Authenticator': 'basic' },
    });
    return String((await res.json()).data[0].id);
  }, key);
}

/** The admin's UI language (NocoBase keeps it per user) and the browser's copy of it. */
async function setLanguage(page: Page, lang: string) {
  await page.evaluate(async (l) => {
    const headers = { Authorization: `Bearer ${localStorage.getItem('NOCOBASE_TOKEN')}`, 'X-Authenticator': 'basic', 'Content-Type': 'application/json' };
    // The app is installed in zh-CN only; offer en-US too (System settings › Languages).
    const settings = await (await fetch('/api/systemSettings:get/1', { headers })).json();
    const enabled: string[] = settings.data?.enabledLanguages ?? [];
    if (!enabled.includes(l)) {
      await fetch('/api/systemSettings:update/1', { method: 'POST', headers, body: JSON.stringify({ enabledLanguages: [...enabled, l] }) });
    }
    await fetch('/api/users:updateLang', {
      method: 'POST',
      headers: { Authorization: `Bearer ${localStorage.getItem('NOCOBASE_TOKEN')}`, 'X-Authenticator': 'basic', 'Content-Type': 'application/json' },
      body: JSON.stringify({ appLang: l }),
    });
    localStorage.setItem('NOCOBASE_LOCALE', l);
  }, lang);
}

async function openWorkflow(page: Page, key: string, triggerTitle: string) {
  await page.goto(`/admin/settings/workflow/workflows/${await workflowId(page, key)}`);
  await page.locator(`text=${triggerTitle}`).first().waitFor({ timeout: 60000 });
}

const TEXTS = {
  'zh-CN': { time: '预约时间提醒', event: '预约事件', field: '时间字段', fromSetting: '偏移量取自设置（留空则用下方数值）', late: '最大延迟（分钟）',
    dispatch: '派单', window: '牵头窗口（留空为事项牵头窗口）', assign: '分派经办人' },
  'en-US': { time: 'Booking time', event: 'Booking event', field: 'Date field', fromSetting: 'Offset from a setting (empty = the number below)', late: 'Maximum lateness (minutes)',
    dispatch: 'Dispatch booking', window: "Lead window (empty = the item's lead window)", assign: 'Assign handler' },
};

describe('workflow editor', () => {
  beforeAll(async () => {
    await assertAppUp();
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  for (const lang of ['zh-CN', 'en-US'] as const) {
    it(`shows the Booking time trigger form, the Dispatch booking node form and both nodes in the add menu (${lang})`, async () => {
      const context = await newContext(browser, lang);
      const page = await context.newPage();
      const errors = watchErrors(page);
      const T = TEXTS[lang];
      try {
        await signIn(page, 'admin', 'admin123');
        await setLanguage(page, lang);
        if (lang === 'zh-CN') {
          // For the guide: the default workflows the plugin installs, in NocoBase's workflow list.
          await page.goto('/admin/settings/workflow');
          await page.locator('text=新预约通知管理科').first().waitFor({ timeout: 60000 });
          await guideShot(page, 'admin-07-workflows');
        }
        await openWorkflow(page, 'govhall-remind-late', T.time);
        await page.locator(`text=${T.time}`).first().click();
        const drawer = page.locator('.ant-drawer-content').last();
        await drawer.locator(`text=${T.field}`).first().waitFor({ timeout: 30000 });
        // The late prompt's offset is the 基本设置 number (迟到判定), not one frozen into the workflow.
        for (const text of [T.fromSetting, T.late]) expect(await drawer.locator(`text=${text}`).count()).toBeGreaterThan(0);
        await shot(page, `workflow-time-trigger-${lang}`);
        if (lang === 'zh-CN') await guideShot(page, 'admin-08-workflow-time-trigger');

        await openWorkflow(page, 'govhall-auto-dispatch', T.event);
        await page.locator('.ant-card, [class*="node"]').filter({ hasText: T.dispatch }).last().locator(`text=${lang === 'zh-CN' ? '派单' : 'Dispatch'}`).last().click();
        const nodeDrawer = page.locator('.ant-drawer-content').last();
        await nodeDrawer.locator(`text=${T.window}`).first().waitFor({ timeout: 30000 });
        await shot(page, `workflow-dispatch-node-${lang}`);
        await page.keyboard.press('Escape');

        // The "+" between nodes lists the instructions by group; ours are in it.
        await page.locator('[aria-label="add-button"], .anticon-plus').first().click();
        await page.locator(`text=${T.assign}`).first().waitFor({ timeout: 30000 });
        await shot(page, `workflow-add-menu-${lang}`);
        expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
      } catch (e) {
        await shot(page, `workflow-editor-failed-${lang}`);
        throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
      } finally {
        await setLanguage(page, 'zh-CN').catch(() => undefined); // the installed language, as the other browser tests expect
        await context.close();
      }
    });
  }
});
