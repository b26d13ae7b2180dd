// The role workspaces in Chromium against the running app (E2E=1; see jest.config.js and README):
// the section dispatches, the section chief approves a reschedule, the window lead signs for and
// assigns, the handler logs a contact, marks the arrival and draws the applicant's signature on the
// canvas; the timeline shows every step. The app runs on the real clock, so the bookings are made
// for the next weekend service days the calendar offers (asked through calendar:dayKind) — and the
// completion, whose served time must lie on the appointment day (R-X-6), is refused with its reason.
// Screenshots of each step: test/browser/output/workspaces/ (ignored by git); a failing step saves
// FAILED-<step>.png there and names it in the error.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, assertAppUp, guideShot, launchBrowser, newContext, signIn, watchErrors } from '../helpers/browser';

const OUT = path.join(__dirname, 'output', 'workspaces');
const PASSWORDS: Record<string, string> = { admin: 'admin123', desk: 'desk123', section: 'section123', chief: 'chief123', lead: 'lead123', staff: 'staff123' };

let browser: Browser;
const tokens: Record<string, string> = {};

async function signInApi(user: string): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/auth:signIn`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
    body: JSON.stringify({ account: user, password: PASSWORDS[user] }),
  });
  const body: any = await res.json();
  if (!body?.data?.token) throw new Error(`sign-in of ${user} failed: ${JSON.stringify(body).slice(0, 200)}`);
  return body.data.token;
}

/** Our API as one of the demo users (set-up and checks; the steps themselves go through the UI). */
async function api(user: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; json: any }> {
  tokens[user] ||= await signInApi(user);
  const res = await fetch(`${BASE_URL}/api/${url}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, 'X-Authenticator': 'basic', 'X-Locale': 'en-US', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

const shanghaiToday = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/** The next weekend service days (or holidays) at least two days ahead, as the calendar says. */
async function nextServiceDays(count: number): Promise<string[]> {
  const found: string[] = [];
  for (let i = 2; i < 60 && found.length < count; i++) {
    const date = addDays(shanghaiToday(), i);
    const res = await api('admin', 'GET', `calendar:dayKind?date=${date}`);
    if (res.status !== 200) {
      throw new Error(`The calendar cannot say what ${date} is (${JSON.stringify(res.json?.errors)}): add and configure the next year in 预约+无休 › 法定节假日日历 first.`);
    }
    if (res.json.data.weekendServiceDay || res.json.data.kind === 'holiday') found.push(date);
  }
  if (found.length < count) throw new Error('No weekend service day or holiday in the next 60 days');
  return found;
}

const SLOTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00'];

/** Registers as the desk on the first slot of `date` that still has a seat (re-runs fill slots). */
// One phone number may not hold two overlapping bookings (R-HOL-6): each applicant here has their own.
async function register(itemCode: string, date: string, applicantName: string, applicantPhone: string, skip = 0) {
  const items = await api('admin', 'GET', `serviceItems:list?filter=${encodeURIComponent(JSON.stringify({ code: itemCode }))}`);
  const serviceItemId = items.json.data[0].id;
  for (const slot of SLOTS.slice(skip)) {
    const res = await api('desk', 'POST', 'bookings:register', {
      applicantName, applicantPhone, applicantUnit: '淄博某贸易公司', channel: 'onSite', serviceItemId, start: `${date} ${slot}`,
    });
    if (res.status === 200) return res.json.data;
    if (!['SLOT_FULL', 'OUTSIDE_SERVICE_HOURS'].includes(res.json?.errors?.[0]?.code)) throw new Error(`register: ${JSON.stringify(res.json)}`);
  }
  throw new Error(`no free slot for ${itemCode} on ${date}`);
}

/** A start on `date` where `itemCode` still has a seat (re-runs against the same app fill slots). */
async function freeSlot(itemCode: string, date: string): Promise<string> {
  const items = await api('admin', 'GET', `serviceItems:list?filter=${encodeURIComponent(JSON.stringify({ code: itemCode }))}`);
  const { id, capacityPerSlot } = items.json.data[0];
  for (const slot of SLOTS) {
    const start = new Date(`${date}T${slot}:00+08:00`).toISOString();
    const filter = { serviceItemId: id, appointmentStart: start, status: { $ne: 'cancelled' } };
    const taken = await api('admin', 'GET', `bookings:list?pageSize=100&filter=${encodeURIComponent(JSON.stringify(filter))}`);
    if (taken.json.data.length < capacityPerSlot) return `${date}T${slot}:00+08:00`;
  }
  throw new Error(`no free slot for ${itemCode} on ${date}`);
}

const userId = async (username: string) =>
  (await api('admin', 'GET', `users:list?filter=${encodeURIComponent(JSON.stringify({ username }))}`)).json.data[0].id;

/** A page signed in as `user`, with its errors collected for the failure message. */
async function pageAs(user: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await newContext(browser)).newPage();
  const errors = watchErrors(page);
  await signIn(page, user, PASSWORDS[user]);
  return { page, errors };
}

/** Runs one step; screenshots it when done, or saves FAILED-<name>.png and names it in the error. */
async function step(p: { page: Page; errors: string[] }, name: string, fn: () => Promise<void>) {
  fs.mkdirSync(OUT, { recursive: true });
  try {
    await fn();
    await p.page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  } catch (e) {
    const file = path.join(OUT, `FAILED-${name}.png`);
    await p.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const errs = p.errors.length ? `\npage errors:\n${p.errors.slice(-5).join('\n')}` : '';
    throw new Error(`step "${name}" failed — screenshot: ${file}\n${(e as Error).message}${errs}`);
  }
}

async function openTab(page: Page, tab: string) {
  await page.goto(`/admin/appointment-duty/workspace?tab=${tab}`);
  await page.waitForSelector('[data-testid="workspace-page"]', { timeout: 60000 });
  await page.locator(`[data-testid="workspace-tab-${tab}"]`).click();
}

/** Picks the option with this label in the antd Select inside `wrapper`. */
async function choose(page: Page, wrapper: string, label: string) {
  await page.locator(`${wrapper} .ant-select-selector`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** Types a Shanghai wall time into an antd DatePicker (by its form field id) and commits it. */
async function typeTime(page: Page, id: string, wall: string) {
  const input = page.locator(`.ant-modal-wrap:visible #${id}`);
  await input.click();
  await input.fill(wall);
  await input.press('Enter');
}

const wallMinutesAgo = (min: number) => new Date(Date.now() + 8 * 3600000 - min * 60000).toISOString().slice(0, 16).replace('T', ' ');

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true }); // no stale FAILED-*.png from an earlier run
  await assertAppUp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('role workspaces', () => {
  let days: string[];
  let a: any; // dispatched, signed for, contacted, completed through the UI
  let b: any; // its reschedule approved through the UI

  beforeAll(async () => {
    days = await nextServiceDays(2);
    a = await register('BDC-002', days[0], '王建国', '13905331234');
    b = await register('BDC-003', days[0], '孙丽', '13905335678');
    // b is prepared through the API up to a pending reschedule request by its handler.
    expect((await api('section', 'POST', `bookings:dispatch?filterByTk=${b.id}`, {})).status).toBe(200);
    expect((await api('lead', 'POST', `bookings:signFor?filterByTk=${b.id}`, { handler1Id: await userId('staff') })).status).toBe(200);
  });

  it('R-DSP-1 the section dispatches a new booking to the suggested lead window', async () => {
    const p = await pageAs('section');
    await step(p, '01-section-board', async () => {
      await openTab(p.page, 'dispatch');
      const row = p.page.locator(`[data-testid="board-row-${a.id}"]`);
      await row.waitFor({ timeout: 30000 });
      // Suggested window = the item's lead window (A01), chosen by default.
      await expect(row.locator(`[data-testid="dispatch-window-${a.id}"] .ant-select-selection-item`).textContent()).resolves.toContain('A01');
      // The section is involved: the full phone number.
      await expect(row.textContent()).resolves.toContain('13905331234');
      await guideShot(p.page, 'section-01-dispatch-board');
    });
    await step(p, '02-section-dispatched', async () => {
      await Promise.all([
        p.page.waitForResponse((r) => r.url().includes(`bookings:dispatch?filterByTk=${a.id}`) && r.status() === 200),
        p.page.locator(`[data-testid="dispatch-${a.id}"]`).click(),
      ]);
      await p.page.locator(`[data-testid="board-row-${a.id}"]`).waitFor({ state: 'detached', timeout: 30000 });
    });
    const after = await api('admin', 'GET', `bookings:get?filterByTk=${a.id}`);
    expect(after.json.data.status).toBe('dispatched');
    await p.page.context().close();
  });

  it('R-RSC-2 the section chief approves a reschedule in the inbox, the 12-hour rule shown', async () => {
    const proposedIso = await freeSlot('BDC-003', days[1]);
    const proposed = proposedIso.slice(0, 16).replace('T', ' ');
    const req = await api('staff', 'POST', `bookings:requestReschedule?filterByTk=${b.id}`, { kind: 'ordinary', reason: '申请人临时出差', proposedStart: proposedIso });
    expect(req.status).toBe(200);
    // Section staff see the inbox but the decision is the chief's.
    const s = await pageAs('section');
    await step(s, '03-section-inbox-readonly', async () => {
      await openTab(s.page, 'reschedules');
      const row = s.page.locator(`[data-testid="reschedule-row-${b.id}"]`);
      await row.waitFor({ timeout: 30000 });
      expect(await row.locator(`[data-testid="approve-${b.id}"]`).count()).toBe(0);
    });
    await s.page.context().close();

    const p = await pageAs('chief');
    await step(p, '04-chief-inbox', async () => {
      await openTab(p.page, 'reschedules');
      const row = p.page.locator(`[data-testid="reschedule-row-${b.id}"]`);
      await row.waitFor({ timeout: 30000 });
      await expect(row.textContent()).resolves.toContain('申请人临时出差');
      await expect(row.textContent()).resolves.toContain(proposed);
      await guideShot(p.page, 'chief-01-reschedule-inbox');
    });
    await step(p, '05-chief-approved', async () => {
      await p.page.locator(`[data-testid="approve-${b.id}"]`).click();
      await p.page.locator('.govhall-decide-reschedule [data-testid="decide-note"]').fill('同意，已电话告知申请人');
      await p.page.locator('.govhall-decide-reschedule .ant-checkbox-wrapper').click();
      await guideShot(p.page, 'chief-02-approve');
      await Promise.all([
        p.page.waitForResponse((r) => r.url().includes(`bookings:decideReschedule?filterByTk=${b.id}`) && r.status() === 200),
        p.page.locator('.govhall-decide-reschedule [data-testid="decide-ok"]').click(),
      ]);
      await p.page.locator(`[data-testid="reschedule-row-${b.id}"]`).waitFor({ state: 'detached', timeout: 30000 });
    });
    const moved = await api('admin', 'GET', `bookings:get?filterByTk=${b.id}`);
    expect(new Date(moved.json.data.appointmentStart).toISOString()).toBe(new Date(proposedIso).toISOString());
    await p.page.context().close();
  });

  it('R-DSP-2 the window lead signs for the booking and assigns a handler from the window', async () => {
    const p = await pageAs('lead');
    await step(p, '06-lead-to-sign', async () => {
      await openTab(p.page, 'sign');
      await p.page.locator(`[data-testid="sign-row-${a.id}"]`).waitFor({ timeout: 30000 });
      await choose(p.page, `[data-testid="sign-${a.id}-handler1"]`, '李娜');
      await guideShot(p.page, 'lead-01-sign-and-assign');
    });
    await step(p, '07-lead-signed', async () => {
      await Promise.all([
        p.page.waitForResponse((r) => r.url().includes(`bookings:signFor?filterByTk=${a.id}`) && r.status() === 200),
        p.page.locator(`button[data-testid="sign-${a.id}"]`).click(),
      ]);
      await p.page.locator(`[data-testid="sign-row-${a.id}"]`).waitFor({ state: 'detached', timeout: 30000 });
      await expect(p.page.locator(`[data-testid="handlers-${a.id}"]`).textContent()).resolves.toContain('李娜');
      await guideShot(p.page, 'lead-02-signed');
    });
    const signed = await api('admin', 'GET', `bookings:get?filterByTk=${a.id}&appends[]=handler1`);
    expect(signed.json.data).toMatchObject({ status: 'signedFor', handler1: { username: 'staff' } });
    await p.page.context().close();
  });

  it('R-PRE-1 R-DAY-3 R-X-1 the handler logs a contact, marks the arrival, draws the signature on screen; R-X-6 refuses served time before the arrival', async () => {
    const p = await pageAs('staff');
    const row = () => p.page.locator(`[data-testid="mine-row-${a.id}"]`);
    await step(p, '08-staff-mine', async () => {
      await openTab(p.page, 'mine');
      await p.page.locator('[data-testid="staff-range"] .ant-segmented-item').nth(2).click(); // all open
      await row().waitFor({ timeout: 30000 });
      await expect(p.page.locator(`[data-testid="phone-${a.id}"]`).textContent()).resolves.toBe('13905331234');
      await guideShot(p.page, 'staff-01-my-bookings');
    });
    await step(p, '09-staff-contact', async () => {
      await p.page.locator(`[data-testid="logContact-${a.id}"]`).click();
      const dialog = p.page.locator('.govhall-staff-logContact');
      await dialog.locator('[data-testid="materials-notice"] li').first().waitFor();
      await dialog.locator('[data-testid="materials-given"]').click();
      await dialog.locator('[data-testid="contact-note"]').fill('已电话联系，告知所需材料');
      await guideShot(p.page, 'staff-02-contact');
      await Promise.all([
        p.page.waitForResponse((r) => r.url().includes(`bookings:logContact?filterByTk=${a.id}`) && r.status() === 200),
        dialog.locator('[data-testid="staff-dialog-ok"]').click(),
      ]);
      await p.page.locator(`[data-testid="status-${a.id}"] [data-status="contacted"]`).waitFor({ timeout: 30000 });
      // The row shows the reconfirmed time (the agreed one, preset in the dialog) and the materials notice.
      const agreed = new Date(new Date(a.appointmentStart).getTime() + 8 * 3600000).toISOString().slice(0, 16).replace('T', ' ');
      await expect(p.page.locator(`[data-testid="contact-${a.id}"]`).textContent()).resolves.toContain(agreed);
    });
    await step(p, '10-staff-arrived', async () => {
      await p.page.locator(`[data-testid="arrive-${a.id}"]`).click();
      await p.page.locator(`[data-testid="status-${a.id}"] [data-status="inService"]`).waitFor({ timeout: 30000 });
      await guideShot(p.page, 'staff-03-arrived');
    });
    await step(p, '11-staff-complete-signed', async () => {
      await p.page.locator(`[data-testid="complete-${a.id}"]`).click();
      const dialog = p.page.locator('.govhall-staff-complete');
      await dialog.locator('[data-testid="complete-outcome"]').fill('已办结，抵押登记证明已出');
      await typeTime(p.page, 'actualStart', wallMinutesAgo(50));
      await typeTime(p.page, 'actualEnd', wallMinutesAgo(5));
      const canvas = dialog.locator('[data-testid="signature-canvas"]');
      const box = (await canvas.boundingBox())!;
      await p.page.mouse.move(box.x + 40, box.y + 120);
      await p.page.mouse.down();
      for (const [dx, dy] of [[80, 40], [120, 130], [170, 50], [220, 120], [300, 60], [360, 110]]) {
        await p.page.mouse.move(box.x + dx, box.y + dy, { steps: 6 });
      }
      await p.page.mouse.up();
      await guideShot(p.page, 'staff-04-complete-signature');
    });
    // R-X-6 the served time starts at the arrival and lies in the appointment day's sessions. These
    // tests run in real time against `npm start` (no test clock there), days before the appointment,
    // and the staff types paper-sheet times from before the arrival: the server refuses, the dialog
    // says why in Chinese, and nothing changes. Completion itself is proven in-process with a fixed
    // clock (test/server/bookings.test.ts, trustActions.test.ts: signature image, served time, comp time).
    await step(p, '12-staff-complete-refused-R-X-6', async () => {
      const dialog = p.page.locator('.govhall-staff-complete');
      const [res] = await Promise.all([
        p.page.waitForResponse((r) => r.url().includes(`bookings:complete?filterByTk=${a.id}`)),
        dialog.locator('[data-testid="staff-dialog-ok"]').click(),
      ]);
      expect(res.status()).toBe(400);
      expect((await res.json()).errors[0].code).toBe('ACTUAL_START_BEFORE_ARRIVAL');
      await expect(dialog.textContent()).resolves.toContain('早于登记到场时间');
      await guideShot(p.page, 'staff-05-complete-refused');
      await p.page.keyboard.press('Escape');
    });
    const after = await api('admin', 'GET', `bookings:get?filterByTk=${a.id}`);
    expect(after.json.data).toMatchObject({ status: 'inService', actualStart: null, durationMinutes: null });
    await p.page.context().close();
  });

  it('R-X-1 the timeline of the booking lists every change with who did it', async () => {
    const lead = await pageAs('lead');
    await step(lead, '13-lead-timeline', async () => {
      await openTab(lead.page, 'sign');
      await lead.page.locator(`[data-testid="assigned-row-${b.id}"]`).waitFor({ timeout: 30000 });
      await lead.page.locator(`[data-testid="timeline-open-${b.id}"]`).first().click();
      const tl = lead.page.locator('[data-testid="booking-timeline"]');
      await tl.waitFor({ timeout: 30000 });
      const actions = await tl.locator('[data-testid="timeline-event"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
      expect(actions).toEqual(['register', 'dispatch', 'signFor', 'requestReschedule', 'decideReschedule']);
      await expect(tl.textContent()).resolves.toContain('管理科 陈敏'); // who dispatched
      await expect(tl.textContent()).resolves.toContain('同意，已电话告知申请人'); // the chief's note
      await guideShot(lead.page, 'lead-03-timeline');
    });
    const tl = await api('staff', 'GET', `workspaces:timeline?filterByTk=${a.id}`);
    expect(tl.json.data.events.map((e: any) => `${e.action}:${e.toStatus}`)).toEqual([
      'register:registered', 'dispatch:dispatched', 'signFor:signedFor', 'logContact:contacted', 'arrive:inService',
    ]);
    await lead.page.context().close();
  });
});
