// The plugin's own pages, for both shells. Routes named 'admin.*' render inside the admin layout
// (menu bar, signed-in check) at the same path in each shell: /admin/… in the classic one,
// /v/admin/… in the V2 one (its router adds the /v basename). The settings pages go to each
// shell's settings centre, whose registration APIs differ (see the two add… functions).
import type { ComponentType } from 'react';
import { SETTINGS_KEY } from '../constants';
import { MonthlyReport, REPORT_PATH } from '../client/aftercare';
import { PRINT_PATH, PrintPage } from '../client/desk';
import { DUTY_PAGE_PATH, DutyPage } from '../client/duty';
import { CalendarSettings } from '../client/settings/CalendarSettings';
import { GeneralSettings } from '../client/settings/GeneralSettings';
import { WORKSPACE_PATH, WorkspacePage } from '../client/workspaces/WorkspacePage';

export interface Page {
  name: string;
  path: string;
  Component: ComponentType<any>;
}

export const PAGES: Page[] = [
  /** 值班与调休 for every role (what each sees depends on its roles). */
  { name: 'admin.appointment-duty', path: DUTY_PAGE_PATH, Component: DutyPage },
  /** The role workspaces as tabs (section, chief, lead, staff). */
  { name: 'admin.appointmentDutyWorkspace', path: WORKSPACE_PATH, Component: WorkspacePage },
  { name: 'admin.appointment-duty-print', path: PRINT_PATH, Component: PrintPage },
  { name: 'admin.aftercare-report', path: REPORT_PATH, Component: MonthlyReport },
];

interface RouterLike {
  add(name: string, options: { path: string; Component: ComponentType<any> }): void;
}

export function addPages(router: RouterLike) {
  for (const { name, path, Component } of PAGES) router.add(name, { path, Component });
}

/** 预约+无休 in the settings centre: /admin/settings/appointment-duty/<key>. */
export const SETTINGS_GROUP = { title: 'Appointment + no-closing', icon: 'CalendarOutlined' };
export const SETTINGS_PAGES = [
  { key: 'calendar', title: 'Statutory calendar', icon: 'CalendarOutlined', Component: CalendarSettings, sort: 1 },
  // After the calendar: the group's own URL keeps leading to the calendar page.
  { key: 'general', title: 'Basic settings', icon: 'SettingOutlined', Component: GeneralSettings, sort: 2 },
];
/** One snippet for the group and its pages: the server guards calendar:* and appointmentSettings:update with it. */
export const SETTINGS_SNIPPET = `pm.${SETTINGS_KEY}`;
