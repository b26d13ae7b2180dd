// Rules enforced on every save, whichever way the row comes in (UI, API, import):
// the service-item list (R-LST-1, R-LST-3) and calendar days (R-CAL-1).
import type { Plugin } from '@nocobase/server';
import { validateCalendarDay } from '../rules/calendar';
import { checkServiceItem, parseMaterials } from '../rules/serviceItem';
import { loadSettings } from './settings/store';

export function registerSaveRules(plugin: Plugin) {
  // The 0.5 working day limit is the stored setting (appointment settings, R-LST-3).
  const checkItem = (model: any, halfDayMinutes: number) => {
    if (model.changed('materials')) model.set('materials', parseMaterials(model.get('materials')));
    const problem = checkServiceItem(model.get(), { halfDayMinutes });
    if (problem) throw problem;
  };
  const limit = async (options: any) => (await loadSettings(plugin.db, { transaction: options?.transaction })).halfDayMinutes;
  plugin.db.on('serviceItems.beforeSave', async (model: any, options: any) => checkItem(model, await limit(options)));
  // The Excel import inserts with bulkCreate, which fires only the bulk hook.
  plugin.db.on('serviceItems.beforeBulkCreate', async (models: any[], options: any) => {
    const halfDay = await limit(options);
    models.forEach((m) => checkItem(m, halfDay));
  });
  // Calendar rows edited through the generic collection API obey the same rules as calendar:setDay.
  plugin.db.on('calendarDays.beforeSave', (model: any) => {
    const problem = validateCalendarDay({ date: String(model.get('date')).slice(0, 10), kind: model.get('kind') });
    if (problem) throw problem;
  });
}
