// Resource `dutyShifts`: the roster (R-WKD-1..2, R-SUP-2) and attendance (R-WKD-3, R-SUP-1) as
// actions the roles call (docs/api.md § Duty API). The ACL lets any signed-in user reach them; who may
// do what is the duty policy's (src/rules/dutyPolicy.ts), asked in src/server/duty, with a clear message.
import type { Context, Next } from '@nocobase/actions';
import { RuleViolation } from '../../rules/errors';
import { checkDateRange, monthRange } from '../../rules/roster';
import { checkIn, checkOut, reviewAttendance } from '../duty/attendance';
import { DutyActing, idOf, isSection, withDuty } from '../duty/context';
import { assignShift, forEveryWindow, generateRoster, myShifts, publishRoster, swapShifts, windowShifts } from '../duty/roster';
import { mayDoDuty } from '../../rules/dutyPolicy';
import { optionalText } from '../../rules/input';
import { actionInput } from './input';

export const dutyAction = (fn: (a: DutyActing, v: any) => Promise<any>) => async (ctx: Context, next: Next) => {
  const v = actionInput(ctx);
  ctx.body = await withDuty(ctx, (a) => fn(a, v));
  await next();
};

const optionalWindow = (v: any) => (v.windowId === undefined || v.windowId === null || v.windowId === '' ? null : idOf(v.windowId, 'WINDOW_NOT_FOUND'));
const rangeOf = (v: any) => (v.month !== undefined ? monthRange(v.month) : checkDateRange(v.from, v.to));

export const DUTY_SHIFT_ACTIONS = {
  generate: dutyAction((a, v) => generateRoster(a, { ...checkDateRange(v.from, v.to), windowId: optionalWindow(v) })),
  publish: dutyAction((a, v) => publishRoster(a, { ...checkDateRange(v.from, v.to), windowId: optionalWindow(v) })),
  assign: dutyAction((a, v) => assignShift(a, { filterByTk: v.filterByTk, userId: v.userId, note: optionalText('note', v.note) })),
  swap: dutyAction((a, v) => swapShifts(a, v)),
  mine: dutyAction((a, v) => myShifts(a, rangeOf(v))),
  month: dutyAction((a, v) => {
    const windowId = optionalWindow(v) ?? a.actor.leads[0] ?? a.actor.staffs[0];
    if (!windowId) throw new RuleViolation('NOT_WINDOW_MEMBER', { user: a.actor.userId, window: '-' }, 403);
    return windowShifts(a, windowId, rangeOf(v));
  }),
  /** Who the caller is for the duty pages: roles and the windows they lead or staff (with names). */
  context: dutyAction(async (a) => {
    const ids = [...new Set([...a.actor.leads, ...a.actor.staffs])];
    const rows: any[] = ids.length ? await a.db.getRepository('windows').find({ filter: { id: ids }, fields: ['id', 'name', 'code'], transaction: a.transaction }) : [];
    const named = (list: number[]) => rows.filter((w) => list.includes(Number(w.get('id')))).map((w) => ({ id: w.get('id'), name: w.get('name'), code: w.get('code') }));
    return { userId: a.actor.userId, roles: a.actor.roles, leads: named(a.actor.leads), staffs: named(a.actor.staffs), section: isSection(a.actor) };
  }),
  checkIn: dutyAction(async (a, v) => (await checkIn(a, v)).shift),
  checkOut: dutyAction(async (a, v) => (await checkOut(a, v)).shift),
  /** R-SUP-1 absent proposals now (the timer does it too): the section for all, a lead for their windows. */
  reviewAttendance: dutyAction((a) => {
    if (forEveryWindow(a, 'dutyShifts:reviewAttendance')) return reviewAttendance(a.db, a.now, a.transaction);
    const led = a.actor.leads.filter((w) => mayDoDuty(a.actor, { windowIds: [w] }, 'dutyShifts:reviewAttendance'));
    if (!led.length) throw new RuleViolation('NOT_WINDOW_LEAD', { window: '-' }, 403);
    return reviewAttendance(a.db, a.now, a.transaction, led);
  }),
};
