// Service windows (窗口) as admins (and a window's lead, for its descriptive fields) keep them
// (R-LST-1, R-X-3). Pure: the server calls this before every save of a window.
import { RuleViolation } from './errors';
import { checkPlainText } from './input';

export const WINDOW_BOUNDS = { codeMax: 50, nameMax: 200, departmentMax: 200, phoneMax: 40 } as const;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export interface WindowValues {
  code?: unknown;
  name?: unknown;
  department?: unknown;
  phone?: unknown;
}

/** The first broken rule of a window, or null when it may be saved. */
export function checkWindow(w: WindowValues): RuleViolation | null {
  if (blank(w.code)) return new RuleViolation('WINDOW_CODE_REQUIRED');
  if (blank(w.name)) return new RuleViolation('WINDOW_NAME_REQUIRED');
  return checkPlainText('windowCode', w.code, { max: WINDOW_BOUNDS.codeMax })
    ?? checkPlainText('windowName', w.name, { max: WINDOW_BOUNDS.nameMax })
    ?? checkPlainText('department', w.department, { max: WINDOW_BOUNDS.departmentMax })
    ?? checkPlainText('windowPhone', w.phone, { max: WINDOW_BOUNDS.phoneMax });
}
