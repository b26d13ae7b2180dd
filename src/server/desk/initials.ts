// Pinyin initials of item names (不动产登记 → bdcdj) for the desk's item search. pinyin-pro
// carries the dictionary (polyphones included: 重庆 → cq); it is bundled into dist/server, so the
// tarball needs nothing installed. Computed when asked and cached per name, not stored: a stored
// column would need a migration, a hook on every way items arrive (form, API, import) and a
// back-fill, for a value that costs microseconds to compute for the 《清单》's few hundred names.
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();
const CACHE_MAX = 10000;

export function initialsOf(name: string): string {
  const text = String(name ?? '');
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const letters = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }) as string[];
  const initials = letters.join('').normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, initials);
  return initials;
}
