// R-CAL-4 a year as Excel through NocoBase's own import (plugin-action-import inserts with
// bulkCreate, which fires only the bulk hook): every imported row obeys the day rules setDay
// applies, its year must be in the calendar, a date may appear once; an imported row replaces the
// stored row of its date (so a year exported, edited in Excel and imported again just works).
import type { Database, Transaction } from '@nocobase/database';
import { validateCalendarDay, type CalendarDay } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';

const dateOf = (value: unknown) => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  return String(value ?? '').slice(0, 10);
};

/** Checks the rows of one bulk insert and clears the stored rows they replace, in its transaction. */
export async function checkImportedDays(db: Database, models: any[], transaction?: Transaction) {
  const seen = new Set<string>();
  const years = new Set<number>();
  for (const model of models) {
    const day: CalendarDay = { date: dateOf(model.get('date')), kind: model.get('kind'), holidayName: model.get('holidayName') ?? null };
    const problem = validateCalendarDay(day);
    if (problem) throw problem;
    if (seen.has(day.date)) throw new RuleViolation('CALENDAR_DAY_TWICE', { date: day.date });
    seen.add(day.date);
    years.add(Number(day.date.slice(0, 4)));
  }
  const known = new Set((await db.getRepository('calendarYears').find({ filter: { year: { $in: [...years] } }, transaction })).map((r: any) => Number(r.get('year'))));
  const missing = [...years].find((y) => !known.has(y));
  if (missing !== undefined) throw new RuleViolation('CALENDAR_YEAR_MISSING', { year: missing });
  if (seen.size) await db.getRepository('calendarDays').destroy({ filter: { date: { $in: [...seen] } }, transaction });
}
