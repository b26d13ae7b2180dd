// R-CAL-4 "nobody surprised": next year's outlook for today — configured or not, warned or not —
// read by calendar:outlook, bookings:availability and the weekly workflow node alike.
import type { Database, Transaction } from '@nocobase/database';
import { shanghaiDate } from '../../rules/calendar';
import { nextYearOutlook, type NextYearOutlook } from '../../rules/nextYear';
import { loadSettings } from '../settings/store';

/** Where admins fix it (the calendar settings page) and who they are, for the messages. */
export const CALENDAR_PAGE = '/admin/settings/appointment-duty/calendar';

export async function loadNextYearOutlook(db: Database, now: Date, { transaction }: { transaction?: Transaction } = {}): Promise<NextYearOutlook> {
  const today = shanghaiDate(now);
  const settings = await loadSettings(db, { transaction });
  const row: any = await db.getRepository('calendarYears').findOne({ filter: { year: Number(today.slice(0, 4)) + 1 }, transaction });
  return nextYearOutlook(today, () => !!row?.get('configured'), settings.nextYearWarningFrom);
}

/**
 * The outlook with its message in the request's language (`t`: our namespace's translate) and who
 * can fix it; any signed-in user may read it.
 */
export function outlookView(outlook: NextYearOutlook, t?: (key: string, params: Record<string, unknown>) => string) {
  const message = outlook.warn
    ? (t?.('NEXT_YEAR_NOT_CONFIGURED', { ...outlook }) ?? 'NEXT_YEAR_NOT_CONFIGURED')
    : null;
  return { ...outlook, message, fixedBy: { role: 'admin', page: CALENDAR_PAGE } };
}
