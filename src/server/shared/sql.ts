// Names in hand-written SQL, quoted for the database at hand: a collection's table, an
// attribute's column (the field the model maps it to: `underscored` apps rename them) and a bare
// name (an alias, a result column). Every raw statement of the plugin names them through these.
import type { Database } from '@nocobase/database';

/** A bare name (alias, result column) quoted for this database. */
export const ident = (db: Database, name: string) => db.sequelize.getQueryInterface().quoteIdentifier(name);

/** The quoted column of a collection's attribute. */
export const column = (db: Database, collection: string, attr: string) =>
  ident(db, (db.getModel(collection) as any).rawAttributes[attr].field);

/** The quoted table of a collection (with its schema where the database has one). */
export const table = (db: Database, collection: string) => db.getCollection(collection).quotedTableName();
