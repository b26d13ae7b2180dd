// The stored settings ↔ the pure sections of src/rules/settings.ts. Every rule reads its numbers
// through `loadSection` / `loadSettings`; only `saveSettings` writes them.
//
// Cached per Database, keyed by a version of the table read in ONE small query (row count, sum of
// revisions, latest updatedAt): any write by any app process changes it, so a stale value is never
// used; a steady request pays that query only — or nothing extra when the caller folded
// `settingsVersionSql` into a query it makes anyway (bookings:register does).
import { Op } from '@nocobase/database';
import type { Database, Transaction } from '@nocobase/database';
import { RuleViolation } from '../../rules/errors';
import { DutySettings, applySettingsPatch, checkSection, completeSection, settingsSectionKeys } from '../../rules/settings';
import { column, ident, table } from '../shared/sql';

type Opts = { transaction?: Transaction; version?: string };

const COLLECTION = 'appointmentSettingsSections';

interface Entry {
  version: string;
  stored: Record<string, unknown>;
  checked: Map<string, unknown>;
}
const cache = new WeakMap<Database, Entry>();

/** Three aliased sub-selects giving the version; to be put in any SELECT list. */
export function settingsVersionSql(db: Database): string {
  const q = (name: string) => column(db, COLLECTION, name);
  const t = table(db, COLLECTION);
  return `(SELECT COUNT(*) FROM ${t}) AS ${ident(db, 'settingsN')}, (SELECT SUM(${q('revision')}) FROM ${t}) AS ${ident(db, 'settingsR')}, (SELECT MAX(${q('updatedAt')}) FROM ${t}) AS ${ident(db, 'settingsT')}`;
}

/** The version from a row that selected `settingsVersionSql` (dialects differ in number types). */
export function settingsVersionOf(row: Record<string, unknown>): string {
  const t = row.settingsT;
  return [Number(row.settingsN ?? 0), Number(row.settingsR ?? 0), t instanceof Date ? t.getTime() : String(t ?? '')].join(':');
}

async function readVersion(db: Database, transaction?: Transaction): Promise<string> {
  const [row] = await db.sequelize.query(`SELECT ${settingsVersionSql(db)}`, { type: 'SELECT' as any, raw: true, transaction });
  return settingsVersionOf(row as any);
}

/** This process saw a settings change: drop the cache at once (no reliance on clocks here). */
export function forgetSettings(db: Database) {
  cache.delete(db);
}

async function entry(db: Database, { transaction, version }: Opts): Promise<Entry> {
  const current = version ?? (await readVersion(db, transaction));
  const hit = cache.get(db);
  if (hit?.version === current) return hit;
  const rows: any[] = await db.getModel(COLLECTION).findAll({ transaction, raw: true });
  const stored = Object.fromEntries(rows.map((r) => [r.section, typeof r.value === 'string' ? JSON.parse(r.value) : r.value]));
  const fresh: Entry = { version: current, stored, checked: new Map() };
  cache.set(db, fresh);
  return fresh;
}

/**
 * One section, whole and checked. A stored value the section's check refuses (edited in the
 * database, or saved under older rules) makes the rules refuse with its message instead of
 * guessing; the settings page still shows it, so an admin can correct it.
 */
export async function loadSection<T = any>(db: Database, key: string, opts: Opts = {}): Promise<T> {
  const e = await entry(db, opts);
  if (!e.checked.has(key)) e.checked.set(key, Object.freeze(checkSection(key, completeSection(key, e.stored[key]))));
  return e.checked.get(key) as T;
}

/** The booking engine's numbers (phone, sessions, slot grid, half day, notice, late …). */
export const loadSettings = (db: Database, opts: Opts = {}) => loadSection<DutySettings>(db, 'booking', opts);

/** Every registered section as stored, completed with the defaults (unchecked: for the settings page). */
export async function allSettings(db: Database, opts: Opts = {}) {
  const e = await entry(db, opts);
  return Object.fromEntries(settingsSectionKeys().map((key) => [key, completeSection(key, e.stored[key])]));
}

/**
 * An admin's change: checked whole per section (src/rules/settings.ts applySettingsPatch) plus the
 * rules that need the database; all sections or none are written (R-X-3).
 */
export async function saveSettings(db: Database, patch: unknown, { transaction, userId }: { transaction: Transaction; userId?: number }) {
  const Model: any = db.getModel(COLLECTION);
  const rows: any[] = await Model.findAll({ transaction });
  const current = Object.fromEntries(rows.map((r) => [r.get('section'), r.get('value')]));
  const next = applySettingsPatch(current, patch);
  if (next.booking) await checkItemsFit(db, next.booking as DutySettings, transaction);
  for (const [section, value] of Object.entries(next)) {
    const row = rows.find((r) => r.get('section') === section);
    if (!row) {
      await Model.create({ section, value, revision: 1, updatedById: userId ?? null }, { transaction });
      continue;
    }
    // revision + 1 in SQL: two processes saving at once still both change the version.
    await Model.update({ value, updatedById: userId ?? null, revision: db.sequelize.literal(`${column(db, COLLECTION, 'revision')} + 1`) },
      { where: { section }, transaction });
  }
  forgetSettings(db);
}

/** R-LST-3: the half day may not shrink below an item already on the list (it could no longer be booked). */
async function checkItemsFit(db: Database, s: DutySettings, transaction: Transaction) {
  const item: any = await db.getModel('serviceItems').findOne({
    where: { expectedMinutes: { [Op.gt]: s.halfDayMinutes } },
    order: [['expectedMinutes', 'DESC']],
    transaction,
  });
  if (item) {
    throw new RuleViolation('SETTINGS_HALF_DAY_BELOW_ITEM', {
      field: 'halfDayMinutes', limit: s.halfDayMinutes, name: item.get('name'), minutes: item.get('expectedMinutes'),
    });
  }
}
