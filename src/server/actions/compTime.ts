// Resources `compTimeRequests` and `compTimeEntries`: comp time (调休, R-CMP-1..3) — requests with
// a cover, the window lead's sign-off (签字说明) or rejection, balances and the ledger.
import { idOf } from '../duty/context';
import { balanceOfUser, pendingForMe, rejectRequest, signOff, submitRequest, windowBalances } from '../duty/compTime';
import { dutyAction } from './dutyShifts';

export const COMP_TIME_REQUEST_ACTIONS = {
  submit: dutyAction((a, v) => submitRequest(a, v)),
  signOff: dutyAction((a, v) => signOff(a, v)),
  reject: dutyAction((a, v) => rejectRequest(a, v)),
  pending: dutyAction((a) => pendingForMe(a)),
  /** Colleagues who may cover the caller's post (顶岗): the people of the caller's windows. */
  covers: dutyAction(async (a) => {
    const ids = [...new Set([...a.actor.staffs, ...a.actor.leads])];
    if (!ids.length) return [];
    const windows: any[] = await a.db.getRepository('windows').find({ filter: { id: ids }, appends: ['staff', 'lead'], transaction: a.transaction });
    const people = new Map<number, string>();
    for (const w of windows) for (const u of [...(w.get('staff') ?? []), w.get('lead')].filter(Boolean)) people.set(Number(u.get('id')), u.get('nickname'));
    people.delete(a.actor.userId);
    return [...people.entries()].map(([id, nickname]) => ({ id, nickname }));
  }),
};

export const COMP_TIME_ENTRY_ACTIONS = {
  /** One person's balance and ledger: themselves by default, or ?userId= for a lead / the section. */
  balance: dutyAction((a, v) => balanceOfUser(a, v.userId ? idOf(v.userId, 'USER_NOT_FOUND') : a.actor.userId)),
  /** Balances of a window's people (?windowId=, its lead or the section) or of everyone (section). */
  balances: dutyAction((a, v) => windowBalances(a, v.windowId ? idOf(v.windowId, 'WINDOW_NOT_FOUND') : null)),
};
