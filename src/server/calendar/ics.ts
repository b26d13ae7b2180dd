// R-CAL-4: a configured year of the stored calendar as iCalendar (src/rules/ics.ts does the format).
import type { Database } from '@nocobase/database';
import { CalendarNotConfiguredError } from '../../rules/calendar';
import { yearToIcs, type IcsLabels } from '../../rules/ics';
import { yearDays } from './store';

export async function yearIcs(db: Database, year: number, { labels, domain }: { labels: IcsLabels; domain: string }): Promise<string> {
  const row: any = await db.getRepository('calendarYears').findOne({ filter: { year } });
  // A year whose holidays are not known would be published as "no holidays": refuse instead.
  if (!row?.get('configured')) throw new CalendarNotConfiguredError(year);
  const rows = await db.getRepository('calendarDays').find({
    filter: { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, fields: ['updatedAt'], sort: ['-updatedAt'], limit: 1,
  });
  const times = [row.get('updatedAt'), rows[0]?.get('updatedAt')].map((v) => new Date(v ?? 0).getTime());
  const stamp = new Date(Math.max(...times.map((t) => (Number.isFinite(t) ? t : 0))));
  return yearToIcs({ year, days: await yearDays(db, year), stamp, labels, domain });
}
