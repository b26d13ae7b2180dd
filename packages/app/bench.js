#!/usr/bin/env node
// `npm run bench`: compiles test/bench/*.bench.ts with esbuild (our TS, packages external) and runs
// each in turn. Each bench prints its own ratios against a baseline measured in the same run.
const esbuild = require('esbuild');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root } = require('./env');

const dir = path.join(root, 'test/bench');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'govhall-bench-'));
const only = process.argv[2];
let failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))) {
  const outfile = path.join(out, file.replace(/\.ts$/, '.js'));
  esbuild.buildSync({
    entryPoints: [path.join(dir, file)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18',
    packages: 'external', logLevel: 'warning',
  });
  console.log(`\n## ${file}`);
  const r = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
  if (r.status !== 0) failed++;
}
fs.rmSync(out, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
