// The xlsx writer, taken from NocoBase's own dependency tree (@nocobase/server → @nocobase/ai → xlsx,
// 0.20.x in a normal install, 0.18.5 here): present in every NocoBase 2.2 host, so the tarball
// keeps no node_modules of its own (test/server/pack.test.ts) and bundles no 1 MB copy.
import path from 'node:path';

let xlsx: any = null;

export function loadXlsx(): any {
  if (!xlsx) {
    const ai = path.dirname(require.resolve('@nocobase/ai/package.json'));
    xlsx = require(require.resolve('xlsx', { paths: [ai] }));
  }
  return xlsx;
}
