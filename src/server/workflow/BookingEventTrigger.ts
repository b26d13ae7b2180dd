// Workflow trigger "Booking event" (预约事件): fires after a booking's lifecycle transition is
// committed. Built on the audit trail: every action writes one bookingEvents row (R-X-1) inside
// its transaction, so one hook on that row sees every transition, and nothing fires for a
// transition that was rolled back. Config: which actions, optional item/window/channel filter.
import type { Transaction } from '@nocobase/database';
import { Trigger } from '@nocobase/plugin-workflow';
import { BOOKING_ACTIONS } from '../../rules/booking';
import { afterAnswer } from '../shared/afterAnswer';
import { bookingJson, windowsOf } from './bookingContext';

export const BOOKING_EVENT_TRIGGER = 'bookingEvent';

/** The transitions a workflow may listen to: the state machine's actions (a cooperating window's sign-for and a served-time correction included). */
export const BOOKING_EVENT_ACTIONS = [...BOOKING_ACTIONS] as string[];

export interface BookingEventConfig {
  events?: string[];
  serviceItemIds?: number[];
  windowIds?: number[];
  channels?: string[];
}

const ids = (list: unknown) => (Array.isArray(list) ? list.map(Number).filter(Number.isFinite) : []);

/** The optional filter on item, window (lead or dispatched) and channel; an empty list means any. */
export function bookingMatches(config: BookingEventConfig, booking: any): boolean {
  const items = ids(config.serviceItemIds);
  if (items.length && !items.includes(Number(booking.serviceItemId))) return false;
  const windows = ids(config.windowIds);
  if (windows.length && !windowsOf(booking).some((w) => windows.includes(w))) return false;
  const channels = Array.isArray(config.channels) ? config.channels : [];
  if (channels.length && !channels.includes(booking.channel)) return false;
  return true;
}

export class BookingEventTrigger extends Trigger {
  /** Fires after commit that have not finished: the app waits for them before it stops, so none
   * outlives its database (a test's teardown, a restart). */
  private inFlight = new Set<Promise<unknown>>();

  constructor(workflow: any) {
    super(workflow);
    workflow.app.on('beforeStop', () => Promise.allSettled([...this.inFlight]));
  }

  validateConfig(config: BookingEventConfig) {
    const events = config?.events;
    if (!Array.isArray(events) || !events.length) return { events: 'BOOKING_EVENT_EVENTS_REQUIRED' };
    const unknown = events.find((e) => !BOOKING_EVENT_ACTIONS.includes(e));
    return unknown ? { events: `BOOKING_EVENT_UNKNOWN:${unknown}` } : null;
  }

  private listening(action: string) {
    return [...(this.workflow as any).enabledCache.values()].filter(
      (w: any) => w.type === BOOKING_EVENT_TRIGGER && (w.config?.events ?? []).includes(action),
    );
  }

  /**
   * Called for every new bookingEvents row, inside the action's transaction: fires after commit and
   * after the answer is sent (afterAnswer.ts), off the request — the action answers without waiting
   * for the booking to be read for the workflows or for them to run (on SQLite their statements
   * queue for the connection, sqliteTurns). In flight from commit on, so a stop waits for it.
   */
  onBookingEvent(event: any, transaction?: Transaction) {
    if (!this.listening(event.get('action')).length) return;
    const values = event.get();
    const fire = () => {
      const run = afterAnswer()
        .then(() => this.fire(values))
        .catch((error) => {
          try {
            this.workflow.getLogger().error('[bookingEvent] fire failed', { error });
          } catch {
            /* the app is already gone: nothing left to log to */
          }
        })
        .finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    };
    if (transaction) transaction.afterCommit(fire);
    else fire();
  }

  /** Returns how many workflows were triggered. */
  private async fire(event: any): Promise<number> {
    const workflows = this.listening(event.action);
    if (!workflows.length) return 0;
    const data = await bookingJson(this.workflow.db, event.bookingId);
    if (!data) return 0;
    let fired = 0;
    const transition = {
      id: event.id, action: event.action, from: event.fromStatus, to: event.toStatus, byId: event.byId,
      role: event.role, reason: event.reason, at: event.at, data: event.data,
    };
    for (const workflow of workflows) {
      if (!bookingMatches(workflow.config ?? {}, data)) continue;
      // One execution per workflow and audit row, whoever sees it (eventKey is unique in executions).
      this.workflow.trigger(workflow, { data, event: transition }, { eventKey: `be:${workflow.id}:${event.id}` });
      fired++;
    }
    return fired;
  }
}
