// dist/client-v2/index.js: the entry NocoBase's V2 shell loads (AMD module '<package>/client-v2').
export { default } from './plugin';
export * from './models';
