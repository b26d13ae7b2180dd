// The numbers the UI quotes come from the stored settings (appointmentSettings:get), not from the
// built-in defaults: an admin who set a 24-hour notice, 45 minutes late and a 300-minute half day
// sees those numbers in the reschedule inbox, the handler's dialogs and the list editor. The host
// API is an in-process stand-in answering from plain data (src/client-v2/host.ts is the one seam).
import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { render } from './render';
import { i18next } from './setup';
import { setHost } from '../../src/client-v2/host';
import { DEFAULT_SETTINGS } from '../../src/rules/settings';
import { RescheduleInbox } from '../../src/client/workspaces/RescheduleInbox';
import { StaffDialog } from '../../src/client/workspaces/StaffDialogs';
import { ServiceListEditor } from '../../src/client/listEditor/ServiceListEditor';
import { pickerMinuteStep } from '../../src/client/settings/stored';
import type { BookingRow, RescheduleRow } from '../../src/client/workspaces/api';

const STORED = { rescheduleNoticeHours: 24, lateMinutes: 45, halfDayMinutes: 300, slotMinutes: 20 };

const booking: BookingRow = {
  id: 5, number: 'YY-2026-000005', status: 'contacted', kind: 'holiday', applicantName: 'Li Lei', applicantPhone: '13800000000',
  appointmentStart: '2026-10-02T01:00:00.000Z', appointmentEnd: '2026-10-02T01:30:00.000Z',
  serviceItem: { id: 7, name: 'Real estate registration' }, window: { id: 1, code: 'A01', name: 'Window 1' },
};
const request: RescheduleRow = {
  id: 9, kind: 'ordinary', reason: 'Travelling', requestedAt: '2026-09-28T02:00:00.000Z', requestedBy: { id: 4, nickname: 'Staff Wang' },
  originalStart: booking.appointmentStart, proposedStart: null, decision: 'pending', decidedAt: null, decidedBy: null,
  decisionNote: null, reportedToSection: false, deadline: '2026-10-01T01:00:00.000Z', booking, ordinaryApprovalOpen: true,
};

/** Answers the calls these components make; `booking` is the stored settings section. */
function fakeApi(stored: Record<string, unknown> | null) {
  const urls: string[] = [];
  const api = {
    async request({ url }: { url: string }) {
      urls.push(url);
      const ok = (data: unknown) => ({ data: { data } });
      if (url === 'appointmentSettings:get') return ok({ sections: stored ? { booking: stored } : {}, defaults: {}, ranges: {} });
      if (url === 'workspaces:reschedules') return ok([request]);
      if (url === 'serviceItems:list') {
        return ok([{ id: 7, code: 'BDC-01', name: 'Real estate registration', leadWindowId: 1, cooperatingWindows: [], offeredOnWeekends: true,
          offeredOnHolidays: true, materials: [], expectedMinutes: 280, capacityPerSlot: 2, published: true }]);
      }
      if (url === 'windows:list') return ok([{ id: 1, code: 'A01', name: 'Window 1' }]);
      throw new Error(`unexpected ${url}`);
    },
  };
  return { api, urls };
}

const host = (stored: Record<string, unknown> | null) => {
  const fake = fakeApi(stored);
  setHost({ api: fake.api as any, i18n: i18next as any });
  return fake;
};

describe('the UI quotes the stored settings', () => {
  test('R-RSC-2: the reschedule inbox explains the configured notice hours (24), not the built-in 12', async () => {
    const { urls } = host(STORED);
    render(<RescheduleInbox roles={['sectionChief']} onOpen={() => undefined} />);
    const rule = await screen.findByTestId('reschedule-rule');
    expect(rule.textContent).toContain('The 24-hour rule');
    expect(rule.textContent).toContain('at least 24 hours before the original time');
    expect(screen.getByRole('columnheader', { name: 'The 24-hour rule' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\b12\b-hour|12 hours/);
    expect(urls).toContain('appointmentSettings:get');
  });

  test('R-RSC-2: with nothing stored the inbox quotes the default (12)', async () => {
    expect(DEFAULT_SETTINGS.rescheduleNoticeHours).toBe(12);
    host(null);
    render(<RescheduleInbox roles={['sectionChief']} onOpen={() => undefined} />);
    expect((await screen.findByTestId('reschedule-rule')).textContent).toContain('The 12-hour rule');
  });

  test('R-DAY-2 R-RSC-2: the handler\'s dialogs quote the configured minutes late (45) and notice hours (24)', async () => {
    host(STORED);
    const { rerender } = render(<StaffDialog kind="abandon" booking={booking} onCancel={() => undefined} onSubmit={async () => undefined} />);
    await waitFor(() => expect(document.body.textContent).toContain('Only once the applicant is 45 minutes late, after trying to reach them.'));
    expect(document.body.textContent).not.toContain('30 minutes');

    rerender(<StaffDialog kind="requestReschedule" booking={booking} onCancel={() => undefined} onSubmit={async () => undefined} />);
    await waitFor(() => expect(document.body.textContent).toContain('Ordinary (24 hours before)'));
  });

  test('R-HOL-5: the proposed-time picker steps through the configured slot grid', () => {
    expect(pickerMinuteStep(STORED.slotMinutes)).toBe(20);
    expect(pickerMinuteStep(30)).toBe(30);
    expect(pickerMinuteStep(45)).toBe(15); // 09:00, 09:45, 10:30 … all on quarter hours
    expect(pickerMinuteStep(90)).toBe(30);
    expect(pickerMinuteStep(undefined)).toBe(1);
  });

  /** The warning state of the item's expected-minutes cell once the editor has read the settings. */
  async function minutesCellWarns(halfDayMinutes: number) {
    const { api, urls } = fakeApi({ ...STORED, halfDayMinutes });
    await act(async () => {
      render(<ServiceListEditor api={api} />);
    });
    await waitFor(() => expect(screen.getByTestId('minutes-header').textContent).toBe(`Expected minutes ≤ ${halfDayMinutes}`));
    expect(urls).toContain('appointmentSettings:get');
    const cell = (await screen.findByTestId('minutes-7')).closest('.ant-input-number')!;
    return cell.className.includes('status-warning');
  }

  test('R-LST-3: the list editor limits expected minutes to the stored half day (300), not the built-in 240', async () => {
    expect(DEFAULT_SETTINGS.halfDayMinutes).toBe(240);
    // The item takes 280 minutes: within a 300-minute half day, over a 250-minute one.
    expect(await minutesCellWarns(300)).toBe(false);
  });

  test('R-LST-3: a shorter stored half day (250) marks the same 280-minute item', async () => {
    expect(await minutesCellWarns(250)).toBe(true);
  });
});
