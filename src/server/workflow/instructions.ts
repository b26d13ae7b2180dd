// Workflow nodes on bookings. Both call the booking service (src/server/bookings/service.ts) as
// the role they act for — the same policy, state machine and audit row as a person — in their own
// transaction, and report a rule the booking breaks as the node's failed result with its code,
// never as a crash.
import { Op } from '@nocobase/database';
import { Instruction, JOB_STATUS } from '@nocobase/plugin-workflow';
import { shanghaiDate } from '../../rules/calendar';
import { isRuleViolation } from '../../rules/errors';
import { pickHandlers } from '../../rules/assignment';
import { recordId } from '../../rules/input';
import { assignHandlers, dispatch, loadBooking } from '../bookings/service';
import { clock } from '../shared/clock';
import { systemActor } from '../shared/acting';
import { inNodeTransaction } from './sqlite';

export const DISPATCH_INSTRUCTION = 'bookingDispatch';
export const ASSIGN_INSTRUCTION = 'bookingAssignHandler';

const CLOSED = ['cancelled', 'abandoned'];

function failed(e: unknown) {
  if (!isRuleViolation(e)) throw e;
  return { status: JOB_STATUS.FAILED, result: { code: e.code, params: e.params } };
}

function bookingIdOf(node: any, processor: any) {
  return processor.getParsedValue(node.config?.bookingId || '{{$context.data.id}}', node.id);
}

/**
 * "Dispatch booking" (派单): to the item's lead window (or the configured one) and its cooperating
 * windows (R-DSP-1, R-DSP-3), recorded as the section's dispatch — dispatcher = the configured
 * user (e.g. the section chief), or none for "the system"; dispatch time = now (R-DSP-4).
 */
export class DispatchBookingInstruction extends Instruction {
  async run(node: any, prevJob: any, processor: any) {
    const id = bookingIdOf(node, processor);
    const windowId = node.config?.windowId ? processor.getParsedValue(node.config.windowId, node.id) : undefined;
    const dispatcherId = recordId(node.config?.dispatcherId);
    const db = this.workflow.db;
    try {
      const booking: any = await inNodeTransaction(this.workflow.app, db, (transaction) =>
        dispatch(
          { db, transaction, now: clock.now(), actor: systemActor({ roles: ['section'], userId: dispatcherId }) },
          { bookingId: id, windowId },
        ));
      return {
        status: JOB_STATUS.RESOLVED,
        result: {
          bookingId: booking.get('id'), status: booking.get('status'), windowId: booking.get('windowId'),
          dispatchedAt: booking.get('dispatchedAt'), dispatcherId: booking.get('dispatcherId'),
          windows: (booking.get('dispatches') ?? []).map((d: any) => ({ windowId: d.get('windowId'), role: d.get('role') })),
        },
      };
    } catch (e) {
      return failed(e);
    }
  }
}

/**
 * "Assign handler" (分派经办人): for a signed-for booking, the window's staff on duty that day
 * (published dutyShifts covering the appointment) with the fewest bookings in that slot. When
 * nobody fits, nothing changes: the booking stays with the window lead, and the result says so
 * (assigned: false, reason NO_STAFF_ON_DUTY, leadId) — never a silent fallback to all staff.
 */
export class AssignHandlerInstruction extends Instruction {
  async run(node: any, prevJob: any, processor: any) {
    const id = bookingIdOf(node, processor);
    const want = Number(node.config?.handlers) === 2 ? 2 : 1;
    const db = this.workflow.db;
    try {
      const result = await inNodeTransaction(this.workflow.app, db, async (transaction) => {
        const booking = await loadBooking(db, id, transaction);
        const windowId = Number(booking.get('windowId'));
        const start = new Date(booking.get('appointmentStart'));
        const end = new Date(booking.get('appointmentEnd'));
        const window: any = await db.getRepository('windows').findOne({ filterByTk: windowId, appends: ['staff'], transaction });
        const members = new Set<number>((window?.get('staff') ?? []).map((u: any) => Number(u.get('id'))));
        const shifts = (await db.getRepository('dutyShifts').find({
          filter: { windowId, date: shanghaiDate(start), status: 'published' }, transaction,
        })).map((s: any) => s.get());
        const load = await slotLoad(db, booking, start, end, transaction);
        const pick = pickHandlers(shifts, start, end, load, members, want, Number(booking.get('id')));
        const leadId = window?.get('leadId') ?? null;
        if (!pick.handlerIds.length) {
          return { assigned: false, reason: pick.reason, leadId, bookingId: booking.get('id'), candidates: pick.candidates };
        }
        // As the window lead's reassignment (audit role windowLead), by the system: no person clicked.
        const actor = systemActor({ roles: ['windowLead'], leads: [windowId] });
        await assignHandlers({ db, transaction, now: clock.now(), actor }, {
          bookingId: booking.get('id'), handler1Id: pick.handlerIds[0], handler2Id: pick.handlerIds[1] ?? null,
        });
        return { assigned: true, handlerIds: pick.handlerIds, candidates: pick.candidates, leadId, bookingId: booking.get('id') };
      });
      return { status: JOB_STATUS.RESOLVED, result };
    } catch (e) {
      return failed(e);
    }
  }
}

/** Bookings per handler that overlap [start, end) at this window, this booking and closed ones excluded. */
async function slotLoad(db: any, booking: any, start: Date, end: Date, transaction: any) {
  const rows = await db.getModel('bookings').findAll({
    where: {
      windowId: booking.get('windowId'), id: { [Op.ne]: booking.get('id') }, status: { [Op.notIn]: CLOSED },
      appointmentStart: { [Op.lt]: end }, appointmentEnd: { [Op.gt]: start },
    },
    attributes: ['id', 'handler1Id', 'handler2Id'], raw: true, transaction,
  });
  const load = new Map<number, number>();
  for (const r of rows) {
    for (const h of [r.handler1Id, r.handler2Id]) if (h) load.set(Number(h), (load.get(Number(h)) ?? 0) + 1);
  }
  return load;
}
