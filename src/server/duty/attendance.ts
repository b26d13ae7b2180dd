// Attendance (考勤, R-WKD-3) on the shift itself, and the penalty proposals it leads to (R-SUP-1):
// late and left-early are proposed at check-in / check-out, absent by the sweep once a shift is over.
import { Op } from '@nocobase/database';
import type { Database, Transaction } from '@nocobase/database';
import { RuleViolation } from '../../rules/errors';
import { PenaltyProposal, attendanceFailures, checkCheckIn, checkCheckOut } from '../../rules/roster';
import { assertMayDoDuty } from '../../rules/dutyPolicy';
import { parseStart } from '../../rules/booking';
import { syncEarned } from './compTime';
import { DutyActing } from './context';
import { loadShift } from './roster';
import { loadDutySettings } from './settings';

/**
 * R-WKD-3 the person themselves at "now", or the window lead recording it for them (optionally at a
 * stated time from the paper sign-in sheet, never in the future). Nobody states a time for their
 * own shift: a lead's own check-in is now, like anyone's.
 */
function attendanceTime(a: DutyActing, shift: any, action: 'dutyShifts:checkIn' | 'dutyShifts:checkOut', at: unknown): Date {
  const facts = { userId: shift.get('userId'), windowIds: [shift.get('windowId')] };
  assertMayDoDuty(a.actor, facts, action);
  if (at === undefined || at === null || at === '') return a.now;
  assertMayDoDuty(a.actor, facts, 'dutyShifts:recordAttendanceTime');
  const when = parseStart(at);
  if (!when || +when > +a.now) throw new RuleViolation('ATTENDANCE_TIME_INVALID', { value: String(at).slice(0, 40) });
  return when;
}

export async function proposePenalties(db: Database, shift: any, proposals: PenaltyProposal[], transaction: Transaction) {
  if (!proposals.length) return 0;
  const rows = proposals.map((p) => ({
    userId: shift.userId ?? shift.get?.('userId'), windowId: shift.windowId ?? shift.get?.('windowId'),
    shiftId: shift.id ?? shift.get?.('id'), reason: p.reason, points: p.points, status: 'proposed',
    evidenceType: 'dutyShifts', evidenceId: shift.id ?? shift.get?.('id'), note: `${p.minutes} min`,
    occurredAt: shift.plannedStart ?? shift.get?.('plannedStart'),
    proposalKey: `shift:${shift.id ?? shift.get?.('id')}:${p.reason}`,
  }));
  // A proposal per shift and reason at most (unique proposalKey): re-running proposes nothing new.
  const created = await db.getModel('penalties').bulkCreate(rows, { ignoreDuplicates: true, transaction } as any);
  return created.filter((r: any) => r.get('id') != null).length;
}

export async function checkIn(a: DutyActing, v: { filterByTk: unknown; at?: unknown }) {
  const shift = await loadShift(a, v.filterByTk);
  const at = attendanceTime(a, shift, 'dutyShifts:checkIn', v.at);
  const settings = await loadDutySettings(a.db, { transaction: a.transaction });
  checkCheckIn(shift.get(), at, settings);
  const late = attendanceFailures({ ...shift.get(), checkInAt: at }, a.now, settings).filter((p) => p.reason === 'late');
  await shift.update({ checkInAt: at, recordedById: a.actor.userId, attendance: late.length ? 'late' : 'onTime' }, { transaction: a.transaction });
  const proposed = await proposePenalties(a.db, shift, late, a.transaction);
  return { shift, proposed };
}

export async function checkOut(a: DutyActing, v: { filterByTk: unknown; at?: unknown }) {
  const shift = await loadShift(a, v.filterByTk);
  const at = attendanceTime(a, shift, 'dutyShifts:checkOut', v.at);
  const settings = await loadDutySettings(a.db, { transaction: a.transaction });
  checkCheckOut(shift.get(), at);
  const early = attendanceFailures({ ...shift.get(), checkOutAt: at }, at, settings).filter((p) => p.reason === 'leftEarly');
  const attendance = early.length && shift.get('attendance') !== 'late' ? 'leftEarly' : shift.get('attendance');
  await shift.update({ checkOutAt: at, recordedById: a.actor.userId, attendance }, { transaction: a.transaction });
  const proposed = await proposePenalties(a.db, shift, early, a.transaction);
  await syncEarned(a.db, Number(shift.get('userId')), [String(shift.get('date')).slice(0, 10)], a.transaction);
  return { shift, proposed };
}

/**
 * R-SUP-1 absent shifts: every non-cancelled shift that ended before `now` without a check-in gets
 * an 'absent' proposal. Restart-safe and idempotent (the unique proposalKey), so it can run on a
 * timer on every node and on demand.
 */
export async function reviewAttendance(db: Database, now: Date, transaction: Transaction, windowIds?: number[]) {
  const settings = await loadDutySettings(db, { transaction });
  const where: any = { status: ['draft', 'published'], checkInAt: null, attendance: null, plannedEnd: { [Op.lte]: now }, userId: { [Op.ne]: null } };
  if (windowIds) where.windowId = windowIds;
  const Shift = db.getModel('dutyShifts');
  const rows: any[] = await Shift.findAll({ where, raw: true, transaction } as any);
  let proposed = 0;
  for (const s of rows) proposed += await proposePenalties(db, s, attendanceFailures(s, now, settings), transaction);
  if (rows.length) await Shift.update({ attendance: 'absent' }, { where: { id: rows.map((r) => r.id) }, transaction } as any);
  return { reviewed: rows.length, proposed };
}
