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

export type Grant = string | { name: string; scope: Record<string, unknown>; scopeName: string };
/** What one feature grants each role over its collections (e.g. src/server/duty/grants.ts). */
export type RoleGrants = Partial<Record<RoleName, Record<string, Grant[]>>>;

const view = 'view';
const calendarRead = { calendarDays: [view], calendarYears: [view] };
// Window roles see the whole list (to answer applicants), but change only their own window.
const ownWindow = { name: 'update', scopeName: 'Own window (lead)', scope: { leadId: '{{$user.id}}' } };
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
  windowLead: { ...calendarRead, windows: [view, ownWindow], serviceItems: [view], bookings: [ownWindowBookings] },
  windowStaff: { ...calendarRead, windows: [view], serviceItems: [view], bookings: [ownWindowBookings] },
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
  // Booking lifecycle actions: any signed-in user reaches them; the state machine
  // (src/rules/booking.ts TRANSITIONS) and the own-window check decide, with a clear message.
  acl.allow('bookings', BOOKING_ACTION_NAMES, 'loggedIn');
  // Admins (roles with the plugin-settings snippet) edit the calendar and the list settings.
  acl.registerSnippet({
    name: `pm.${SETTINGS_KEY}`,
    actions: [...CALENDAR_ADMIN_ACTIONS, ...SETTINGS_ADMIN_ACTIONS, 'calendarDays:*', 'calendarYears:*', 'windows:*', 'serviceItems:*',
      'dutyShifts:*', 'penalties:*', 'compTimeEntries:*', 'compTimeRequests:*'],
  });
}

const resourceValues = (resource: string, actions: Grant[]) => ({
  name: resource,
  usingActionsConfig: true,
  actions: actions.map((g) =>
    typeof g === 'string' ? { name: g } : { name: g.name, scope: { resourceName: resource, name: g.scopeName, scope: g.scope } },
  ),
});

/**
 * Install and upgrade: create missing roles with their grants. For a role that exists, grant only
 * the collections it has no entry for at all (a feature added since); an entry an admin has
 * edited is never overwritten.
 */
export async function ensureRoles(db: Database, { transaction }: { transaction?: Transaction } = {}) {
  const roles = db.getRepository('roles');
  const roleResources = db.getRepository('dataSourcesRolesResources');
  for (const [name, grants] of Object.entries(ROLE_GRANTS)) {
    if (!(await roles.findOne({ filter: { name }, transaction }))) {
      await roles.create({
        values: {
          name, title: ROLE_TITLES[name as RoleName], strategy: { actions: [] }, allowNewMenu: false,
          resources: Object.entries(grants).map(([resource, actions]) => resourceValues(resource, actions)),
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
        values: { ...resourceValues(resource, actions), roleName: name, dataSourceKey: 'main' },
        transaction,
        context: {},
      });
    }
  }
}
