// Resource `calendar`: the statutory calendar's API (docs/api.md § Calendar API).
//   calendar:dayKind?date=   any signed-in user   → kind, working day, weekend service day, holiday period
//   calendar:years           any signed-in user   → years and whether each is configured
//   calendar:year?year=      any signed-in user   → the stored days of a year
//   calendar:setDay          admin (pm snippet)   { date, kind, holidayName?, note? }
//   calendar:addYear         admin (pm snippet)   { year }
//   calendar:confirmYear     admin (pm snippet)   { year }
//   calendar:ics?year=      any signed-in user   → the configured year as iCalendar (.ics) to subscribe to
//   calendar:outlook         any signed-in user   → next year configured? warned? (R-CAL-4: the desk's banner)
//   calendar:previewNotice   admin (pm snippet)   { text } → the notice parsed and its diff against the stored year
//   calendar:applyNotice     admin (pm snippet)   { text, diffKey? } → that diff applied, the year configured
import type { Context, Next } from '@nocobase/actions';
import { assertDate } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import { actionInput } from './input';
import { addYear, assertYear, confirmYear, listYears, loadCalendar, setDay, yearDays } from '../calendar/store';
import { applyNotice, previewNotice } from '../calendar/notice';
import { loadNextYearOutlook, outlookView } from '../calendar/outlook';
import { clock } from '../shared/clock';
import { yearIcs } from '../calendar/ics';
import { translate } from '../errors';


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

async function outlook(ctx: Context, next: Next) {
  ctx.body = outlookView(await loadNextYearOutlook(ctx.db, clock.now()), (key, o) => translate(ctx, key, o));
  await next();
}

async function ics(ctx: Context, next: Next) {
  const y = assertYear(actionInput(ctx).year);
  const t = (key: string, o: Record<string, unknown> = {}) => translate(ctx, key, o);
  const text = await yearIcs(ctx.db, y, {
    domain: ctx.hostname || 'localhost',
    labels: {
      calendarName: t('ICS_CALENDAR_NAME', { year: y }), holiday: t('ICS_HOLIDAY'), makeupWorkday: t('ICS_MAKEUP_WORKDAY'),
      periodDescription: (start, end, days) => t('ICS_PERIOD', { start, end, days }),
    },
  });
  ctx.set('Content-Type', 'text/calendar; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="holidays-${y}.ics"`);
  (ctx as any).withoutDataWrapping = true;
  ctx.body = text;
  await next();
}

async function previewNoticeAction(ctx: Context, next: Next) {
  ctx.body = await previewNotice(ctx.db, actionInput(ctx).text);
  await next();
}

async function applyNoticeAction(ctx: Context, next: Next) {
  const { text, diffKey } = actionInput(ctx);
  ctx.body = await ctx.db.sequelize.transaction((transaction) => applyNotice(ctx.db, text, { transaction, diffKey }));
  await next();
}

export const calendarResource = {
  name: 'calendar',
  actions: {
    dayKind, years, year, outlook, ics, setDay: setDayAction, addYear: addYearAction, confirmYear: confirmYearAction,
    previewNotice: previewNoticeAction, applyNotice: applyNoticeAction,
  },
};
export const CALENDAR_READ_ACTIONS = ['calendar:dayKind', 'calendar:years', 'calendar:year', 'calendar:outlook', 'calendar:ics'];
export const CALENDAR_ADMIN_ACTIONS = [
  'calendar:setDay', 'calendar:addYear', 'calendar:confirmYear', 'calendar:previewNotice', 'calendar:applyNotice',
];
