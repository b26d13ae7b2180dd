// Writes the menu 预约+无休 (src/menu.ts) into NocoBase's own tables, as NocoBase's UI editor would:
// routes in `desktopRoutes` (plugin-client) with their roles in `rolesDesktopRoutes`, a Modern page
// (v2) per page — the route's `FlowRoute` ui schema, a `RootPageModel` under the route's schemaUid
// and a `BlockGridModel` with our blocks under its hidden tab — and the route's desktop layout
// (plugin-ui-layout filters the menu by it). From then on it is the admin's: they rename, move,
// hide, delete and add blocks in the UI editor and roles in Users & Permissions.
import type { Database, Transaction } from '@nocobase/database';
import { tval } from '../../constants';
import { MENU_GROUP, MENU_KEYS, MENU_PAGES, type MenuBlock, type MenuEntry, type MenuRole } from '../../menu';

const ADMIN_LAYOUT = 'admin-layout-model';

/** Flow-model uids of a page, fixed like its key. */
export const pageUids = (key: string) => ({
  tab: `${key}-tab`,
  page: `${key}-page`,
  grid: `${key}-grid`,
  block: (row: number, col: number) => `${key}-r${row}c${col}`,
});

export function menuSupported(db: Database) {
  return !!db.getCollection('desktopRoutes') && !!db.getCollection('flowModels') && !!db.getCollection('uiSchemas');
}

/**
 * Creates the whole menu once: only when none of its routes exists (a fresh install, or an app
 * upgraded from 0.2.0, which had no menu). If any of them exists the menu was installed before and
 * belongs to the admin, so nothing is added back, moved or overwritten. One transaction.
 */
export async function installMenu(db: Database): Promise<{ created: string[] }> {
  if (!menuSupported(db)) return { created: [] };
  const existing = await db.getRepository('desktopRoutes').count({ filter: { schemaUid: MENU_KEYS } });
  if (existing > 0) return { created: [] };
  return db.sequelize.transaction(async (transaction) => {
    const ctx = await writeContext(db, transaction);
    const group = await createRoute(ctx, {
      type: 'group', title: MENU_GROUP.title, icon: MENU_GROUP.icon, schemaUid: MENU_GROUP.key,
    }, groupRoles());
    for (const entry of MENU_PAGES) await createEntry(ctx, entry, group.get('id'));
    return { created: MENU_KEYS };
  });
}

interface WriteContext {
  db: Database;
  transaction: Transaction;
  /** Roles that exist here (an app may lack NocoBase's `admin`). */
  roles: Set<string>;
  /** The desktop layout's uid when plugin-ui-layout is enabled. */
  layout: string | null;
}

async function writeContext(db: Database, transaction: Transaction): Promise<WriteContext> {
  const roles = await db.getRepository('roles').find({ fields: ['name'], transaction });
  const hasLayouts = !!db.getCollection('desktopRoutes').getField('uiLayouts') && !!db.getCollection('uiLayouts');
  const layout = hasLayouts && (await db.getRepository('uiLayouts').findOne({ filter: { uid: ADMIN_LAYOUT }, transaction }));
  return { db, transaction, roles: new Set(roles.map((r: any) => r.get('name'))), layout: layout ? ADMIN_LAYOUT : null };
}

/** The group is seen by every role that sees one of its pages (NocoBase hides a page whose parent a role may not see). */
function groupRoles(): MenuRole[] {
  return [...new Set(MENU_PAGES.flatMap((p) => p.roles))];
}

async function createEntry(ctx: WriteContext, entry: MenuEntry, parentId: unknown) {
  if (entry.type === 'link') {
    await createRoute(ctx, {
      type: 'link', title: entry.title, icon: entry.icon, schemaUid: entry.key, parentId,
      options: { href: entry.href, params: [], openInNewWindow: false },
    }, entry.roles);
    return;
  }
  const uids = pageUids(entry.key);
  const route = await createRoute(ctx, {
    type: 'flowPage', title: entry.title, icon: entry.icon, schemaUid: entry.key, menuSchemaUid: `${entry.key}-menu`,
    parentId, enableTabs: false, displayTitle: true,
  }, entry.roles);
  // The page's one tab, hidden while the page has no tabs (as the UI editor makes it).
  await createRoute(ctx, { type: 'tabs', schemaUid: uids.tab, tabSchemaName: uids.tab, hidden: true, parentId: route.get('id') }, entry.roles);
  // The page's ui schema shell (the v1 shell renders the route through it); left behind when an admin deleted the page.
  const uiSchemas = ctx.db.getRepository('uiSchemas') as any;
  if (!(await uiSchemas.findOne({ filterByTk: entry.key, transaction: ctx.transaction }))) {
    await uiSchemas.insert({ type: 'void', 'x-component': 'FlowRoute', 'x-uid': entry.key }, { transaction: ctx.transaction });
  }
  const flowModels = ctx.db.getRepository('flowModels') as any;
  await flowModels.upsertModel({ uid: uids.page, parentId: entry.key, subKey: 'page', subType: 'object', use: 'RootPageModel' },
    { transaction: ctx.transaction });
  await flowModels.upsertModel(pageGrid(entry), { transaction: ctx.transaction });
}

async function createRoute(ctx: WriteContext, values: Record<string, unknown>, roles: MenuRole[]) {
  const route = await ctx.db.getRepository('desktopRoutes').create({
    values: { ...values, ...(ctx.layout ? { uiLayouts: [ctx.layout] } : {}) },
    transaction: ctx.transaction,
  });
  // plugin-client gives a new route to every role with allowNewMenu (admin, member): set exactly ours.
  await (ctx.db.getRepository('desktopRoutes.roles', route.get('id')) as any).set({
    tk: roles.filter((r) => ctx.roles.has(r)),
    transaction: ctx.transaction,
  });
  return route;
}

/** The tab's block grid: the blocks, and the rows they sit in (sizes of 24 columns). */
export function pageGrid(entry: MenuEntry) {
  const uids = pageUids(entry.key);
  const rows: Record<string, string[][]> = {};
  const sizes: Record<string, number[]> = {};
  const items: Record<string, unknown>[] = [];
  (entry.rows ?? []).forEach((row, r) => {
    const rowId = `${entry.key}-row${r}`;
    rows[rowId] = row.map((_, c) => [uids.block(r, c)]);
    sizes[rowId] = row.map((b) => b.size ?? Math.floor(24 / row.length));
    row.forEach((block, c) => items.push(blockModel(uids.block(r, c), block)));
  });
  const layout = { rows, sizes, rowOrder: Object.keys(rows) };
  return {
    uid: uids.grid, parentId: uids.tab, subKey: 'grid', subType: 'object', use: 'BlockGridModel',
    props: layout, stepParams: { gridSettings: { grid: layout } }, subModels: { items },
  };
}

function blockModel(uid: string, block: MenuBlock) {
  if (!('collection' in block)) return { uid, use: block.use };
  const init = { dataSourceKey: 'main', collectionName: block.collection };
  return {
    uid, use: 'TableBlockModel',
    stepParams: { resourceSettings: { init }, cardSettings: { titleDescription: { title: tval(block.title) } } },
    subModels: {
      columns: [
        ...block.columns.map(([fieldPath, display], i) => ({
          uid: `${uid}-col${i}`, use: 'TableColumnModel',
          stepParams: { fieldSettings: { init: { ...init, fieldPath } }, tableColumnSettings: { model: { use: display } } },
          subModels: { field: { uid: `${uid}-col${i}-field`, use: display, stepParams: { fieldSettings: { init: { ...init, fieldPath } } } } },
        })),
        { uid: `${uid}-actions`, use: 'TableActionsColumnModel' },
      ],
    },
  };
}

// ---------- disable / enable ----------

const HIDDEN_BY_PLUGIN = 'appointmentDutyHiddenOnDisable';

/**
 * Disabling the plugin hides its menu entries (their blocks would have no code behind them): the
 * pages and links, and the group when nothing else is left visible in it (an admin's own pages in
 * it stay reachable). Only entries the admin had not hidden themselves, each marked so that
 * enabling shows exactly those again.
 */
export async function hideMenuOnDisable(db: Database) {
  if (!menuSupported(db)) return 0;
  const repo = db.getRepository('desktopRoutes');
  const ours = await repo.find({ filter: { schemaUid: MENU_KEYS } });
  const group = ours.find((r: any) => r.get('schemaUid') === MENU_GROUP.key);
  const children = group ? await repo.find({ filter: { parentId: group.get('id') } }) : [];
  const others = children.filter((r: any) => !MENU_KEYS.includes(r.get('schemaUid')) && !r.get('hideInMenu')).length;
  let hidden = 0;
  for (const route of ours) {
    if (route.get('hideInMenu') || (route === group && others > 0)) continue;
    await repo.update({
      filterByTk: route.get('id'),
      values: { hideInMenu: true, options: { ...(route.get('options') || {}), [HIDDEN_BY_PLUGIN]: true } },
    });
    hidden++;
  }
  return hidden;
}

/** Enabling shows again what disabling hid; what the admin hid stays hidden. */
export async function showMenuOnEnable(db: Database) {
  if (!menuSupported(db)) return 0;
  const repo = db.getRepository('desktopRoutes');
  const routes = await repo.find({ filter: { schemaUid: MENU_KEYS } });
  let shown = 0;
  for (const route of routes) {
    const options = { ...(route.get('options') || {}) };
    if (!options[HIDDEN_BY_PLUGIN]) continue;
    delete options[HIDDEN_BY_PLUGIN];
    await repo.update({ filterByTk: route.get('id'), values: { hideInMenu: false, options } });
    shown++;
  }
  return shown;
}
