// `npm run docs:shots`: the user guide's screenshots (docs/zh-CN, 操作手册) from the browser tests.
//   1. runs the browser tests that take them (E2E=1) against a running `npm start`
//      (E2E_BASE_URL, default http://localhost:13000); `--copy-only` skips this;
//   2. copies every test/browser/out/guide/<name>.png the guide's pages name (images/<name>.png)
//      into docs/zh-CN/images/, and fails naming any the run did not take;
//   3. removes images no page names any more, and prints the total size.
// The shots are viewport screenshots (guideShot in test/helpers/browser.ts), about 50–150 KB each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const guideDir = path.join(root, 'docs/zh-CN');
const imagesDir = path.join(guideDir, 'images');
const shotsDir = process.env.E2E_GUIDE_DIR || path.join(root, 'test/browser/out/guide');
// The tests whose steps the guide shows (guideShot calls).
const TESTS = [
  'desk-registration', 'workspaces', 'duty-sign-off', 'calendar-settings', 'list-editor', 'settings-general', 'workflow-editor',
].map((t) => `test/browser/${t}.test.ts`);

function named() {
  const names = new Set();
  for (const file of fs.readdirSync(guideDir).filter((f) => f.endsWith('.md'))) {
    for (const m of fs.readFileSync(path.join(guideDir, file), 'utf8').matchAll(/\]\(images\/([\w.-]+\.png)\)/g)) names.add(m[1]);
  }
  return [...names].sort();
}

if (!process.argv.includes('--copy-only')) {
  fs.rmSync(shotsDir, { recursive: true, force: true });
  const r = spawnSync('npx', ['jest', '--selectProjects', 'browser', '--runInBand', '--', ...TESTS], {
    cwd: root, stdio: 'inherit', env: { ...process.env, E2E: '1' },
  });
  if (r.status !== 0) console.error(`docs:shots: the browser tests failed (exit ${r.status}); copying what they took`);
}

const wanted = named();
const missing = wanted.filter((n) => !fs.existsSync(path.join(shotsDir, n)));
fs.mkdirSync(imagesDir, { recursive: true });
for (const n of wanted.filter((x) => !missing.includes(x))) fs.copyFileSync(path.join(shotsDir, n), path.join(imagesDir, n));
for (const n of fs.readdirSync(imagesDir).filter((f) => f.endsWith('.png') && !wanted.includes(f))) fs.rmSync(path.join(imagesDir, n));
const total = fs.readdirSync(imagesDir).reduce((sum, f) => sum + fs.statSync(path.join(imagesDir, f)).size, 0);
console.log(`docs:shots: ${wanted.length - missing.length} of ${wanted.length} images in docs/zh-CN/images (${(total / 1024).toFixed(0)} KB)`);
if (missing.length) {
  console.error(`docs:shots: not taken by this run: ${missing.join(', ')}`);
  process.exit(1);
}
