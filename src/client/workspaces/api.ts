// What the workspaces ask the server: the stock bookings:list / windows:list (scoped by the ACL and
// the phone-privacy middleware), our read-only workspaces:* and the booking engine's actions.
import { useHostApi } from '../../client-v2/host';
import { useMemo } from 'react';
import { BOOKING_APPENDS } from './logic';

export { errorText } from '../settings/api';

export interface UserRef { id: number; nickname: string }
export interface WindowRef { id: number; code: string; name: string }

export interface Me {
  userId: number;
  nickname: string;
  roles: string[];
  leads: WindowRef[];
  staffs: WindowRef[];
}

export interface BookingRow {
  id: number;
  number: string;
  status: string;
  kind: string;
  channel?: string;
  applicantName: string;
  applicantPhone: string;
  applicantUnit?: string | null;
  appointmentStart: string;
  appointmentEnd: string;
  arrivedAt?: string | null;
  contactedAt?: string | null;
  notes?: string | null;
  serviceItem?: { id: number; name: string; code?: string; materials?: string[]; leadWindowId?: number; expectedMinutes?: number } | null;
  window?: (WindowRef & { leadId?: number }) | null;
  handler1?: UserRef | null;
  handler2?: UserRef | null;
  /** Only where asked for (the handler's list). */
  contacts?: { id: number; at: string; confirmedStart: string | null; materialsNoticeGiven: boolean; result: string }[];
  reschedules?: { id: number; decision: string; kind: string; proposedStart: string | null }[];
}

export interface TimelineEvent {
  id: number; action: string; fromStatus: string | null; toStatus: string; role: string; at: string; reason: string | null; by: UserRef | null;
}
export interface ContactRow {
  id: number; at: string; by: UserRef | null; result: string; materialsNoticeGiven: boolean; confirmedStart: string | null; note: string | null;
}
export interface RescheduleRow {
  id: number; kind: 'ordinary' | 'forceMajeure'; reason: string; requestedAt: string; requestedBy: UserRef | null;
  originalStart: string; proposedStart: string | null; decision: string; decidedAt: string | null; decidedBy: UserRef | null;
  decisionNote: string | null; reportedToSection: boolean; deadline: string;
  booking?: BookingRow; ordinaryApprovalOpen?: boolean;
}
export interface Timeline { booking: BookingRow; events: TimelineEvent[]; contacts: ContactRow[]; reschedules: RescheduleRow[] }
export interface CooperationRow {
  id: number; window: WindowRef; dispatchedAt: string; signedForAt: string | null; signedForBy: UserRef | null; booking: BookingRow;
}
export interface WindowWithStaff extends WindowRef { leadId?: number | null; staff?: UserRef[] }

export function useWorkspaceApi() {
  const api = useHostApi();
  return useMemo(() => {
    // skipNotify: each workspace shows the server's own message next to what the user did.
    const get = async <T>(url: string, params?: Record<string, unknown>): Promise<T> =>
      (await api.request({ url, method: 'get', params, skipNotify: true }))?.data?.data as T;
    const post = async <T>(url: string, data?: Record<string, unknown>): Promise<T> =>
      (await api.request({ url, method: 'post', data, skipNotify: true }))?.data?.data as T;
    return {
      me: () => get<Me>('workspaces:me'),
      timeline: (id: number) => get<Timeline>('workspaces:timeline', { filterByTk: id }),
      reschedules: (decision = 'pending') => get<RescheduleRow[]>('workspaces:reschedules', { decision }),
      cooperation: () => get<CooperationRow[]>('workspaces:cooperation'),
      bookings: (q: { filter: Record<string, unknown>; sort?: string[] }, appends: string[] = BOOKING_APPENDS) =>
        get<BookingRow[]>('bookings:list', { pageSize: 200, appends, filter: JSON.stringify(q.filter), sort: q.sort }),
      windows: (filter?: Record<string, unknown>, staff = false) =>
        get<WindowWithStaff[]>('windows:list', { paginate: false, sort: ['code'], ...(staff ? { appends: ['staff'] } : {}),
          ...(filter ? { filter: JSON.stringify(filter) } : {}) }),
      calendarYear: (year: number) => get<{ year: number; configured: boolean; days: any[] }>('calendar:year', { year }),
      /** One lifecycle action of the booking engine (docs/api.md § Bookings API). */
      act: (action: string, id: number, body: Record<string, unknown> = {}) =>
        post<BookingRow>(`bookings:${action}?filterByTk=${id}`, body),
    };
  }, [api]);
}

export type WorkspaceApi = ReturnType<typeof useWorkspaceApi>;
