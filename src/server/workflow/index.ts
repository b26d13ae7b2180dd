// Registers the booking triggers and nodes in @nocobase/plugin-workflow and wires them to the
// booking engine: one hook on the audit trail (bookingEvents) both re-plans the booking's timed
// fires (in the action's transaction) and fires the Booking event workflows (after commit).
import type { Plugin } from '@nocobase/server';
import { BOOKING_EVENT_TRIGGER, BookingEventTrigger } from './BookingEventTrigger';
import { BookingTimeTrigger } from './BookingTimeTrigger';
import { installWorkflowDefaults } from './defaults';
import { ASSIGN_INSTRUCTION, AssignHandlerInstruction, DISPATCH_INSTRUCTION, DispatchBookingInstruction } from './instructions';
import { BOOKING_TIME_TRIGGER, BookingScheduler } from './scheduler';
import { NEXT_YEAR_INSTRUCTION, NextYearCalendarInstruction } from './nextYearInstruction';

// On the app under a global symbol: a host may load this module more than once (by package name
// and by path), and every copy must find the one scheduler.
const SCHEDULER = Symbol.for('@govhall/plugin-appointment-duty:bookingScheduler');

/** The app's Booking time scheduler (tests drive its tick; the bench times it). */
export function bookingScheduler(app: object): BookingScheduler | undefined {
  return (app as any)[SCHEDULER];
}

/** Production ticks every 15 s (APPOINTMENT_DUTY_TICK_MS); under the test clock only tests tick. */
function tickEvery(): number {
  const set = process.env.APPOINTMENT_DUTY_TICK_MS;
  if (set !== undefined && set !== '') return Math.max(0, Number(set) || 0);
  return process.env.APPOINTMENT_DUTY_TEST_CLOCK === 'true' ? 0 : 15000;
}

export function registerWorkflow(plugin: Plugin) {
  const workflowPlugin: any = plugin.app.pm.get('workflow');
  if (!workflowPlugin) {
    plugin.log.warn('plugin-workflow is not enabled: booking triggers and nodes are not registered');
    return;
  }
  const scheduler = new BookingScheduler(plugin.db, workflowPlugin, plugin.log);
  (plugin.app as any)[SCHEDULER] = scheduler;
  const events = new BookingEventTrigger(workflowPlugin);
  workflowPlugin.registerTrigger(BOOKING_EVENT_TRIGGER, events);
  workflowPlugin.registerTrigger(BOOKING_TIME_TRIGGER, new BookingTimeTrigger(workflowPlugin, scheduler));
  workflowPlugin.registerInstruction(DISPATCH_INSTRUCTION, DispatchBookingInstruction);
  workflowPlugin.registerInstruction(ASSIGN_INSTRUCTION, AssignHandlerInstruction);
  workflowPlugin.registerInstruction(NEXT_YEAR_INSTRUCTION, NextYearCalendarInstruction);

  plugin.db.on('bookingEvents.afterCreate', async (event: any, { transaction, booking, versions }: any) => {
    const known = Number(booking?.get?.('id')) === Number(event.get('bookingId')) ? { booking, ...versions } : undefined;
    await scheduler.planBooking(Number(event.get('bookingId')), transaction, { fresh: event.get('action') === 'register', known });
    events.onBookingEvent(event, transaction);
  });
  // A changed setting moves the reminders that name it (their offset): re-planned after the commit.
  const settingsSaved = (first: any, second?: any) => {
    // Instance hooks get (row, options), bulk hooks (options).
    const transaction = second?.transaction ?? first?.transaction;
    if (transaction) transaction.afterCommit(() => scheduler.settingsChanged());
    else scheduler.settingsChanged();
  };
  for (const e of ['afterCreate', 'afterBulkUpdate']) plugin.db.on(`appointmentSettingsSections.${e}`, settingsSaved);
  plugin.db.on('executions.afterCreate', (execution: any, { transaction }: any) => scheduler.markFired(execution.get('eventKey'), transaction));
  plugin.app.on('afterStart', () => scheduler.start(tickEvery()));
  plugin.app.on('beforeStop', () => scheduler.stop());
}

export { installWorkflowDefaults };
