// One real NocoBase application per test file: the plugins we depend on plus ours (loaded by
// package name from dist/, exactly as a host app loads it), on SQLite in memory by default or
// on a fresh PostgreSQL / MariaDB database when DB_DIALECT says so.
import supertest from 'supertest';
import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { applyEnv, pkg } = require('../../packages/app/env.js');

export const PLUGIN = pkg.name as string;
export const BASE_PLUGINS = [
  'field-sort', 'data-source-main', 'data-source-manager', 'error-handler', 'users', 'acl', 'auth',
  'system-settings', 'ui-schema-storage', 'workflow', 'notification-manager', 'notification-in-app-message',
];

async function databaseOptions(shared = false, timezone = '+08:00') {
  const dialect = process.env.DB_DIALECT || 'sqlite';
  if (dialect === 'sqlite' && !shared) return { dialect, storage: ':memory:' };
  // A file another Application (a restart, a second process) can open too.
  if (dialect === 'sqlite') return { dialect, storage: require('node:path').join(require('node:os').tmpdir(), `govhall_t_${randomUUID().slice(0, 12)}.sqlite`), dropAfter: true };
  const database = `govhall_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const host = process.env.DB_HOST || '127.0.0.1';
  if (dialect === 'postgres') {
    const { Client } = require('pg');
    const admin = new Client({ host, port: +(process.env.DB_PORT || 5432), user: process.env.DB_USER || 'postgres',
      password: process.env.DB_PASSWORD || '', database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    return { dialect, host, port: +(process.env.DB_PORT || 5432), username: process.env.DB_USER || 'postgres',
      password: process.env.DB_PASSWORD || '', database, dropAfter: true };
  }
  if (dialect === 'mariadb' || dialect === 'mysql') {
    const mariadb = require('mariadb');
    const conn = await mariadb.createConnection({ host, port: +(process.env.DB_PORT || 3306), user: process.env.DB_USER || 'root',
      password: process.env.DB_PASSWORD || '' });
    await conn.query(`CREATE DATABASE ${database}`);
    await conn.end();
    return { dialect, host, port: +(process.env.DB_PORT || 3306), username: process.env.DB_USER || 'root',
      password: process.env.DB_PASSWORD || '', database, timezone, dropAfter: true };
  }
  throw new Error(`Unsupported DB_DIALECT ${dialect}`);
}

export async function dropDatabase(o: any) {
  if (o.dialect === 'sqlite') {
    require('node:fs').rmSync(o.storage, { force: true });
  } else if (o.dialect === 'postgres') {
    const { Client } = require('pg');
    const admin = new Client({ host: o.host, port: o.port, user: o.username, password: o.password, database: 'postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${o.database} WITH (FORCE)`);
    await admin.end();
  } else {
    const conn = await require('mariadb').createConnection({ host: o.host, port: o.port, user: o.username, password: o.password });
    await conn.query(`DROP DATABASE IF EXISTS ${o.database}`);
    await conn.end();
  }
}

export interface TestApp {
  app: any;
  db: any;
  request: () => supertest.SuperTest<supertest.Test>;
  /** An HTTP agent signed in as the given user (by username). */
  as: (username: string) => Promise<Agent>;
  /** The demo windows, service items and one user per role (what `npm start` seeds). */
  seedDemo: () => Promise<void>;
  destroy: () => Promise<void>;
  /** The database options, for a second Application on the same database (`reuse`). */
  database: any;
}

export interface Agent {
  get: (url: string) => supertest.Test;
  post: (url: string) => supertest.Test;
  token: string;
}

export interface TestAppOptions {
  plugins?: string[];
  /** A database another Application can open too (SQLite: a temporary file instead of memory). */
  shared?: boolean;
  /** Open this installed database (another TestApp's `database`) instead of a new one: no install, and destroy() leaves it. */
  reuse?: any;
  /** Application name (two apps in one process need different names). */
  name?: string;
  /** MariaDB/MySQL: the connection's time zone, in which DATETIME columns hold wall times (default +08:00; NocoBase's own default is +00:00). */
  timezone?: string;
}

// The test clock — test code only; production reads the real time and no request can move it.
// While a request of a test runs, "now" is its X-Test-Now header; outside requests (the workflow
// scheduler's tick a test calls) APPOINTMENT_DUTY_TEST_NOW; else the real time. The plugin's one
// clock (src/server/shared/clock.ts) is pointed here once per test file.
const requestNow = new AsyncLocalStorage<Date>();

function installTestClock() {
  const { clock } = require('../../dist/server/index.js');
  clock.use(() => {
    const fixed = requestNow.getStore() ?? process.env.APPOINTMENT_DUTY_TEST_NOW;
    return fixed ? new Date(fixed) : new Date();
  });
}

/** The app's HTTP handler with each request's X-Test-Now as "now" while it runs (and what it triggers). */
function withTestNow(handler: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['x-test-now'];
    if (!header) return handler(req, res);
    const now = new Date(String(header));
    if (Number.isNaN(now.getTime())) {
      res.statusCode = 400;
      return res.end(`test harness: X-Test-Now "${header}" is not a time`);
    }
    return requestNow.run(now, () => handler(req, res));
  };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // APPOINTMENT_DUTY_TEST_CLOCK: no background timers (attendance sweep, overdue check, workflow
  // tick) — tests fix the clock and run those themselves.
  // Server logs stay quiet (the suite provokes errors on purpose); TEST_LOGS=1 shows them.
  applyEnv({
    LOGGER_LEVEL: 'error', LOGGER_TRANSPORT: 'console', LOGGER_SILENT: process.env.TEST_LOGS ? 'false' : 'true',
    APPOINTMENT_DUTY_TEST_CLOCK: 'true',
  });
  installTestClock();
  const { Application } = require('@nocobase/server');
  const database: any = options.reuse ? { ...options.reuse, dropAfter: false } : await databaseOptions(options.shared, options.timezone);
  const app = new Application({
    ...(options.name ? { name: options.name } : {}),
    database: { ...database, logging: false },
    acl: true,
    resourcer: { prefix: '/api' },
    plugins: [...BASE_PLUGINS, ...(options.plugins ?? [PLUGIN])],
    logger: { level: 'error' },
  });
  if (!options.reuse) await app.runCommand('install', '-f');
  await app.runCommand('start');
  const request = () => supertest.agent(withTestNow(app.callback())) as any;

  const as = async (username: string): Promise<Agent> => {
    const user = await app.db.getRepository('users').findOne({ filter: { username } });
    if (!user) throw new Error(`no user ${username}`);
    const authPlugin: any = app.pm.get('auth');
    const token = authPlugin.app.authManager.jwt.sign({ userId: user.id });
    const withAuth = (t: supertest.Test) =>
      t.set('Authorization', `Bearer ${token}`).set('X-Authenticator', 'basic').set('X-Locale', 'zh-CN');
    return {
      token,
      get: (url) => withAuth(request().get(url)),
      post: (url) => withAuth(request().post(url)),
    };
  };

  return {
    app,
    database,
    db: app.db,
    request,
    as,
    seedDemo: async () => {
      const { seedDemo } = require('../../dist/server/index.js');
      await seedDemo(app.db);
    },
    destroy: async () => {
      await app.destroy();
      if (database.dropAfter) await dropDatabase(database);
    },
  };
}
