// SQLite only (development and tests; NocoBase does not support SQLite in production): the one
// connection taken in turns, as a server database's locks would.
//
// In-memory SQLite is ONE connection for the whole app. A statement sent while another flow's
// transaction is open runs inside that transaction (and is undone by its rollback); a second BEGIN
// fails, and sequelize's ROLLBACK after that failure ends the FIRST transaction. So the workflow
// engine (its executions, jobs, notifications), the booking actions and every other request could
// only run one after the other if someone waited: before this, each booking action held its lock
// until the engine was idle again, so an answer waited for its notifications.
//
// Instead the connection has a turn: a transaction holds it from BEGIN to COMMIT/ROLLBACK, a
// statement outside any transaction takes it for itself, and everyone else queues (FIFO). Code
// running inside the holder's transaction (its callback, or the caller of an unmanaged
// transaction) goes through, as before. An answer therefore waits at most for the transaction
// in front of it — never for the workflows it triggered, which run after it, off the request.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Turn {
  /** The transaction holding the connection; null for a single statement. */
  tx: any | null;
}

const INSTALLED = Symbol.for('@govhall/plugin-appointment-duty:sqliteTurns');
/** Past this, a waiter goes ahead (and says so): a hidden self-wait must not hang the app. */
const MAX_WAIT_MS = 60000;

export class SqliteTurns {
  private holder: Turn | null = null;
  private readonly queue: { turn: Turn; go: () => void }[] = [];
  private readonly scope = new AsyncLocalStorage<Turn>();

  constructor(private readonly warn: (msg: string) => void = (msg) => console.warn(msg)) {}

  /** True when the running code belongs to the flow that has the connection now. */
  mine(): boolean {
    const store = this.scope.getStore();
    return !!store && store === this.holder;
  }

  /** True inside the holder's transaction while it is still open (a nested BEGIN from there). */
  inOpenTransaction(): boolean {
    return this.mine() && !!this.holder?.tx && !this.holder.tx.finished;
  }

  /** Waiting flows (tests and the bench read it). */
  get waiting(): number {
    return this.queue.length;
  }

  acquire(turn: Turn): Promise<void> | void {
    if (!this.holder && !this.queue.length) {
      this.holder = turn;
      return;
    }
    return new Promise<void>((resolve) => {
      const entry = { turn, go: () => { clearTimeout(timer); this.holder = turn; resolve(); } };
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(entry);
        if (i < 0) return;
        this.queue.splice(i, 1);
        this.warn(`[sqlite] waited ${MAX_WAIT_MS} ms for the connection; going ahead (a flow waits for itself?)`);
        resolve();
      }, MAX_WAIT_MS);
      timer.unref?.();
      this.queue.push(entry);
    });
  }

  release(turn: Turn) {
    if (this.holder !== turn) return;
    this.holder = null;
    this.queue.shift()?.go();
  }

  run<T>(turn: Turn, fn: () => T): T {
    return this.scope.run(turn, fn);
  }

  /** Unmanaged transactions: the caller's own continuation belongs to the turn. */
  enter(turn: Turn) {
    this.scope.enterWith(turn);
  }
}

/** The turns of a database, installed once per sequelize instance (SQLite only; undefined elsewhere). */
export function sqliteTurnsOf(db: any): SqliteTurns | undefined {
  return db?.sequelize?.[INSTALLED];
}

/** Puts the app's SQLite connection under turns; a no-op on other databases and when already done. */
export function takeSqliteTurns(db: any, warn?: (msg: string) => void): SqliteTurns | undefined {
  const sequelize = db.sequelize;
  if (sequelize.getDialect() !== 'sqlite') return undefined;
  if (sequelize[INSTALLED]) return sequelize[INSTALLED];
  const turns = new SqliteTurns(warn);
  sequelize[INSTALLED] = turns;
  const query = sequelize.query.bind(sequelize);
  const transaction = sequelize.transaction.bind(sequelize);

  sequelize.query = async (sql: unknown, options?: any) => {
    if (options?.transaction || turns.mine()) return query(sql, options);
    const turn: Turn = { tx: null };
    await turns.acquire(turn);
    try {
      return await turns.run(turn, () => query(sql, options));
    } finally {
      turns.release(turn);
    }
  };

  sequelize.transaction = (options?: any, callback?: any) => {
    if (typeof options === 'function') [callback, options] = [options, undefined];
    // A savepoint inside a transaction, or a nested BEGIN from inside the open one: as before.
    if (options?.transaction || turns.inOpenTransaction()) return transaction(options, callback);
    const turn: Turn = { tx: null };
    const hold = (tx: any) => {
      turn.tx = tx;
      // Released the moment the transaction ends, before other after-commit hooks run: those
      // (e.g. a workflow trigger) are the next flow's work and queue like anyone else.
      tx.afterCommit(() => turns.release(turn));
      const rollback = tx.rollback.bind(tx);
      tx.rollback = async () => {
        try {
          return await rollback();
        } finally {
          turns.release(turn);
        }
      };
      return tx;
    };
    if (!callback) {
      turns.enter(turn);
      return (async () => {
        await turns.acquire(turn);
        try {
          return hold(await transaction(options));
        } catch (error) {
          turns.release(turn);
          throw error;
        }
      })();
    }
    return (async () => {
      await turns.acquire(turn);
      try {
        return await transaction(options, (tx: any) => turns.run(turn, () => callback(hold(tx))));
      } finally {
        turns.release(turn);
      }
    })();
  };
  return turns;
}
