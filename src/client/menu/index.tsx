// The web part of the menu 预约+无休 (the server writes it, src/server/menu): the menu's titles in
// English. Titles are stored in Chinese (zh-CN first); NocoBase translates a route's title in the
// `lm-desktop-routes` namespace, so an en-US user reads English and a renamed entry simply shows
// the admin's text. The blocks its pages hold are src/client-v2/models (the duty page and the
// monthly report among them). Called by both entries.
import { menuTitlesEnUS } from '../../menu';
import type { HostI18n } from '../../client-v2/host';

export const DUTY_BLOCK = 'AppointmentDutyBlockModel';
export const REPORT_BLOCK = 'AppointmentMonthlyReportBlockModel';
/** NocoBase's namespace of menu titles (plugin-localization edits it too). */
export const MENU_TITLE_NS = 'lm-desktop-routes';

export function registerMenuTitles(i18n: HostI18n) {
  // Not overwriting: what an admin translated in Localization wins.
  i18n.addResourceBundle('en-US', MENU_TITLE_NS, menuTitlesEnUS(), true, false);
}
