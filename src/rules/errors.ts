// A broken business rule, told to the user in their language (R-X-3). Rules throw it with a
// stable code and parameters; the server adapter renders `code` through the plugin's locale
// (src/locale/<lang>.json) and answers 400 (or `status`), changing nothing.
export class RuleViolation extends Error {
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly status: number;
  /** A user's mistake, not a server fault: NocoBase's error handler logs it at this level. */
  readonly logLevel = 'info';

  constructor(code: string, params: Record<string, unknown> = {}, status = 400, fallback?: string) {
    super(fallback ?? `${code} ${JSON.stringify(params)}`);
    this.name = 'RuleViolation';
    this.code = code;
    this.params = params;
    this.status = status;
  }
}

export const isRuleViolation = (e: unknown): e is RuleViolation =>
  !!e && typeof e === 'object' && (e as any).name === 'RuleViolation' && typeof (e as any).code === 'string';
