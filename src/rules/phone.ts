// Applicant phone numbers (R-HOL-4 联系电话): a mainland mobile, or a landline with its area code.
// Pure. The canonical form is what we store and search on: '13905331234', '0533-2512345',
// '0533-2512345-801' (extension), so the same number typed two ways is one number.
import { RuleViolation } from './errors';

// 3-digit area codes are 010 and 020–029 (Beijing, Shanghai, Guangzhou …); every other is 4 digits
// (0533 Zibo). Fixing the split this way reads '01012345678' as 010-12345678, not 0101-2345678.
const AREA = '(0(?:10|2\\d)|0[3-9]\\d{2})';
const LANDLINE_DIGITS = new RegExp(`^${AREA}([1-9]\\d{6,7})$`);
const MOBILE_DIGITS = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;
// An extension follows a marker ('转', '分机', 'ext', 'x', '#') or a separator after a complete number.
const EXT_MARKER = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const EXT_TRAILING = /^(.*\d)[\s-]+(\d{1,6})$/;
const SEPARATORS = /[\s\-()（）]/g;

function digitsOf(text: string): string {
  return text.replace(SEPARATORS, '');
}

function parseLandline(text: string): string | null {
  const m = LANDLINE_DIGITS.exec(digitsOf(text));
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Canonical form, or null when the input is not a phone number we accept. */
function parse(input: unknown): string | null {
  if (typeof input !== 'string' && typeof input !== 'number') return null;
  // NFKC: full-width digits and dashes from Chinese input methods become ASCII.
  const text = String(input).normalize('NFKC').trim();
  const marked = EXT_MARKER.exec(text);
  if (marked) {
    const base = parseLandline(text.slice(0, marked.index));
    return base ? `${base}-${marked[1]}` : null;
  }
  const mobile = MOBILE_DIGITS.exec(digitsOf(text));
  if (mobile) return mobile[1];
  // A short last group after a complete number is its extension: '0533-2512345-8' is 2512345 ext. 8
  // (also our stored form), while '021-8888-6666' is one 8-digit number because '021-8888' is incomplete.
  const trailing = EXT_TRAILING.exec(text);
  const base = trailing ? parseLandline(trailing[1]) : null;
  return base ? `${base}-${trailing![2]}` : parseLandline(text);
}

const isBlank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** Why `input` cannot be stored as a phone number, or null. */
export function checkPhone(input: unknown): RuleViolation | null {
  if (isBlank(input)) return new RuleViolation('PHONE_REQUIRED');
  if (parse(input) === null) return new RuleViolation('INVALID_PHONE', { value: String(input).slice(0, 40) });
  return null;
}

/** The canonical form; throws the `checkPhone` violation for anything else (never stores garbage). */
export function normalizePhone(input: unknown): string {
  const problem = checkPhone(input);
  if (problem) throw problem;
  return parse(input) as string;
}

/** For people not involved in a booking (PIPL, R-X-2): 139****1234, 0533-***2345. */
export function maskPhone(phone: unknown): string {
  const s = String(phone ?? '');
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  const m = s.match(/^(0\d{2,3})-(\d+)(.*)$/);
  if (m) return `${m[1]}-${'*'.repeat(Math.max(0, m[2].length - 4))}${m[2].slice(-4)}`;
  return s ? `${'*'.repeat(Math.max(0, s.length - 4))}${s.slice(-4)}` : s;
}
