// Web part of @govhall/plugin-appointment-duty: wiring only, the pages live in ./settings.
import { Plugin } from '@nocobase/client';
import { SETTINGS_KEY } from '../constants';
import { registerListEditor } from './listEditor/register';
import { registerClientTexts, tval } from './locale';
import { CalendarSettings } from './settings/CalendarSettings';
import { registerDesk } from './desk';
import { registerGeneralSettings } from './settings/GeneralRegister';
import { registerDutyClient } from './duty';
import { registerWorkflowClient } from './workflow';
import { registerAftercareClient } from './aftercare';
import { registerWorkspaces } from './workspaces';

export class AppointmentDutyClient extends Plugin {
  async load() {
    registerClientTexts(this.app.i18n);
    registerListEditor(this as any);
    registerDutyClient(this.app);
    registerWorkflowClient(this.app);
    registerWorkspaces(this.app);
    // /admin/settings/appointment-duty: a group whose sub-pages are shown as tabs;
    // without a Component of its own NocoBase redirects to the first sub-page.
    this.app.pluginSettingsManager.add(SETTINGS_KEY, {
      title: tval('Appointment + no-closing'),
      icon: 'CalendarOutlined',
      aclSnippet: `pm.${SETTINGS_KEY}`,
    });
    // /admin/settings/appointment-duty/calendar
    this.app.pluginSettingsManager.add(`${SETTINGS_KEY}.calendar`, {
      title: tval('Statutory calendar'),
      icon: 'CalendarOutlined',
      Component: CalendarSettings,
      // Same snippet as the group: the server guards calendar:setDay/addYear/confirmYear with it.
      aclSnippet: `pm.${SETTINGS_KEY}`,
      sort: 1,
    });
    registerDesk(this);
    // /admin/settings/appointment-duty/general
    registerGeneralSettings(this.app);
    registerAftercareClient(this.app);
  }
}

export default AppointmentDutyClient;
