// Renders a broken rule as 400 with a message in the request's language (R-X-3).
import type { Plugin } from '@nocobase/server';
import { NS } from '../constants';
import { RuleViolation } from '../rules/errors';

export function registerErrorRendering(plugin: Plugin) {
  const errorHandler: any = plugin.app.pm.get('error-handler');
  errorHandler.errorHandler.register(
    (err: unknown) => err instanceof RuleViolation,
    (err: RuleViolation, ctx: any) => {
      const t = ctx.i18n?.t?.bind(ctx.i18n) ?? ((k: string) => k);
      const message = t(err.code, { ns: NS, ...err.params, defaultValue: err.message });
      ctx.status = err.status;
      ctx.body = { errors: [{ code: err.code, message, params: err.params }] };
    },
  );
}
