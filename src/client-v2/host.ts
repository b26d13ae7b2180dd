// What the web part takes from the page that loads it — the classic shell (/admin, dist/client) or
// the V2-only shell (/v/admin, dist/client-v2): the app's API client (it carries the signed-in
// user's token), its i18next and the router's basename. Set once by the entry that loads
// (src/client/index.tsx or src/client-v2/plugin.tsx), so no component needs a React context of a
// host: the same component renders on Classic and Modern pages, on our own routes, and in tests.

export interface HostRequest {
  url: string;
  method?: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'GET' | 'POST';
  params?: Record<string, unknown>;
  data?: unknown;
  headers?: Record<string, string>;
  responseType?: string;
  /** Do not show NocoBase's global error toast: our components show the server's message. */
  skipNotify?: boolean;
  [key: string]: unknown;
}

export interface HostApi {
  request(config: HostRequest): Promise<{ data: any; status?: number; headers?: Record<string, string> }>;
}

export interface HostI18n {
  language: string;
  t(key: string, options?: Record<string, unknown>): string;
  addResourceBundle(lang: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export interface Host {
  api: HostApi;
  i18n: HostI18n;
  /** '' in the classic shell, '/v' in the V2 shell (plus APP_PUBLIC_PATH when it is not '/'). */
  basename: string;
}

let host: Host | null = null;

export function setHost(value: { api: HostApi; i18n: HostI18n; basename?: string }) {
  host = { api: value.api, i18n: value.i18n, basename: (value.basename || '').replace(/\/+$/, '') };
}

function current(): Host {
  if (!host) throw new Error('appointment-duty web part: plugin not loaded');
  return host;
}

/** The app's API client. */
export function hostApi(): HostApi {
  return current().api;
}

/** The app's API client, for components (stable across renders: fine in useMemo/useEffect deps). */
export const useHostApi = hostApi;

export function hostI18n(): HostI18n | null {
  return host?.i18n ?? null;
}

/** An app path ('/admin/…') as a URL of the shell the user is in ('/v/admin/…' in the V2 shell). */
export function shellUrl(path: string): string {
  return `${host?.basename ?? ''}${path}`;
}
