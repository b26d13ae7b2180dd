// Wiring of the stored settings: the two actions, who may call them, and the rules on every
// write of the table, whichever way it comes (our action, the generic collection API, an import).
import type { Plugin } from '@nocobase/server';
import { checkSection, completeSection } from '../../rules/settings';
import { SETTINGS_ACTIONS, SETTINGS_READ_ACTIONS } from '../actions/settings';
import { forgetSettings } from './store';
import './sections';

export function registerSettings(plugin: Plugin) {
  const { db, app } = plugin;
  app.resourceManager.define({ name: 'appointmentSettings', actions: SETTINGS_ACTIONS });
  // NocoBase refuses any `update` without filter/filterByTk unless it is marked a whole update
  // (forceUpdate); ours is one by nature: the settings are a single record.
  app.dataSourceManager.use(
    async (ctx: any, next: () => Promise<void>) => {
      if (ctx.action?.resourceName === 'appointmentSettings' && ctx.action.actionName === 'update') ctx.action.params.forceUpdate = true;
      await next();
    },
    { tag: 'appointment-settings-update', before: 'validate-filter-params' },
  );
  // update is in the pm.appointment-duty snippet (src/server/acl.ts); reading is for everyone signed in.
  for (const action of SETTINGS_READ_ACTIONS) app.acl.allow('appointmentSettings', action.split(':')[1], 'loggedIn');
  // A row saved any other way still holds a known section with a whole, valid value (R-X-3).
  const check = (model: any) => {
    const section = model.get('section');
    checkSection(section, completeSection(section, model.get('value')));
  };
  db.on('appointmentSettingsSections.beforeSave', check);
  db.on('appointmentSettingsSections.beforeBulkCreate', (models: any[]) => models.forEach(check));
  // This process's own writes drop the cache at once; other processes' are seen by the version.
  for (const e of ['afterSave', 'afterDestroy', 'afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy']) {
    db.on(`appointmentSettingsSections.${e}`, () => forgetSettings(db));
  }
}
