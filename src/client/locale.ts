// i18n for the web part. Texts live in ./locale/<lang>.json (flat: English text → translation).
// The build merges them into dist/locale/<lang>.json (NocoBase serves that as our namespace), and
// they are also bundled and registered here: a server started with APP_ENV !== 'production'
// (as `npm start` does) reads src/locale/<lang>.json only and never looks at dist/locale.
import { useTranslation } from 'react-i18next';
import { NS } from '../constants';
import enUS from './locale/en-US.json';
import zhCN from './locale/zh-CN.json';

export const CLIENT_TEXTS: Record<string, Record<string, string>> = { 'en-US': enUS, 'zh-CN': zhCN };

interface I18nLike {
  addResourceBundle(lang: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

/**
 * Adds texts to our namespace; texts the server sent (dist/locale) win. Each feature folder of the
 * web part may keep its own locale/<lang>.json and register it with this from its load().
 */
export function registerTexts(i18n: I18nLike, texts: Record<string, Record<string, string>>) {
  for (const [lang, t] of Object.entries(texts)) i18n.addResourceBundle(lang, NS, t, true, false);
}

/** The shared web-part texts (./locale). */
export function registerClientTexts(i18n: I18nLike) {
  registerTexts(i18n, CLIENT_TEXTS);
}

/** `t` of our namespace, falling back to NocoBase's own `client` texts. */
export function useT() {
  const { t, i18n } = useTranslation([NS, 'client'], { nsMode: 'fallback' });
  return { t, lang: i18n?.resolvedLanguage || i18n?.language || 'en-US' };
}

/** A title NocoBase compiles at render time (settings menu, tabs). */
export const tval = (text: string) => `{{t(${JSON.stringify(text)}, { ns: ${JSON.stringify(NS)} })}}`;
