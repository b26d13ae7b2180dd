// Pure logic of the role workspaces (no React, no NocoBase): which tabs a person gets, the queries
// each list sends to the stock bookings:list, what a booking's row offers in its status, Shanghai wall
// times, and the service period "this holiday / this weekend". Tested in test/rules/workspaces-client.test.ts.

export type WorkspaceRole = 'admin' | 'desk' | 'section' | 'sectionChief' | 'windowLead' | 'windowStaff';
export type BuiltinTab = 'dispatch' | 'reschedules' | 'sign' | 'mine';

/** A tab another feature adds (e.g. the window lead's roster and comp-time sign-off, src/client/duty). */
export interface ExtraTab {
  key: string;
  roles: WorkspaceRole[];
  /** After which built-in tab it goes; default: at the end. */
  after?: BuiltinTab;
}

const TAB_ROLES: Record<BuiltinTab, WorkspaceRole[]> = {
  dispatch: ['admin', 'section', 'sectionChief'],
  reschedules: ['admin', 'section', 'sectionChief'],
  sign: ['admin', 'windowLead'],
  mine: ['admin', 'windowLead', 'windowStaff'],
};
const ORDER: BuiltinTab[] = ['dispatch', 'reschedules', 'sign', 'mine'];

/** The tabs the signed-in person's roles allow (R-X-2), built-ins in working order, extras where they asked. */
export function workspaceTabs(roles: readonly string[], extras: readonly ExtraTab[] = []): string[] {
  const has = (allowed: readonly string[]) => roles.some((r) => allowed.includes(r));
  const tabs: string[] = ORDER.filter((t) => has(TAB_ROLES[t]));
  for (const extra of extras) {
    if (!has(extra.roles) || tabs.includes(extra.key)) continue;
    const at = extra.after ? tabs.indexOf(extra.after) : -1;
    if (at >= 0) tabs.splice(at + 1, 0, extra.key);
    else tabs.push(extra.key);
  }
  return tabs;
}

/** Only the section chief (and admins) decide reschedules (R-RSC-2); section staff see the inbox. */
export const canDecideReschedule = (roles: readonly string[]) => roles.includes('sectionChief') || roles.includes('admin');

// ---------- Shanghai wall time (China has no daylight saving: a fixed +08:00) ----------

const OFFSET_MS = 8 * 3600000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:mm' in Shanghai for an instant, whatever the browser's zone; '' for nothing. */
export function shanghaiWall(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const t = new Date(value).getTime();
  if (!Number.isFinite(t)) return '';
  const d = new Date(t + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export const shanghaiDay = (value: string | number | Date) => shanghaiWall(value).slice(0, 10);

const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/** A Shanghai wall time 'YYYY-MM-DD HH:mm' as an ISO instant with its zone (what the server stores safely). */
export function wallToIso(wall: string): string | null {
  const m = WALL.exec(String(wall ?? '').trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+08:00`;
}

/** Start (inclusive) and end (exclusive) instants of Shanghai dates first..last, for a list filter. */
export function shanghaiRange(first: string, last: string): { from: string; to: string } {
  const from = new Date(`${first}T00:00:00+08:00`);
  const to = new Date(new Date(`${last}T00:00:00+08:00`).getTime() + 86400000);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Completion defaults (R-DAY-3): from the recorded arrival (else the agreed time) to now, never reversed. */
export function completionDefaults(b: { arrivedAt?: string | null; appointmentStart?: string | null }, now: Date) {
  const end = shanghaiWall(now);
  let start = shanghaiWall(b.arrivedAt || b.appointmentStart || now);
  if (!(start < end)) start = shanghaiWall(new Date(now.getTime() - 30 * 60000));
  return { actualStart: start, actualEnd: end };
}

// ---------- what a booking offers in its status (the server's state machine decides; this only hides
// buttons that could never work, see src/rules/booking.ts TRANSITIONS) ----------

export type RowAction = 'logContact' | 'requestReschedule' | 'arrive' | 'complete' | 'abandon';

export function staffActions(status: string): RowAction[] {
  switch (status) {
    case 'signedFor':
      return ['logContact', 'requestReschedule', 'abandon'];
    case 'contacted':
      return ['arrive', 'logContact', 'requestReschedule', 'abandon'];
    case 'inService':
      return ['complete'];
    default:
      return [];
  }
}

export const OPEN_STATUSES = ['registered', 'dispatched', 'signedFor', 'contacted', 'inService'];
export const HELD_BY_HANDLER = ['signedFor', 'contacted', 'inService'];
export const STATUS_COLORS: Record<string, string> = {
  registered: 'default', dispatched: 'processing', signedFor: 'cyan', contacted: 'blue', inService: 'gold',
  completed: 'success', abandoned: 'warning', cancelled: 'error',
};

// ---------- the queries each list sends to bookings:list ----------

export const BOOKING_APPENDS = ['serviceItem', 'window', 'handler1', 'handler2'];

/** The section's dispatch board: new bookings, soonest first. */
export const dispatchBoardQuery = () => ({ filter: { status: 'registered' }, sort: ['appointmentStart'] });

/** The window lead's "to sign for" (the ACL scopes window roles to their own windows). */
export const toSignQuery = () => ({ filter: { status: 'dispatched' }, sort: ['appointmentStart'] });

/** Signed-for bookings whose handlers the lead may change. */
export const assignedQuery = () => ({ filter: { status: { $in: ['signedFor', 'contacted'] } }, sort: ['appointmentStart'] });

/** My bookings as handler 1 or 2, open ones plus those closed in the period, optionally within Shanghai dates. */
export function myBookingsQuery(userId: number, period?: { first: string; last: string } | null) {
  const filter: Record<string, unknown> = {
    $or: [{ 'handler1.id': userId }, { 'handler2.id': userId }],
    status: { $in: period ? [...HELD_BY_HANDLER, 'completed', 'abandoned'] : HELD_BY_HANDLER },
  };
  if (period) {
    const { from, to } = shanghaiRange(period.first, period.last);
    filter.appointmentStart = { $gte: from, $lt: to };
  }
  return { filter, sort: ['appointmentStart'] };
}

// ---------- "this holiday / this weekend" from the statutory calendar ----------

export interface DayOfCalendar {
  date: string;
  kind: 'workday' | 'makeupWorkday' | 'weekendRest' | 'holiday';
  holidayName?: string | null;
}

export interface ServicePeriod {
  first: string;
  last: string;
  kind: 'holiday' | 'weekend';
  name?: string | null;
}

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);

/**
 * The run of days off that contains `today`, else the next one within `days` (holiday periods and
 * weekends, as the calendar says: a weekend joined to a holiday is part of the holiday). Null when
 * the calendar has no such day ahead.
 */
export function servicePeriod(days: Map<string, DayOfCalendar>, today: string, lookAhead = 40): ServicePeriod | null {
  const off = (d?: DayOfCalendar) => !!d && (d.kind === 'holiday' || d.kind === 'weekendRest');
  let first: string | null = null;
  let date = today;
  for (let i = 0; i < lookAhead; i++, date = nextDate(date)) {
    if (off(days.get(date))) {
      first = date;
      break;
    }
  }
  if (!first) return null;
  // Back to the start of a run that began before today (today is in the middle of a holiday).
  let start = first;
  for (let prev = prevDate(start); off(days.get(prev)); prev = prevDate(prev)) start = prev;
  let last = first;
  for (let next = nextDate(last); off(days.get(next)); next = nextDate(next)) last = next;
  const run: DayOfCalendar[] = [];
  for (let d = start; d <= last; d = nextDate(d)) run.push(days.get(d)!);
  const holiday = run.find((d) => d.kind === 'holiday');
  return { first: start, last, kind: holiday ? 'holiday' : 'weekend', name: holiday?.holidayName ?? null };
}

function prevDate(date: string) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
}

/** Handler 1/2 as the engine wants them: the first chosen is handler 1, never a gap or a duplicate. */
export function handlerInput(h: { handler1Id?: number | null; handler2Id?: number | null }) {
  const ids = [h.handler1Id, h.handler2Id].filter((id): id is number => typeof id === 'number');
  const unique = ids.filter((id, i) => ids.indexOf(id) === i);
  return { handler1Id: unique[0] ?? null, handler2Id: unique[1] ?? null };
}

// ---------- the applicant's signature (R-DAY-3) ----------

/** A drawn stroke in canvas pixels. */
export type Stroke = { x: number; y: number }[];

/** Enough ink to count as a signature, not a stray tap: at least `minLength` pixels drawn in total. */
export function hasSignatureInk(strokes: readonly Stroke[], minLength = 30): boolean {
  let length = 0;
  for (const s of strokes) {
    for (let i = 1; i < s.length; i++) length += Math.hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
  }
  return length >= minLength;
}

/** The signature the engine records: the drawn image, or the applicant's recorded confirmation. */
export function signatureInput(mode: 'draw' | 'confirm', image: string | null, confirmation: string) {
  if (mode === 'draw') return image ? { kind: 'image' as const, value: image } : null;
  const text = confirmation.trim();
  return text ? { kind: 'confirmation' as const, value: text } : null;
}

/** The handler's list also reads each booking's contact log and reschedule requests. */
export const MY_BOOKING_APPENDS = [...BOOKING_APPENDS, 'contacts', 'reschedules'];

/** From a booking's contact log: the latest reconfirmed time and whether the materials notice was ever given (R-PRE-1). */
export function contactSummary(contacts: readonly { id: number; confirmedStart?: string | null; materialsNoticeGiven?: boolean }[] | undefined) {
  const list = [...(contacts || [])].sort((a, b) => a.id - b.id);
  const confirmed = list.filter((c) => c.confirmedStart).pop();
  return { confirmedStart: confirmed?.confirmedStart ?? null, materialsNoticeGiven: list.some((c) => c.materialsNoticeGiven) };
}

/** The reschedule request still waiting for the section chief, if any. */
export const pendingReschedule = <T extends { decision?: string }>(requests: readonly T[] | undefined): T | null =>
  (requests || []).find((r) => r.decision === 'pending') ?? null;
