// R-CAL-4 the desk's registration form says, from the warning day on, that next year cannot be
// booked yet and who can fix it — the banner belongs to the form, so every page that shows the
// form shows it. The host is an in-process stand-in for the API client (setHost), as in desk.test.tsx.
import React from 'react';
import { screen, waitFor } from '@testing-library/react';
import { render } from './render';
import { RegistrationForm } from '../../src/client/desk/RegistrationForm';
import { setHost } from '../../src/client-v2/host';
import { i18next } from './setup';

const MESSAGE = '2027年节假日安排尚未录入，2027年的预约暂不能受理，请联系系统管理员（在“预约+无休 › 法定节假日日历”中粘贴国务院办公厅通知即可录入）。';

function host(outlook: unknown) {
  const api = {
    async request({ url }: any) {
      const ok = (d: unknown) => ({ data: { data: d } });
      if (url === 'bookings:searchItems') return ok([]);
      if (url === 'auth:check') return ok({ id: 3, nickname: 'Desk Li' });
      if (url === 'calendar:outlook') {
        if (outlook instanceof Error) throw outlook;
        return ok(outlook);
      }
      throw new Error(`unexpected ${url}`);
    },
  };
  setHost({ api: api as any, i18n: i18next as any });
}

const outlook = (warn: boolean) => ({
  year: 2027, configured: !warn, warn, warnFrom: '2026-11-01', lastBookableDate: '2026-12-31',
  message: warn ? MESSAGE : null, fixedBy: { role: 'admin', page: '/admin/settings/appointment-duty/calendar' },
});

async function ready() {
  render(<RegistrationForm />);
  await waitFor(() => expect(screen.getByTestId('desk-form').getAttribute('data-ready')).toBe('yes'));
}

test('R-CAL-4 next year missing: the form shows the banner with the server\'s message', async () => {
  host(outlook(true));
  await ready();
  const banner = await screen.findByTestId('desk-next-year-warning');
  expect(banner.textContent).toContain('2027年节假日安排尚未录入，2027年的预约暂不能受理，请联系系统管理员');
  expect(banner.getAttribute('data-year')).toBe('2027');
});

test('R-CAL-4 next year configured (or before the warning day): no banner', async () => {
  host(outlook(false));
  await ready();
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByTestId('desk-next-year-warning')).toBeNull();
});

test('R-CAL-4 a host without calendar:outlook: the form still works, without the banner', async () => {
  host(new Error('404'));
  await ready();
  expect(screen.queryByTestId('desk-next-year-warning')).toBeNull();
  expect(screen.getByTestId('desk-submit')).toBeTruthy();
});
