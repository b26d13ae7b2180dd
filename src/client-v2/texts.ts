// Every text of the web part, registered in our namespace by both entries. NocoBase also serves
// dist/locale as that namespace, but only with APP_ENV=production, and those texts win
// (registerTexts does not overwrite).
import { CLIENT_TEXTS, registerTexts } from '../client/locale';
import aftercareEn from '../client/aftercare/locale/en-US.json';
import aftercareZh from '../client/aftercare/locale/zh-CN.json';
import deskEn from '../client/desk/locale/en-US.json';
import deskZh from '../client/desk/locale/zh-CN.json';
import dutyEn from '../client/duty/locale/en-US.json';
import dutyZh from '../client/duty/locale/zh-CN.json';
import listEditorEn from '../client/listEditor/locale/en-US.json';
import listEditorZh from '../client/listEditor/locale/zh-CN.json';
import settingsEn from '../client/settings/locale/en-US.json';
import settingsZh from '../client/settings/locale/zh-CN.json';
import calendarEn from '../client/settings/calendar-locale/en-US.json';
import calendarZh from '../client/settings/calendar-locale/zh-CN.json';
import workflowEn from '../client/workflow/locale/en-US.json';
import workflowZh from '../client/workflow/locale/zh-CN.json';
import workspacesEn from '../client/workspaces/locale/en-US.json';
import workspacesZh from '../client/workspaces/locale/zh-CN.json';
import type { HostI18n } from './host';

const FEATURE_TEXTS: Record<string, Record<string, string>>[] = [
  { 'en-US': aftercareEn, 'zh-CN': aftercareZh },
  { 'en-US': deskEn, 'zh-CN': deskZh },
  { 'en-US': dutyEn, 'zh-CN': dutyZh },
  { 'en-US': listEditorEn, 'zh-CN': listEditorZh },
  { 'en-US': settingsEn, 'zh-CN': settingsZh },
  // The calendar page's notice panel.
  { 'en-US': calendarEn, 'zh-CN': calendarZh },
  { 'en-US': workflowEn, 'zh-CN': workflowZh },
  { 'en-US': workspacesEn, 'zh-CN': workspacesZh },
];

export function registerWebTexts(i18n: HostI18n) {
  registerTexts(i18n, CLIENT_TEXTS);
  for (const texts of FEATURE_TEXTS) registerTexts(i18n, texts);
}
