#!/usr/bin/env node
// `npm start`: the real NocoBase 2.2 app (@nocobase/app, all built-in plugins) with our plugin,
// demo data and one login per role. First run installs and seeds; later runs keep the data.
// Every step is idempotent, so a half-finished first run is repaired by the next one.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const http = require('node:http');
const { applyEnv, root, pkg } = require('./env');

const env = applyEnv();
const cli = path.join(root, 'node_modules/@nocobase/app/lib/index.js');
const port = env.APP_PORT;
const demoUsers = require(path.join(root, 'src/server/seed/demo-users.json'));

function step(title, args) {
  const started = Date.now();
  process.stdout.write(`» ${title} … `);
  const r = spawnSync(process.execPath, [cli, ...args], { env, cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log('failed');
    console.error(r.stdout, r.stderr);
    process.exit(r.status || 1);
  }
  console.log(`done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function waitForServer(timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const probe = () => {
      http
        .get(`http://127.0.0.1:${port}/api/app:getInfo`, (res) => {
          res.resume();
          if (res.statusCode === 200) return resolve();
          retry();
        })
        .on('error', retry);
    };
    const retry = () => (Date.now() > deadline ? reject(new Error('server did not come up')) : setTimeout(probe, 500));
    probe();
  });
}

console.log(`${pkg['displayName.zh-CN']} — ${env.DB_DIALECT === 'sqlite' ? env.DB_STORAGE : `${env.DB_DIALECT} ${env.DB_HOST}:${env.DB_PORT}/${env.DB_DATABASE}`}`);
step('install NocoBase (skipped when already installed)', ['install']);
step(`enable ${pkg.name}`, ['pm', 'enable', pkg.name]);
step('demo data: windows, service items, one user per role', ['appointment-duty:demo']);

const server = spawn(process.execPath, [cli, 'start', '--port', port], { env, cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

waitForServer().then(
  () => {
    console.log(`\n  预约+无休 is running at http://localhost:${port}\n`);
    console.log('  role                                  username   password');
    for (const u of demoUsers) console.log(`  ${u.title.padEnd(38)}${u.username.padEnd(11)}${u.password}`);
    console.log(`\n  Calendar settings: http://localhost:${port}/admin/settings/appointment-duty\n`);
  },
  (err) => console.error(err.message),
);
