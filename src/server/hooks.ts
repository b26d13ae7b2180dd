// Rules enforced on every save, whichever way the row comes in (UI, API, import):
// the service-item list (R-LST-1, R-LST-3) and calendar days (R-CAL-1).
import type { Plugin } from '@nocobase/server';
import { validateCalendarDay } from '../rules/calendar';
import { DEFAULT_SETTINGS } from '../rules/settings';
import { checkServiceItem, parseMaterials } from '../rules/serviceItem';

export function registerSaveRules(plugin: Plugin) {
  const checkItem = (model: any) => {
    if (model.changed('materials')) model.set('materials', parseMaterials(model.get('materials')));
    const problem = checkServiceItem(model.get(), { halfDayMinutes: DEFAULT_SETTINGS.halfDayMinutes });
    if (problem) throw problem;
  };
  plugin.db.on('serviceItems.beforeSave', checkItem);
  // The Excel import inserts with bulkCreate, which fires only the bulk hook.
  plugin.db.on('serviceItems.beforeBulkCreate', (models: any[]) => models.forEach(checkItem));
  // Calendar rows edited through the generic collection API obey the same rules as calendar:setDay.
  plugin.db.on('calendarDays.beforeSave', (model: any) => {
    const problem = validateCalendarDay({ date: String(model.get('date')).slice(0, 10), kind: model.get('kind') });
    if (problem) throw problem;
  });
}
