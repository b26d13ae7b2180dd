// What each role sees of the duty collections through NocoBase's standard list/get (the calendar
// block, tables). Changes go through the custom actions only (src/server/actions/dutyShifts.ts …).
import type { RoleGrants } from '../acl';

const view = 'view';
const ownWindow = (scopeName: string) => ({
  name: view, scopeName,
  scope: { $or: [{ 'window.leadId': { $eq: '{{$user.id}}' } }, { 'window.staff.id': { $eq: '{{$user.id}}' } }] },
});
const own = (scopeName: string) => ({ name: view, scopeName, scope: { userId: { $eq: '{{$user.id}}' } } });
const ledWindow = (scopeName: string) => ({ name: view, scopeName, scope: { 'window.leadId': { $eq: '{{$user.id}}' } } });

export const DUTY_GRANTS: RoleGrants = {
  section: { dutyShifts: [view], penalties: [view], compTimeEntries: [view], compTimeRequests: [view] },
  sectionChief: { dutyShifts: [view], penalties: [view], compTimeEntries: [view], compTimeRequests: [view] },
  windowLead: {
    dutyShifts: [ownWindow('Roster of my window')], penalties: [ledWindow('Penalties of my window')],
    compTimeEntries: [ledWindow('Comp time of my window')], compTimeRequests: [ledWindow('Comp-time requests of my window')],
  },
  windowStaff: {
    dutyShifts: [ownWindow('Roster of my window')], penalties: [own('My penalties')],
    compTimeEntries: [own('My comp time')], compTimeRequests: [own('My comp-time requests')],
  },
};

/** Custom actions any signed-in user reaches; the duty code decides with a clear message. */
export const DUTY_ACTION_NAMES: Record<string, string[]> = {
  dutyShifts: ['generate', 'publish', 'assign', 'swap', 'mine', 'month', 'context', 'checkIn', 'checkOut', 'reviewAttendance'],
  compTimeRequests: ['submit', 'signOff', 'reject', 'pending', 'covers'],
  compTimeEntries: ['balance', 'balances'],
  penalties: ['confirm', 'dismiss'],
};
