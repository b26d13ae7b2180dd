// Related rows read as JSON inside one statement (issue 14): a booking's lifecycle step loads the
// booking, its service item and its dispatch parts in ONE SELECT, the item and the parts as JSON
// subselects, instead of sequelize's include (a JOIN whose rows it dedupes and builds into nested
// instances: 3–4 ms of CPU per step on the wide booking row). The instances built here are those a
// query result gives (not new records, JSON parsed, dates as Date, booleans as booleans, decimals
// as the drivers' text), so they answer, `get` and `update` as findByPk's did. PostgreSQL, SQLite
// and MariaDB.
import type { Database } from '@nocobase/database';
import { column, ident, table as tableOf } from './sql';

/** `t.field AS "attribute"`-style pairs of the collection's columns (`only`: these attributes), over `alias`. */
function columns(db: Database, collection: string, alias: string, only?: string[]) {
  const attrs = (db.getModel(collection) as any).rawAttributes;
  const dialect = db.sequelize.getDialect();
  return (only ?? Object.keys(attrs)).map((name) => {
    const expr = `${alias}.${ident(db, attrs[name].field)}`;
    // PostgreSQL's and MariaDB's drivers give a decimal as its text ('12.50'); JSON would make it a number.
    if (typeKey(attrs[name].type) !== 'DECIMAL' || dialect === 'sqlite') return { name, expr };
    return { name, expr: dialect === 'postgres' ? `CAST(${expr} AS TEXT)` : `CAST(${expr} AS CHAR)` };
  });
}

/** The object for one row of `alias`, in the dialect's JSON. */
function objectOf(db: Database, collection: string, alias: string, only?: string[]) {
  const cols = columns(db, collection, alias, only);
  const esc = (s: string) => db.sequelize.escape(s);
  // PostgreSQL's json_build_object takes at most 100 arguments; the item may grow fields in the UI.
  if (db.sequelize.getDialect() === 'postgres') {
    return { select: cols.map((c) => `${c.expr} AS ${ident(db, c.name)}`).join(', '), wrap: (x: string) => `row_to_json(${x})` };
  }
  // SQLite's json_object, MariaDB's JSON_OBJECT: the same call.
  return { select: '', wrap: () => `json_object(${cols.map((c) => `${esc(c.name)}, ${c.expr}`).join(', ')})` };
}

/** A subselect: the one `collection` row matching `where` (over `alias`) as a JSON object, or NULL. */
export function jsonObjectSql(db: Database, collection: string, alias: string, where: string): string {
  const table = tableOf(db, collection);
  const o = objectOf(db, collection, alias);
  if (db.sequelize.getDialect() === 'postgres') return `(SELECT ${o.wrap('x')} FROM (SELECT ${o.select} FROM ${table} ${alias} WHERE ${where}) x)`;
  return `(SELECT ${o.wrap('')} FROM ${table} ${alias} WHERE ${where})`;
}

/** A subselect: the `collection` rows matching `where` (over `alias`) as a JSON array, by id; `only`: these attributes. */
export function jsonArraySql(db: Database, collection: string, alias: string, where: string, only?: string[]): string {
  const table = tableOf(db, collection);
  const id = `${alias}.${column(db, collection, 'id')}`;
  const o = objectOf(db, collection, alias, only && !only.includes('id') ? ['id', ...only] : only);
  if (db.sequelize.getDialect() === 'postgres') {
    return `(SELECT coalesce(json_agg(${o.wrap('x')} ORDER BY x.${ident(db, 'id')}), '[]'::json) FROM (SELECT ${o.select} FROM ${table} ${alias} WHERE ${where}) x)`;
  }
  if (db.sequelize.getDialect() === 'sqlite') {
    // json_group_array keeps its input's order in practice but does not promise it: the builder
    // below sorts by id.
    return `(SELECT json_group_array(${o.wrap('')}) FROM (SELECT * FROM ${table} ${alias} WHERE ${where} ORDER BY ${id}) ${alias})`;
  }
  return `(SELECT JSON_ARRAYAGG(${o.wrap('')} ORDER BY ${id}) FROM ${table} ${alias} WHERE ${where})`; // MariaDB: NULL for none
}

/**
 * A DATE column's JSON text as an instant. PostgreSQL writes ISO with its zone; SQLite keeps
 * '2026-02-17 02:00:00.000 +00:00'; MariaDB writes its DATETIME without a zone, in the connection's
 * time zone (NocoBase's default '+00:00'). A zoneless value takes `zone`.
 */
function instant(value: unknown, zone: string): Date {
  if (typeof value !== 'string' || /(Z|[+-]\d\d:?\d\d)$/.test(value.trim())) return new Date(value as any);
  return new Date(`${value.trim().replace(' ', 'T')}${zone}`);
}

const typeKey = (type: any): string | undefined => type?.key ?? type?.constructor?.key;

/** A value of the JSON back in the type the driver gives for the attribute's column. */
function typed(type: any, value: unknown, dialect: string, zone: string): unknown {
  if (value === null || value === undefined) return value;
  switch (typeKey(type)) {
    case 'DATE':
    case 'DATETIME': // NocoBase's datetimeNoTz on MariaDB: read in the connection's zone, as mysql2 does
      return instant(value, zone);
    case 'TIMESTAMP': // NocoBase's datetimeNoTz on PostgreSQL: node-postgres reads it in local time
      return typeof value === 'string' ? new Date(value) : value;
    case 'BOOLEAN':
      return Boolean(value);
    case 'JSON':
    case 'JSONB':
      // Only PostgreSQL nests a JSON column as JSON; SQLite and MariaDB embed its text.
      return dialect !== 'postgres' && typeof value === 'string' ? JSON.parse(value) : value;
    default:
      return value;
  }
}

/** Plain rows of `collection` from a JSON subselect's value (text or parsed), typed as a raw query gives them, by id. */
export function rowsFromJson(db: Database, collection: string, value: unknown): Record<string, any>[] {
  if (value === null || value === undefined) return [];
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  const list: any[] = Array.isArray(parsed) ? parsed : [parsed];
  const model: any = db.getModel(collection);
  const dialect = db.sequelize.getDialect();
  const zone = dialect === 'sqlite' ? '+00:00' : String((db.sequelize as any).options.timezone || '+00:00');
  const attrs = model.rawAttributes;
  const rows = list.filter(Boolean).map((o) => {
    const row: Record<string, unknown> = {};
    for (const name of Object.keys(o)) row[name] = typed(attrs[name]?.type, o[name], dialect, zone);
    return row;
  });
  return rows.sort((x: any, y: any) => Number(x.id) - Number(y.id));
}

/** Instances of `collection` from a JSON subselect's value, as a query would build them. */
export function instancesFromJson(db: Database, collection: string, value: unknown): any[] {
  return (db.getModel(collection) as any).bulkBuild(rowsFromJson(db, collection, value), { isNewRecord: false, raw: true });
}
