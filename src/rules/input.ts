// Shapes of user input the actions accept (R-X-3): ids are positive integers, free text is text
// of bounded length. Refused with a clear code instead of being coerced ("[object Object]") or
// reaching the query as a filter.
import { RuleViolation } from './errors';

/** A record id from a query or body: a positive integer (as number or digits), else null. */
export function recordId(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value.trim())) return Number(value.trim());
  return null;
}

export const TEXT_MAX = 2000;

/** Optional free text (notes, reasons, outcome): a string of at most `max` characters, or nothing. */
export function optionalText(field: string, value: unknown, max = TEXT_MAX): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new RuleViolation('FIELD_NOT_TEXT', { field });
  if (value.length > max) throw new RuleViolation('FIELD_TOO_LONG', { field, max });
  return value;
}
