// Finding a service item at the desk (issue 6): by name, by code, or by the pinyin initials of
// its name (不动产登记 → bdcdj), which is how staff type fastest on the phone. Pure and bundled
// into the web part too: the form loads the bookable list once and filters it as the user types.

export interface SearchableItem {
  id: number;
  name: string;
  code?: string | null;
  /** Lower-case pinyin initials of the name, computed by the server ('bdcdj'). */
  initials?: string | null;
}

/** NFKC (full-width letters from Chinese input methods), lower case, no spaces. */
export function normalizeQuery(q: unknown): string {
  return String(q ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * How well `item` matches `q`: 0 = not at all; higher is better. Exact code first, then code
 * prefix, initials prefix, name prefix, then "contains" anywhere. An empty query matches all (1).
 */
export function matchScore(item: SearchableItem, q: string): number {
  const query = normalizeQuery(q);
  if (!query) return 1;
  const code = normalizeQuery(item.code);
  const initials = normalizeQuery(item.initials);
  const name = normalizeQuery(item.name);
  if (code && code === query) return 100;
  if (code.startsWith(query)) return 80;
  if (initials.startsWith(query)) return 70;
  if (name.startsWith(query)) return 60;
  if (initials.includes(query)) return 40;
  if (name.includes(query)) return 30;
  if (code.includes(query)) return 20;
  return 0;
}

/** Matching items, best first; ties keep the list's own order (the 《清单》 sort). */
export function searchItems<T extends SearchableItem>(items: readonly T[], q: string, limit = 50): T[] {
  return items
    .map((item, index) => ({ item, index, score: matchScore(item, q) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.item);
}
