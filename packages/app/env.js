// The environment a NocoBase 2.2 app needs when started without the `nocobase` CLI
// (measured: without these the UI hangs or the server answers 500), shared by
// `npm start`, the tests and the benchmark. Explicit environment variables win.
const fs = require('node:fs');
const path = require('node:path');

// The repo root (the plugin package). Found from the working directory first, so a copy of this
// file bundled elsewhere (the benchmark) still finds it.
function findRoot() {
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (fs.existsSync(file) && JSON.parse(fs.readFileSync(file, 'utf8')).name === '@govhall/plugin-appointment-duty') return dir;
    }
  }
  return path.resolve(__dirname, '../..');
}
const root = findRoot();
const pkg = require(path.join(root, 'package.json'));

function ensureSelfLink() {
  // NocoBase discovers plugins by package name under NODE_MODULES_PATH; the repo root is the plugin.
  const link = path.join(root, 'node_modules', pkg.name);
  try {
    if (fs.realpathSync(link) === root) return;
    fs.rmSync(link, { recursive: true, force: true });
  } catch {
    /* missing: create below */
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(path.relative(path.dirname(link), root), link, 'dir');
}

function applyEnv(overrides = {}) {
  const storage = process.env.STORAGE_PATH || path.join(root, 'storage');
  const defaults = {
    NODE_MODULES_PATH: path.join(root, 'node_modules'),
    APP_PACKAGE_ROOT: path.join(root, 'node_modules/@nocobase/app'),
    // production: NocoBase then reads each plugin's dist/locale (in development it prefers src/locale).
    APP_ENV: 'production',
    APP_KEY: 'govhall-demo-key-change-me-in-production',
    APP_PORT: '13000',
    TZ: 'Asia/Shanghai',
    DB_DIALECT: 'sqlite',
    DB_STORAGE: path.join(storage, 'db/govhall.sqlite'),
    DB_UNDERSCORED: 'false',
    API_BASE_PATH: '/api/',
    WS_PATH: '/ws',
    PLUGIN_STATICS_PATH: '/static/plugins/',
    APP_PUBLIC_PATH: '/',
    CDN_BASE_URL: '',
    APP_SERVER_BASE_URL: '',
    APP_BASE_URL: '',
    ESM_CDN_BASE_URL: '',
    ESM_CDN_SUFFIX: '',
    API_CLIENT_STORAGE_PREFIX: 'NOCOBASE_',
    API_CLIENT_SHARE_TOKEN: 'false',
    API_CLIENT_STORAGE_TYPE: 'localStorage',
    STORAGE_PATH: storage,
    LOCAL_STORAGE_DEST: path.join(storage, 'uploads'),
    PLUGIN_STORAGE_PATH: path.join(storage, 'plugins'),
    CACHE_DEFAULT_STORE: 'memory',
    CACHE_MEMORY_MAX: '2000',
    DEFAULT_STORAGE_TYPE: 'local',
    PLUGIN_PACKAGE_PREFIX: '@nocobase/plugin-,@nocobase/preset-,@govhall/plugin-',
    INIT_ROOT_EMAIL: 'admin@govhall.local',
    INIT_ROOT_PASSWORD: 'admin123',
    INIT_ROOT_NICKNAME: '系统管理员',
    INIT_ROOT_USERNAME: 'admin',
    INIT_LANG: 'zh-CN',
    INIT_APP_LANG: 'zh-CN', // the system language set on first install (plugin-system-settings reads this one)
    LOGGER_LEVEL: 'warn',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...overrides })) {
    if (process.env[k] === undefined) process.env[k] = v;
  }
  fs.mkdirSync(path.dirname(process.env.DB_STORAGE), { recursive: true });
  ensureSelfLink();
  return process.env;
}

module.exports = { root, pkg, applyEnv, ensureSelfLink };
