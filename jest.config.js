// One jest run, three projects: pure rules (fast), server (a real NocoBase app per file),
// browser (Chromium against the app `npm start` serves; only with E2E=1, see README).
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true, decorators: true }, target: 'es2021' } }] };
const common = { transform, testEnvironment: 'node', modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/storage/'] };

module.exports = {
  testTimeout: 180000,
  projects: [
    { ...common, displayName: 'rules', testMatch: ['<rootDir>/test/rules/**/*.test.ts'] },
    { ...common, displayName: 'server', setupFiles: ['<rootDir>/test/helpers/quiet-rule-violations.ts'], testMatch: ['<rootDir>/test/server/**/*.test.ts', '<rootDir>/migrations/**/*.test.ts'] },
    ...(process.env.E2E ? [{ ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] }] : []),
  ],
};
