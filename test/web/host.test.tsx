// The host seam (src/client-v2/host.ts): what either shell hands the web part once it loads.
import { hostApi, setHost, shellUrl } from '../../src/client-v2/host';

const i18n = { language: 'zh-CN', t: (k: string) => k, addResourceBundle: () => undefined };

test('before an entry has loaded, asking for the API client says so', () => {
  expect(() => hostApi()).toThrow('plugin not loaded');
});

test('links stay in the shell the user is in: /admin/… in the classic shell, /v/admin/… in the V2 shell', () => {
  const api = { request: async () => ({ data: null }) };
  setHost({ api, i18n });
  expect(shellUrl('/admin/appointment-duty')).toBe('/admin/appointment-duty');
  expect(hostApi()).toBe(api);
  setHost({ api, i18n, basename: '/v/' });
  expect(shellUrl('/admin/appointment-duty')).toBe('/v/admin/appointment-duty');
  setHost({ api, i18n, basename: '/nocobase/v' });
  expect(shellUrl('/admin')).toBe('/nocobase/v/admin');
});
