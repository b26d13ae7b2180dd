// Running a duty action: the shared actor, clock and write transaction (src/server/shared/acting.ts)
// and the duty policy (src/rules/dutyPolicy.ts) — no permission rule of its own here.
import type { Context } from '@nocobase/actions';
import { RuleViolation } from '../../rules/errors';
import { recordId } from '../../rules/input';
import { Acting, withActing } from '../shared/acting';

export type DutyActing = Acting;

export function withDuty<T>(ctx: Context, fn: (a: DutyActing) => Promise<T>): Promise<T> {
  return withActing(ctx, fn);
}

export const isSection = (a: { roles: readonly string[] }) => a.roles.some((r) => r === 'section' || r === 'sectionChief' || r === 'admin');

export function idOf(raw: unknown, code: string): number {
  const id = recordId(raw);
  if (id === null) throw new RuleViolation(code, { id: String(raw ?? '').slice(0, 40) }, 404);
  return id;
}
