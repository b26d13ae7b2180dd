// R-CMP-2 in Chromium against the running app (E2E=1; see jest.config.js): a window staff member asks
// for comp time with a cover (set up through the API), and the window lead signs it off on the duty
// page with a note (签字说明). Assertions read data-testid and the stored rows, not texts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAppUp, guideShot, launchBrowser, newContext, pageApi, shot, signIn, watchErrors } from '../helpers/browser';

const PEOPLE: Record<string, string> = { staff: 'staff123', staff2: 'staff2123' };

let browser: Browser;
const contexts: BrowserContext[] = [];
let leadPage: Page;
let errors: string[];

const api = pageApi;

async function pageFor(username: string, password: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/** The next working days (Shanghai) after today, from the server's calendar. */
async function nextWorkingDays(page: Page, count: number): Promise<string[]> {
  const days: string[] = [];
  let d = new Date(Date.now() + 8 * 3600000);
  while (days.length < count) {
    d = new Date(+d + 86400000);
    const date = d.toISOString().slice(0, 10);
    const kind = await api(page, 'GET', `calendar:dayKind?date=${date}`);
    if (kind.status !== 200) break; // the configured calendar ends
    if (kind.json.data.workingDay) days.push(date);
  }
  return days;
}

beforeAll(async () => {
  await assertAppUp();
  browser = await launchBrowser();
  leadPage = await pageFor('lead', 'lead123');
  errors = watchErrors(leadPage);
});

afterEach(async () => {
  const name = expect.getState().currentTestName?.replace(/[^\w-]+/g, '_').slice(0, 80) || 'test';
  await shot(leadPage, name).catch(() => undefined);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  const unexpected = (errors || []).filter((e) => /govhall|appointment-duty|duty/i.test(e));
  if (unexpected.length) console.warn(unexpected.join('\n'));
});

test('R-CMP-2 R-CMP-3 the window lead signs off a comp-time request with a note on the duty page', async () => {
  // Whoever of the window's staff has comp time left asks for half an hour, the other covers.
  const pages: Record<string, Page> = {};
  const mine: Record<string, any> = {};
  for (const [username, password] of Object.entries(PEOPLE)) {
    pages[username] = await pageFor(username, password);
    mine[username] = (await api(pages[username], 'GET', 'compTimeEntries:balance')).json.data;
  }
  const left = (u: string) => mine[u].balance - mine[u].pending;
  const [requester, cover] = Object.keys(PEOPLE).sort((x, y) => left(y) - left(x));
  const staffPage = pages[requester];
  const before = mine[requester];
  const idOf = { [cover]: mine[cover].userId };
  expect(before.balance - before.pending).toBeGreaterThanOrEqual(30);

  // A half-hour slot nobody has asked for yet (earlier runs took some).
  let request: any = null;
  for (const day of await nextWorkingDays(staffPage, 10)) {
    for (const h of ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']) {
      const end = h.endsWith(':00') ? `${h.slice(0, 2)}:30` : `${String(+h.slice(0, 2) + 1).padStart(2, '0')}:00`;
      const res = await api(staffPage, 'POST', 'compTimeRequests:submit', { start: `${day} ${h}`, end: `${day} ${end}`, coverUserId: idOf[cover], reason: '浏览器测试' });
      if (res.status === 200) request = res.json.data;
      else expect(['COMP_TIME_OVERLAP', 'COVER_NOT_FREE']).toContain(res.json.errors[0].code);
      if (request) break;
    }
    if (request) break;
  }
  expect(request).toMatchObject({ status: 'pending', minutes: 30 });

  await leadPage.goto('/admin/appointment-duty');
  const row = leadPage.locator(`[data-testid="request-${request.id}"]`);
  await row.waitFor({ state: 'visible', timeout: 60000 });
  await guideShot(leadPage, 'lead-04-comp-time-requests');
  await leadPage.locator(`[data-testid="sign-off-${request.id}"]`).click();
  const dialog = leadPage.locator('.govhall-sign-off-modal .ant-modal');
  await dialog.waitFor({ state: 'visible' });
  // No note, no sign-off: the button stays disabled.
  expect(await dialog.locator('[data-testid="decision-ok"]').isDisabled()).toBe(true);
  await dialog.locator('[data-testid="decision-note"]').fill('同意调休，由同事顶岗');
  await guideShot(leadPage, 'lead-05-comp-time-sign-off');
  const [res] = await Promise.all([
    leadPage.waitForResponse((r) => r.url().includes('/api/compTimeRequests:signOff')),
    dialog.locator('[data-testid="decision-ok"]').click(),
  ]);
  expect(res.status()).toBe(200);
  await row.waitFor({ state: 'detached', timeout: 30000 });

  const stored = (await api(leadPage, 'GET', `compTimeRequests:get?filterByTk=${request.id}`)).json.data;
  expect(stored).toMatchObject({ status: 'approved', decisionNote: '同意调休，由同事顶岗' });
  const after = (await api(staffPage, 'GET', 'compTimeEntries:balance')).json.data;
  expect(after.taken).toBe(before.taken + 30);
  expect(after.balance).toBe(before.balance - 30);
});

test('R-WKD-2 the lead sees the window month roster on the duty page; staff see their own duty', async () => {
  await leadPage.goto('/admin/appointment-duty');
  await leadPage.locator('.ant-tabs-tab', { has: leadPage.locator('[data-node-key="window"]') }).first().click().catch(async () => {
    await leadPage.locator('[data-node-key="window"]').click();
  });
  await leadPage.locator('[data-testid="window-roster"]').waitFor({ state: 'visible', timeout: 30000 });
  await leadPage.locator('[data-testid="window-roster"] .ant-table-row').first().waitFor({ timeout: 30000 });
  await guideShot(leadPage, 'lead-06-window-roster');
  expect(await leadPage.locator('[data-testid="roster-generate"]').isVisible()).toBe(true);
  const staffPage = await pageFor('staff', 'staff123');
  await staffPage.goto('/admin/appointment-duty');
  await staffPage.locator('[data-testid="my-duty"]').waitFor({ state: 'visible', timeout: 60000 });
  // Staff get no sign-off tab and no roster buttons.
  expect(await staffPage.locator('[data-testid="comp-time-sign-off"]').count()).toBe(0);
  expect(await staffPage.locator('[data-testid="roster-generate"]').count()).toBe(0);
});
