// The web project's environment: jsdom plus what a browser page has and jsdom lacks (matchMedia,
// which antd's grid reads), and a real i18next with our own en-US texts — the same bundles the
// plugin registers in the host page — so tests assert on the words a user reads.
import '@testing-library/react';
import i18next from 'i18next';
import fs from 'fs';
import path from 'path';
import { NS } from '../../src/constants';

if (!window.matchMedia) {
  window.matchMedia = (query: string) => ({
    matches: false, media: query, onchange: null,
    addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false,
  }) as any;
}

/** Every en-US text of the web part (src/client/locale and each feature's locale folder). */
function englishTexts(): Record<string, string> {
  const root = path.join(__dirname, '../../src/client');
  const files = [path.join(root, 'locale/en-US.json')];
  for (const dir of fs.readdirSync(root)) {
    const f = path.join(root, dir, 'locale/en-US.json');
    if (fs.existsSync(f)) files.push(f);
  }
  return Object.assign({}, ...files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))));
}

// types/react-i18next.d.ts declares only what the plugin uses; the test wires the real module.
const { initReactI18next } = require('react-i18next');

i18next.use(initReactI18next).init({
  lng: 'en-US', fallbackLng: false, ns: [NS, 'client'], defaultNS: NS,
  resources: { 'en-US': { [NS]: englishTexts(), client: {} } },
  keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false },
});

export { i18next };
