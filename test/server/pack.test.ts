// The tarball `npm pack` makes is what a NocoBase admin installs (README "Install into an existing
// NocoBase 2.2"). This proves it against a second, plain NocoBase 2.2 app run with the real
// @nocobase/app CLI in child processes: install the app, unpack the tarball into its
// storage/plugins (`pm add <tarball>`), `pm enable`, start (which also runs the `upgrade` that
// `pm add` schedules), and call our API. See test/helpers/pack.ts for how NocoBase loads a plugin
// from storage and why the app gets its own node_modules.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  createHostApp, ensureBuilt, extractIntoStorage, HostApp, npmPack, Packed, PLUGIN, pluginRow, readProbe, ROOT,
} from '../helpers/pack';

/** Every file under dir (relative path) with its SHA-1. */
const treeDigest = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha1').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
};

const tsNames = (dir: string) =>
  fs.existsSync(path.join(ROOT, dir))
    ? fs.readdirSync(path.join(ROOT, dir)).filter((f) => /\.tsx?$/.test(f) && !/\.(test|d)\.tsx?$/.test(f)).map((f) => f.replace(/\.tsx?$/, ''))
    : [];

describe('packaging', () => {
  let host: HostApp;
  let packed: Packed;
  let passed = false;

  beforeAll(() => {
    ensureBuilt();
  });

  afterAll(async () => {
    await host?.stop();
    if (host && passed) fs.rmSync(host.dir, { recursive: true, force: true });
    else if (host) console.log(`pack.test: kept ${host.dir} (server output: ${host.serverOutput().slice(-2000)})`);
  });

  it('the npm pack tarball installs into a plain NocoBase 2.2 app and enables cleanly', async () => {
    host = await createHostApp();
    packed = npmPack(host.dir);

    // --- What is in the tarball: NocoBase's layout, nothing else ------------------------------
    const files = packed.tarFiles;
    expect([...files].sort()).toEqual([...packed.npmFiles].sort());
    const required = [
      'package.json', 'dist/server/index.js', 'dist/client/index.js', 'dist/externalVersion.js',
      // The V2-only shell (/v/) loads dist/client-v2 of packages that have the client-v2.js marker.
      'dist/client-v2/index.js', 'client-v2.js',
      'dist/locale/zh-CN.json', 'dist/locale/en-US.json',
      ...tsNames('collections').map((n) => `dist/server/collections/${n}.js`),
      // npm pack leaves out empty folders, so dist/server/migrations is only in the tarball once
      // there is a migration; NocoBase globs that folder and is fine with it missing.
      ...tsNames('migrations').map((n) => `dist/server/migrations/${n}.js`),
    ];
    for (const f of required) expect(files).toContain(f);
    expect(tsNames('collections').length).toBeGreaterThan(0);
    // package.json "files" (dist, server.js, client.js, client-v2.js, README.md) plus what npm always adds.
    const unexpected = files.filter((f) => !/^(dist\/.+|server\.js|client(-v2)?\.js|README\.md|package\.json|LICENSE(\.md)?)$/.test(f));
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => /(^|\/)(node_modules|src|test|storage)\//.test(f) || /\.(ts|tsx|map|tgz)$/.test(f))).toEqual([]);

    // --- A plain NocoBase 2.2 app first, as the admin already has ----------------------------
    const dbFile = host.env.DB_STORAGE!;
    const install = await host.cli(['install']);
    expect({ step: 'install', code: install.code }).toEqual({ step: 'install', code: 0 });
    expect(await pluginRow(dbFile, PLUGIN)).toBeNull(); // a plain app: it has never seen our plugin

    // --- Add the tarball: NocoBase unpacks it into <STORAGE_PATH>/plugins/<package name> ---------
    // `pm add <file.tgz>` is the CLI side of the plugin manager's upload. Extracting by hand (tar
    // into storage/plugins) gives the same folder, but NocoBase 2.2.15 then fails the *first*
    // command that tries to load it — silently, exit code 0: every CLI process require()s the storage
    // plugins (runPluginStaticImports) before it links them into node_modules (syncPluginSymlinks),
    // and Node remembers the failed lookup for the life of the process. `pm add` links as it unpacks.
    const add = await host.cli(['pm', 'add', packed.tarball]);
    expect({ step: 'pm add', code: add.code }).toEqual({ step: 'pm add', code: 0 });
    const storageDir = path.join(host.storage, 'plugins', PLUGIN);
    expect(JSON.parse(fs.readFileSync(path.join(storageDir, 'package.json'), 'utf8')).name).toBe(PLUGIN);
    // … the very folder the README's `tar -xzf … --strip-components=1` makes.
    const byHand = extractIntoStorage(packed.tarball, path.join(host.dir, 'by-hand'));
    expect(treeDigest(storageDir)).toEqual(treeDigest(byHand));
    expect(Object.keys(treeDigest(storageDir)).sort()).toEqual([...files].sort());

    // The server bundle needs nothing but Node and what a NocoBase app has (chinese-days is inside).
    const serverJs = files.filter((f) => /^dist\/server\/.+\.js$/.test(f)).map((f) => path.join(storageDir, f));
    const bareRequires = new Set(serverJs.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1])));
    const builtins = new Set(require('node:module').builtinModules);
    expect([...bareRequires].filter((m) => !m.startsWith('@nocobase/') && !builtins.has(m.replace(/^node:/, '')))).toEqual([]);

    fs.rmSync(host.probeLog, { force: true });
    const enable = await host.cli(['pm', 'enable', PLUGIN]);
    expect({ step: 'pm enable', code: enable.code }).toEqual({ step: 'pm enable', code: 0 });
    // The CLI can exit 0 after logging an error, so the table decides.
    expect(await pluginRow(dbFile, PLUGIN)).toMatchObject({
      // NocoBase names a plugin by its package name less a known prefix; a plain app knows none for @govhall.
      name: PLUGIN, packageName: PLUGIN, version: require('../../package.json').version, enabled: 1, installed: 1,
    });

    // NocoBase linked its node_modules entry to the storage copy (not to our repo), and `pm enable`
    // ran the tarball's code.
    expect(fs.realpathSync(path.join(host.nodeModules, PLUGIN))).toBe(storageDir);
    expect(readProbe(host.probeLog).map((l) => l.real)).toContain(path.join(storageDir, 'dist/server/index.js'));
    expect(readProbe(host.probeLog).filter((l) => !l.real.startsWith(`${storageDir}/`))).toEqual([]);

    // --- Start it and talk to it ----------------------------------------------------------------
    fs.rmSync(host.probeLog, { force: true });
    await host.start();
    const base = `http://127.0.0.1:${host.port}`;

    const info = await (await fetch(`${base}/api/app:getInfo`)).json();
    expect(info.data).toMatchObject({ database: { dialect: 'sqlite' } });
    expect(info.data.version).toMatch(/^2\.2\./);

    // Every file of our plugin this server loaded is the extracted tarball's.
    const loaded = readProbe(host.probeLog);
    expect(loaded.map((l) => l.real)).toContain(path.join(storageDir, 'dist/server/index.js'));
    expect(loaded.filter((l) => !l.real.startsWith(`${storageDir}/`))).toEqual([]);
    expect(loaded.filter((l) => l.real.startsWith(`${ROOT}/`))).toEqual([]);

    // The web part the browser gets is the tarball's bundle.
    const client = await fetch(`${base}/static/plugins/${PLUGIN}/dist/client/index.js`);
    expect(client.status).toBe(200);
    expect(await client.text()).toBe(fs.readFileSync(path.join(storageDir, 'dist/client/index.js'), 'utf8'));

    // Our API, with the calendar seeded from the bundled chinese-days on enable:
    // 2026-02-14 (a Saturday) is a make-up workday for the 2026 Spring Festival.
    const signIn = await fetch(`${base}/api/auth:signIn`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
      body: JSON.stringify({ account: host.env.INIT_ROOT_EMAIL, password: host.env.INIT_ROOT_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const { token } = (await signIn.json()).data;
    const day = await fetch(`${base}/api/calendar:dayKind?date=2026-02-14`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Authenticator': 'basic' },
    });
    expect(day.status).toBe(200);
    expect((await day.json()).data).toMatchObject({ date: '2026-02-14', kind: 'makeupWorkday', workingDay: true });

    // The V2 shell's plugin list names our dist/client-v2, served from the tarball, as the AMD
    // module that shell requires ('<package>/client-v2').
    const v2List = await fetch(`${base}/api/pm:listEnabledV2`, { headers: { Authorization: `Bearer ${token}`, 'X-Authenticator': 'basic' } });
    expect(v2List.status).toBe(200);
    const v2Entry = ((await v2List.json()).data as { packageName: string; url: string }[]).find((p) => p.packageName === PLUGIN);
    expect(v2Entry?.url).toMatch(new RegExp(`^/static/plugins/${PLUGIN}/dist/client-v2/index\\.js\\?hash=`));
    const clientV2 = await fetch(`${base}${v2Entry!.url}`);
    expect(clientV2.status).toBe(200);
    const clientV2Text = await clientV2.text();
    expect(clientV2Text).toBe(fs.readFileSync(path.join(storageDir, 'dist/client-v2/index.js'), 'utf8'));
    expect(clientV2Text.startsWith(`define(${JSON.stringify(`${PLUGIN}/client-v2`)}, `)).toBe(true);
    expect(clientV2Text).not.toContain('"@nocobase/client"');

    await host.stop();
    // The second app never touched our repo's own link.
    expect(fs.realpathSync(path.join(ROOT, 'node_modules', PLUGIN))).toBe(fs.realpathSync(ROOT));
    passed = true;
    // Two full NocoBase installs and starts: well under this alone, but it shares the machine
    // with the other suites' apps.
  }, 420000);
});
