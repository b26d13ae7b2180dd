import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// The plugin's stored settings (the catalogue's *configurable* numbers): one row per section
// ('booking', and each feature's own, src/rules/settings.ts registerSettingsSection), its value
// the whole checked section as JSON. Written through the resource `appointmentSettings` (get/update;
// not named like this collection, whose generic `update` demands a filter), and checked on every
// save whichever way it comes; `revision` grows on every write so other app processes see the change (src/server/settings/store.ts).
export default defineCollection({
  name: 'appointmentSettingsSections',
  title: tval('Appointment settings'),
  dumpRules: 'required',
  fields: [
    { type: 'string', name: 'section', unique: true, allowNull: false },
    { type: 'json', name: 'value', defaultValue: {} },
    { type: 'integer', name: 'revision', allowNull: false, defaultValue: 1 },
    { type: 'belongsTo', name: 'updatedBy', target: 'users', foreignKey: 'updatedById' },
  ],
});
