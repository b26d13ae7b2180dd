// The stored booking settings (appointmentSettings:get, allowed to any signed-in user) for the
// components that show a configurable number — the reschedule notice hours, the minutes late before
// "gave up", the half working day, the slot grid. A number is shown only once it is known: while
// loading (or if the request fails) a component leaves it out rather than show the built-in default,
// which may not be the centre's. The server enforces the stored values either way.
import { useEffect, useState } from 'react';
import { withDefaults, type DutySettings } from '../../rules/settings';
import { useHostApi, type HostApi } from '../../client-v2/host';

type Requester = Pick<HostApi, 'request'>;

// Components mounted together (the inbox and its dialogs) share one request; a later mount asks
// again, so a page opened after an admin's change shows the new value.
const inFlight = new WeakMap<Requester, Promise<DutySettings>>();

export function fetchBookingSettings(api: Requester): Promise<DutySettings> {
  const pending = inFlight.get(api);
  if (pending) return pending;
  const request = api
    .request({ url: 'appointmentSettings:get', method: 'get', skipNotify: true })
    .then((res) => withDefaults(res?.data?.data?.sections?.booking))
    .finally(() => inFlight.delete(api));
  inFlight.set(api, request);
  return request;
}

/** The booking section with defaults filled in, or null until it has been read. */
export function useBookingSettings(api: Requester = useHostApi()): DutySettings | null {
  const [settings, setSettings] = useState<DutySettings | null>(null);
  useEffect(() => {
    let live = true;
    fetchBookingSettings(api).then((s) => live && setSettings(s), () => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return settings;
}

/** A minute step for a time picker on the slot grid: antd's steps must divide the hour. */
export function pickerMinuteStep(slotMinutes: number | undefined): number {
  const divisors = [60, 30, 20, 15, 12, 10, 6, 5, 4, 3, 2, 1];
  return divisors.find((d) => slotMinutes && slotMinutes % d === 0) ?? 1;
}
