// Builds the plugin in NocoBase's layout without @nocobase/build (not installable here):
//   dist/server/index.js            server plugin, our code + chinese-days bundled, @nocobase/* external
//   dist/server/collections/*.js    one defineCollection per file (NocoBase imports the folder)
//   dist/server/migrations/*.js     timestamped Migration classes
//   dist/client/index.js            AMD module '<package>' for the classic shell (/admin); react, antd,
//                                   @nocobase/client … come from the host page
//   dist/client-v2/index.js         AMD module '<package>/client-v2' for the V2-only shell (/v/), which
//                                   loads it when the package has ./client-v2.js (server: PackageUrls)
//   dist/locale/*.json              loaded by NocoBase's i18n as the plugin's namespace
//   dist/externalVersion.js         versions of the host packages we were built against
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// Built aside and swapped in at the end, so a running app never sees a half-written dist/.
const finalDist = path.join(root, 'dist');
const dist = path.join(root, '.dist-build');
const started = Date.now();
const step = (msg) => console.log(`[build] ${msg} (${Date.now() - started} ms)`);

// Provided by the page that loads a plugin's web part (see any @nocobase/plugin-*/dist/client/index.js).
const clientExternals = [
  'react', 'react-dom', 'react-i18next', 'antd', 'antd-style', '@ant-design/icons', 'dayjs', 'lodash',
  '@formily/react', '@formily/core', '@formily/shared', '@formily/antd-v5',
  '@nocobase/client', '@nocobase/client-v2', '@nocobase/flow-engine', '@nocobase/utils/client',
  '@nocobase/plugin-workflow/client',
];
// What the V2 page defines for plugins (client-v2 src/utils/globalDeps.ts in NocoBase 2.2): no
// @nocobase/client and no plugin's client; importing one of those fails the build, not the page.
const clientV2Externals = [
  'react', 'react-dom', 'react-i18next', 'i18next', 'antd', 'antd-style', '@ant-design/icons', 'dayjs', 'lodash',
  '@formily/react', '@formily/core', '@formily/shared', '@formily/antd-v5', 'react-router-dom',
  '@nocobase/client-v2', '@nocobase/flow-engine', '@nocobase/utils/client',
];
const notInV2 = {
  name: 'not-in-v2-shell',
  setup(build) {
    build.onResolve({ filter: /^@nocobase\/(client|plugin-[\w-]+\/client)$/ }, (args) => ({
      errors: [{ text: `${args.path} is not provided by the V2 shell: src/client-v2 must not import it (from ${path.relative(root, args.importer)})` }],
    }));
  },
};

// Server: everything NocoBase ships stays external; our own code and chinese-days are bundled
// so the tarball works in any NocoBase app without a node_modules of its own.
// pinyin-pro: the desk's item search by pinyin initials (src/server/desk/initials.ts).
const BUNDLED = ['chinese-days', 'dayjs', 'pinyin-pro'];
const serverExternal = {
  name: 'server-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (BUNDLED.some((name) => args.path.startsWith(name))) return null;
      return { path: args.path, external: true };
    });
  },
};

const tsFiles = (dir) =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !/\.(test|d)\.tsx?$/.test(f)).map((f) => path.join(dir, f))
    : [];

async function buildServer() {
  await esbuild.build({
    entryPoints: [path.join(root, 'src/server/index.ts')],
    outfile: path.join(dist, 'server/index.js'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node18', sourcemap: 'inline',
    plugins: [serverExternal], logLevel: 'warning',
  });
  for (const [from, to] of [['collections', 'server/collections'], ['migrations', 'server/migrations']]) {
    const files = tsFiles(path.join(root, from));
    fs.mkdirSync(path.join(dist, to), { recursive: true });
    if (files.length) {
      await esbuild.build({
        entryPoints: files, outdir: path.join(dist, to), bundle: true, platform: 'node', format: 'cjs',
        target: 'node18', plugins: [serverExternal], logLevel: 'warning',
      });
    }
  }
}

/** An esbuild CJS bundle wrapped as a named AMD module whose dependencies the host page defines. */
async function buildAmd({ entry, moduleName, externals, outfile, plugins = [] }) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true, platform: 'browser', format: 'cjs', target: 'es2020', write: false, minify: true,
    external: externals, jsx: 'transform', logLevel: 'warning', plugins,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const body = result.outputFiles[0].text;
  const amd =
    `define(${JSON.stringify(moduleName)}, ${JSON.stringify(['require', 'exports', 'module', ...externals])}, ` +
    `function (require, exports, module) {\n${body}\n});\n`;
  fs.mkdirSync(path.dirname(path.join(dist, outfile)), { recursive: true });
  fs.writeFileSync(path.join(dist, outfile), amd);
}

const buildClient = () =>
  buildAmd({ entry: 'src/client/index.tsx', moduleName: pkg.name, externals: clientExternals, outfile: 'client/index.js' });
const buildClientV2 = () =>
  buildAmd({
    entry: 'src/client-v2/index.tsx', moduleName: `${pkg.name}/client-v2`, externals: clientV2Externals,
    outfile: 'client-v2/index.js', plugins: [notInV2],
  });

// dist/locale/<lang>.json = every <lang>.json under src/client/locale and src/locale, including
// their sub-folders (one per feature, e.g. src/locale/duty/zh-CN.json), merged into one flat
// namespace. A key given two different translations fails the build rather than one silently winning.
function localeFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? localeFiles(path.join(dir, e.name)) : /^[a-z]{2}-[A-Z]{2}\.json$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

function copyLocale() {
  fs.mkdirSync(path.join(dist, 'locale'), { recursive: true });
  const files = [path.join(root, 'src/client/locale'), path.join(root, 'src/locale')].flatMap(localeFiles);
  const byLang = {};
  for (const file of files) {
    const lang = path.basename(file, '.json');
    const merged = (byLang[lang] ||= {});
    for (const [key, text] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')))) {
      if (key in merged && merged[key] !== text) {
        throw new Error(`locale ${lang}: "${key}" is translated twice differently (${path.relative(root, file)})`);
      }
      merged[key] = text;
    }
  }
  for (const [lang, texts] of Object.entries(byLang)) {
    fs.writeFileSync(path.join(dist, 'locale', `${lang}.json`), `${JSON.stringify(texts, null, 2)}\n`);
  }
}

function writeExternalVersion() {
  const versions = {};
  for (const name of ['@nocobase/server', '@nocobase/database', '@nocobase/client', '@nocobase/plugin-workflow']) {
    try {
      versions[name] = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      versions[name] = '2.2.15';
    }
  }
  fs.writeFileSync(path.join(dist, 'externalVersion.js'), `module.exports = ${JSON.stringify(versions, null, 2)};\n`);
}

fs.rmSync(dist, { recursive: true, force: true });
await buildServer();
step('server, collections, migrations');
await buildClient();
step('client bundle');
await buildClientV2();
step('client-v2 bundle');
copyLocale();
writeExternalVersion();
fs.rmSync(finalDist, { recursive: true, force: true });
fs.renameSync(dist, finalDist);
step('done: dist/');
