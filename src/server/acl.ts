// Roles and what each job needs over our collections (R-X-2). Configuration as data: one table,
// written into NocoBase's own roles on install so admins see and can refine them in the UI.
import type { Database, Transaction } from '@nocobase/database';
import type { Plugin } from '@nocobase/server';
import { RoleName, SETTINGS_KEY } from '../constants';
import { CALENDAR_ADMIN_ACTIONS, CALENDAR_READ_ACTIONS } from './actions/calendar';
import { SETTINGS_ADMIN_ACTIONS } from './actions/settings';
import { TRANSITIONS } from '../rules/booking';
import { DUTY_GRANTS } from './duty/grants';
import { AFTERCARE_GRANTS } from './aftercare/grants';

const BOOKING_ACTION_NAMES = Object.keys(TRANSITIONS);

export type Grant = string | { name: string; scope: Record<string, unknown>; scopeName: string; fields?: string[] };
/** What one feature grants each role over its collections (e.g. src/server/duty/grants.ts). */
export type RoleGrants = Partial<Record<RoleName, Record<string, Grant[]>>>;

const view = 'view';
const calendarRead = { calendarDays: [view], calendarYears: [view] };
// Window roles see the whole list (to answer applicants), but change only their own window, and only
// its descriptive fields: who leads it, its staff and its items are the admins' (R-X-2; a lead could
// otherwise hand the window over or add a stranger who then reads its bookings).
export const WINDOW_LEAD_FIELDS = ['name', 'department', 'phone'];
const ownWindow = { name: 'update', scopeName: 'Own window (lead)', scope: { leadId: '{{$user.id}}' }, fields: WINDOW_LEAD_FIELDS };
// A booking's contact log and reschedule requests, for the window's own people (the staff's "my
// bookings" appends them; appends follow these grants, src/server/bookings/reads.ts).
const ownWindowBookingPart = (scopeName: string) => ({
  name: view, scopeName,
  scope: { $or: [{ 'booking.window.leadId': { $eq: '{{$user.id}}' } }, { 'booking.window.staff.id': { $eq: '{{$user.id}}' } }] },
});
const bookingParts = {
  bookingContacts: [ownWindowBookingPart('Contacts of my window')],
  rescheduleRequests: [ownWindowBookingPart('Reschedule requests of my window')],
};
// Bookings: window roles see those of a window they lead or staff (R-X-2).
const ownWindowBookings = {
  name: view, scopeName: 'Bookings of my window',
  scope: { $or: [{ 'window.leadId': { $eq: '{{$user.id}}' } }, { 'window.staff.id': { $eq: '{{$user.id}}' } }] },
};

export const ROLE_TITLES: Record<RoleName, string> = {
  desk: '咨询台服务人员',
  section: '政务服务管理科',
  sectionChief: '政务服务管理科科长',
  windowLead: '窗口负责人',
  windowStaff: '窗口工作人员',
};

const BASE_GRANTS: Record<RoleName, Record<string, Grant[]>> = {
  // The desk books only published items (经公告列入, R-HOL-3).
  desk: { ...calendarRead, windows: [view], bookings: [view],
    serviceItems: [{ name: view, scopeName: 'Published items', scope: { published: true } }] },
  section: { ...calendarRead, windows: [view], serviceItems: [view], bookings: [view] },
  sectionChief: { ...calendarRead, windows: [view], serviceItems: [view], bookings: [view] },
  windowLead: { ...calendarRead, windows: [view, ownWindow], serviceItems: [view], bookings: [ownWindowBookings], ...bookingParts },
  windowStaff: { ...calendarRead, windows: [view], serviceItems: [view], bookings: [ownWindowBookings], ...bookingParts },
};

/** The base table plus each feature's own (a feature adds its file's export to this list). */
export const ROLE_GRANTS = mergeGrants(BASE_GRANTS, [DUTY_GRANTS, AFTERCARE_GRANTS]);

function mergeGrants(base: Record<RoleName, Record<string, Grant[]>>, features: RoleGrants[]) {
  const merged = Object.fromEntries(Object.entries(base).map(([r, g]) => [r, { ...g }])) as typeof base;
  for (const feature of features) {
    for (const [role, grants] of Object.entries(feature)) {
      for (const [resource, actions] of Object.entries(grants!)) {
        merged[role as RoleName][resource] = [...(merged[role as RoleName][resource] || []), ...actions];
      }
    }
  }
  return merged;
}

/** ACL pieces that live in code: who may call the calendar's custom actions. */
export function registerAcl(plugin: Plugin) {
  const { acl } = plugin.app;
  for (const action of CALENDAR_READ_ACTIONS) acl.allow(action.split(':')[0], action.split(':')[1], 'loggedIn');
  // Booking lifecycle actions: any signed-in user reaches them; the access policy
  // (src/rules/policy.ts BOOKING_POLICY) and the state machine decide, with a clear message.
  acl.allow('bookings', BOOKING_ACTION_NAMES, 'loggedIn');
  keepFieldListsOnNewFields(plugin.db);
  // Admins (roles with the plugin-settings snippet) edit the calendar and the list settings.
  acl.registerSnippet({
    name: `pm.${SETTINGS_KEY}`,
    actions: [...CALENDAR_ADMIN_ACTIONS, ...SETTINGS_ADMIN_ACTIONS, 'calendarDays:*', 'calendarYears:*', 'windows:*', 'serviceItems:*',
      'dutyShifts:*', 'penalties:*', 'compTimeEntries:*', 'compTimeRequests:*'],
  });
}

// A grant's field list: ours where we set one, else every field of a collection listed in the data
// source manager (plugin-acl turns an empty `view` list into id/createdAt/updatedAt only, and appends
// each field listed later to every grant: this is the list it would have built).
const resourceValues = (resource: string, actions: Grant[], listed: string[]) => ({
  name: resource,
  usingActionsConfig: true,
  actions: actions.map((g) =>
    typeof g === 'string'
      ? { name: g, ...(listed.length ? { fields: listed } : {}) }
      : { name: g.name, fields: g.fields ?? listed, scope: { resourceName: resource, name: g.scopeName, scope: g.scope } },
  ),
});

async function listedFieldsOf(db: Database, transaction?: Transaction) {
  const byCollection = new Map<string, string[]>();
  for (const f of await db.getRepository('fields').find({ fields: ['collectionName', 'name'], transaction })) {
    const c = f.get('collectionName') as string;
    byCollection.set(c, [...(byCollection.get(c) ?? []), f.get('name') as string]);
  }
  return (resource: string) => byCollection.get(resource) ?? [];
}

/**
 * Install and upgrade: create missing roles with their grants. For a role that exists, grant only
 * the collections it has no entry for at all (a feature added since); an entry an admin has
 * edited is never overwritten.
 */
export async function ensureRoles(db: Database, { transaction }: { transaction?: Transaction } = {}) {
  const roles = db.getRepository('roles');
  const roleResources = db.getRepository('dataSourcesRolesResources');
  const listed = await listedFieldsOf(db, transaction);
  for (const [name, grants] of Object.entries(ROLE_GRANTS)) {
    if (!(await roles.findOne({ filter: { name }, transaction }))) {
      await roles.create({
        values: {
          name, title: ROLE_TITLES[name as RoleName], strategy: { actions: [] }, allowNewMenu: false,
          resources: Object.entries(grants).map(([resource, actions]) => resourceValues(resource, actions, listed(resource))),
        },
        transaction,
        context: {},
      });
      continue;
    }
    const have = new Set(
      (await roleResources.find({ filter: { roleName: name, dataSourceKey: 'main' }, transaction })).map((r: any) => r.get('name')),
    );
    for (const [resource, actions] of Object.entries(grants)) {
      if (have.has(resource)) continue;
      await roleResources.create({
        values: { ...resourceValues(resource, actions, listed(resource)), roleName: name, dataSourceKey: 'main' },
        transaction,
        context: {},
      });
    }
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: string[], b: string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/**
 * Grants with a field list of ours (the window lead's update: name, department, phone). Listing a
 * collection in the data source manager appends each of its fields to every grant's list
 * (plugin-acl, fields.afterCreate), so after install — and on upgrade, for 0.2.0's grant, which had
 * no list and then all fields — a list that still lets everything through is set to ours. A list
 * an admin chose, or a grant whose scope an admin changed, is left as it is.
 */
export async function restrictFieldLists(db: Database, { transaction }: { transaction?: Transaction } = {}) {
  for (const [roleName, grants] of Object.entries(ROLE_GRANTS)) {
    for (const [resource, actions] of Object.entries(grants)) {
      for (const g of actions) {
        if (typeof g === 'string' || !g.fields) continue;
        const entry: any = await db.getRepository('dataSourcesRolesResources').findOne({
          filter: { roleName, name: resource, dataSourceKey: 'main' }, appends: ['actions', 'actions.scope'], transaction,
        });
        const action = (entry?.get('actions') ?? []).find((a: any) => a.get('name') === g.name);
        if (!action || !sameJson(action.get('scope')?.get('scope') ?? null, g.scope)) continue;
        const listed = (await db.getRepository('fields').find({ filter: { collectionName: resource }, transaction })).map((f: any) => f.get('name'));
        const fields: string[] = action.get('fields') ?? [];
        if (fields.length && !sameSet(fields, listed)) continue;
        // Through the repository: its afterUpdateWithAssociations hook writes the grant into the running ACL.
        await db.getRepository('dataSourcesRolesResourcesActions').update({ filterByTk: action.get('id'), values: { fields: g.fields }, transaction });
      }
    }
  }
}

/**
 * A field an admin adds later (data source manager) is appended by plugin-acl to every grant of its
 * collection (`fields.afterCreate`, which runs before this one: it is registered first). A grant
 * with a field list of ours (R-X-2: the window lead's update of name, department, phone) must not
 * widen silently — a new association would let the lead set it: the new field is taken out again.
 * An admin who wants it there adds it in the role's settings.
 */
function keepFieldListsOnNewFields(db: Database) {
  db.on('fields.afterCreate', async (field: any, { transaction }: { transaction?: Transaction } = {}) => {
    const collection = field.get('collectionName');
    const name = field.get('name');
    for (const [roleName, grants] of Object.entries(ROLE_GRANTS)) {
      for (const g of grants[collection] ?? []) {
        if (typeof g === 'string' || !g.fields || g.fields.includes(name)) continue;
        const entry: any = await db.getRepository('dataSourcesRolesResources').findOne({
          filter: { roleName, name: collection, dataSourceKey: 'main' }, appends: ['actions'], transaction,
        });
        const action = (entry?.get('actions') ?? []).find((a: any) => a.get('name') === g.name);
        const fields: string[] = action?.get('fields') ?? [];
        if (!fields.includes(name)) continue;
        await db.getRepository('dataSourcesRolesResourcesActions').update({
          filterByTk: action.get('id'), values: { fields: fields.filter((f) => f !== name) }, transaction,
        });
      }
    }
  });
}
