// Web part of the duty feature: its texts and the page route. Called once from src/client/index.tsx.
import type { Application } from '@nocobase/client';
import { registerTexts } from '../locale';
import { DutyPage } from './DutyPage';
import enUS from './locale/en-US.json';
import zhCN from './locale/zh-CN.json';

export { CompTimeSignOff } from './CompTimeSignOff';
export { MyDuty, WindowRoster } from './ShiftTable';
export { MyCompTime } from './MyCompTime';
export { DutyPage };

/** Inside the admin layout (menu bar, signed-in check) for every role; a static path wins over /admin/:name. */
export const DUTY_PAGE_PATH = '/admin/appointment-duty';

export function registerDutyClient(app: Application) {
  registerTexts(app.i18n, { 'zh-CN': zhCN, 'en-US': enUS });
  app.router.add('admin.appointment-duty', { path: DUTY_PAGE_PATH, Component: DutyPage });
}
