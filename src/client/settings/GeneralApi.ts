// The appointmentSettings resource (get / update) of our server plugin, for the 基本设置 page.
import { useHostApi } from '../../client-v2/host';
import { useMemo } from 'react';

export type Sections = Record<string, Record<string, unknown>>;

export interface SettingsAnswer {
  sections: Sections;
  defaults: Sections;
  /** Allowed [min, max] per number field, per section (the booking section's). */
  ranges: Record<string, Record<string, [number, number]>>;
}

/** A refusal from the server: its localized message and the field it names, if any. */
export interface ServerProblem {
  code?: string;
  message: string;
  section?: string;
  field?: string;
}

export function problemOf(error: any, section?: string): ServerProblem {
  const e = error?.response?.data?.errors?.[0];
  if (!e) return { message: error?.message || String(error) };
  return { code: e.code, message: e.message, section: e.params?.section ?? section, field: e.params?.field };
}

export function useSettingsApi() {
  const api = useHostApi();
  return useMemo(() => ({
    get: async (): Promise<SettingsAnswer> => (await api.request({ url: 'appointmentSettings:get', skipNotify: true } as any))?.data?.data,
    update: async (patch: Sections): Promise<SettingsAnswer> =>
      (await api.request({ url: 'appointmentSettings:update', method: 'post', data: patch, skipNotify: true } as any))?.data?.data,
  }), [api]);
}
