// The desk's own list beside the registration form (预约登记 page, issue 12), rendered with real antd
// in jsdom. The host's API client is an in-process stand-in (setHost) that answers from plain
// data and records what it was asked: the tab's bookings:list query, bookings:lookup with what the
// desk typed, the server's refusal shown as it came, a fragment of a number refused before any request.
import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { render } from './render';
import { DeskBookings } from '../../src/client/desk/DeskBookings';
import { announceBookingRegistered } from '../../src/client/desk/env';
import { setHost } from '../../src/client-v2/host';
import type { DeskBookingRow } from '../../src/client/desk/api';
import { i18next } from './setup';

const row = (id: number, over: Partial<DeskBookingRow> = {}): DeskBookingRow => ({
  id, number: `YY-2026-00000${id}`, status: 'registered', applicantName: `Applicant ${id}`, applicantPhone: '13812345678',
  serviceItem: { id: 1, name: 'Real estate registration' }, window: { id: 1, name: 'Window 1' },
  appointmentStart: '2026-10-02T01:30:00.000Z', appointmentEnd: '2026-10-02T02:00:00.000Z', channel: 'phone',
  recordedAt: '2026-09-28T01:00:00.000Z', ...over,
});

function fakeHost(answers: { list: () => DeskBookingRow[]; lookup: (q: string) => DeskBookingRow[] }) {
  const calls: { url: string; params: any }[] = [];
  const api = {
    async request({ url, params }: any) {
      calls.push({ url, params });
      const ok = (d: unknown) => ({ data: { data: d } });
      if (url === 'auth:check') return ok({ id: 3, nickname: 'Desk Li' });
      if (url === 'bookings:list') return ok(answers.list());
      if (url === 'bookings:lookup') return ok(answers.lookup(params.q));
      if (url === 'bookings:get') return ok({ ...row(Number(params.filterByTk)), recorder: { nickname: 'Desk Li' } });
      throw new Error(`unexpected ${url}`);
    },
  };
  setHost({ api: api as any, i18n: i18next as any });
  return calls;
}

const lookupBox = () => screen.getByTestId('desk-lookup') as HTMLInputElement;
const lookUp = async (text: string) => {
  fireEvent.change(lookupBox(), { target: { value: text } });
  await act(async () => { fireEvent.click(screen.getByTestId('desk-lookup-go')); });
};

describe('DeskBookings', () => {
  it('lists what I recorded today with each status, and refreshes when the form beside it registers one', async () => {
    let rows = [row(1, { status: 'dispatched' })];
    const calls = fakeHost({ list: () => rows, lookup: () => [] });
    render(<DeskBookings />);
    const table = await screen.findByTestId('desk-list-today');
    await waitFor(() => expect(within(table).getByText('YY-2026-000001')).toBeTruthy());
    expect(within(table).getByText('Dispatched')).toBeTruthy();
    const list = calls.filter((c) => c.url === 'bookings:list');
    expect(JSON.parse(list[0].params.filter).$and[0]).toEqual({ recorderId: 3 });
    expect(list[0].params.sort).toEqual(['-recordedAt']);

    rows = [row(2), ...rows];
    await act(async () => announceBookingRegistered({ id: 2, number: 'YY-2026-000002' }));
    await waitFor(() => expect(within(screen.getByTestId('desk-list-today')).getByText('YY-2026-000002')).toBeTruthy());
  });

  it('looks a caller up by the full phone number and reprints the 登记表 of the booking found', async () => {
    const calls = fakeHost({ list: () => [], lookup: (q) => (q === '13812345678' ? [row(5, { status: 'signedFor' })] : []) });
    render(<DeskBookings />);
    await screen.findByTestId('desk-list-today');
    await lookUp('138 1234 5678');
    const result = await screen.findByTestId('desk-lookup-table');
    await waitFor(() => expect(within(result).getByText('YY-2026-000005')).toBeTruthy());
    expect(within(result).getByText('Signed for')).toBeTruthy();
    expect(calls.filter((c) => c.url === 'bookings:lookup').map((c) => c.params.q)).toEqual(['13812345678']);
    await act(async () => { fireEvent.click(within(result).getByTestId('desk-reprint-5')); });
    await waitFor(() => expect(calls.some((c) => c.url === 'bookings:get' && String(c.params.filterByTk) === '5')).toBe(true));
    expect(screen.getByTestId('print-view')).toBeTruthy();
  });

  it('R-X-2 a fragment of a phone number is refused here, without a request', async () => {
    const calls = fakeHost({ list: () => [], lookup: () => [] });
    render(<DeskBookings />);
    await screen.findByTestId('desk-list-today');
    await lookUp('5678');
    expect(screen.getByTestId('desk-lookup-note').textContent).toContain('Enter the whole phone number');
    expect(calls.some((c) => c.url === 'bookings:lookup')).toBe(false);
  });

  it('R-X-3 shows the server\'s refusal as it came, and a failure without one in the user\'s words', async () => {
    setHost({
      api: {
        async request({ url, params }: any) {
          if (url === 'auth:check') return { data: { data: { id: 3 } } };
          if (url === 'bookings:list') return { data: { data: [] } };
          if (url === 'bookings:lookup' && params.q === '13812345678') {
            throw Object.assign(new Error('Request failed with status code 400'), {
              response: { status: 400, data: { errors: [{ code: 'LOOKUP_QUERY_INVALID', message: 'Not a booking number or a phone number' }] } },
            });
          }
          throw Object.assign(new Error('Request failed with status code 404'), { response: { status: 404, data: {} } });
        },
      } as any,
      i18n: i18next as any,
    });
    render(<DeskBookings />);
    await screen.findByTestId('desk-list-today');
    await lookUp('13812345678');
    expect((await screen.findByTestId('desk-lookup-error')).textContent).toBe('Not a booking number or a phone number');
    await lookUp('13900000000'); // the server answers 404 with no message of its own
    await waitFor(() => expect(screen.getByTestId('desk-lookup-error').textContent).toBe('The server could not answer (HTTP 404)'));
  });
});
