// Helpers for tests of the menu 预约+无休 (test/server/menu.test.ts, the install-menu migration test).
import type { MenuRole } from '../../src/menu';
import { PLUGIN, type TestApp } from './app';

// NocoBase's menu: routes (client, with collection-tree for the route tree), Modern pages
// (flow-engine) and the desktop layout that filters the menu (ui-layout).
export const MENU_PLUGINS = ['collection-tree', 'client', 'flow-engine', 'ui-layout', PLUGIN];

export const USER_OF: Record<Exclude<MenuRole, 'admin'>, string> = {
  desk: 'desk', section: 'section', sectionChief: 'chief', windowLead: 'lead', windowStaff: 'staff',
};
/** The page each role must land on (its first accessible page). */
export const MAIN_PAGE: Record<MenuRole, string> = {
  desk: 'govhall-desk', section: 'govhall-dispatch', sectionChief: 'govhall-dispatch',
  windowLead: 'govhall-sign', windowStaff: 'govhall-mine', admin: 'govhall-desk',
};

/** NocoBase's own menu request, as the admin layout sends it. */
export async function accessibleRoutes(t: TestApp, username: string, role?: string): Promise<any[]> {
  const agent = await t.as(username);
  const req = agent.get('/api/desktopRoutes:listAccessible?tree=true&sort=sort');
  const res = await (role ? req.set('X-Role', role) : req);
  expect(res.status).toBe(200);
  return res.body.data;
}

/** The first page NocoBase opens (client route-utils findFirstPageRoute: skips hidden entries and links). */
export function firstPage(routes: any[]): any {
  for (const r of routes.filter((x) => !x.hideInMenu)) {
    if (r.type === 'page' || r.type === 'flowPage') return r;
    if (r.type === 'group' && r.children?.length) {
      const found = firstPage(r.children);
      if (found) return found;
    }
  }
  return undefined;
}

