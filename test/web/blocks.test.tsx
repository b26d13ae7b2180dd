// One way to register a block (src/client-v2/models): registerBlocks hands every model to the flow
// engine under the name pages store, and every block the menu 预约+无休 places (src/menu.ts) is one
// of them — otherwise that page would show an unknown-model error in one of the shells.
jest.mock('@nocobase/client-v2', () => {
  class BlockModel {
    static meta: Record<string, unknown>;
    static define(meta: Record<string, unknown>) {
      this.meta = meta;
    }
  }
  return { BlockModel };
}, { virtual: true });
jest.mock('@nocobase/flow-engine', () => ({ tExpr: (text: string, o: { ns: string[] }) => `{{t(${JSON.stringify(text)}, ${JSON.stringify(o)})}}` }), { virtual: true });

import { BLOCK_MODELS, registerBlocks } from '../../src/client-v2/models';
import { MENU_PAGES } from '../../src/menu';
import { NS } from '../../src/constants';

test('registerBlocks registers every block model by its stored name, each with a translated label', () => {
  const registered: Record<string, any> = {};
  registerBlocks({ registerModels: (models) => Object.assign(registered, models) });
  expect(Object.keys(registered).sort()).toEqual(Object.keys(BLOCK_MODELS).sort());
  for (const [name, Model] of Object.entries(registered)) {
    expect({ name, label: Model.meta?.label }).toEqual({ name, label: expect.stringContaining(JSON.stringify([NS, 'client'])) });
  }
  // The desk's form is the one block also offered on Classic pages.
  expect(Object.entries(BLOCK_MODELS).filter(([, M]) => (M as any).classic).map(([n]) => n)).toEqual(['DeskRegistrationBlockModel']);
});

test('every block the menu places is a registered model (NocoBase\'s own TableBlockModel aside)', () => {
  const used = MENU_PAGES.flatMap((p) => (p.rows ?? []).flat().map((b) => b.use)).filter((u) => u !== 'TableBlockModel');
  expect(used.length).toBeGreaterThan(5);
  for (const use of used) expect(Object.keys(BLOCK_MODELS)).toContain(use);
});
