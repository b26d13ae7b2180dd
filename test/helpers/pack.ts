// A second, plain NocoBase 2.2 app for test/server/pack.test.ts: it gets our plugin only the way
// a user installs a plugin that is not on npm — the `npm pack` tarball unpacked into
// <STORAGE_PATH>/plugins/@govhall/plugin-appointment-duty (by `pm add <tarball>`, as the plugin
// manager's upload does) — and runs the real @nocobase/app CLI in child processes.
//
// How NocoBase 2.2.15 finds such a plugin (read in @nocobase/utils/plugin-symlink.js,
// plugin-package.js, @nocobase/server/lib/gateway/index.js, plugin-manager/*.js):
// - discovery: every folder with a package.json under PLUGIN_STORAGE_PATH (and cwd/packages/plugins);
// - Gateway.run() calls syncPluginSymlinks(): it links NODE_MODULES_PATH/<name> -> the storage
//   folder, *replacing an existing symlink that points elsewhere* (only a real directory wins);
// - the plugin is then loaded with a bare require('<name>') from @nocobase/utils, i.e. ordinary
//   Node resolution, not NODE_MODULES_PATH. So the storage copy's own require('@nocobase/server')
//   only resolves with --preserve-symlinks (the `nocobase` CLI puts it in NODE_OPTIONS) or NODE_PATH.
//
// Why the second app gets its own node_modules: ours holds a symlink
// @govhall/plugin-appointment-duty -> the repo (packages/app/env.js ensureSelfLink). With our
// node_modules as NODE_MODULES_PATH, syncPluginSymlinks would re-point that link into the temp
// storage (breaking the other tests), and require() could load the repo's dist instead of the
// tarball. A folder of symlinks to our packages is not enough either: NocoBase realpath()s plugin
// folders (getPluginBasePath) and loads their migrations from the real path, so @nocobase/* would
// load twice (seen: plugin-workflow-cc's migration gets no workflow plugin and `upgrade` fails).
// So the second app gets a real node_modules: a hard-link copy of ours without @govhall (1-2 s,
// no extra disk), like any app that never heard of this repo.
import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { applyEnv, root, pkg } = require('../../packages/app/env.js');

export const ROOT: string = root;
export const PLUGIN: string = pkg.name;
export const TARBALL = `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;

const newestMtime = (p: string): number => {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
};

/**
 * dist/ as `npm run build` makes it. `npm test` builds first, so this normally does nothing; when the
 * sources are newer (a developer ran jest alone after editing) it rebuilds, so the tarball is never stale.
 */
export function ensureBuilt(): void {
  const built = fs.existsSync(path.join(ROOT, 'dist/server/index.js')) ? newestMtime(path.join(ROOT, 'dist')) : 0;
  const sources = Math.max(
    ...['src', 'collections', 'migrations', 'packages/build', 'package.json'].map((p) => newestMtime(path.join(ROOT, p))),
  );
  if (built >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'packages/build/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export interface Packed {
  tarball: string;
  /** What `npm pack --json` says it packed. */
  npmFiles: string[];
  /** What is really in the .tgz (`tar -tzf`), without the leading `package/`. */
  tarFiles: string[];
}

/** `npm pack` into dir (scripts skipped: ensureBuilt() did the prepack build). */
export function npmPack(dir: string): Packed {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out.slice(out.indexOf('[')));
  const tarball = path.join(dir, info.filename);
  const tarFiles = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n').filter(Boolean)
    .map((f) => f.replace(/^package\//, ''))
    .filter((f) => !f.endsWith('/'));
  return { tarball, npmFiles: info.files.map((f: any) => f.path), tarFiles };
}

/** The README's by-hand way: tar -xzf … --strip-components=1 -C <storage>/plugins/<package name>. */
export function extractIntoStorage(tarball: string, storagePath: string): string {
  const dir = path.join(storagePath, 'plugins', PLUGIN);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '--strip-components=1', '-C', dir]);
  return dir;
}

/** The app's own node_modules: ours minus @govhall, hard-linked (copied if /tmp is another file system). */
export function hostNodeModules(dir: string): string {
  const nm = path.join(dir, 'node_modules');
  fs.mkdirSync(nm, { recursive: true });
  const entries = fs.readdirSync(path.join(ROOT, 'node_modules'))
    .filter((e) => e !== '@govhall')
    .map((e) => path.join(ROOT, 'node_modules', e));
  try {
    execFileSync('cp', ['-al', ...entries, nm], { stdio: 'pipe' });
  } catch {
    fs.rmSync(nm, { recursive: true, force: true });
    fs.mkdirSync(nm, { recursive: true });
    execFileSync('cp', ['-a', ...entries, nm], { stdio: 'pipe' });
  }
  return nm;
}

/** Loaded with --require in every child: logs each of our plugin's JS files Node loads, with its real path. */
export function writeProbe(dir: string): { probe: string; log: string } {
  const probe = path.join(dir, 'probe.js');
  const log = path.join(dir, 'loaded-plugin-files.jsonl');
  fs.writeFileSync(
    probe,
    `const fs = require('fs');
const Module = require('module');
const load = Module._extensions['.js'];
Module._extensions['.js'] = function (m, filename) {
  if (filename.includes(${JSON.stringify(PLUGIN)})) {
    fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ file: filename, real: fs.realpathSync(filename) }) + '\\n');
  }
  return load.call(this, m, filename);
};
`,
  );
  return { probe, log };
}

export function readProbe(log: string): { file: string; real: string }[] {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface HostApp {
  dir: string;
  storage: string;
  nodeModules: string;
  env: NodeJS.ProcessEnv;
  probeLog: string;
  port: number;
  /** Runs `node node_modules/@nocobase/app/lib/index.js <args>` to its end. */
  cli: (args: string[], timeoutMs?: number) => Promise<{ code: number; output: string }>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** The server's output so far (for failure messages). */
  serverOutput: () => string;
}

/**
 * A plain NocoBase 2.2 app in a temp dir: the environment of packages/app/env.js (what `npm start`
 * uses), with its own storage, SQLite file, gateway socket, port and node_modules.
 */
export async function createHostApp(): Promise<HostApp> {
  // os.tmpdir(), never inside the repo: from a folder under the repo, Node's upward node_modules
  // lookup would find our node_modules and hide a tarball that does not resolve on its own.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'govhall-pack-')));
  const storage = path.join(dir, 'storage');
  const appDir = path.join(dir, 'app');
  const nodeModules = hostNodeModules(appDir);
  const { probe, log } = writeProbe(dir);
  const port = await freePort();

  const env: NodeJS.ProcessEnv = { ...applyEnv({ LOGGER_LEVEL: 'error' }) };
  // Whatever the suite runs on (DB_DIALECT=postgres …), this app is SQLite: this test proves the
  // packaging (tarball -> storage/plugins -> loaded and enabled), not the database.
  for (const k of Object.keys(env)) {
    if (k.startsWith('DB_') || k.startsWith('JEST') || k === 'APPOINTMENT_DUTY_DEMO' || k === 'NODE_ENV') delete env[k];
  }
  // A plain app knows only NocoBase's own prefixes (@nocobase/plugin-, @nocobase/preset-); ours
  // (@govhall/plugin-) is our dev app's addition. Without it the plugin's name is its package name.
  delete env.PLUGIN_PACKAGE_PREFIX;
  Object.assign(env, {
    DB_DIALECT: 'sqlite',
    DB_STORAGE: path.join(storage, 'db/nocobase.sqlite'),
    DB_UNDERSCORED: 'false',
    STORAGE_PATH: storage,
    LOCAL_STORAGE_DEST: path.join(storage, 'uploads'),
    PLUGIN_STORAGE_PATH: path.join(storage, 'plugins'),
    SOCKET_PATH: path.join(storage, 'gateway.sock'), // never talk to another running app's gateway
    NODE_MODULES_PATH: nodeModules,
    APP_PACKAGE_ROOT: path.join(nodeModules, '@nocobase/app'),
    // As the `nocobase` CLI sets them: the storage copy, linked into node_modules, finds @nocobase/*.
    NODE_PATH: nodeModules,
    NODE_OPTIONS: `--preserve-symlinks --require ${probe}`,
    APP_PORT: String(port),
    LOGGER_LEVEL: 'error',
  });
  fs.mkdirSync(path.join(storage, 'db'), { recursive: true });

  const entry = path.join(nodeModules, '@nocobase/app/lib/index.js');
  const cli = (args: string[], timeoutMs = 120000) =>
    new Promise<{ code: number; output: string }>((resolve) => {
      execFile(process.execPath, [entry, ...args], { cwd: appDir, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
        (err: any, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: `${stdout}${stderr}` }));
    });

  let server: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    // Own process group, so stop() ends the server and anything it spawned, and nothing else.
    server = spawn(process.execPath, [entry, 'start', '--port', String(port)], { cwd: appDir, env, detached: true });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 120000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${output.slice(-4000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/app:getInfo`);
        if (res.ok) return;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`server not up on ${port} after 120 s:\n${output.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const stop = async () => {
    const s = server;
    server = undefined;
    if (!s || s.exitCode !== null || s.signalCode !== null) return;
    const exited = new Promise((r) => s.once('exit', r));
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-s.pid!, sig);
      } catch {
        /* already gone */
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
  };

  return { dir, storage, nodeModules, env, probeLog: log, port, cli, start, stop, serverOutput: () => output };
}

/** applicationPlugins row of a package in the host app's SQLite file (read with no app running on it). */
export async function pluginRow(dbFile: string, packageName: string): Promise<any> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const sqlite3 = require('sqlite3');
  const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
  try {
    return await new Promise((resolve, reject) =>
      db.get('SELECT name, packageName, version, enabled, installed FROM applicationPlugins WHERE packageName = ?', [packageName],
        (err: Error, row: any) => (err ? reject(err) : resolve(row ?? null))),
    );
  } finally {
    await new Promise((r) => db.close(r));
  }
}
