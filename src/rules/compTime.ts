// Comp time (调休): R-CMP-1..3. Pure rules, no NocoBase import. Minutes everywhere.
// Earned: attended weekend shifts (check-in to check-out, capped at the planned shift) and
// completed holiday bookings served (actual start–end), each from its source, and a minute served
// is earned once even when a booking lies inside an attended shift. Taken: approved requests.
import { addDays } from './roster';
import { fromShanghai, shanghaiDate } from './calendar';
import { ShiftTime } from './dutySettings';
import { RuleViolation } from './errors';
import { parseHHmm } from './settings';

export type CompSourceType = 'dutyShift' | 'booking';

/** A stretch of served time from one source, in the order sources are credited. */
export interface ServedTime {
  sourceType: CompSourceType;
  sourceId: number;
  start: Date;
  end: Date;
}

export interface EarnedCredit {
  sourceType: CompSourceType;
  sourceId: number;
  minutes: number;
  /** The Shanghai date served (the entry's date in the ledger). */
  date: string;
}

type Span = [number, number];

/** The part of a weekend shift that earns: actual check-in to check-out within the planned shift. */
export function servedInShift(s: {
  id: number; kind: string; plannedStart: Date; plannedEnd: Date; checkInAt: Date | null; checkOutAt: Date | null; status?: string;
}): ServedTime | null {
  // Holiday shifts are the duty of a booking: the booking's actual time earns, not the shift (no double count).
  if (s.kind !== 'weekend' || s.status === 'cancelled' || !s.checkInAt || !s.checkOutAt) return null;
  const start = Math.max(+new Date(s.checkInAt), +new Date(s.plannedStart));
  const end = Math.min(+new Date(s.checkOutAt), +new Date(s.plannedEnd));
  return end > start ? { sourceType: 'dutyShift', sourceId: s.id, start: new Date(start), end: new Date(end) } : null;
}

/** The part of a completed booking that earns: its actual start–end. */
export function servedInBooking(b: { id: number; status: string; actualStart: Date | null; actualEnd: Date | null }): ServedTime | null {
  if (b.status !== 'completed' || !b.actualStart || !b.actualEnd) return null;
  const start = +new Date(b.actualStart);
  const end = +new Date(b.actualEnd);
  return end > start ? { sourceType: 'booking', sourceId: b.id, start: new Date(start), end: new Date(end) } : null;
}

/** Length of `span` not covered by `covered` (a sorted, disjoint list). */
function uncovered([a, b]: Span, covered: Span[]): number {
  let left = b - a;
  for (const [c, d] of covered) left -= Math.max(0, Math.min(b, d) - Math.max(a, c));
  return left;
}

/** Adds a span to a sorted, disjoint list, merging overlaps. */
function cover(list: Span[], [a, b]: Span): Span[] {
  const out: Span[] = [];
  let [s, e] = [a, b];
  for (const [c, d] of list) {
    if (d < s || c > e) out.push([c, d]);
    else [s, e] = [Math.min(s, c), Math.max(e, d)];
  }
  out.push([s, e]);
  return out.sort((x, y) => x[0] - y[0]);
}

/**
 * R-CMP-1 R-CMP-3 one person's earned comp time per source, hour for hour: shifts first, then
 * bookings (each in id order), each credited only for minutes no earlier source covered — a
 * booking served inside an attended shift earns nothing more, one outside earns its time.
 * Deterministic, so re-running it for a person gives the same ledger whatever the event order.
 */
export function creditServedTime(served: ServedTime[]): EarnedCredit[] {
  const ordered = [...served].sort((x, y) =>
    x.sourceType === y.sourceType ? x.sourceId - y.sourceId : x.sourceType === 'dutyShift' ? -1 : 1);
  let covered: Span[] = [];
  const out: EarnedCredit[] = [];
  for (const s of ordered) {
    const span: Span = [+s.start, +s.end];
    const minutes = Math.floor(uncovered(span, covered) / 60000);
    covered = cover(covered, span);
    out.push({ sourceType: s.sourceType, sourceId: s.sourceId, minutes, date: shanghaiDate(s.start) });
  }
  return out;
}

// ---------- the ledger (R-CMP-3) ----------

export interface LedgerEntry {
  kind: 'earned' | 'taken';
  minutes: number;
  /** When earned (the served date) or taken (the request's start). */
  at: Date;
}

export interface Balance {
  earned: number;
  taken: number;
  expired: number;
  balance: number;
}

/**
 * Balance = earned − taken − expired. Without expiry it is a plain sum. With `expiryDays`, earned
 * minutes expire that many days after they were earned unless taken before: taking consumes the
 * oldest earned minutes first (FIFO), so expiry only removes what was never used.
 */
export function balanceOf(entries: LedgerEntry[], asOf: Date, expiryDays: number | null = null): Balance {
  const earned = entries.filter((e) => e.kind === 'earned').reduce((n, e) => n + e.minutes, 0);
  const taken = entries.filter((e) => e.kind === 'taken').reduce((n, e) => n + e.minutes, 0);
  if (expiryDays === null) return { earned, taken, expired: 0, balance: earned - taken };
  const ttl = expiryDays * 86400000;
  const lots: { left: number; expires: number }[] = [];
  let expired = 0;
  const expireUntil = (t: number) => {
    for (const lot of lots) if (lot.expires <= t && lot.left > 0) { expired += lot.left; lot.left = 0; }
  };
  const ordered = [...entries].sort((a, b) => +a.at - +b.at || (a.kind === 'earned' ? -1 : 1));
  let overdraft = 0;
  for (const e of ordered) {
    expireUntil(+e.at);
    if (e.kind === 'earned') lots.push({ left: e.minutes, expires: +e.at + ttl });
    else {
      let need = e.minutes;
      for (const lot of lots) {
        const use = Math.min(lot.left, need);
        lot.left -= use;
        need -= use;
      }
      overdraft += need;
    }
  }
  expireUntil(+asOf);
  return { earned, taken, expired, balance: lots.reduce((n, l) => n + l.left, 0) - overdraft };
}

// ---------- requests (R-CMP-2) ----------

/**
 * Minutes a request for [start, end) takes: its overlap with the working hours of each working day
 * in it (a day off 09:00–17:00 is 7 h, not 8; a weekend in the middle costs nothing).
 */
export function requestMinutes(start: Date, end: Date, workingHours: ShiftTime[], isWorkingDay: (date: string) => boolean): number {
  let total = 0;
  for (let d = shanghaiDate(start); d <= shanghaiDate(new Date(+end - 1)); d = addDays(d, 1)) {
    if (!isWorkingDay(d)) continue;
    for (const h of workingHours) {
      const a = Math.max(+start, +fromShanghai(d, parseHHmm(h.start)!));
      const b = Math.min(+end, +fromShanghai(d, parseHHmm(h.end, true)!));
      if (b > a) total += (b - a) / 60000;
    }
  }
  return Math.floor(total);
}

export const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export interface RequestCheck {
  requesterId: number;
  coverUserId: number | null;
  start: Date;
  end: Date;
  minutes: number;
  balance: number;
  /** Minutes of the requester's other requests still waiting for sign-off. */
  pending: number;
}

/**
 * R-CMP-2 a request names a span, a cover colleague (顶岗) other than the requester, and takes no
 * more than the balance left after the requests already waiting — refused with the balance.
 */
export function checkCompTimeRequest(r: RequestCheck): void {
  if (!(+r.end > +r.start)) throw new RuleViolation('COMP_TIME_END_NOT_AFTER_START');
  if (r.minutes <= 0) throw new RuleViolation('COMP_TIME_NO_WORKING_HOURS');
  if (!r.coverUserId) throw new RuleViolation('COVER_REQUIRED');
  if (r.coverUserId === r.requesterId) throw new RuleViolation('COVER_IS_REQUESTER');
  const available = r.balance - r.pending;
  if (r.minutes > available) {
    throw new RuleViolation('COMP_TIME_OVER_BALANCE', {
      requested: hours(r.minutes), balance: hours(r.balance), pending: hours(r.pending), available: hours(Math.max(0, available)),
    });
  }
}

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** Sign-off or rejection by the window lead: only a pending request, always with a note (签字说明). */
export function checkDecision(status: string, note: unknown): string {
  if (status !== 'pending') throw new RuleViolation('COMP_TIME_REQUEST_NOT_PENDING', { status });
  if (typeof note !== 'string' || !note.trim()) throw new RuleViolation('SIGN_OFF_NOTE_REQUIRED');
  return note.trim();
}
