// R-X-2 / PIPL: an applicant's full phone number never sits in a column a generic read can return.
// The bookings row keeps three forms (docs/api.md § Phone privacy):
//   applicantPhone        the mask (139****1234) — what every filter, sort, append, export, chart
//                         or other plugin reading `bookings` sees;
//   applicantPhoneHash    HMAC-SHA256 of the canonical number under a key derived from APP_KEY —
//                         exact-match look-up (the desk's look-up, R-HOL-6) without the number;
//   applicantPhoneSealed  AES-256-GCM of the canonical number — opened only by our own read paths,
//                         for people the policy (src/rules/policy.ts) shows the number in full.
// The hash and the sealed columns are `hidden` fields: NocoBase's Model#toJSON drops them from
// every response. The transformation is a model hook, so every writer (register, seed, tests,
// bulkCreate) is covered without a query of its own.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Database } from '@nocobase/database';
import { maskPhone, normalizePhone } from '../../rules/phone';

export const PHONE_HASH = 'applicantPhoneHash';
export const PHONE_SEALED = 'applicantPhoneSealed';
/** Version prefix of the sealed form, so a later key rotation can tell old from new. */
const SEAL_VERSION = 'v1';

interface Keys {
  hash: Buffer;
  seal: Buffer;
  /**
   * The last numbers hashed and sealed under these keys: one register hashes its number twice (the
   * R-HOL-6 read, the row) and its answer opens what it has just sealed. Bounded; process memory only.
   */
  hashes: Map<string, string>;
  opened: Map<string, string>;
}
const keys = new Map<string, Keys>();
const MEMO = 256;

function remember(memo: Map<string, string>, k: string, v: string) {
  if (memo.size >= MEMO) memo.clear();
  memo.set(k, v);
}

function keysOf(): Keys {
  const appKey = process.env.APP_KEY;
  // NocoBase itself signs its tokens with APP_KEY; without it no number could be opened again.
  if (!appKey) throw new Error('APP_KEY is not set: applicant phone numbers cannot be sealed');
  let k = keys.get(appKey);
  if (!k) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', appKey, 'govhall-applicant-phone', info, 32));
    k = { hash: derive('hash v1'), seal: derive('seal v1'), hashes: new Map(), opened: new Map() };
    keys.set(appKey, k);
  }
  return k;
}

/** The canonical number when `input` is one, else the trimmed text (a row is never left unsealed). */
function canonical(input: unknown): string {
  try {
    return normalizePhone(input);
  } catch {
    return String(input ?? '').trim();
  }
}

export function phoneHash(input: unknown): string {
  const k = keysOf();
  const number = canonical(input);
  let hash = k.hashes.get(number);
  if (hash === undefined) remember(k.hashes, number, (hash = createHmac('sha256', k.hash).update(number).digest('hex')));
  return hash;
}

export function sealPhone(input: unknown): string {
  const k = keysOf();
  const number = canonical(input);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.seal, iv);
  const body = Buffer.concat([cipher.update(number, 'utf8'), cipher.final()]);
  const sealed = [SEAL_VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  remember(k.opened, sealed, number);
  return sealed;
}

/** The full number, or null when the text is not ours or was sealed under another APP_KEY. */
export function unsealPhone(sealed: unknown): string | null {
  if (typeof sealed !== 'string') return null;
  const k = keysOf();
  const known = k.opened.get(sealed);
  if (known !== undefined) return known;
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== SEAL_VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', k.seal, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const number = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    remember(k.opened, sealed, number);
    return number;
  } catch {
    return null;
  }
}

/** The three columns for a number as typed (what a hook writes, and the 0.2.0 migration). */
export function phoneColumns(input: unknown) {
  const number = canonical(input);
  return { applicantPhone: maskPhone(number), [PHONE_HASH]: phoneHash(number), [PHONE_SEALED]: sealPhone(number) };
}

/** The full number of a loaded booking (model or plain row); the mask when it cannot be opened. */
export function fullPhoneOf(booking: any): string | null {
  const get = (k: string) => (booking?.get ? booking.get(k) : booking?.[k]);
  return unsealPhone(get(PHONE_SEALED)) ?? get('applicantPhone') ?? null;
}

const isMask = (v: unknown) => typeof v === 'string' && v.includes('*');

/**
 * Seals the number whenever `applicantPhone` is written. A mask written back (a form saving the
 * record as it read it) is not a number: the sealed number stays as it was.
 */
function sealInstance(instance: any) {
  const value = instance.get('applicantPhone');
  if (value === null || value === undefined || value === '') {
    instance.set({ [PHONE_HASH]: null, [PHONE_SEALED]: null });
    return;
  }
  if (!instance.isNewRecord && !instance.changed('applicantPhone')) return;
  if (isMask(value) && instance.get(PHONE_SEALED)) {
    instance.set('applicantPhone', instance.previous('applicantPhone') ?? value);
    return;
  }
  instance.set(phoneColumns(value));
}

export function registerPhoneVault(db: Database) {
  keysOf(); // fail at load, not at the first booking, when APP_KEY is missing
  db.on('bookings.beforeSave', (instance: any) => sealInstance(instance));
  db.on('bookings.beforeBulkCreate', (instances: any[]) => instances.forEach(sealInstance));
  // Model.update(values, { where }) bypasses instance hooks: seal the value once for all rows.
  db.on('bookings.beforeBulkUpdate', (options: any) => {
    const attrs = options.attributes ?? {};
    if (!('applicantPhone' in attrs) || isMask(attrs.applicantPhone)) return;
    Object.assign(attrs, attrs.applicantPhone ? phoneColumns(attrs.applicantPhone) : { [PHONE_HASH]: null, [PHONE_SEALED]: null });
    if (Array.isArray(options.fields)) options.fields.push(PHONE_HASH, PHONE_SEALED);
  });
}
