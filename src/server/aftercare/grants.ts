// What each role may read of the after-service collections through the standard list/get (R-X-2).
// Writes go through the followUps/rectificationCases/complaints actions only (see ./index.ts).
import type { RoleGrants } from '../acl';

const view = 'view';
// Window roles see the visits, cases and complaints of a window they lead or staff.
const ownWindow = (scopeName: string) => ({
  name: view, scopeName,
  scope: { $or: [{ 'window.leadId': { $eq: '{{$user.id}}' } }, { 'window.staff.id': { $eq: '{{$user.id}}' } }] },
});
const all = { followUps: [view], rectificationCases: [view], complaints: [view], caseSteps: [view] };
const mine = {
  followUps: [ownWindow('Follow-ups of my window')],
  rectificationCases: [ownWindow('Cases of my window')],
  complaints: [ownWindow('Complaints against my window')],
};

export const AFTERCARE_GRANTS: RoleGrants = {
  section: all,
  sectionChief: all,
  windowLead: mine,
  windowStaff: mine,
};
