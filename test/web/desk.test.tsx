// The desk's registration form block rendered with real antd in jsdom. The form takes the host's
// API client through its one seam, setHost({ api, i18n }) (src/client-v2/host.ts): here `api`
// is an in-process stand-in that answers the booking engine's four calls from plain data and
// records what it was sent; i18n is a real i18next with our en-US texts (test/web/setup.ts).
import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { render } from './render';
import { RegistrationForm } from '../../src/client/desk/RegistrationForm';
import { setHost } from '../../src/client-v2/host';
import type { DeskItem, ItemAvailability } from '../../src/client/desk/api';
import { i18next } from './setup';

const item: DeskItem = {
  id: 7, name: 'Real estate registration', code: 'BDC-01', initials: 'bdcdj',
  materials: ['ID card', 'Property deed'], offeredOnWeekends: false, offeredOnHolidays: true,
  expectedMinutes: 30, capacityPerSlot: 2, leadWindow: { id: 1, name: 'Window 1', code: 'W1' },
};
const other: DeskItem = { ...item, id: 8, name: 'Business licence', code: 'GS-02', initials: 'yyzz', materials: [] };

const availability: ItemAvailability = {
  item, capacity: 2, notConfiguredFrom: null, phoneOpen: true, phoneRefusal: null,
  days: [
    { date: '2026-10-02', kind: 'holiday', holidayName: 'National Day', bookable: true, refusal: null, slots: [
      { start: '2026-10-02T01:00:00.000Z', time: '09:00', remaining: 0 },
      { start: '2026-10-02T01:30:00.000Z', time: '09:30', remaining: 2 },
    ] },
    { date: '2026-10-03', kind: 'holiday', holidayName: 'National Day', bookable: false,
      refusal: { code: 'HOLIDAY_BOOKING_TOO_LATE', message: 'too late', params: {} }, slots: [] },
  ],
};

/** The booking engine as the form sees it: answers from data, remembers every call. */
function fakeHost(register: (body: any) => any) {
  const calls: { url: string; body: any }[] = [];
  const api = {
    async request({ url, params, data }: any) {
      calls.push({ url, body: data ?? params });
      const ok = (d: unknown) => ({ data: { data: d } });
      if (url === 'bookings:searchItems') return ok([item, other]);
      if (url === 'auth:check') return ok({ id: 3, nickname: 'Desk Li' });
      if (url === 'bookings:availability') return ok(availability);
      if (url === 'bookings:register') return ok(register(data));
      throw new Error(`unexpected ${url}`);
    },
  };
  setHost({ api: api as any, i18n: i18next as any });
  return calls;
}

const refusal = (code: string, message: string) => Object.assign(new Error('400'), { response: { data: { errors: [{ code, message }] } } });

async function renderReady() {
  render(<RegistrationForm />);
  await waitFor(() => expect(screen.getByTestId('desk-form').getAttribute('data-ready')).toBe('yes'));
}

/** Opens an antd Select by its field id and returns its dropdown. */
function openSelect(fieldId: string) {
  const input = document.getElementById(fieldId)!;
  fireEvent.mouseDown(input.closest('.ant-select')!.querySelector('.ant-select-selector')!);
  const list = document.getElementById(`${fieldId}_list`)!;
  return list.closest('.ant-select-dropdown') as HTMLElement;
}

async function chooseItemAndDay() {
  fireEvent.change(document.getElementById('serviceItemId')!, { target: { value: 'bdc' } });
  const dropdown = openSelect('serviceItemId');
  // The pinyin-initials search keeps only the matching item.
  expect(within(dropdown).queryByText(/GS-02/)).toBeNull();
  await act(async () => { fireEvent.click(within(dropdown).getByText(/BDC-01/)); });
  await waitFor(() => expect((document.getElementById('date') as HTMLInputElement).disabled).toBe(false));
  const date = document.getElementById('date') as HTMLInputElement;
  fireEvent.mouseDown(date);
  fireEvent.focus(date);
  fireEvent.change(date, { target: { value: '2026-10-02' } });
  fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
  await waitFor(() => expect((document.getElementById('start') as HTMLInputElement).disabled).toBe(false));
}

describe('RegistrationForm', () => {
  test('R-HOL-4: the phone field says "keep typing", then the stored form, or the error, as the number is typed', async () => {
    fakeHost(() => null);
    await renderReady();
    const phone = screen.getByTestId('desk-phone');
    fireEvent.change(phone, { target: { value: '138' } });
    expect(screen.getByTestId('desk-phone-incomplete').textContent).toBe('Keep typing…');
    fireEvent.change(phone, { target: { value: '138 1234 5678' } });
    expect(screen.getByTestId('desk-phone-ok').textContent).toBe('Mobile: 13812345678');
    fireEvent.change(phone, { target: { value: '0533-2512345' } });
    expect(screen.getByTestId('desk-phone-ok').textContent).toBe('Landline: 0533-2512345');
    fireEvent.change(phone, { target: { value: '12345' } });
    expect(await screen.findByText('Enter a mobile (11 digits) or a landline with area code, e.g. 0533-2512345')).toBeTruthy();
    expect(screen.queryByTestId('desk-phone-ok')).toBeNull();
  });

  test('R-LST-1 R-HOL-3: choosing an item shows its materials notice and that it takes holiday but not weekend bookings', async () => {
    fakeHost(() => null);
    await renderReady();
    expect(screen.queryByTestId('desk-item-notice')).toBeNull();
    await chooseItemAndDay();
    const materials = screen.getByTestId('desk-item-materials');
    expect(Array.from(materials.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['ID card', 'Property deed']);
    expect(screen.getByTestId('desk-item-holiday').getAttribute('data-on')).toBe('yes');
    expect(screen.getByTestId('desk-item-weekend').getAttribute('data-on')).toBe('no');
    expect(screen.getByTestId('desk-recorder').textContent).toContain('Desk Li');
  });

  test('R-HOL-5: the slot picker offers only slots with seats left; a full one cannot be chosen', async () => {
    fakeHost(() => null);
    await renderReady();
    await chooseItemAndDay();
    const dropdown = openSelect('start');
    const full = within(dropdown).getByText('09:00 (full)').closest('.ant-select-item-option')!;
    const free = within(dropdown).getByText('09:30 (2 left)').closest('.ant-select-item-option')!;
    expect(full.getAttribute('aria-disabled') ?? full.className).toMatch(/true|disabled/);
    expect(free.className).not.toMatch(/disabled/);
    fireEvent.click(full);
    expect(document.getElementById('start')!.closest('.ant-select')!.querySelector('.ant-select-selection-item')).toBeNull();
    fireEvent.click(free);
    await waitFor(() => expect(document.getElementById('start')!.closest('.ant-select')!
      .querySelector('.ant-select-selection-item')!.textContent).toBe('09:30 (2 left)'));
  });

  test('R-HOL-5: one submit sends the booking; the engine\'s SLOT_FULL shows under the slot and seats are reloaded; then the number', async () => {
    let answer: 'full' | 'ok' = 'full';
    const calls = fakeHost((body) => {
      if (answer === 'full') throw refusal('SLOT_FULL', 'This time slot is full');
      return { id: 41, number: 'YY20261002-0001', appointmentStart: body.start };
    });
    await renderReady();
    await chooseItemAndDay();
    fireEvent.click(within(openSelect('start')).getByText('09:30 (2 left)'));
    fireEvent.change(screen.getByTestId('desk-name'), { target: { value: 'Zhang San' } });
    fireEvent.change(screen.getByTestId('desk-phone'), { target: { value: '13812345678' } });

    await act(async () => { fireEvent.click(screen.getByTestId('desk-submit')); });
    expect(await screen.findByText('This time slot is full')).toBeTruthy();
    const registers = calls.filter((c) => c.url === 'bookings:register');
    expect(registers).toHaveLength(1);
    expect(registers[0].body).toMatchObject({
      serviceItemId: 7, start: '2026-10-02T01:30:00.000Z', channel: 'onSite', applicantName: 'Zhang San', applicantPhone: '13812345678',
    });
    await waitFor(() => expect(calls.filter((c) => c.url === 'bookings:availability')).toHaveLength(2));

    answer = 'ok';
    // The reload keeps what was typed and chosen: the same submit goes again.
    expect(document.getElementById('start')!.closest('.ant-select')!.querySelector('.ant-select-selection-item')!.textContent).toBe('09:30 (2 left)');
    await act(async () => { fireEvent.click(screen.getByTestId('desk-submit')); });
    expect((await screen.findByTestId('desk-booking-number')).textContent).toBe('YY20261002-0001');
  });
});
