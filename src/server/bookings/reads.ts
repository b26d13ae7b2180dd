// Every read path reaching a booking asks the access policy (R-X-2, src/rules/policy.ts):
// - before any action on a collection (list, get, export, lifecycle actions, association
//   resources): filters and sorts the actor may not use are refused, appends into collections the
//   actor may not read are dropped (readPolicy.ts);
// - after it: every booking in the answer shows the applicant's phone in full only where
//   `fieldVisibility` says so (opened from the sealed column, phoneVault.ts), the mask otherwise;
//   the signature only where it is 'full'; related users are id and nickname only for an actor
//   who may not read users.
// The stored row holds only the mask, so a path this module does not know (another plugin's
// endpoint, a workflow node) can at worst show the mask.
import type { Context, Next } from '@nocobase/actions';
import type { Database } from '@nocobase/database';
import type { Plugin } from '@nocobase/server';
import { BookingFacts, PolicyActor, RELATED_USER_FIELDS, fieldVisibility } from '../../rules/policy';
import { Schema, allowedAppends, filterPaths, listParam, queryPathProblem, sortPaths } from '../../rules/readPolicy';
import { PACKAGE_NAME } from '../../constants';
import { actorOf } from '../shared/acting';
import { PHONE_HASH, PHONE_SEALED, unsealPhone } from './phoneVault';

const RELATIONS = new Set(['belongsTo', 'hasOne', 'hasMany', 'belongsToMany', 'belongsToArray']);
/** Actions on `bookings` that build their answer with the policy themselves (lookup.ts) or answer no booking. */
const SELF_SHAPED = new Set(['lookup', 'searchItems', 'availability']);

const roleNames = (ctx: any): string[] => ctx.state?.currentRoles ?? [ctx.state?.currentRole].filter(Boolean);

/** Once per request, and each collection's ACL answer once (acl.can deep-clones the grant: not cheap). */
export function schemaFor(ctx: any): Schema {
  ctx.state = ctx.state ?? {};
  if (ctx.state.bookingSchema) return ctx.state.bookingSchema;
  const roles = roleNames(ctx);
  const root = roles.includes('root');
  const answers = new Map<string, boolean>();
  const mayRead = (resource: string) => {
    if (root) return true;
    if (!answers.has(resource)) answers.set(resource, !!ctx.app.acl.can({ roles, resource, action: 'view' }));
    return answers.get(resource)!;
  };
  ctx.state.bookingSchema = {
    field(collection: string, name: string) {
      const f: any = ctx.db.getCollection(collection)?.getField(name);
      if (!f) return null;
      return RELATIONS.has(f.type) ? { target: f.target } : {};
    },
    mayRead,
    get mayReadUsers() {
      return mayRead('users');
    },
  };
  return ctx.state.bookingSchema;
}

/** A collection this plugin defines (NocoBase records the package a collection was imported from). */
const ours = (db: Database, name: unknown): boolean => (db.getCollection(String(name)) as any)?.options?.origin === PACKAGE_NAME;

/**
 * The collection a resource of ours reads: `bookings`, or an association's target (`windows.staff`
 * → users); null for other plugins' resources (their appends and filters are theirs: a booking
 * reached from there holds only the mask).
 */
function rootCollection(db: Database, resourceName: string): string | null {
  const [source, association] = String(resourceName ?? '').split('.');
  const collection: any = db.getCollection(source);
  if (!collection || !ours(db, source)) return null;
  if (!association) return source;
  const f: any = collection.getField(association);
  return f && RELATIONS.has(f.type) ? f.target : null;
}

const parsed = (v: unknown) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/** Throws the first filter/sort path the actor may not use. */
export function checkQuery(schema: Schema, actor: PolicyActor, root: string, q: { filter?: unknown; sort?: unknown }) {
  for (const path of filterPaths(parsed(q.filter))) {
    const problem = queryPathProblem(schema, actor, root, path, 'filter');
    if (problem) throw problem;
  }
  for (const path of sortPaths(q.sort)) {
    const problem = queryPathProblem(schema, actor, root, path, 'sort');
    if (problem) throw problem;
  }
}

/** `appends` and dotted `fields` pruned to what the actor may read. */
function pruneAppends(schema: Schema, root: string, params: any) {
  if (params.appends !== undefined) params.appends = allowedAppends(schema, root, listParam(params.appends));
  if (params.fields !== undefined) {
    params.fields = listParam(params.fields).filter((f) => {
      if (!f.includes('.')) return true;
      const association = f.split('.').slice(0, -1).join('.');
      return allowedAppends(schema, root, [association]).includes(association);
    });
  }
}

// ---------- the answer ----------

const collectionOf = (node: any): string | undefined => node?.constructor?.collection?.name;
const isModel = (v: any) => !!v && typeof v === 'object' && typeof v.get === 'function' && !!v.dataValues;

interface Found {
  bookings: any[];
  users: any[];
}

/** Every booking and user model in an answer, at any depth (appends of appends). */
function collect(value: any, found: Found, depth = 0) {
  if (!value || typeof value !== 'object' || depth > 8) return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, found, depth + 1);
    return;
  }
  if (isModel(value)) {
    const name = collectionOf(value);
    if (name === 'bookings') found.bookings.push(value);
    if (name === 'users') found.users.push(value);
    for (const v of Object.values(value.dataValues)) if (v && typeof v === 'object') collect(v, found, depth + 1);
    return;
  }
  if (Array.isArray(value.rows)) collect(value.rows, found, depth + 1);
}

const FACT_FIELDS = ['id', 'recorderId', 'handler1Id', 'handler2Id', 'windowId', PHONE_SEALED];
const get = (row: any, k: string) => (isModel(row) ? row.get(k) : row?.[k]);

/**
 * Loads what the policy needs of each booking when the answer lacks it (a `fields` list may have
 * left the foreign keys out); one query for all, none when every row has them (register's answer).
 */
async function factsOf(db: Database, rows: any[]): Promise<Map<number, any>> {
  const byId = new Map<number, any>();
  const missing: number[] = [];
  for (const row of rows) {
    const id = Number(get(row, 'id'));
    if (!id) continue;
    const complete = FACT_FIELDS.every((k) => get(row, k) !== undefined);
    if (complete) byId.set(id, Object.fromEntries(FACT_FIELDS.map((k) => [k, get(row, k)])));
    else missing.push(id);
  }
  if (missing.length) {
    for (const r of await db.getRepository('bookings').find({ filter: { id: missing }, fields: FACT_FIELDS })) {
      byId.set(Number(r.get('id')), Object.fromEntries(FACT_FIELDS.map((k) => [k, r.get(k)])));
    }
  }
  return byId;
}

/** The actor as the policy sees it; the window look-ups only for window roles (a lead's relation needs them). */
export async function readerOf(ctx: any): Promise<PolicyActor> {
  if (ctx.state.bookingReader) return ctx.state.bookingReader;
  if (ctx.state.actor) return (ctx.state.bookingReader = ctx.state.actor); // the action's own (shared/acting.ts withActing)
  const roles = roleNames(ctx);
  const windows = roles.includes('windowLead') || roles.includes('windowStaff');
  ctx.state.bookingReader = await actorOf(ctx, undefined, { windows });
  return ctx.state.bookingReader;
}

/** Roles only (no query): what filter and sort rules need (policy.ts mayFilterOn). */
const rolesOf = (ctx: any): Promise<PolicyActor> => actorOf(ctx, undefined, { windows: false }) as Promise<PolicyActor>;

function setField(row: any, k: string, v: unknown) {
  if (isModel(row)) row.setDataValue(k, v);
  else row[k] = v;
}

function dropField(row: any, k: string) {
  if (isModel(row)) delete row.dataValues[k];
  else delete row[k];
}

/**
 * One booking as this actor may see it. The facts' dispatches are left out: cooperating windows'
 * relations never widen a field (policy.ts BOOKING_FIELDS).
 */
export function shapeBooking(actor: PolicyActor, row: any, facts: any) {
  const b: BookingFacts = { recorderId: facts.recorderId, handler1Id: facts.handler1Id, handler2Id: facts.handler2Id, windowId: facts.windowId };
  if (get(row, 'applicantPhone') !== undefined && fieldVisibility(actor, b, 'applicantPhone') === 'full') {
    const full = unsealPhone(facts[PHONE_SEALED]);
    if (full) setField(row, 'applicantPhone', full);
  }
  if (fieldVisibility(actor, b, 'applicantSignature') !== 'full') dropField(row, 'applicantSignature');
  dropField(row, PHONE_HASH);
  dropField(row, PHONE_SEALED);
}

/** Applies the field policy to every booking and related user in `body`, in place. */
export async function shapeAnswer(ctx: any, body: any, plainBookings: any[] = []) {
  const found: Found = { bookings: [], users: [] };
  collect(body, found);
  const rows = [...found.bookings, ...plainBookings];
  if (found.users.length && !schemaFor(ctx).mayReadUsers) {
    for (const u of found.users) {
      u.dataValues = Object.fromEntries(RELATED_USER_FIELDS.filter((k) => k in u.dataValues).map((k) => [k, u.dataValues[k]]));
    }
  }
  if (!rows.length) return;
  const actor = await readerOf(ctx);
  const facts = await factsOf(ctx.db, rows);
  for (const row of rows) shapeBooking(actor, row, facts.get(Number(get(row, 'id'))) ?? {});
}

/** Plain booking objects at the top of a `bookings` answer (an action that answers JSON, not models). */
function plainRows(body: any): any[] {
  const list = Array.isArray(body) ? body : Array.isArray(body?.rows) ? body.rows : [body];
  return list.filter((r: any) => r && typeof r === 'object' && !isModel(r) && 'applicantPhone' in r && 'id' in r);
}

// ---------- the middleware ----------

async function readsMiddleware(ctx: Context & any, next: Next) {
  const { resourceName, actionName, params } = ctx.action ?? {};
  const root = ctx.state?.currentUser ? rootCollection(ctx.db, resourceName) : null;
  if (root) {
    const schema = schemaFor(ctx);
    const actor = await rolesOf(ctx);
    checkQuery(schema, actor, root, params ?? {});
    if (actionName === 'export') checkExportColumns(schema, actor, root, params);
    pruneAppends(schema, root, params ?? {});
  } else if (ctx.state?.currentUser && resourceName === 'charts' && actionName === 'queryData') {
    await checkChartQuery(ctx);
  }
  await next();
  if (root === 'bookings' && SELF_SHAPED.has(actionName)) return;
  if (!root || !ctx.body || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body) || typeof ctx.body.pipe === 'function') return;
  await shapeAnswer(ctx, ctx.body, root === 'bookings' ? plainRows(ctx.body) : []);
}

/**
 * plugin-data-visualization's chart query reads collections directly. The row holds only the mask,
 * so nothing there can show a number; the same filter/sort rules apply, and selecting the hash or
 * sealed column (meaningless, but not for anyone's eyes) is refused — for root too, whom the chart
 * plugin's own ACL check lets through.
 */
async function checkChartQuery(ctx: any) {
  const v = ctx.action.params?.values ?? {};
  const root = typeof v.collection === 'string' && ours(ctx.db, v.collection) ? v.collection : null;
  if (!root) return;
  const schema = schemaFor(ctx);
  const actor = await rolesOf(ctx);
  const pathOf = (f: unknown) => (Array.isArray(f) ? f.map(String) : String(f ?? '').split('.'));
  checkQuery(schema, actor, root, { filter: v.filter });
  const use = (items: unknown, kind: 'sort' | 'select') => {
    for (const item of Array.isArray(items) ? items : []) {
      const problem = queryPathProblem(schema, actor, root, pathOf(item?.field), kind);
      if (problem) throw problem;
    }
  };
  use(v.measures, 'select');
  use(v.dimensions, 'select');
  use(v.orders, 'sort');
}

/** The export plugin's columns (`values.columns[].dataIndex`): a column is a selected path. */
function checkExportColumns(schema: Schema, actor: PolicyActor, root: string, params: any) {
  const columns = params?.values?.columns;
  for (const c of Array.isArray(columns) ? columns : []) {
    const path = Array.isArray(c?.dataIndex) ? c.dataIndex.map(String) : String(c?.dataIndex ?? '').split('.');
    const problem = queryPathProblem(schema, actor, root, path, 'select');
    if (problem) throw problem;
  }
}

export function registerBookingReads(plugin: Plugin) {
  // After the role is known, before NocoBase's ACL merges its scopes in: the checks see the
  // caller's own filter, and the ACL then sees the pruned appends.
  plugin.app.resourceManager.use(readsMiddleware, { tag: 'appointment-duty-reads', after: 'setCurrentRole', before: 'acl' });
}
