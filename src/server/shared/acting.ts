// Running one action, once for every feature (bookings, duty, after-service): who acts (the plan's
// roles and the windows the user leads or staffs, in ONE query), "now" (the clock — never a
// request header) and one write transaction, queued on SQLite through NocoBase's lock manager.
// HTTP adapters build an Acting from the request; workflow nodes and the demo seed build one for
// the actor they act as, and all of them call the same service functions.
import type { Context } from '@nocobase/actions';
import type { Database, Transaction } from '@nocobase/database';
import type { PolicyActor, RoleName } from '../../rules/policy';
import { untilAnswered } from './afterAnswer';
import { clock } from './clock';
import { column, ident, table } from './sql';

export type Role = RoleName;
const OURS: Role[] = ['desk', 'section', 'sectionChief', 'windowLead', 'windowStaff'];

export interface Actor extends PolicyActor {
  roles: Role[];
  leads: number[];
  staffs: number[];
  /** Set for a workflow node acting for a role (no person clicked); the audit row says so. */
  system?: true;
}

export interface Acting {
  db: Database;
  actor: Actor;
  now: Date;
  transaction: Transaction;
  app?: any;
}

/** NocoBase role names → the plan's roles (root and admin are both 'admin'). */
export function planRoles(names: readonly string[]): Role[] {
  const roles: Role[] = names.some((r) => r === 'root' || r === 'admin') ? ['admin'] : [];
  for (const r of names) if ((OURS as string[]).includes(r)) roles.push(r as Role);
  return roles;
}


/** The windows a user leads (windows.leadId) and staffs (windows.staff), in one query. */
export async function windowsOf(db: Database, userId: number, transaction?: Transaction) {
  const sql =
    `SELECT ${column(db, 'windows', 'id')} AS id, 'lead' AS rel FROM ${table(db, 'windows')} WHERE ${column(db, 'windows', 'leadId')} = :u ` +
    `UNION ALL SELECT ${column(db, 'windowsStaff', 'windowId')} AS id, 'staff' AS rel FROM ${table(db, 'windowsStaff')} WHERE ${column(db, 'windowsStaff', 'userId')} = :u`;
  const rows: any[] = await db.sequelize.query(sql, { replacements: { u: userId }, type: 'SELECT' as any, transaction });
  const of = (rel: string) => [...new Set(rows.filter((r) => r.rel === rel).map((r) => Number(r.id)))];
  return { leads: of('lead'), staffs: of('staff') };
}

/** A window's lead and staff, in one query (who may handle its bookings, R-DSP-2). */
export async function windowMembers(db: Database, windowId: number, transaction?: Transaction): Promise<Set<number>> {
  const sql =
    `SELECT ${column(db, 'windows', 'leadId')} AS id FROM ${table(db, 'windows')} WHERE ${column(db, 'windows', 'id')} = :w ` +
    `UNION ALL SELECT ${column(db, 'windowsStaff', 'userId')} AS id FROM ${table(db, 'windowsStaff')} WHERE ${column(db, 'windowsStaff', 'windowId')} = :w`;
  const rows: any[] = await db.sequelize.query(sql, { replacements: { w: windowId }, type: 'SELECT' as any, transaction });
  return new Set(rows.filter((r) => r.id !== null).map((r) => Number(r.id)));
}

/**
 * How an action learns the actor's windows: `true` one query up front; `false` never (register: its
 * permission is the role alone, and it must stay as cheap as a plain create); `'withBooking'` in the
 * same statement that loads the booking the step acts on (bookings/engine.ts loadBooking).
 */
export type WindowsLookup = boolean | 'withBooking';

const WINDOWS_PENDING = Symbol('windows read with the booking');

/**
 * An actor whose windows arrive with the booking. Until then `leads`/`staffs` throw: a permission
 * decided before they are known would be decided on nothing.
 */
function actorAwaitingWindows(userId: number, roles: Role[]): Actor {
  const actor: any = { userId, roles, [WINDOWS_PENDING]: true };
  for (const key of ['leads', 'staffs']) {
    Object.defineProperty(actor, key, {
      configurable: true, enumerable: true,
      get() { throw new Error(`actor.${key} read before the booking was loaded`); },
    });
  }
  return actor;
}

/** The user whose windows are still to be read with the booking (see below), or null. */
export function pendingWindowsOf(actor: Actor | undefined): number | null {
  return actor && (actor as any)[WINDOWS_PENDING] ? Number(actor.userId) : null;
}

/** Gives an actor awaiting its windows the ones read with the booking. */
export function settleWindows(actor: Actor, windows: { leads: number[]; staffs: number[] }) {
  Object.defineProperty(actor, 'leads', { value: windows.leads, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(actor, 'staffs', { value: windows.staffs, writable: true, enumerable: true, configurable: true });
  delete (actor as any)[WINDOWS_PENDING];
}

/** An aggregate of a column's ids as comma-separated text (read back with `idList`). */
/** The ids of a subselect's rows, comma-separated (read back with idList). */
export const idsAgg = (db: Database, col: string) =>
  (db.sequelize.getDialect() === 'postgres' ? `string_agg(CAST(${col} AS TEXT), ',')` : `GROUP_CONCAT(${col})`);

/** The same lists as `windowsOf`, as two subselects of another query (comma-separated ids). */
export function windowsOfSql(db: Database, userId: number): { leads: string; staffs: string } {
  const agg = (col: string) => idsAgg(db, col);
  const u = Number(userId);
  return {
    leads: `(SELECT ${agg(column(db, 'windows', 'id'))} FROM ${table(db, 'windows')} WHERE ${column(db, 'windows', 'leadId')} = ${u})`,
    staffs: `(SELECT ${agg(column(db, 'windowsStaff', 'windowId'))} FROM ${table(db, 'windowsStaff')} WHERE ${column(db, 'windowsStaff', 'userId')} = ${u})`,
  };
}

/**
 * `windowMembers` of the `bookings` row of the outer query's window, as two subselects of that
 * query: its lead's id and its staff's ids (comma-separated).
 */
export function windowMembersSql(db: Database): { lead: string; staff: string } {
  const agg = (col: string) => idsAgg(db, col);
  const ref = `${ident(db, db.getModel('bookings').name)}.${column(db, 'bookings', 'windowId')}`;
  return {
    lead: `(SELECT ${column(db, 'windows', 'leadId')} FROM ${table(db, 'windows')} WHERE ${column(db, 'windows', 'id')} = ${ref})`,
    staff: `(SELECT ${agg(column(db, 'windowsStaff', 'userId'))} FROM ${table(db, 'windowsStaff')} WHERE ${column(db, 'windowsStaff', 'windowId')} = ${ref})`,
  };
}

/** The ids of a `windowsOfSql` column. */
export const idList = (v: unknown): number[] =>
  v === null || v === undefined || v === '' ? [] : [...new Set(String(v).split(',').map(Number).filter(Number.isFinite))];

/** The signed-in user as an actor; `windows` says how its windows are learnt (WindowsLookup). */
export async function actorOf(ctx: Context, transaction?: Transaction, { windows = true }: { windows?: WindowsLookup } = {}): Promise<Actor> {
  const user = ctx.state.currentUser;
  const names: string[] = ctx.state.currentRoles ?? [ctx.state.currentRole].filter(Boolean);
  const roles = planRoles(names);
  if (!windows) return { userId: user.id, roles, leads: [], staffs: [] };
  if (windows === 'withBooking') return actorAwaitingWindows(user.id, roles);
  return { userId: user.id, roles, ...(await windowsOf(ctx.db, user.id, transaction)) };
}

/** A stored user as an actor, with their own roles and windows (the demo seed acts as real users). */
export async function actorOfUser(db: Database, user: any, transaction?: Transaction): Promise<Actor> {
  const id = Number(user.get ? user.get('id') : user.id);
  const roles: any[] = await db.getRepository('users').findOne({ filterByTk: id, appends: ['roles'], transaction })
    .then((u: any) => u?.get('roles') ?? []);
  return { userId: id, roles: planRoles(roles.map((r) => r.get('name'))), ...(await windowsOf(db, id, transaction)) };
}

/** A workflow node acting for a role: the audit row records the configured user (or none) and the role. */
export function systemActor(as: { roles: Role[]; userId?: number | null; leads?: number[]; staffs?: number[] }): Actor {
  return { userId: as.userId ?? null, roles: as.roles, leads: as.leads ?? [], staffs: as.staffs ?? [], system: true };
}

/** SQLite only: the lock that queues our writes (and, see src/server/workflow/sqlite.ts, workflow executions). */
export const WRITE_LOCK = 'appointment-duty:bookings-sqlite';

/**
 * One write in its own transaction. SQLite has one connection and no concurrent transactions:
 * queue through NocoBase's lock manager (`app` null: the demo seed at start-up, alone). Server
 * databases run writes concurrently; unique indexes keep capacity and idempotency.
 */
export function inWriteTransaction<T>(app: any, db: Database, fn: (transaction: Transaction) => Promise<T>): Promise<T> {
  // MariaDB/MySQL default to REPEATABLE READ, where a read after waiting for a lock still sees the
  // snapshot of the transaction's first read: READ COMMITTED, as PostgreSQL, sees what the other committed.
  const dialect = db.sequelize.getDialect();
  const options: any = dialect === 'mariadb' || dialect === 'mysql' ? { isolationLevel: 'READ COMMITTED' } : {};
  const run = () => db.sequelize.transaction(options, fn);
  if (!app || dialect !== 'sqlite') return run();
  return app.lockManager.runExclusive(WRITE_LOCK, run, 60000);
}

/**
 * An HTTP request's action: the signed-in actor, now, one write transaction. An actor with its
 * windows stays on `ctx.state.actor` for the answer's shaping (bookings/reads.ts): no second look-up.
 */
export function withActing<T>(ctx: Context, fn: (a: Acting) => Promise<T>, opts: { windows?: WindowsLookup } = {}): Promise<T> {
  // What the step triggers for after commit waits for the answer to be sent (afterAnswer.ts).
  return untilAnswered(ctx.res, () => inWriteTransaction(ctx.app, ctx.db, async (transaction) => {
    const actor = await actorOf(ctx, transaction, opts);
    const result = await fn({ db: ctx.db, app: ctx.app, actor, now: clock.now(), transaction });
    // Set once the step succeeded: by then windows read with the booking are known too.
    if (opts.windows !== false) ctx.state.actor = actor;
    return result;
  }));
}
