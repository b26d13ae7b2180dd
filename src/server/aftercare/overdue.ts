// Overdue cases (R-AFT-2, R-SUP-1). The state lives in rows: a case is overdue when it is open and
// `dueAt <= now`; this check turns such rows into status 'overdue', leaves an 'overdue' step and
// proposes penalty points against the responsible window — exactly once per case, also with several
// app nodes (each case is re-read under a row lock and flagged only if still open). It runs on
// every read of the case lists, before statistics, from `rectificationCases:checkOverdue`, and from a
// timer after start (a cache of the rule, not its source: a restart loses nothing).
//
// Workflows: the status change goes through the repository, so NocoBase's collection trigger sees it
// ("rectificationCases" / "complaints", on update, changed field status, condition status = overdue);
// the app also emits `appointment-duty:caseOverdue` { collection, id, windowId, dueAt } after commit.
import type { Database, Transaction } from '@nocobase/database';
import { Op } from '@nocobase/database';
import type { Plugin } from '@nocobase/server';
import { clock } from '../shared/clock';
import { inWriteTransaction } from '../shared/acting';
import { addStep, CASE_KINDS, CaseCollection } from './cases';
import { loadAftercareSettings } from './settings';

export const CASE_OVERDUE_EVENT = 'appointment-duty:caseOverdue';
const TICK_MS = 5 * 60 * 1000;

/** Flags every open case due by `now`; returns how many this call flagged. */
export async function markOverdue(app: any, db: Database, now: Date): Promise<number> {
  let flagged = 0;
  for (const collection of Object.keys(CASE_KINDS) as CaseCollection[]) {
    const due = await db.getModel(collection).findAll({
      where: { status: 'open', dueAt: { [Op.lte]: now } }, attributes: ['id'], raw: true,
    });
    for (const { id } of due as any[]) {
      const done = await inWriteTransaction(app, db, (t: Transaction) => flagOne(db, collection, id, now, t));
      if (done) {
        flagged++;
        app.emit?.(CASE_OVERDUE_EVENT, done);
      }
    }
  }
  return flagged;
}

async function flagOne(db: Database, collection: CaseCollection, id: number, now: Date, transaction: Transaction) {
  // Row lock (PostgreSQL/MariaDB): a second node waits here, then sees the row no longer open.
  const row: any = await db.getModel(collection).findOne({
    where: { id, status: 'open', dueAt: { [Op.lte]: now } }, lock: transaction.LOCK.UPDATE, transaction,
  });
  if (!row) return null;
  await db.getRepository(collection).update({ filterByTk: id, values: { status: 'overdue', overdueAt: now }, transaction });
  await addStep(db, collection, id, { kind: 'overdue', at: now, byId: null, role: 'system' }, transaction);
  const settings = await loadAftercareSettings(db, { transaction });
  if (settings.overduePenaltyPoints > 0) {
    // A proposal for the section to confirm or dismiss (R-SUP-1); the evidence is the case.
    await db.getRepository('penalties').create({
      values: {
        windowId: row.get('windowId'), bookingId: row.get('bookingId'), reason: 'overdueCase', points: settings.overduePenaltyPoints,
        status: 'proposed', evidenceType: collection, evidenceId: id, occurredAt: row.get('dueAt'),
        note: `${collection} #${id} due ${row.get('dueDate')}`,
      },
      transaction,
    });
  }
  return { collection, id, windowId: row.get('windowId'), dueAt: row.get('dueAt') };
}

/** On-read evaluation for the standard list/get of cases, and the timer (off under the test clock). */
export function registerOverdueCheck(plugin: Plugin) {
  const { app } = plugin;
  app.resourceManager.use(async (ctx: any, next: () => Promise<void>) => {
    const { resourceName, actionName } = ctx.action ?? {};
    if (resourceName in CASE_KINDS && (actionName === 'list' || actionName === 'get')) {
      await markOverdue(app, ctx.db, clock.now());
    }
    await next();
  });
  // Tests fix the clock; a real-time tick would flag their cases against today's date.
  if (process.env.APPOINTMENT_DUTY_TEST_CLOCK === 'true') return;
  let timer: NodeJS.Timeout | null = null;
  app.on('afterStart', () => {
    timer = setInterval(() => {
      markOverdue(app, plugin.db, clock.now()).catch((e) => plugin.log.error(`overdue check failed: ${e?.message}`));
    }, TICK_MS);
    timer.unref?.();
  });
  app.on('beforeStop', () => {
    if (timer) clearInterval(timer);
    timer = null;
  });
}
