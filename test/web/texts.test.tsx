// Both entries register the web part's texts with one call (src/client-v2/texts.ts): every
// <lang>.json under src/client (each feature's locale folder, the calendar's notice texts …) must
// be in it, or a shell shows English keys; and no key may mean two things in our one namespace.
import fs from 'fs';
import path from 'path';
import { registerWebTexts } from '../../src/client-v2/texts';
import { NS } from '../../src/constants';

/** Every folder under src/client holding zh-CN.json / en-US.json, relative to src/client. */
function textDirs(root: string, dir = ''): string[] {
  const here = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  const own = here.some((e) => e.name === 'zh-CN.json') ? [dir] : [];
  return [...own, ...here.filter((e) => e.isDirectory()).flatMap((e) => textDirs(root, path.join(dir, e.name)))];
}

test('registerWebTexts registers every text of every src/client locale folder, in our namespace', () => {
  const got: Record<string, Record<string, string>> = {};
  registerWebTexts({
    language: 'zh-CN', t: (k: string) => k,
    addResourceBundle(lang: string, ns: string, texts: Record<string, string>) {
      expect(ns).toBe(NS);
      got[lang] = { ...got[lang], ...texts };
    },
  });
  const root = path.join(__dirname, '../../src/client');
  const dirs = textDirs(root);
  expect(dirs).toContain('locale');
  expect(dirs).toContain(path.join('settings', 'calendar-locale'));
  for (const lang of ['zh-CN', 'en-US']) {
    for (const dir of dirs) {
      const texts = JSON.parse(fs.readFileSync(path.join(root, dir, `${lang}.json`), 'utf8'));
      for (const [key, text] of Object.entries(texts)) expect({ dir, key, text: got[lang]?.[key] }).toEqual({ dir, key, text });
    }
  }
});
