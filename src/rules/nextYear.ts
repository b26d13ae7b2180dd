// R-CAL-4 "nobody surprised": from a configurable day (default 1 November) of each year, while
// next year's statutory calendar is not configured, bookings after 31 December cannot be taken
// yet — admins are warned and the desk is told. Pure: today and what is configured in, the
// outlook out; the server, the workflow node, the desk's form and the calendar page all use it.
import { isMonthDay } from './settings';

export interface NextYearOutlook {
  /** Next year, e.g. 2027 on 2026-12-01. */
  year: number;
  configured: boolean;
  /** 'YYYY-MM-DD' of this year from which the warning applies. */
  warnFrom: string;
  /** Today is on or after warnFrom and next year is not configured. */
  warn: boolean;
  /** The last date bookings can be taken for while next year is missing. */
  lastBookableDate: string;
}

/** `today`: the Shanghai date 'YYYY-MM-DD'; `warnFromMonthDay`: the setting 'MM-DD'. */
export function nextYearOutlook(today: string, isConfigured: (year: number) => boolean, warnFromMonthDay: string): NextYearOutlook {
  const thisYear = Number(today.slice(0, 4));
  const year = thisYear + 1;
  const monthDay = isMonthDay(warnFromMonthDay) ? warnFromMonthDay : '11-01';
  const warnFrom = `${thisYear}-${monthDay}`;
  const configured = isConfigured(year);
  return { year, configured, warnFrom, warn: !configured && today >= warnFrom, lastBookableDate: `${thisYear}-12-31` };
}
