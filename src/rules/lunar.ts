// The Chinese lunar date of a Gregorian date, from `chinese-days` (table-based, 1900–2100), so
// that a notice's lunar notes (农历腊月二十八, 农历除夕) can be checked against the date they annotate.
import { getLunarDate } from 'chinese-days';

export interface LunarDate {
  month: number; // 1 = 正月 … 12 = 腊月
  day: number;
  leap: boolean;
}

/** `date` is 'YYYY-MM-DD' (a calendar date; no time zone involved). */
export function lunarDateOf(date: string): LunarDate {
  const l = getLunarDate(date);
  return { month: l.lunarMon, day: l.lunarDay, leap: !!l.isLeap };
}
