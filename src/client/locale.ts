// i18n for the web part. Texts live in ./locale/<lang>.json (flat: English text → translation);
// the build merges them into dist/locale/<lang>.json, which NocoBase loads as our namespace.
import { useTranslation } from 'react-i18next';
import { NS } from '../constants';

/** `t` of our namespace, falling back to NocoBase's own `client` texts. */
export function useT() {
  const { t, i18n } = useTranslation([NS, 'client'], { nsMode: 'fallback' });
  return { t, lang: i18n?.resolvedLanguage || i18n?.language || 'en-US' };
}

/** A title NocoBase compiles at render time (settings menu, tabs). */
export const tval = (text: string) => `{{t(${JSON.stringify(text)}, { ns: ${JSON.stringify(NS)} })}}`;
