// The browser project's jest environment: one fresh app per test file, as every server file has.
// Before a file runs, `packages/app/start.js` (what `npm start` runs after its build) starts on a
// free port with its own STORAGE_PATH, so the file meets exactly the demo data of a first
// `npm start`; after it, that app is stopped and its storage removed. The files used to share one
// app and see each other's data (menu-landing even restarts it), which made their order matter.
// With E2E_BASE_URL set, the files run against that app instead (a developer's `npm start`).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

const ROOT = path.resolve(__dirname, '../..');
const START = path.join(ROOT, 'packages/app/start.js');
// Where each app's console goes (.ci/run keeps them), named after its test file.
const LOG_DIR = process.env.E2E_APP_LOG_DIR || path.join(os.tmpdir(), 'govhall-e2e-apps');
const READY_MS = 300000;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Database settings of the caller's shell would point the app elsewhere: the demo app is SQLite. */
function appEnv(port, storage) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('DB_')) delete env[k];
  return { ...env, DB_DIALECT: 'sqlite', APP_PORT: String(port), STORAGE_PATH: storage };
}

class FreshAppEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testName = path.basename(context.testPath, '.test.ts');
  }

  async setup() {
    await super.setup();
    if (process.env.E2E_BASE_URL) return;
    const port = await freePort();
    this.storage = fs.mkdtempSync(path.join(os.tmpdir(), `govhall-e2e-${this.testName}-`));
    fs.mkdirSync(LOG_DIR, { recursive: true });
    this.logFile = path.join(LOG_DIR, `${this.testName}.log`);
    const out = fs.openSync(this.logFile, 'w');
    // detached: its own process group, so teardown stops start.js and the NocoBase server together.
    this.app = spawn(process.execPath, [START], { cwd: ROOT, env: appEnv(port, this.storage), detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    await this.waitReady();
    this.global.process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
  }

  /** start.js prints "is running at" once the server answers and the demo users can sign in. */
  async waitReady() {
    const deadline = Date.now() + READY_MS;
    for (;;) {
      const text = fs.readFileSync(this.logFile, 'utf8');
      if (text.includes('is running at')) return;
      if (this.app.exitCode !== null || Date.now() > deadline) {
        const tail = text.trim().split('\n').slice(-30).join('\n');
        throw new Error(`the app for ${this.testName} did not come up (log ${this.logFile}):\n${tail}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async teardown() {
    await this.stopApp();
    if (this.storage) fs.rmSync(this.storage, { recursive: true, force: true });
    await super.teardown();
  }

  async stopApp() {
    const app = this.app;
    if (!app || app.exitCode !== null) return;
    const exited = new Promise((r) => app.once('exit', r));
    const signal = (sig) => {
      try {
        process.kill(-app.pid, sig);
      } catch {
        /* already gone */
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 15000);
    await exited;
    clearTimeout(timer);
  }
}

module.exports = FreshAppEnvironment;
