// What a generic read (list, get, export, chart query) may ask for (R-X-2), decided from the access
// policy (policy.ts). Pure: the collections' shapes and "may this actor list that collection" are
// handed in, so the server adapter (src/server/bookings/reads.ts) only wires NocoBase to it.
import { RuleViolation } from './errors';
import { BOOKING_FIELDS, PolicyActor, RELATED_USER_FIELDS, mayFilterOn } from './policy';

export interface Schema {
  /** The field `name` of `collection`: its target collection when it is an association; null when unknown. */
  field(collection: string, name: string): { target?: string } | null;
  /** May the actor read (list/get) this collection at all? */
  mayRead(collection: string): boolean;
  /** May the actor read every field of users (else related users are id and nickname only)? */
  mayReadUsers: boolean;
}

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const LOGIC = new Set(['$and', '$or', '$not']);

/** Field paths a NocoBase filter refers to: `{ 'a.b.$eq': 1 }`, `{ a: { b: { $eq: 1 } } }`, `$and: […]`. */
export function filterPaths(filter: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(filter)) return filter.flatMap((f) => filterPaths(f, prefix));
  if (!isPlain(filter)) return prefix.length ? [prefix] : [];
  const out: string[][] = [];
  const keys = Object.keys(filter);
  if (!keys.length && prefix.length) out.push(prefix);
  for (const key of keys) {
    const value = filter[key];
    if (LOGIC.has(key)) {
      out.push(...filterPaths(value, prefix));
      continue;
    }
    const parts = key.split('.');
    const fields = parts.filter((p) => !p.startsWith('$'));
    const path = [...prefix, ...fields];
    // An operator ends the path ('name.$eq', or '$eq' inside { name: … }): its operand is a value.
    if (fields.length < parts.length) {
      if (path.length) out.push(path);
    } else if (isPlain(value)) out.push(...filterPaths(value, path));
    else out.push(path);
  }
  return out;
}

/** `sort`, `appends` and `fields` arrive as arrays or comma-separated text. */
export function listParam(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map((s) => String(s).trim()).filter(Boolean);
}

export const sortPaths = (sort: unknown): string[][] => listParam(sort).map((s) => s.replace(/^-/, '').split('.'));

interface Step {
  collection: string;
  name: string;
  target?: string;
}

function walk(schema: Schema, root: string, path: string[]): Step[] {
  const steps: Step[] = [];
  let collection: string | undefined = root;
  for (const name of path) {
    if (!collection) break;
    const f = schema.field(collection, name);
    if (!f) break;
    steps.push({ collection, name, target: f.target });
    collection = f.target;
  }
  return steps;
}

export type QueryUse = 'filter' | 'sort' | 'select';
const CODES: Record<QueryUse, string> = { filter: 'FILTER_FIELD_NOT_ALLOWED', sort: 'SORT_FIELD_NOT_ALLOWED', select: 'FIELD_NOT_ALLOWED' };
const refuse = (kind: QueryUse, path: string[]) => new RuleViolation(CODES[kind], { field: path.join('.').slice(0, 80) });

/** A booking field this actor may not use this way: filter/sort on anything not full for every booking; select of a field hidden from them. */
function bookingFieldRefused(actor: PolicyActor, field: string, kind: QueryUse): boolean {
  const rule = BOOKING_FIELDS[field];
  if (!rule || mayFilterOn(actor, field)) return false;
  // Selecting a masked field shows the stored mask: nothing to refuse. A hidden one is refused.
  return kind !== 'select' || rule.otherwise === 'hidden';
}

/**
 * A filter, sort or selected (chart, export column) path the actor may not use, as the violation
 * to answer with (null: allowed).
 * Refused: a booking field the actor may see masked or hidden (the filter would answer what the
 * mask hides: 15 `$startsWith` requests recover a number), any field of a collection the actor
 * may not read, and any field of a related user beyond id and nickname for those who may not read users.
 */
export function queryPathProblem(schema: Schema, actor: PolicyActor, root: string, path: string[], kind: QueryUse): RuleViolation | null {
  for (const step of walk(schema, root, path)) {
    if (step.collection === 'bookings' && bookingFieldRefused(actor, step.name, kind)) return refuse(kind, path);
    if (step.collection === 'users' && !schema.mayReadUsers && !RELATED_USER_FIELDS.includes(step.name)) return refuse(kind, path);
    if (step.target && step.target !== 'users' && !schema.mayRead(step.target)) return refuse(kind, path);
  }
  return null;
}

/**
 * The appends the actor gets: a path into a collection the actor may not read is dropped (as
 * NocoBase's own ACL field lists drop appends); a path through users stops at the user (who is
 * then returned as id and nickname only, see RELATED_USER_FIELDS).
 */
export function allowedAppends(schema: Schema, root: string, appends: string[]): string[] {
  const out = new Set<string>();
  for (const append of appends) {
    const kept: string[] = [];
    for (const step of walk(schema, root, append.split('.'))) {
      if (!step.target) break;
      if (step.target === 'users') {
        kept.push(step.name);
        if (!schema.mayReadUsers) break;
        continue;
      }
      if (!schema.mayRead(step.target)) break;
      kept.push(step.name);
    }
    if (kept.length) out.add(kept.join('.'));
  }
  return [...out];
}
