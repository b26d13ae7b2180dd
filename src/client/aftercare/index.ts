// Web part of the after-service feature: the printable monthly report page (R-SUP-3), routed inside
// the admin layout at /admin/aftercare/report (as plugin-workflow adds /admin/workflow/tasks).
// An admin links it from the menu with "Add menu item › Link" → /admin/aftercare/report.
import type { Application } from '@nocobase/client';
import type { ComponentType } from 'react';
import { registerTexts } from '../locale';
import enUS from './locale/en-US.json';
import zhCN from './locale/zh-CN.json';
import { MonthlyReport } from './MonthlyReport';

export const REPORT_PATH = '/admin/aftercare/report';

interface RouterLike {
  add(name: string, options: { path: string; Component: ComponentType<any> }): void;
}

export function registerAftercareClient(app: Application) {
  registerTexts(app.i18n, { 'zh-CN': zhCN, 'en-US': enUS });
  (app as unknown as { router: RouterLike }).router.add('admin.aftercare-report', { path: REPORT_PATH, Component: MonthlyReport });
}
