// Renders a broken rule as 400 with a message in the request's language (R-X-3).
import type { Plugin } from '@nocobase/server';
import { NS } from '../constants';
import { RuleViolation } from '../rules/errors';

export function registerErrorRendering(plugin: Plugin) {
  const errorHandler: any = plugin.app.pm.get('error-handler');
  // Also a rule broken inside another plugin's work, e.g. a row of an Excel import (err.cause).
  const violationOf = (err: any): RuleViolation | null =>
    err instanceof RuleViolation ? err : err?.cause instanceof RuleViolation ? err.cause : null;
  errorHandler.errorHandler.register(
    (err: unknown) => !!violationOf(err),
    (err: any, ctx: any) => {
      const violation = violationOf(err)!;
      const t = ctx.i18n?.t?.bind(ctx.i18n) ?? ((k: string) => k);
      let message = t(violation.code, { ns: NS, ...violation.params, defaultValue: violation.message });
      const row = err?.params?.rowIndex;
      if (row !== undefined && err !== violation) message = t('IMPORT_ROW', { ns: NS, row, message });
      ctx.status = violation.status;
      ctx.body = { errors: [{ code: violation.code, message, params: violation.params }] };
    },
  );
}
