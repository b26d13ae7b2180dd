// Wiring of the duty feature (roster, attendance, penalties, comp time): actions, ACL, the booking
// hook (R-PRE-2) and the attendance sweep. Called once from plugin.ts.
import type { Plugin } from '@nocobase/server';
import { COMP_TIME_ENTRY_ACTIONS, COMP_TIME_REQUEST_ACTIONS } from '../actions/compTime';
import { DUTY_SHIFT_ACTIONS } from '../actions/dutyShifts';
import { PENALTY_ACTIONS } from '../actions/penalties';
import { reviewAttendance } from './attendance';
import { inWriteTransaction } from '../shared/acting';
import { clock } from '../shared/clock';
import { DUTY_ACTION_NAMES } from './grants';
import { registerHolidayDuty } from './holidayDuty';

export const DUTY_COLLECTIONS = ['dutyShifts', 'penalties', 'compTimeEntries', 'compTimeRequests'];
const SWEEP_MS = 10 * 60 * 1000;

export function registerDuty(plugin: Plugin) {
  const handlers: Record<string, any> = {};
  const byResource: Record<string, Record<string, any>> = {
    dutyShifts: DUTY_SHIFT_ACTIONS, compTimeRequests: COMP_TIME_REQUEST_ACTIONS, compTimeEntries: COMP_TIME_ENTRY_ACTIONS, penalties: PENALTY_ACTIONS,
  };
  for (const [resource, actions] of Object.entries(byResource)) {
    for (const [name, handler] of Object.entries(actions)) handlers[`${resource}:${name}`] = handler;
  }
  plugin.app.resourceManager.registerActionHandlers(handlers);
  for (const [resource, actions] of Object.entries(DUTY_ACTION_NAMES)) plugin.app.acl.allow(resource, actions, 'loggedIn');
  registerHolidayDuty(plugin.db);
  // Absent shifts become penalty proposals without anyone asking. State lives in rows and the
  // proposal key is unique, so a restart, a second node or an overlap never proposes twice.
  if (process.env.APPOINTMENT_DUTY_TEST_CLOCK === 'true') return; // tests run the review themselves
  let timer: NodeJS.Timeout | null = null;
  plugin.app.on('afterStart', () => {
    timer = setInterval(() => {
      inWriteTransaction(plugin.app, plugin.db, (t) => reviewAttendance(plugin.db, clock.now(), t)).catch((e) => plugin.log.warn(`attendance review: ${e.message}`));
    }, SWEEP_MS);
    timer.unref?.();
  });
  plugin.app.on('beforeStop', () => timer && clearInterval(timer));
}
