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
// The built plugin (dist/) stays one module, required by its real path: the app loads that same
// file by package name, so the bench and the app share its state (the test clock, the scheduler).
const builtPlugin = {
  name: 'built-plugin-external',
  setup(build) {
    build.onResolve({ filter: /\/dist\/server\/index\.js$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path), external: true }));
  },
};
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'govhall-bench-'));
const only = process.argv[2];
async function main() {
  let failed = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))) {
    const outfile = path.join(out, file.replace(/\.ts$/, '.js'));
    await esbuild.build({
      entryPoints: [path.join(dir, file)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18',
      packages: 'external', logLevel: 'warning', plugins: [builtPlugin],
    });
    console.log(`\n## ${file}`);
    // BENCH_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a bench's time goes.
    const nodeArgs = (process.env.BENCH_NODE_ARGS || '').split(' ').filter(Boolean);
    const r = spawnSync(process.execPath, [...nodeArgs, outfile], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
    if (r.status !== 0) failed++;
  }
  fs.rmSync(out, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}
main();
