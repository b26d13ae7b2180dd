#!/usr/bin/env node
// `npm start`: the real NocoBase 2.2 app (@nocobase/app, all built-in plugins) with our plugin,
// demo data and one login per role. First run installs and seeds; later runs keep the data.
// Every step is idempotent, so a half-finished first run is repaired by the next one.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const http = require('node:http');
const { applyEnv, root, pkg } = require('./env');

// The plugin seeds demo windows, items and one login per role on start when this is set.
const env = applyEnv({ APPOINTMENT_DUTY_DEMO: 'true' });
const cli = path.join(root, 'node_modules/@nocobase/app/lib/index.js');
const port = env.APP_PORT;
const demoUsers = require(path.join(root, 'src/server/seed/demo-users.json'));

function step(title, args, mustPrint) {
  const started = Date.now();
  process.stdout.write(`» ${title} … `);
  const r = spawnSync(process.execPath, [cli, ...args], { env, cwd: root, encoding: 'utf8' });
  // NocoBase's CLI can exit 0 after logging an error, so a step may also name what it must print.
  if (r.status !== 0 || (mustPrint && !r.stdout.includes(mustPrint))) {
    console.log('failed');
    console.error(r.stdout, r.stderr);
    process.exit(r.status || 1);
  }
  console.log(`done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// Pads by terminal columns: a CJK character takes two.
const padWide = (s, n) => s + ' '.repeat(Math.max(1, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

function request(method, url, body) {
  return new Promise((resolve) => {
    const req = http.request(`http://127.0.0.1:${port}${url}`, {
      method, headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
    }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

// Up = the gateway answers its health check and a demo user can sign in (demo seeded).
async function waitForServer(timeoutMs = 180000) {
  const deadline = Date.now() + timeoutMs;
  const desk = demoUsers.find((u) => u.role === 'desk');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  while ((await request('GET', '/api/__health_check')) !== 200) {
    if (Date.now() > deadline) throw new Error('server did not come up');
    await sleep(1000);
  }
  while ((await request('POST', '/api/auth:signIn', { account: desk.username, password: desk.password })) !== 200) {
    if (Date.now() > deadline) throw new Error('demo users did not appear');
    await sleep(2000);
  }
}

console.log(`${pkg['displayName.zh-CN']} — ${env.DB_DIALECT === 'sqlite' ? env.DB_STORAGE : `${env.DB_DIALECT} ${env.DB_HOST}:${env.DB_PORT}/${env.DB_DATABASE}`}`);
step('install NocoBase (skipped when already installed)', ['install']);
step(`enable ${pkg.name}`, ['pm', 'enable', pkg.name]);

const server = spawn(process.execPath, [cli, 'start', '--port', port], { env, cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

waitForServer().then(
  () => {
    console.log(`\n  预约+无休 is running at http://localhost:${port}\n`);
    console.log('  role                                  username   password');
    for (const u of demoUsers) console.log(`  ${padWide(u.title, 38)}${u.username.padEnd(11)}${u.password}`);
    const at = (p) => `http://localhost:${port}${p}`;
    console.log('');
    console.log(`  Workspaces (section, chief, lead, staff): ${at('/admin/appointment-duty/workspace')}`);
    console.log(`  Duty & comp time (lead, staff):           ${at('/admin/appointment-duty')}`);
    console.log(`  Monthly report (section, admin):          ${at('/admin/aftercare/report')}`);
    console.log(`  Settings: calendar, 基本设置 (admin):      ${at('/admin/settings/appointment-duty')}`);
    console.log('  Blocks (admin, UI editor › Add block › Other blocks): registration form (desk), service-list editor\n');
  },
  (err) => console.error(err.message),
);
