// Running one after-service action: the shared actor, clock and write transaction
// (src/server/shared/acting.ts), and the after-service checks of role and own window.
import type { Database, Transaction } from '@nocobase/database';
import { RuleViolation } from '../../rules/errors';
import { recordId } from '../../rules/input';
import { Acting, Actor, withActing } from '../shared/acting';

export { withActing };
export type { Acting };

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
