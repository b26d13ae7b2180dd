// The registration form's look-ups (desk, issue 6), on resource `bookings`:
//   bookings:searchItems?q=&limit=        any signed-in user → bookable items (published, offered on
//                                          weekends or holidays) with pinyin initials, best match first
//   bookings:availability?serviceItemId=&from=&to=
//                                          any signed-in user → valid days of that item and each slot's
//                                          remaining seats, from the same rules bookings:register applies
// Neither returns personal data: items are the published list, seats are counts.
import type { Context, Next } from '@nocobase/actions';
import { fromShanghai, shanghaiDate } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import { slotKey } from '../../rules/booking';
import { availability, Refusal } from '../../rules/availability';
import { searchItems } from '../../rules/itemSearch';
import { recordId } from '../../rules/input';
import { loadSettings } from '../settings/store';
import { translate } from '../errors';
import { loadCalendar } from '../calendar/store';
import { loadNextYearOutlook, outlookView } from '../calendar/outlook';
import { takenByStart } from '../bookings/seats';
import { initialsOf } from '../desk/initials';
import { actionInput } from './input';
import { clock } from '../shared/clock';

/** Two months ahead by default: covers the next holiday period and eight weekends. */
const DEFAULT_DAYS = 60;
const ITEM_FIELDS = [
  'id', 'name', 'code', 'materials', 'offeredOnWeekends', 'offeredOnHolidays', 'expectedMinutes', 'capacityPerSlot',
  'published', 'leadWindowId',
];

function itemView(item: any) {
  const v = item.get ? item.get() : item;
  const lead = item.get?.('leadWindow');
  return {
    id: v.id, name: v.name, code: v.code, initials: initialsOf(v.name),
    materials: Array.isArray(v.materials) ? v.materials : [],
    offeredOnWeekends: !!v.offeredOnWeekends, offeredOnHolidays: !!v.offeredOnHolidays,
    expectedMinutes: v.expectedMinutes, capacityPerSlot: v.capacityPerSlot,
    leadWindow: lead ? { id: lead.get('id'), name: lead.get('name'), code: lead.get('code') } : null,
  };
}

async function searchItemsAction(ctx: Context, next: Next) {
  const v = actionInput(ctx);
  const limit = Math.min(Math.max(Number.parseInt(String(v.limit ?? 500), 10) || 500, 1), 2000);
  if (v.q !== undefined && v.q !== null && typeof v.q !== 'string') throw new RuleViolation('FIELD_NOT_TEXT', { field: 'q' });
  const rows = await ctx.db.getRepository('serviceItems').find({
    filter: { published: true, $or: [{ offeredOnWeekends: true }, { offeredOnHolidays: true }] },
    fields: ITEM_FIELDS,
    appends: ['leadWindow'],
    sort: ['sort', 'id'],
  });
  ctx.body = searchItems(rows.map(itemView), String(v.q ?? ''), limit);
  await next();
}

function dateOr(value: unknown, fallback: string): string {
  return value === undefined || value === null || value === '' ? fallback : String(value).slice(0, 20);
}

async function availabilityAction(ctx: Context, next: Next) {
  const v = actionInput(ctx);
  const now = clock.now();
  const id = recordId(v.serviceItemId);
  const item: any = id !== null
    ? await ctx.db.getRepository('serviceItems').findOne({ filterByTk: id, fields: ITEM_FIELDS, appends: ['leadWindow'] })
    : null;
  if (!item) throw new RuleViolation('ITEM_NOT_FOUND', { id: String(v.serviceItemId ?? '').slice(0, 40) });
  if (!item.get('published')) throw new RuleViolation('ITEM_NOT_PUBLISHED', { name: item.get('name') });
  const today = shanghaiDate(now);
  const from = dateOr(v.from, today);
  const to = dateOr(v.to, shanghaiDate(fromShanghai(today, (DEFAULT_DAYS - 1) * 1440)));
  const calendar = await loadCalendar(ctx.db, { around: [from, to] });
  // The seats of this item at its lead window: the same key prefix bookings:register writes.
  const prefix = slotKey(item.get('id'), item.get('leadWindowId'), new Date(0)).slice(0, -new Date(0).toISOString().length);
  const taken = await takenByStart(ctx.db, prefix);
  // The stored numbers (phone hours, sessions, slot grid), as bookings:register reads them.
  const settings = await loadSettings(ctx.db);
  const result = availability({ calendar, item: item.get(), from, to, now, taken, settings });
  const t = (r: Refusal | null) => (r ? { ...r, message: translate(ctx, r.code, r.params) } : null);
  // R-CAL-4: next year's calendar missing from the warning day on: say so, and who can fix it.
  const nextYear = outlookView(await loadNextYearOutlook(ctx.db, now), (key, o) => translate(ctx, key, o));
  ctx.body = {
    item: itemView(item), from, to, now: now.toISOString(), ...result, nextYear,
    phoneRefusal: t(result.phoneRefusal),
    days: result.days.map((d) => ({ ...d, refusal: t(d.refusal) })),
  };
  await next();
}

export const DESK_ACTIONS = { searchItems: searchItemsAction, availability: availabilityAction };

/** Registers the two look-ups on `bookings` for every signed-in user. */
export function registerDeskLookups(plugin: { app: any }) {
  plugin.app.resourceManager.registerActionHandlers(
    Object.fromEntries(Object.entries(DESK_ACTIONS).map(([name, handler]) => [`bookings:${name}`, handler])),
  );
  plugin.app.acl.allow('bookings', Object.keys(DESK_ACTIONS), 'loggedIn');
}
