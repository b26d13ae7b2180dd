// R-HOL-6: one applicant does not hold seats others need. No two open bookings of one phone number
// at overlapping times, and at most N open bookings of one number in one holiday period (N is the
// booking setting maxOpenBookingsPerPeriod, default 3). Pure; the refusal names the booking held.
import type { HolidayPeriod } from './calendar';
import { shanghaiDate } from './calendar';
import { RuleViolation } from './errors';
import { formatShanghai } from './booking';

export const OPEN_STATUSES = ['registered', 'dispatched', 'signedFor', 'contacted', 'inService'] as const;

export interface HeldBooking {
  number: string;
  start: Date;
  end: Date;
}

export interface ApplicantLimitInput {
  start: Date;
  end: Date;
  /** The holiday period of the new time (none for a weekend-service day). */
  period?: HolidayPeriod | null;
  /** The same number's other open bookings (not the one being moved). */
  held: readonly HeldBooking[];
  max: number;
}

export function checkApplicantLimit(input: ApplicantLimitInput): void {
  const { start, end } = input;
  const overlap = input.held.find((h) => h.start.getTime() < end.getTime() && start.getTime() < h.end.getTime());
  if (overlap) {
    throw new RuleViolation('APPLICANT_BOOKING_OVERLAPS', { number: overlap.number, start: formatShanghai(overlap.start), end: formatShanghai(overlap.end) });
  }
  const period = input.period;
  if (!period) return;
  const inPeriod = input.held.filter((h) => {
    const day = shanghaiDate(h.start);
    return day >= period.start && day <= period.end;
  });
  if (inPeriod.length >= input.max) {
    throw new RuleViolation('APPLICANT_PERIOD_LIMIT', { max: input.max, holiday: period.name, numbers: inPeriod.map((h) => h.number).join('、') });
  }
}
