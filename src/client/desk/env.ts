// The desk components' texts: the host's i18next (src/client-v2/host.ts), our namespace first,
// then NocoBase's own texts. Read at render time, so it needs no React context of the host.
import { NS } from '../../constants';
import { hostI18n } from '../../client-v2/host';

export function useDeskT() {
  const i18n = hostI18n();
  const lang = i18n?.language || 'zh-CN';
  const t = (key: string, options: Record<string, unknown> = {}) =>
    i18n ? i18n.t(key, { ns: [NS, 'client'], ...options }) : key;
  return { t, lang };
}

// The registration form tells the desk's list when it has registered a booking (they are two
// blocks of one page, with no React context in common).
type Listener = (booking: { id: number; number: string }) => void;
const listeners = new Set<Listener>();

export function onBookingRegistered(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceBookingRegistered(booking: { id: number; number: string }) {
  for (const listener of listeners) listener(booking);
}
