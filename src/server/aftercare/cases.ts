// Rectification cases and complaints share one deadline mechanism (R-AFT-2): opened with a due time
// in working days, worked by the responsible window (steps, callback), closed by its lead or the
// section, flagged overdue when the due time passes while open (./overdue.ts).
import type { Database, Transaction } from '@nocobase/database';
import { CaseAction, CaseStatus, caseDueAt, checkCaseAction, checkClose, closedOnTime, dueDateOf } from '../../rules/aftercare';
import { CaseType } from '../../rules/aftercareSettings';
import { RuleViolation } from '../../rules/errors';
import { optionalText } from '../../rules/input';
import { loadCalendar } from '../calendar/store';
import { Acting, assertOwnWindow, loadRow } from './acting';
import { loadAftercareSettings } from './settings';

export type CaseCollection = 'rectificationCases' | 'complaints';

export const CASE_KINDS: Record<CaseCollection, { type: CaseType; stepKey: string; notFound: string }> = {
  rectificationCases: { type: 'badReview', stepKey: 'rectificationCaseId', notFound: 'CASE_NOT_FOUND' },
  complaints: { type: 'complaint', stepKey: 'complaintId', notFound: 'COMPLAINT_NOT_FOUND' },
};

export async function addStep(
  db: Database, collection: CaseCollection, caseId: number, step: { kind: string; at: Date; byId: number | null; role?: string | null; note?: string | null },
  transaction?: Transaction,
) {
  await db.getRepository('caseSteps').create({
    values: { [CASE_KINDS[collection].stepKey]: caseId, ...step, role: step.role ?? null, note: step.note ?? null },
    transaction,
  });
}

/** A new case due N working days (per case type) after `a.now`, with its 'opened' step. */
export async function openCase(a: Acting, collection: CaseCollection, values: Record<string, unknown>, role: string) {
  const settings = await loadAftercareSettings(a.db, { transaction: a.transaction });
  const calendar = await loadCalendar(a.db, { transaction: a.transaction, around: [a.now.toISOString().slice(0, 10)] });
  const dueAt = caseDueAt(calendar, a.now, CASE_KINDS[collection].type, settings);
  const row: any = await a.db.getRepository(collection).create({
    values: { ...values, status: 'open', openedAt: a.now, openedById: a.actor.userId, dueAt, dueDate: dueDateOf(dueAt) },
    transaction: a.transaction,
  });
  await addStep(a.db, collection, row.get('id'), { kind: 'opened', at: a.now, byId: a.actor.userId, role }, a.transaction);
  return row;
}

/**
 * One action on an existing case: the table in src/rules/aftercare.ts decides status and role,
 * window roles only on their own window's cases; every action leaves a step (R-X-1).
 */
export async function actOnCase(a: Acting, collection: CaseCollection, rawId: unknown, action: CaseAction, v: Record<string, any>) {
  const kind = CASE_KINDS[collection];
  const row = await loadRow(a.db, collection, rawId, a.transaction, kind.notFound);
  const role = checkCaseAction(row.get('status') as CaseStatus, action, a.actor.roles);
  assertOwnWindow(a.actor, row.get('windowId'), `#${row.get('id')}`);
  const note = optionalText('note', v.note);
  let values: Record<string, unknown> = {};
  if (action === 'recordCallback') {
    const result = optionalText('result', v.result);
    values = { callbackAt: a.now, callbackById: a.actor.userId, callbackResult: result ?? note };
  } else if (action === 'close') {
    const outcome = optionalText('outcome', v.outcome);
    checkClose(kind.type, { callbackAt: row.get('callbackAt') }, outcome);
    values = { status: 'closed', outcome, closedAt: a.now, closedById: a.actor.userId, closedOnTime: closedOnTime(a.now, new Date(row.get('dueAt'))) };
  } else {
    if (!note || !note.trim()) throw new RuleViolation('NOTE_REQUIRED', {});
  }
  if (Object.keys(values).length) {
    await a.db.getRepository(collection).update({ filterByTk: row.get('id'), values, transaction: a.transaction });
  }
  const stepNote = action === 'close' ? (values.outcome as string) : action === 'recordCallback' ? (values.callbackResult as string) : note;
  await addStep(a.db, collection, row.get('id'), { kind: action === 'addStep' ? 'step' : action, at: a.now, byId: a.actor.userId, role, note: stepNote }, a.transaction);
  return a.db.getRepository(collection).findOne({ filterByTk: row.get('id'), appends: ['steps'], transaction: a.transaction });
}
