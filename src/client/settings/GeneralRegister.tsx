// 预约+无休 › 基本设置 (/admin/settings/appointment-duty/general): the page and its texts.
import { SETTINGS_KEY } from '../../constants';
import { registerTexts, tval } from '../locale';
import { GeneralSettings } from './GeneralSettings';
import enUS from './locale/en-US.json';
import zhCN from './locale/zh-CN.json';

export function registerGeneralSettings(app: any) {
  registerTexts(app.i18n, { 'zh-CN': zhCN, 'en-US': enUS });
  app.pluginSettingsManager.add(`${SETTINGS_KEY}.general`, {
    title: tval('Basic settings'),
    icon: 'SettingOutlined',
    Component: GeneralSettings,
    // The server guards appointmentSettings:update with the same snippet.
    aclSnippet: `pm.${SETTINGS_KEY}`,
    // After the calendar: the group's own URL keeps leading to the calendar page.
    sort: 2,
  });
}
