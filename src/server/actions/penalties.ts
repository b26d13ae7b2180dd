// Resource `penalties`: the section confirms or dismisses a proposed penalty (考核扣分, R-SUP-1).
import { RuleViolation } from '../../rules/errors';
import { optionalText } from '../../rules/input';
import { assertMayDoDuty } from '../../rules/dutyPolicy';
import { idOf } from '../duty/context';
import { dutyAction } from './dutyShifts';

const decide = (status: 'confirmed' | 'dismissed') => dutyAction(async (a, v) => {
  const p: any = await a.db.getRepository('penalties').findOne({ filterByTk: idOf(v.filterByTk, 'PENALTY_NOT_FOUND'), transaction: a.transaction });
  if (!p) throw new RuleViolation('PENALTY_NOT_FOUND', { id: String(v.filterByTk) }, 404);
  assertMayDoDuty(a.actor, { userId: p.get('userId'), windowIds: [p.get('windowId')] }, status === 'confirmed' ? 'penalties:confirm' : 'penalties:dismiss');
  if (p.get('status') !== 'proposed') throw new RuleViolation('PENALTY_NOT_PROPOSED', { status: p.get('status') });
  const note = optionalText('note', v.note);
  if (status === 'dismissed' && !note) throw new RuleViolation('PENALTY_DISMISS_NOTE_REQUIRED');
  const points = v.points === undefined ? p.get('points') : Number(v.points);
  if (!Number.isInteger(points) || points < 0 || points > 100) throw new RuleViolation('PENALTY_POINTS_INVALID', { value: String(v.points) });
  await p.update({ status, points, note: note ?? p.get('note'), confirmedById: a.actor.userId, confirmedAt: a.now }, { transaction: a.transaction });
  return p;
});

export const PENALTY_ACTIONS = { confirm: decide('confirmed'), dismiss: decide('dismissed') };
