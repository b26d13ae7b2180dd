// R-X-5: bookings, their audit trail, seats, dispatches, contacts, reschedule requests and the
// comp-time ledger change only through the plugin's own actions — for every role, admins and root
// included. A generic create/update/destroy would skip the rules (capacity, the state machine, the
// audit row, comp time credited once) without a trace. Pure: the server adapter asks `genericWriteProblem`.
import { RuleViolation } from './errors';

export const ACTION_ONLY_COLLECTIONS: readonly string[] = [
  'bookings', 'bookingEvents', 'bookingContacts', 'rescheduleRequests', 'bookingDispatches', 'slotSeats',
  'bookingTimers', 'bookingTimerPlans', 'compTimeEntries', 'applicantLocks',
];

/** Generic actions that only read: allowed on those collections as the ACL grants them. */
export const GENERIC_READS: readonly string[] = ['list', 'get', 'count', 'query', 'export', 'exportAttachments'];

export interface ResourceCall {
  /** The resource's collection (`bookings` for `bookings` and for `bookings.events`). */
  source: string;
  /** An association resource's target collection (`bookingEvents` for `bookings.events`). */
  target?: string | null;
  action: string;
  /** The plugin registered a handler for exactly this resource and action (bookings:register …). */
  ownAction: boolean;
}

/** Why this call may not run, or null. */
export function genericWriteProblem(call: ResourceCall): RuleViolation | null {
  if (call.ownAction || GENERIC_READS.includes(call.action)) return null;
  const hit = [call.source, call.target].find((c) => c && ACTION_ONLY_COLLECTIONS.includes(c));
  return hit ? new RuleViolation('CHANGE_ONLY_THROUGH_ACTIONS', { collection: hit, action: call.action.slice(0, 40) }, 403) : null;
}
