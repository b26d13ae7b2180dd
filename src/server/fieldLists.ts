// An ACL field list on a grant (R-X-2: the window lead's "update own window" may change only name,
// department, phone) must hold for associations too. NocoBase 2.2.15 applies the list to an update's
// plain attributes only: `{ lead: 8 }` still set the window's lead, and `windows/1/lead:set` and
// `windows/1/staff:add` answered 200 (measured, test/server/integrity.test.ts). Completed here for
// every grant on our collections that has a field list: other keys are dropped from the values (as
// NocoBase drops the attributes), and an association action on a field not in the list is refused.
// (Other plugins' collections have the same gap in NocoBase; they are not ours to change.)
import type { Plugin } from '@nocobase/server';
import { PACKAGE_NAME } from '../constants';
import { RuleViolation } from '../rules/errors';

const WRITES = new Set(['create', 'update', 'updateOrCreate', 'firstOrCreate']);
const ASSOCIATION_WRITES = new Set(['add', 'set', 'remove', 'toggle', 'create', 'update', 'destroy', 'updateOrCreate', 'firstOrCreate']);
const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function fieldList(acl: any, roles: string[], resource: string, action: string): string[] | null {
  const params = acl.can({ roles, resource, action })?.params;
  const list = params?.whitelist ?? params?.fields;
  return Array.isArray(list) && list.length ? list : null;
}

export function registerFieldLists(plugin: Plugin) {
  const { app, db } = plugin;
  app.resourceManager.use(
    async (ctx: any, next: () => Promise<void>) => {
      const roles: string[] = ctx.state?.currentRoles ?? [ctx.state?.currentRole].filter(Boolean);
      const { resourceName, actionName, params } = ctx.action ?? {};
      const [source, association] = String(resourceName ?? '').split('.');
      if (!roles.length || roles.includes('root') || (db.getCollection(source) as any)?.options?.origin !== PACKAGE_NAME) return next();
      if (association && ASSOCIATION_WRITES.has(actionName)) {
        const list = fieldList(app.acl, roles, source, 'update');
        if (list && !list.includes(association)) throw new RuleViolation('FIELD_CHANGE_NOT_ALLOWED', { field: `${source}.${association}` }, 403);
      } else if (!association && WRITES.has(actionName) && isPlain(params?.values)) {
        const list = fieldList(app.acl, roles, source, actionName === 'create' ? 'create' : 'update');
        if (list) for (const key of Object.keys(params.values)) if (!list.includes(key)) delete params.values[key];
      }
      await next();
    },
    { tag: 'appointment-duty-field-lists', after: 'setCurrentRole', before: 'acl' },
  );
}
