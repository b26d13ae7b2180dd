// Renders a broken rule as 400 with a message in the request's language (R-X-3): plain text (the
// answer is JSON; the page renders it as text), never HTML-escaped, every echoed value bounded.
import type { Plugin } from '@nocobase/server';
import { NS } from '../constants';
import { RuleViolation } from '../rules/errors';

/** Longest echo of a user's value inside a message: enough to recognise it, never the whole upload. */
const ECHO_MAX = 60;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function boundedText(value: string): string {
  const clean = value.replace(CONTROLS, ' ');
  const chars = Array.from(clean.length > ECHO_MAX * 2 ? clean.slice(0, ECHO_MAX * 2) : clean);
  return chars.length > ECHO_MAX ? `${chars.slice(0, ECHO_MAX).join('')}…` : chars.join('');
}

/** Parameters as they may appear in a message and the answer: strings bounded and without control characters. */
export function boundedParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    out[k] = typeof v === 'string' ? boundedText(v) : v !== null && typeof v === 'object' ? boundedText(JSON.stringify(v) ?? '') : v;
  }
  return out;
}

/**
 * Our text for `code` in the request's language. i18next escapes interpolated values for HTML by
 * default (`it's` → `it&#39;s`); a JSON answer is not HTML, so values go in as they are.
 */
export function translate(ctx: any, code: string, params: Record<string, unknown> = {}, defaultValue?: string): string {
  const t = ctx?.i18n?.t?.bind(ctx.i18n);
  if (!t) return defaultValue ?? code;
  return t(code, { ns: NS, ...params, defaultValue: defaultValue ?? code, interpolation: { escapeValue: false } });
}

// A field title written with tval() (src/constants.ts): {{t("Item code", { ns: "<our package>" })}}.
const OUR_TITLE = /^\{\{t\((".*?")\s*,\s*\{\s*ns:\s*"([^"]+)"\s*\}\)\}\}$/;

/** The translated title of one of our fields, or null when the field is not ours. */
function ourFieldLabel(ctx: any, item: any): string | null {
  const model = item?.instance?.constructor;
  const collection = model && ctx.db?.modelCollection?.get(model);
  const title = collection?.getField?.(item.path)?.options?.uiSchema?.title;
  const m = typeof title === 'string' ? OUR_TITLE.exec(title) : null;
  if (!m || m[2] !== NS) return null;
  return translate(ctx, JSON.parse(m[1]));
}

const FIELD_CODES: Record<string, string> = {
  'notnull violation': 'FIELD_REQUIRED',
  'unique violation': 'FIELD_NOT_UNIQUE',
};

/**
 * Sequelize's own checks (not null, unique) on our collections, translated with the field's title.
 * NocoBase's renderer reads only titles of the form {{t("X")}}, so ours reached the user as the raw
 * template ("{{t(&quot;Item code&quot;, …)}} cannot be null").
 */
function renderModelValidation(err: any, ctx: any): boolean {
  const items: any[] = err?.errors ?? [];
  const rendered = items.map((item) => {
    const label = ourFieldLabel(ctx, item);
    if (label === null) return null;
    const code = FIELD_CODES[String(item.type).toLowerCase()] ?? 'FIELD_INVALID';
    const params = boundedParams({ field: item.path, label, value: item.value === undefined || item.value === null ? '' : String(item.value) });
    return { code, message: translate(ctx, code, params), params };
  });
  if (!rendered.length || rendered.some((r) => r === null)) return false;
  ctx.status = 400;
  ctx.body = { errors: rendered };
  return true;
}

export function registerErrorRendering(plugin: Plugin) {
  const errorHandler: any = plugin.app.pm.get('error-handler');
  const handlers: any[] = errorHandler.errorHandler.handlers;
  // Also a rule broken inside another plugin's work, e.g. a row of an Excel import (err.cause).
  const violationOf = (err: any): RuleViolation | null =>
    err instanceof RuleViolation ? err : err?.cause instanceof RuleViolation ? err.cause : null;
  const violation = {
    guard: (err: unknown) => !!violationOf(err),
    render: (err: any, ctx: any) => {
      const v = violationOf(err)!;
      const params = boundedParams(v.params);
      let message = translate(ctx, v.code, params, v.message);
      // The import plugin's own wrapper would quote the whole row (a 100,000-character cell too).
      const row = err?.rowIndex ?? err?.params?.rowIndex;
      if (row !== undefined && err !== v) message = translate(ctx, 'IMPORT_ROW', { row, message });
      ctx.status = v.status;
      ctx.body = { errors: [{ code: v.code, message, params }] };
    },
  };
  // Sequelize's own checks on our fields; errors on other plugins' fields fall through.
  const isModelValidation = (err: any) =>
    (err?.name === 'SequelizeValidationError' || err?.name === 'SequelizeUniqueConstraintError') && err?.errors?.length;
  const modelValidation = {
    guard: (err: any) => isModelValidation(err),
    render: (err: any, ctx: any) => {
      if (renderModelValidation(err, ctx)) return;
      const next = handlers.find((h: any) => h !== modelValidation && h !== violation && h.guard(err));
      return next ? next.render(err, ctx) : errorHandler.errorHandler.defaultHandler(err, ctx);
    },
  };
  // Ahead of the handlers registered before ours (NocoBase's, the import plugin's): the first whose guard matches wins.
  handlers.unshift(violation, modelValidation);
}
