// Resource `calendar`: the statutory calendar's API (README § Calendar API).
//   calendar:dayKind?date=   any signed-in user   → kind, working day, weekend service day, holiday period
//   calendar:years           any signed-in user   → years and whether each is configured
//   calendar:year?year=      any signed-in user   → the stored days of a year
//   calendar:setDay          admin (pm snippet)   { date, kind, holidayName?, note? }
//   calendar:addYear         admin (pm snippet)   { year }
//   calendar:confirmYear     admin (pm snippet)   { year }
import type { Context, Next } from '@nocobase/actions';
import { assertDate } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import { actionInput } from './input';
import { addYear, assertYear, confirmYear, listYears, loadCalendar, setDay, yearDays } from '../calendar/store';


function dateParam(value: unknown): string {
  try {
    assertDate(String(value));
    return String(value);
  } catch {
    throw new RuleViolation('INVALID_DATE', { value: String(value ?? '') });
  }
}

async function dayKind(ctx: Context, next: Next) {
  const date = dateParam(actionInput(ctx).date);
  const calendar = await loadCalendar(ctx.db, { around: [date] });
  const day = calendar.day(date);
  ctx.body = {
    date,
    kind: day.kind,
    holidayName: day.holidayName ?? null,
    workingDay: calendar.isWorkingDay(date),
    weekendServiceDay: calendar.isWeekendServiceDay(date),
    holidayPeriod: calendar.holidayPeriodOf(date),
  };
  await next();
}

async function years(ctx: Context, next: Next) {
  ctx.body = await listYears(ctx.db);
  await next();
}

async function year(ctx: Context, next: Next) {
  const y = assertYear(actionInput(ctx).year);
  const meta = (await listYears(ctx.db)).find((r) => r.year === y);
  ctx.body = { year: y, configured: !!meta?.configured, source: meta?.source ?? null, days: meta ? await yearDays(ctx.db, y) : [] };
  await next();
}

async function setDayAction(ctx: Context, next: Next) {
  const { date, kind, holidayName, note } = actionInput(ctx);
  ctx.body = await ctx.db.sequelize.transaction((transaction) =>
    setDay(ctx.db, { date: dateParam(date), kind, holidayName, note }, { transaction }),
  );
  await next();
}

async function addYearAction(ctx: Context, next: Next) {
  const y = assertYear(actionInput(ctx).year);
  ctx.body = await ctx.db.sequelize.transaction((transaction) => addYear(ctx.db, y, { transaction }));
  await next();
}

async function confirmYearAction(ctx: Context, next: Next) {
  const y = assertYear(actionInput(ctx).year);
  ctx.body = await ctx.db.sequelize.transaction((transaction) => confirmYear(ctx.db, y, { transaction }));
  await next();
}

export const calendarResource = {
  name: 'calendar',
  actions: { dayKind, years, year, setDay: setDayAction, addYear: addYearAction, confirmYear: confirmYearAction },
};
export const CALENDAR_READ_ACTIONS = ['calendar:dayKind', 'calendar:years', 'calendar:year'];
export const CALENDAR_ADMIN_ACTIONS = ['calendar:setDay', 'calendar:addYear', 'calendar:confirmYear'];
