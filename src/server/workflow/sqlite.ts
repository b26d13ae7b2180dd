// A workflow node's own transaction. On SQLite the connection is taken in turns
// (src/server/sqliteTurns.ts): a node's transaction queues behind a booking action's like any
// other, so nodes need no lock of their own and the actions never wait for the engine.
import type { Database, Transaction } from '@nocobase/database';

export function inNodeTransaction<T>(app: any, db: Database, fn: (transaction: Transaction) => Promise<T>): Promise<T> {
  return db.sequelize.transaction(fn);
}
