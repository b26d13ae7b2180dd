// What the desk components take from the host app. Set once when the plugin loads, so the blocks
// need no React context of the host: they work the same on Classic and Modern pages and in the
// print route (the app's own API client carries the signed-in user's token).
import type { APIClient, I18nInstance } from '@nocobase/client';
import { NS } from '../../constants';

let env: { api: APIClient; i18n: I18nInstance } | null = null;

export function setDeskEnv(value: { api: APIClient; i18n: I18nInstance }) {
  env = value;
}

export function deskApi(): APIClient {
  if (!env) throw new Error('appointment-duty desk: plugin not loaded');
  return env.api;
}

/** Our namespace first, then NocoBase's own texts. */
export function useDeskT() {
  const i18n = env?.i18n;
  const lang = i18n?.language || 'zh-CN';
  const t = (key: string, options: Record<string, unknown> = {}) =>
    i18n ? i18n.t(key, { ns: [NS, 'client'], ...options }) : key;
  return { t, lang };
}
