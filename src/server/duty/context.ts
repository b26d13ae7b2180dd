// Running a duty action: who acts (roles, windows led and staffed — the bookings' actor), "now"
// (the test clock), one transaction, and on SQLite one writer at a time through the lock manager.
import type { Context } from '@nocobase/actions';
import type { Database, Transaction } from '@nocobase/database';
import { RuleViolation } from '../../rules/errors';
import { recordId } from '../../rules/input';
import { Actor, actorOf } from '../bookings/context';

export interface DutyActing {
  db: Database;
  actor: Actor;
  now: Date;
  transaction: Transaction;
  app: any;
}

/** Test clock: honoured only when the app runs with APPOINTMENT_DUTY_TEST_CLOCK=true (tests). */
export function nowOf(ctx: Context): Date {
  const fixed = ctx.get?.('X-Test-Now');
  return fixed && process.env.APPOINTMENT_DUTY_TEST_CLOCK === 'true' ? new Date(fixed) : new Date();
}

/** Writes of one process queue on SQLite (one connection); server databases run them concurrently. */
export function inTransaction<T>(app: any, db: Database, fn: (transaction: Transaction) => Promise<T>): Promise<T> {
  const run = () => db.sequelize.transaction((transaction: Transaction) => fn(transaction));
  if (db.sequelize.getDialect() !== 'sqlite') return run();
  return app.lockManager.runExclusive('appointment-duty:bookings-sqlite', run, 60000);
}

export async function withDuty<T>(ctx: Context, fn: (a: DutyActing) => Promise<T>): Promise<T> {
  return inTransaction(ctx.app, ctx.db, async (transaction) => {
    const actor = await actorOf(ctx, transaction);
    return fn({ db: ctx.db, actor, now: nowOf(ctx), transaction, app: ctx.app });
  });
}

export const isAdmin = (a: Actor) => a.roles.includes('admin');
export const isSection = (a: Actor) => a.roles.some((r) => r === 'section' || r === 'sectionChief' || r === 'admin');

/** Leads the window (or is admin/section, who act for any window). */
export function mayManageWindow(a: Actor, windowId: number) {
  return isSection(a) || (a.roles.includes('windowLead') && a.leads.includes(windowId));
}

export function assertManages(a: Actor, windowId: number) {
  if (!mayManageWindow(a, windowId)) throw new RuleViolation('NOT_WINDOW_LEAD', { window: windowId }, 403);
}

export function assertSection(a: Actor) {
  if (!isSection(a)) throw new RuleViolation('SECTION_ONLY', {}, 403);
}

export function idOf(raw: unknown, code: string): number {
  const id = recordId(raw);
  if (id === null) throw new RuleViolation(code, { id: String(raw ?? '').slice(0, 40) }, 404);
  return id;
}
