// R-X-5 on the server: generic writes on the action-only collections are refused before NocoBase's
// ACL (which root skips), and the audit trail is append-only for every writer, HTTP or not (a
// workflow's "update record" node, another plugin): bookingEvents rows are never updated or destroyed.
import type { Plugin } from '@nocobase/server';
import { RuleViolation } from '../rules/errors';
import { genericWriteProblem } from '../rules/integrity';

const RELATIONS = new Set(['belongsTo', 'hasOne', 'hasMany', 'belongsToMany', 'belongsToArray']);

export function registerIntegrity(plugin: Plugin) {
  const { app, db } = plugin;
  app.resourceManager.use(
    async (ctx: any, next: () => Promise<void>) => {
      const { resourceName, actionName } = ctx.action ?? {};
      const [source, association] = String(resourceName ?? '').split('.');
      if (db.getCollection(source)) {
        const f: any = association ? db.getCollection(source).getField(association) : null;
        const problem = genericWriteProblem({
          source, target: f && RELATIONS.has(f.type) ? f.target : null, action: String(actionName),
          ownAction: app.resourceManager.getRegisteredHandlers().has(`${resourceName}:${actionName}`),
        });
        if (problem) throw problem;
      }
      await next();
    },
    { tag: 'appointment-duty-integrity', after: 'setCurrentRole', before: 'acl' },
  );
  const appendOnly = () => {
    throw new RuleViolation('AUDIT_TRAIL_APPEND_ONLY', {}, 403);
  };
  for (const e of ['beforeUpdate', 'beforeBulkUpdate', 'beforeDestroy', 'beforeBulkDestroy']) db.on(`bookingEvents.${e}`, appendOnly);
}
