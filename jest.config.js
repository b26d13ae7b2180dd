// One jest run, four projects: pure rules (fast), web (React components with real antd in jsdom),
// server (a real NocoBase app per file), browser (Chromium against the app `npm start` serves; only
// with E2E=1, see README).
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true, decorators: true }, target: 'es2021' } }] };
// The web part uses the classic JSX runtime (tsconfig "jsx": "react", `import React` in each file).
const webTransform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'classic' } }, target: 'es2021' } }] };
const common = { transform, testEnvironment: 'node', modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/storage/'] };

module.exports = {
  testTimeout: 180000,
  projects: [
    { ...common, displayName: 'rules', testMatch: ['<rootDir>/test/rules/**/*.test.ts'] },
    { ...common, displayName: 'web', transform: webTransform, testEnvironment: 'jsdom', setupFilesAfterEnv: ['<rootDir>/test/web/setup.ts'], testMatch: ['<rootDir>/test/web/**/*.test.tsx'] },
    { ...common, displayName: 'server', setupFiles: ['<rootDir>/test/helpers/quiet-rule-violations.ts'], testMatch: ['<rootDir>/test/server/**/*.test.ts', '<rootDir>/migrations/**/*.test.ts'] },
    ...(process.env.E2E ? [{ ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] }] : []),
  ],
};
