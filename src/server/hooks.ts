// Rules enforced on every save, whichever way the row comes in (UI, API, import, another
// collection's association): the service-item list (R-LST-1, R-LST-3), windows and calendar days
// (R-CAL-1), all plain bounded text (R-X-3).
import type { Plugin } from '@nocobase/server';
import { validateCalendarDay, validateCalendarDayText } from '../rules/calendar';
import { recordId } from '../rules/input';
import { checkItemWindows, checkPublishable, checkServiceItem, parseMaterials } from '../rules/serviceItem';
import { checkWindow } from '../rules/window';
import { loadSettings } from './settings/store';
import { checkImportedDays } from './calendar/import';

/**
 * The row's values with its text fields as they were sent: NocoBase's string setter turns an object
 * into "[object Object]" before any hook sees the row, so the type is checked on the request's
 * `values` (passed along in the save options). A number (an Excel cell holding 1001) is its text.
 */
function asSent(model: any, options: any, textFields: string[]): Record<string, unknown> {
  const values = { ...model.get() }; // a copy: get() may hand out the row's own dataValues
  const sent = options?.values;
  if (!sent || typeof sent !== 'object' || Array.isArray(sent)) return values;
  for (const f of textFields) {
    if (!(f in sent)) continue;
    const v = sent[f];
    values[f] = typeof v === 'number' ? String(v) : v;
  }
  return values;
}

/** Window ids named by an association value: an id, a list of ids, objects with an id. */
function referencedIds(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (v !== null && typeof v === 'object' ? (v as any).id : v)).filter((v) => v !== undefined && v !== null);
}

export function registerSaveRules(plugin: Plugin) {
  const db = plugin.db;
  // The 0.5 working day limit is the stored setting (appointment settings, R-LST-3).
  const checkItem = (model: any, halfDayMinutes: number, options?: any) => {
    if (model.changed('materials')) model.set('materials', parseMaterials(model.get('materials')));
    const values = asSent(model, options, ['name', 'code', 'note']);
    if (options?.publishedChecked === 'later') values.published = false;
    const problem = checkServiceItem(values, { halfDayMinutes });
    if (problem) throw problem;
  };
  const limit = async (options: any) => (await loadSettings(db, { transaction: options?.transaction })).halfDayMinutes;
  /** The ids among `ids` that are windows (invalid ids are simply not found). */
  const existingWindows = async (ids: unknown[], transaction: any) => {
    const valid = [...new Set(ids.map(recordId).filter((id): id is number => id !== null))];
    if (!valid.length) return new Set<number>();
    const rows = await db.getModel('windows').findAll({ attributes: ['id'], where: { id: valid }, transaction, raw: true });
    return new Set<number>(rows.map((r: any) => Number(r.id)));
  };
  // The lead window (the stored key) and the cooperating windows as sent: NocoBase drops ids of
  // missing windows from a belongsToMany silently, so they are checked before it gets to them.
  const checkWindows = async (model: any, options: any) => {
    const leadWindowId = model.get('leadWindowId');
    const sent = options?.values;
    const cooperatingWindowIds = sent && typeof sent === 'object' && !Array.isArray(sent) ? referencedIds(sent.cooperatingWindows) : [];
    const found = await existingWindows([leadWindowId, ...cooperatingWindowIds], options?.transaction);
    const problem = checkItemWindows({ name: model.get('name'), leadWindowId, cooperatingWindowIds }, found);
    if (problem) throw problem;
  };

  // beforeValidate, not beforeSave: Sequelize's own not-null check runs first otherwise and answers
  // an untranslated "… cannot be null".
  db.on('serviceItems.beforeValidate', async (model: any, options: any) => checkItem(model, await limit(options), options));
  db.on('serviceItems.beforeSave', checkWindows);
  // The Excel import inserts with bulkCreate, which fires only the bulk hook, and sets a row's lead
  // window (a 主办窗口 column) only afterwards: "published" is checked once that is done.
  db.on('serviceItems.beforeBulkCreate', async (models: any[], options: any) => {
    const halfDay = await limit(options);
    models.forEach((m) => checkItem(m, halfDay, { publishedChecked: 'later' }));
    const found = await existingWindows(models.map((m) => m.get('leadWindowId')), options?.transaction);
    for (const m of models) {
      const problem = checkItemWindows({ name: m.get('name'), leadWindowId: m.get('leadWindowId') }, found);
      if (problem) throw problem;
    }
  });
  db.on('serviceItems.afterSaveWithAssociations', (model: any) => {
    const problem = checkPublishable(model.get());
    if (problem) throw problem;
  });
  // A bulk update (e.g. windows:update { serviceItems } re-pointing items' leadWindowId) fires no
  // per-row hook: each item it touches is checked with the new values here.
  db.on('serviceItems.beforeBulkUpdate', async (options: any) => {
    const rows = await db.getModel('serviceItems').findAll({ where: options.where, transaction: options.transaction });
    if (!rows.length) return;
    const halfDay = await limit(options);
    for (const row of rows) {
      row.set(options.attributes ?? {});
      checkItem(row, halfDay);
      await checkWindows(row, { transaction: options.transaction });
    }
  });
  // Cooperating windows are rows of the through table, written after the item itself.
  const checkCooperating = async (rows: any[], options: any) => {
    const ids = rows.map((r) => r.get('windowId'));
    const problem = checkItemWindows({ cooperatingWindowIds: ids }, await existingWindows(ids, options?.transaction));
    if (problem) throw problem;
  };
  db.on('serviceItemsCooperatingWindows.beforeBulkCreate', checkCooperating);
  db.on('serviceItemsCooperatingWindows.beforeCreate', (row: any, options: any) => checkCooperating([row], options));

  const WINDOW_TEXTS = ['code', 'name', 'department', 'phone'];
  db.on('windows.beforeValidate', (model: any, options: any) => {
    const problem = checkWindow(asSent(model, options, WINDOW_TEXTS));
    if (problem) throw problem;
  });
  db.on('windows.beforeBulkCreate', (models: any[]) => {
    for (const m of models) {
      const problem = checkWindow(m.get());
      if (problem) throw problem;
    }
  });

  // Calendar rows edited through the generic collection API obey the same rules as calendar:setDay.
  const checkDay = (model: any, options?: any) => {
    const day = asSent(model, options, ['holidayName', 'note']);
    const date = day.date === null || day.date === undefined ? '' : String(day.date).slice(0, 10);
    const problem = validateCalendarDay({ date, kind: day.kind as any }) ?? validateCalendarDayText(day);
    if (problem) throw problem;
  };
  db.on('calendarDays.beforeValidate', checkDay);
  db.on('calendarDays.beforeBulkCreate', (models: any[]) => models.forEach((m) => checkDay(m)));
  // The Excel import of a year (R-CAL-4): its year known, a date once, a row replaces its date's.
  db.on('calendarDays.beforeBulkCreate', (models: any[], options: any) => checkImportedDays(db, models, options?.transaction));
}
