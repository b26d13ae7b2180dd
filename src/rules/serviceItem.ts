// Service-item list rules 《清单》 (R-LST-1, R-LST-3, R-X-3). Pure: the server calls this before
// every save, whichever way the item comes in (form, API, Excel import).
import { DEFAULT_HALF_WORKING_DAY_MINUTES } from './calendar';
import { RuleViolation } from './errors';
import { checkPlainText, recordId, wholeNumber } from './input';

export interface ServiceItemValues {
  name?: unknown;
  code?: unknown;
  note?: unknown;
  expectedMinutes?: unknown;
  capacityPerSlot?: unknown;
  materials?: unknown;
  published?: boolean | null;
  leadWindowId?: unknown;
}

export interface ServiceItemLimits {
  /** 0.5 working day in minutes (R-LST-3, configurable; default 4 h). */
  halfDayMinutes: number;
}

/**
 * Bounds of what an admin may type: a name fits a printed 登记表 line, a code a label, a slot
 * never holds more people than a hall (1,000 is already a typo), a notice stays one to read out.
 */
export const ITEM_BOUNDS = {
  nameMax: 200,
  codeMax: 50,
  noteMax: 2000,
  capacityMax: 1000,
  materialsMax: 100,
  materialMax: 500,
} as const;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The first broken rule of a service item, or null when it may be saved. */
export function checkServiceItem(
  item: ServiceItemValues,
  limits: ServiceItemLimits = { halfDayMinutes: DEFAULT_HALF_WORKING_DAY_MINUTES },
): RuleViolation | null {
  return checkTexts(item) ?? checkNumbers(item, limits) ?? checkMaterials(item) ?? checkPublishable(item);
}

function checkTexts(item: ServiceItemValues): RuleViolation | null {
  if (blank(item.name)) return new RuleViolation('SERVICE_ITEM_NAME_REQUIRED');
  const name = checkPlainText('itemName', item.name, { max: ITEM_BOUNDS.nameMax });
  if (name) return name;
  if (blank(item.code)) return new RuleViolation('SERVICE_ITEM_CODE_REQUIRED', { name: item.name });
  return checkPlainText('itemCode', item.code, { max: ITEM_BOUNDS.codeMax })
    ?? checkPlainText('itemNote', item.note, { max: ITEM_BOUNDS.noteMax, multiline: true });
}

function checkNumbers(item: ServiceItemValues, limits: ServiceItemLimits): RuleViolation | null {
  const name = item.name;
  if (item.expectedMinutes === null || item.expectedMinutes === undefined || item.expectedMinutes === '') {
    return new RuleViolation('EXPECTED_MINUTES_REQUIRED', { name });
  }
  const minutes = wholeNumber(item.expectedMinutes);
  if (minutes === null || minutes <= 0) {
    return new RuleViolation('EXPECTED_MINUTES_INVALID', { name, value: String(item.expectedMinutes) });
  }
  if (minutes > limits.halfDayMinutes) {
    return new RuleViolation('EXPECTED_MINUTES_OVER_HALF_DAY', { name, minutes, limit: limits.halfDayMinutes });
  }
  if (item.capacityPerSlot === null || item.capacityPerSlot === undefined || item.capacityPerSlot === '') {
    return new RuleViolation('CAPACITY_REQUIRED', { name });
  }
  const capacity = wholeNumber(item.capacityPerSlot);
  if (capacity === null || capacity < 1) {
    return new RuleViolation('CAPACITY_BELOW_ONE', { name, value: String(item.capacityPerSlot) });
  }
  if (capacity > ITEM_BOUNDS.capacityMax) {
    return new RuleViolation('CAPACITY_OVER_LIMIT', { name, value: capacity, max: ITEM_BOUNDS.capacityMax });
  }
  return null;
}

function checkMaterials(item: ServiceItemValues): RuleViolation | null {
  const list = item.materials;
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list) || !list.every((m) => typeof m === 'string' && m.trim() !== '')) {
    return new RuleViolation('MATERIALS_NOT_A_LIST', { name: item.name });
  }
  if (list.length > ITEM_BOUNDS.materialsMax) {
    return new RuleViolation('MATERIALS_TOO_MANY', { name: item.name, count: list.length, max: ITEM_BOUNDS.materialsMax });
  }
  for (const m of list) {
    const problem = checkPlainText('material', m, { max: ITEM_BOUNDS.materialMax });
    if (problem) return problem;
  }
  return null;
}

/** Published only with a lead window (also checked alone once an import has set the associations). */
export function checkPublishable(item: ServiceItemValues): RuleViolation | null {
  // An item with nobody responsible cannot be announced for booking (R-DSP-1 needs a window).
  if (item.published && blank(item.leadWindowId)) {
    return new RuleViolation('PUBLISHED_WITHOUT_LEAD_WINDOW', { name: item.name });
  }
  return null;
}

/**
 * Window references of an item (R-LST-1): the lead window and every cooperating window must be
 * windows that exist. `existing` holds the ids found among those referenced.
 */
export function checkItemWindows(
  item: { name?: unknown; leadWindowId?: unknown; cooperatingWindowIds?: unknown[] },
  existing: ReadonlySet<number>,
): RuleViolation | null {
  const missing = (v: unknown) => {
    const id = recordId(v);
    return id === null || !existing.has(id);
  };
  if (!blank(item.leadWindowId) && missing(item.leadWindowId)) {
    return new RuleViolation('LEAD_WINDOW_NOT_FOUND', { name: item.name, id: String(item.leadWindowId) });
  }
  const absent = (item.cooperatingWindowIds ?? []).find(missing);
  if (absent !== undefined) return new RuleViolation('COOPERATING_WINDOW_NOT_FOUND', { name: item.name, id: String(absent) });
  return null;
}

/** Materials typed one per line (the way a desk reads them out) to the stored ordered list. */
export function parseMaterials(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  return input
    .split(/\r?\n|；|;/)
    .map((s) => s.replace(/^\s*\d+[.、)]\s*/, '').trim())
    .filter(Boolean);
}
