// Service-item list rules 《清单》 (R-LST-1, R-LST-3). Pure: the server calls this before every save.
import { DEFAULT_HALF_WORKING_DAY_MINUTES } from './calendar';
import { RuleViolation } from './errors';

export interface ServiceItemValues {
  name?: string | null;
  code?: string | null;
  expectedMinutes?: number | null;
  capacityPerSlot?: number | null;
  materials?: unknown;
  published?: boolean | null;
  leadWindowId?: number | string | null;
}

export interface ServiceItemLimits {
  /** 0.5 working day in minutes (R-LST-3, configurable; default 4 h). */
  halfDayMinutes: number;
}

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** The first broken rule of a service item, or null when it may be saved. */
export function checkServiceItem(
  item: ServiceItemValues,
  limits: ServiceItemLimits = { halfDayMinutes: DEFAULT_HALF_WORKING_DAY_MINUTES },
): RuleViolation | null {
  if (blank(item.name)) return new RuleViolation('SERVICE_ITEM_NAME_REQUIRED');
  if (blank(item.code)) return new RuleViolation('SERVICE_ITEM_CODE_REQUIRED', { name: item.name });
  const minutes = Number(item.expectedMinutes);
  if (!Number.isInteger(minutes) || minutes <= 0) {
    return new RuleViolation('EXPECTED_MINUTES_INVALID', { name: item.name, value: String(item.expectedMinutes) });
  }
  if (minutes > limits.halfDayMinutes) {
    return new RuleViolation('EXPECTED_MINUTES_OVER_HALF_DAY', { name: item.name, minutes, limit: limits.halfDayMinutes });
  }
  const capacity = Number(item.capacityPerSlot);
  if (!Number.isInteger(capacity) || capacity < 1) {
    return new RuleViolation('CAPACITY_BELOW_ONE', { name: item.name, value: String(item.capacityPerSlot) });
  }
  if (item.materials !== undefined && item.materials !== null) {
    const ok = Array.isArray(item.materials) && item.materials.every((m) => typeof m === 'string' && m.trim() !== '');
    if (!ok) return new RuleViolation('MATERIALS_NOT_A_LIST', { name: item.name });
  }
  // An item with nobody responsible cannot be announced for booking (R-DSP-1 needs a window).
  if (item.published && blank(item.leadWindowId)) {
    return new RuleViolation('PUBLISHED_WITHOUT_LEAD_WINDOW', { name: item.name });
  }
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
