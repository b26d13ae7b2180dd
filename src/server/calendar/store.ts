// The statutory calendar as stored rows ↔ the pure Calendar of src/rules/calendar.ts.
import type { Database, Transaction } from '@nocobase/database';
import { Calendar, CalendarDay, validateCalendarDay, validateCalendarDayText } from '../../rules/calendar';
import { seedDays, seedYearsAvailable } from '../../rules/calendarSeed';
import { RuleViolation } from '../../rules/errors';
import { column, ident, table } from '../shared/sql';

type Opts = { transaction?: Transaction };

const toDay = (row: any): CalendarDay => ({
  date: String(row.get('date')).slice(0, 10),
  kind: row.get('kind'),
  holidayName: row.get('holidayName') ?? null,
});

/**
 * The calendar from the stored days; years without configured holidays make rules refuse.
 * `around` limits it to the years of those dates ± 1 (enough for a holiday period or a
 * "working day before" across New Year) so a request reads a few dozen rows, not decades.
 *
 * Cached per Database and year range, keyed by a version of both tables read in ONE query
 * (row counts + latest updatedAt): any insert, update or delete by any app process changes it, so
 * a stale calendar is never used, and a steady request costs 1 small query instead of 2 reads.
 * The version is read BEFORE the rows: a change committed in between only makes the entry look
 * outdated (reloaded next time), never a new version paired with old rows.
 */
const cache = new WeakMap<Database, Map<string, { version: string; calendar: Calendar }>>();

/** The version as aliased sub-selects, to be put in any SELECT list (bookings:register folds it into its item read). */
export function calendarVersionSql(db: Database): string {
  const part = (name: string) => {
    const t = table(db, name);
    // Aliased: PostgreSQL names every unnamed column "count"/"max", and the row object would keep one.
    return `(SELECT COUNT(*) FROM ${t}) AS ${ident(db, `${name}N`)}, (SELECT MAX(${column(db, name, 'updatedAt')}) FROM ${t}) AS ${ident(db, `${name}T`)}`;
  };
  return `${part('calendarDays')}, ${part('calendarYears')}`;
}

/** The version from a row that selected `calendarVersionSql` (drivers differ in number and date types). */
export function calendarVersionOf(row: Record<string, unknown>): string {
  const time = (v: unknown) => (v instanceof Date ? v.getTime() : String(v ?? ''));
  return [Number(row.calendarDaysN ?? 0), time(row.calendarDaysT), Number(row.calendarYearsN ?? 0), time(row.calendarYearsT)].join(':');
}

async function calendarVersion(db: Database, transaction?: Transaction): Promise<string> {
  const [row] = await db.sequelize.query(`SELECT ${calendarVersionSql(db)}`, { type: 'SELECT' as any, raw: true, transaction });
  return calendarVersionOf(row as any);
}

/** This process saw a calendar change: drop its entries at once (no reliance on clocks here). */
export function forgetCalendars(db: Database) {
  cache.delete(db);
}

/** `version`: already read by the caller with `calendarVersionSql` in the same transaction. */
export async function loadCalendar(
  db: Database, { transaction, around, version: known }: Opts & { around?: string[]; version?: string } = {},
): Promise<Calendar> {
  // Dates that are not dates (a missing or malformed start) widen nothing; the rules refuse them.
  const asked = (around ?? []).map((d) => Number(String(d).slice(0, 4))).filter((y) => y >= 1900 && y <= 2200);
  const wanted = asked.length ? asked : null;
  const from = wanted ? Math.min(...wanted) - 1 : null;
  const to = wanted ? Math.max(...wanted) + 1 : null;
  const key = `${from}-${to}`;
  const version = known ?? (await calendarVersion(db, transaction));
  const hit = cache.get(db)?.get(key);
  if (hit?.version === version) return hit.calendar;
  const years = await db.getRepository('calendarYears').find({
    filter: wanted ? { configured: true, year: { $gte: from, $lte: to } } : { configured: true },
    transaction,
  });
  const days = await db.getRepository('calendarDays').find({
    filter: wanted ? { date: { $gte: `${from}-01-01`, $lte: `${to}-12-31` } } : {},
    transaction,
  });
  const calendar = new Calendar(days.map(toDay), years.map((y: any) => Number(y.get('year'))));
  if (!cache.has(db)) cache.set(db, new Map());
  cache.get(db)!.set(key, { version, calendar });
  return calendar;
}

export async function listYears(db: Database, opts: Opts = {}) {
  const rows = await db.getRepository('calendarYears').find({ sort: ['year'], ...opts });
  return rows.map((r: any) => ({ year: r.get('year'), configured: !!r.get('configured'), source: r.get('source') }));
}

export async function yearDays(db: Database, year: number, opts: Opts = {}) {
  const rows = await db.getRepository('calendarDays').find({
    filter: { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
    sort: ['date'],
    ...opts,
  });
  return rows.map((r: any) => ({ ...toDay(r), source: r.get('source'), note: r.get('note') ?? null }));
}

export function assertYear(year: unknown): number {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new RuleViolation('INVALID_YEAR', { value: String(year) });
  return y;
}

/**
 * Adds a year: from the seed package when it knows the year (configured at once), otherwise
 * empty and "not configured" until an admin has entered the holidays and confirmed it.
 * Days an admin already edited are kept.
 */
export async function addYear(db: Database, year: number, { transaction }: Opts = {}) {
  const years = db.getRepository('calendarYears');
  const seeded = seedYearsAvailable().includes(year);
  const existing = await years.findOne({ filter: { year }, transaction });
  // The year row first: the days' bulk check (calendar/import.ts) wants their year to exist.
  const values = { year, configured: seeded || !!existing?.get('configured'), source: seeded ? 'seed' : 'admin' };
  if (existing) await years.update({ filterByTk: existing.get('id'), values, transaction });
  else await years.create({ values, transaction });
  if (seeded) {
    const taken = new Set((await yearDays(db, year, { transaction })).map((d) => d.date));
    const fresh = seedDays(year).filter((d) => !taken.has(d.date));
    // One multi-row INSERT (a create per day made install take seconds).
    if (fresh.length) await db.getModel('calendarDays').bulkCreate(fresh.map((d) => ({ ...d, source: 'seed' })), { transaction });
  }
  return values;
}

/** Install: every year the seed package knows. */
export async function seedCalendar(db: Database, opts: Opts = {}) {
  for (const year of seedYearsAvailable()) await addYear(db, year, opts);
}

/** An admin's change of one day; a day back to its plain weekday kind is still kept as a record. */
export async function setDay(
  db: Database,
  input: { date: string; kind: CalendarDay['kind']; holidayName?: string | null; note?: string | null },
  { transaction }: Opts = {},
) {
  const day: CalendarDay = { date: input.date, kind: input.kind, holidayName: input.holidayName || null };
  const problem = validateCalendarDay(day) ?? validateCalendarDayText(input);
  if (problem) throw problem;
  if (day.kind !== 'holiday') day.holidayName = null;
  const year = Number(day.date.slice(0, 4));
  if (!(await db.getRepository('calendarYears').findOne({ filter: { year }, transaction }))) {
    throw new RuleViolation('CALENDAR_YEAR_MISSING', { year });
  }
  const repo = db.getRepository('calendarDays');
  const values = { ...day, note: input.note ?? null, source: 'admin' };
  const existing = await repo.findOne({ filter: { date: day.date }, transaction });
  if (existing) {
    await repo.update({ filterByTk: existing.get('id'), values, transaction });
  } else {
    await repo.create({ values, transaction });
  }
  return values;
}

export async function confirmYear(db: Database, year: number, { transaction }: Opts = {}) {
  const repo = db.getRepository('calendarYears');
  const row = await repo.findOne({ filter: { year }, transaction });
  if (!row) throw new RuleViolation('CALENDAR_YEAR_MISSING', { year });
  const holidays = await db.getRepository('calendarDays').count({
    filter: { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` }, kind: 'holiday' },
    transaction,
  });
  // A year without a single holiday is almost certainly not entered yet: refuse to confirm it.
  if (!holidays) throw new RuleViolation('CALENDAR_YEAR_HAS_NO_HOLIDAYS', { year });
  await repo.update({ filterByTk: row.get('id'), values: { configured: true }, transaction });
  return { year, configured: true };
}
