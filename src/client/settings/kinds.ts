// How each kind of day looks and is called. Colours come from the antd theme tokens, so the
// calendar follows NocoBase's theme (including the dark one).
import type { DayKind, NoticeChange } from './api';

/** Translation keys (English text) of the kinds, in display order. */
export const KIND_LABELS: Record<DayKind, string> = {
  workday: 'Workday',
  makeupWorkday: 'Make-up workday',
  weekendRest: 'Weekend rest',
  holiday: 'Statutory holiday',
};

/** Short corner badge of a cell ('' = none). */
export const KIND_BADGES: Record<DayKind, string> = {
  workday: '',
  makeupWorkday: 'work',
  weekendRest: '',
  holiday: 'off',
};

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const WEEKDAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface KindColours {
  background: string;
  color: string;
  border: string;
}

export function kindColours(token: Record<string, any>): Record<DayKind, KindColours> {
  return {
    workday: { background: token.colorBgContainer, color: token.colorText, border: token.colorBorderSecondary },
    weekendRest: { background: token.colorFillSecondary, color: token.colorTextTertiary, border: token.colorBorderSecondary },
    holiday: { background: token.colorErrorBg, color: token.colorError, border: token.colorErrorBorder },
    makeupWorkday: { background: token.colorWarningBg, color: token.colorWarningText, border: token.colorWarningBorder },
  };
}

/** R-CAL-4 a notice preview's changes: names (translation keys), cell marks and colours. */
export const CHANGE_LABELS: Record<NoticeChange['change'], string> = {
  added: 'Added by the notice',
  changed: 'Changed by the notice',
  removed: 'Removed by the notice',
};
export const CHANGE_MARKS: Record<NoticeChange['change'], string> = { added: '+', changed: '~', removed: '−' };

export function changeColours(token: Record<string, any>): Record<NoticeChange['change'], string> {
  return { added: token.colorSuccess, changed: token.colorPrimary, removed: token.colorError };
}
