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

// ---------- plain text kept by admins (names, codes, notes: R-X-3) ----------

// C0/C1 controls (tab and newlines only where the field is multi-line) and the bidirectional
// overrides that make text display differently from what it is.
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// The start of an HTML tag, comment or processing instruction: '<b', '</', '<!', '<?'. A lone
// '<' ("面积 < 90 平方米") is text.
const MARKUP = /<[a-zA-Z!/?]/;

export interface PlainTextRule {
  /** Longest accepted value, in characters (code points). */
  max: number;
  /** Line breaks and tabs allowed (notes). */
  multiline?: boolean;
}

/**
 * Why `value` is not plain text of at most `max` characters, or null (absent values pass:
 * required-ness is the caller's rule). `field` names the text in the message (LABEL_<field>).
 */
export function checkPlainText(field: string, value: unknown, rule: PlainTextRule): RuleViolation | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return new RuleViolation('TEXT_INVALID', { field });
  if ((rule.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) return new RuleViolation('TEXT_CONTROL_CHARACTERS', { field });
  if (MARKUP.test(value)) return new RuleViolation('TEXT_MARKUP', { field });
  // Length after the cheap checks; counted in characters as the database's VARCHAR does.
  if (value.length > rule.max && Array.from(value).length > rule.max) return new RuleViolation('TEXT_TOO_LONG', { field, max: rule.max });
  return null;
}

/** A whole number from a form, the API or an Excel cell: a number, or a string of digits ('12'); else null. */
export function wholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) return Number(value);
  return null;
}
