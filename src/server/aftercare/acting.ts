// Running one after-service action: the actor (roles, windows led/staffed), "now" (the test clock
// header only when the app runs with APPOINTMENT_DUTY_TEST_CLOCK=true), one transaction, and on
// SQLite (one connection) queued through NocoBase's lock manager like the booking actions.
import type { Context } from '@nocobase/actions';
import type { Database, Transaction } from '@nocobase/database';
import { RuleViolation } from '../../rules/errors';
import { recordId } from '../../rules/input';
import { Actor, actorOf } from '../bookings/context';

export interface Acting {
  db: Database;
  actor: Actor;
  now: Date;
  transaction: Transaction;
}

export function nowOf(ctx: Context): Date {
  const fixed = ctx.get?.('X-Test-Now');
  return fixed && process.env.APPOINTMENT_DUTY_TEST_CLOCK === 'true' ? new Date(fixed) : new Date();
}

/** Serialises writes on SQLite; server databases run them concurrently. */
export function exclusive<T>(app: any, db: Database, run: () => Promise<T>): Promise<T> {
  if (db.sequelize.getDialect() !== 'sqlite') return run();
  return app.lockManager.runExclusive('appointment-duty:bookings-sqlite', run, 60000);
}

export function withActing<T>(ctx: Context, fn: (a: Acting) => Promise<T>): Promise<T> {
  const now = nowOf(ctx);
  return exclusive(ctx.app, ctx.db, () =>
    ctx.db.sequelize.transaction(async (transaction: Transaction) => fn({ db: ctx.db, actor: await actorOf(ctx, transaction), now, transaction })),
  );
}

/** The first of `allowed` the actor has, else 403. */
export function roleIn(actor: Actor, allowed: string[], action: string): string {
  const role = allowed.find((r) => (actor.roles as string[]).includes(r));
  if (!role) throw new RuleViolation('ROLE_NOT_ALLOWED', { action, role: actor.roles.join(',') || '-' }, 403);
  return role;
}

/** Window roles see and act on their own window's records only (R-X-2); admin and section see all. */
export function seesAllWindows(actor: Actor): boolean {
  return actor.roles.some((r) => r === 'admin' || r === 'section' || r === 'sectionChief');
}

export function assertOwnWindow(actor: Actor, windowId: number | null, what: string) {
  if (seesAllWindows(actor)) return;
  const mine = [...actor.leads, ...actor.staffs].map(Number);
  if (windowId === null || !mine.includes(Number(windowId))) throw new RuleViolation('RECORD_NOT_YOUR_WINDOW', { number: what }, 403);
}

export async function loadRow(db: Database, collection: string, rawId: unknown, transaction: Transaction, code: string, appends: string[] = []) {
  const id = recordId(rawId);
  const row: any = id ? await db.getRepository(collection).findOne({ filterByTk: id, appends, transaction }) : null;
  if (!row) throw new RuleViolation(code, { id: String(rawId ?? '').slice(0, 40) }, 404);
  return row;
}
