#!/usr/bin/env node
// `npm start`: the real NocoBase 2.2 app (@nocobase/app, all built-in plugins) with our plugin,
// demo data and one login per role. First run installs and seeds; later runs keep the data.
// Every step is idempotent, so a half-finished first run is repaired by the next one.
// The console shows our progress, the URL, the logins and real errors; all that NocoBase prints
// goes to <STORAGE_PATH>/logs/npm-start.log (see ./console.js for what is shown).
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { applyEnv, root, pkg } = require('./env');
const { consoleLine, eachLine } = require('./console');

const startedAt = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
// The plugin seeds demo windows, items and one login per role on start when this is set.
// JSON logs (NocoBase's default outside development), so ./console.js can tell ours from NocoBase's.
const env = applyEnv({ APPOINTMENT_DUTY_DEMO: 'true', LOGGER_FORMAT: 'json' });
const cli = path.join(root, 'node_modules/@nocobase/app/lib/index.js');
const port = env.APP_PORT;
const demoUsers = require(path.join(root, 'src/server/seed/demo-users.json'));
const logDir = path.join(env.STORAGE_PATH, 'logs');
const logFile = path.join(logDir, 'npm-start.log');
fs.mkdirSync(logDir, { recursive: true });
const log = fs.createWriteStream(logFile, { flags: 'a' });
log.write(`\n===== npm start ${new Date().toISOString()} =====\n`);

/** What the console shows of some captured output (errors first), or everything if nothing passes. */
function shown(output) {
  const lines = output.split('\n').map(consoleLine).filter(Boolean).map((l) => l.text);
  return lines.length ? lines.join('\n') : output.trim().split('\n').slice(-30).join('\n');
}

function step(title, args, mustPrint) {
  const started = Date.now();
  process.stdout.write(`» ${title} … `);
  const r = spawnSync(process.execPath, [cli, ...args], { env, cwd: root, encoding: 'utf8' });
  log.write(`--- ${title}\n${r.stdout}${r.stderr}`);
  // NocoBase's CLI can exit 0 after logging an error, so a step may also name what it must print.
  if (r.status !== 0 || (mustPrint && !r.stdout.includes(mustPrint))) {
    console.log('failed');
    console.error(shown(`${r.stdout}\n${r.stderr}`));
    console.error(`  (all its output: ${logFile})`);
    process.exit(r.status || 1);
  }
  console.log(`done (${seconds(started)})`);
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

const serverStarted = Date.now();
console.log(`» start NocoBase on port ${port} (NocoBase's output: ${logFile})`);
const server = spawn(process.execPath, [cli, 'start', '--port', port], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
for (const [stream, out] of [[server.stdout, process.stdout], [server.stderr, process.stderr]]) {
  eachLine(stream, (line) => {
    log.write(`${line}\n`);
    const shownLine = consoleLine(line);
    if (shownLine) (shownLine.level === 'error' ? process.stderr : out).write(`${shownLine.text}\n`);
  });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => log.end(() => process.exit(code ?? 0)));

waitForServer().then(
  () => {
    // .ci/run waits for "is running at".
    console.log(`\n  预约+无休 is running at http://localhost:${port}  (ready in ${seconds(startedAt)}; server ${seconds(serverStarted)})\n`);
    console.log('  role                                  username   password');
    for (const u of demoUsers) console.log(`  ${padWide(u.title, 38)}${u.username.padEnd(11)}${u.password}`);
    const at = (p) => `http://localhost:${port}${p}`;
    console.log('');
    console.log(`  Workspaces (section, chief, lead, staff): ${at('/admin/appointment-duty/workspace')}`);
    console.log(`  Duty & comp time (lead, staff):           ${at('/admin/appointment-duty')}`);
    console.log(`  Monthly report (section, admin):          ${at('/admin/aftercare/report')}`);
    console.log(`  Settings: calendar, 基本设置 (admin):      ${at('/admin/settings/appointment-duty')}`);
    console.log('  Blocks (admin, UI editor › Add block › Other blocks): registration form (desk), service-list editor');
    console.log(`  The same in NocoBase's V2 shell:          ${at('/v/admin')}\n`);
  },
  (err) => console.error(err.message),
);
