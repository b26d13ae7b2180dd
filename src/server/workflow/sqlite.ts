// SQLite only (development and tests; NocoBase does not support SQLite in production). An
// in-memory SQLite database is ONE connection: two transactions at once interleave, and the first
// COMMIT ends both ("cannot commit - no transaction is active"). Booking writes already queue
// through one lock (actions/bookings.ts). The workflows that booking changes trigger would run
// beside the next write, so on SQLite the code that triggers them (the booking action's
// after-commit, the scheduler's tick) keeps the lock until the workflow engine is idle again:
// bookings and their workflows then take turns. Nodes run inside that wait, so they neither take
// the lock nor wait for idleness themselves (nodeScope tells).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Transaction } from '@nocobase/database';
import { BOOKING_SQLITE_LOCK } from '../actions/bookings';

const isSqlite = (db: Database) => db.sequelize.getDialect() === 'sqlite';
const nodeScope = new AsyncLocalStorage<boolean>();

/** A node's own transaction, marked as running inside the workflow engine. */
export function inNodeTransaction<T>(app: any, db: Database, fn: (transaction: Transaction) => Promise<T>): Promise<T> {
  return nodeScope.run(true, () => db.sequelize.transaction(fn));
}

/** Scheduler work outside a booking action (tick): queued behind booking writes on SQLite. */
export function queuedOnSqlite<T>(app: any, db: Database, fn: () => Promise<T>): Promise<T> {
  if (!isSqlite(db)) return fn();
  return app.lockManager.runExclusive(BOOKING_SQLITE_LOCK, fn, 120000);
}

function busy(workflowPlugin: any): boolean {
  const d = workflowPlugin.dispatcher;
  if (d && (d.executing || d.saving || d.events?.length)) return true;
  const adapter = workflowPlugin.app.eventQueue?.adapter;
  const pending = (m: any) => (m instanceof Map ? [...m.values()].some((list: any) => list?.length) : false);
  return pending(adapter?.queues) || pending(adapter?.reading);
}

/** SQLite: wait (bounded) until the workflow engine has processed what was just triggered. */
export async function settleOnSqlite(db: Database, workflowPlugin: any, timeoutMs = 15000) {
  if (!isSqlite(db) || nodeScope.getStore()) return;
  const deadline = Date.now() + timeoutMs;
  for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 5));
    quiet = busy(workflowPlugin) ? 0 : quiet + 1;
  }
}
