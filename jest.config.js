// One jest run, four projects: pure rules (fast), web (React components with real antd in jsdom),
// server (a real NocoBase app per file), browser (Chromium against a fresh `npm start` app per file,
// see test/helpers/browserEnvironment.js; only with E2E=1, see README).
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true, decorators: true }, target: 'es2021' } }] };
// The web part uses the classic JSX runtime (tsconfig "jsx": "react", `import React` in each file).
const webTransform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'classic' } }, target: 'es2021' } }] };
const common = { transform, testEnvironment: 'node', modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/storage/'] };

module.exports = {
  // A worker per core, at least two: the server files spend their time in CPU-bound app installs
  // (measured on 2 cores: the SQLite suite in 6.2 min with two workers, 12 min in band). The browser
  // files run in band (.ci/run passes --runInBand): each starts its own app and drives Chromium.
  maxWorkers: Math.max(2, require('node:os').cpus().length - 1),
  // Generous: on a loaded 2-core machine one app install with extra plugins took over 180 s, and a hook
  // that times out leaves its app running (its timers then fire inside the next file).
  testTimeout: 600000,
  projects: [
    { ...common, displayName: 'rules', testMatch: ['<rootDir>/test/rules/**/*.test.ts'] },
    { ...common, displayName: 'web', transform: webTransform, testEnvironment: 'jsdom', setupFilesAfterEnv: ['<rootDir>/test/web/setup.ts'], testMatch: ['<rootDir>/test/web/**/*.test.tsx'] },
    { ...common, displayName: 'server', setupFiles: ['<rootDir>/test/helpers/quiet-rule-violations.ts'], testMatch: ['<rootDir>/test/server/**/*.test.ts', '<rootDir>/migrations/**/*.test.ts'] },
    ...(process.env.E2E ? [{ ...common, displayName: 'browser', testEnvironment: '<rootDir>/test/helpers/browserEnvironment.js', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] }] : []),
  ],
};
