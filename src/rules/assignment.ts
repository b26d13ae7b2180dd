// Who handles a signed-for booking when the workflow assigns (the "Assign handler" node): the
// window's staff on duty that day whose published shift covers the appointment, fewest bookings
// in that slot first. Pure: the server passes the shifts and the counts it read.

export interface ShiftLike {
  userId: number;
  role: string; // staff | lead
  status: string; // draft | published | cancelled
  plannedStart: Date | string;
  plannedEnd: Date | string;
  /** Set on a holiday shift that exists because of a booking (R-PRE-2). */
  bookingId?: number | null;
}

export interface Pick {
  /** Chosen handlers, best first (at most `want`). Empty → left to the window lead. */
  handlerIds: number[];
  /** Everyone considered, with their load in the slot, for the node's result. */
  candidates: { userId: number; load: number }[];
  /** Why nobody was picked, as a code the node's result shows. */
  reason?: 'NO_STAFF_ON_DUTY';
}

const ms = (d: Date | string) => new Date(d).getTime();

/**
 * Published staff shifts covering [start, end) — the people on duty for the whole appointment.
 * The shift the booking being assigned made for its current handler (R-PRE-2) does not count:
 * it follows whoever is assigned, so it would only keep the present choice.
 */
export function onDutyFor(shifts: ShiftLike[], start: Date, end: Date, forBookingId?: number | null): number[] {
  const ids = shifts
    .filter((s) => !(forBookingId != null && s.bookingId != null && Number(s.bookingId) === Number(forBookingId)))
    .filter((s) => s.status === 'published' && s.role === 'staff' && ms(s.plannedStart) <= start.getTime() && ms(s.plannedEnd) >= end.getTime())
    .map((s) => Number(s.userId));
  return [...new Set(ids)];
}

/**
 * Fewest bookings in the slot first; ties by id so the choice is stable. `members` are the
 * window's staff: a roster entry for someone who left the window is not a handler.
 */
export function pickHandlers(
  shifts: ShiftLike[], start: Date, end: Date, load: Map<number, number>, members: Set<number>, want = 1,
  forBookingId: number | null = null,
): Pick {
  const onDuty = onDutyFor(shifts, start, end, forBookingId).filter((id) => members.has(id));
  const candidates = onDuty.map((userId) => ({ userId, load: load.get(userId) ?? 0 })).sort((a, b) => a.load - b.load || a.userId - b.userId);
  if (!candidates.length) return { handlerIds: [], candidates, reason: 'NO_STAFF_ON_DUTY' };
  return { handlerIds: candidates.slice(0, Math.max(1, Math.min(2, want))).map((c) => c.userId), candidates };
}
