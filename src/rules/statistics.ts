// Statistics (R-SUP-3): what each figure means, as pure definitions. The database does the counting
// (grouped queries in src/server/aftercare/statistics.ts); this file fixes the vocabulary, the
// period boundaries (Shanghai days/months) and the rates computed from the counts.
import { assertDate, fromShanghai } from './calendar';
import { RuleViolation } from './errors';
import { RATING_LEVELS, RatingLevel } from './aftercare';

export const GROUP_BYS = ['window', 'item'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const PERIODS = ['day', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** Counts the database returns for one group (window or item) and period. */
export interface StatCounts {
  bookings: number;
  onSite: number;
  phone: number;
  completed: number;
  abandoned: number;
  cancelled: number;
  /** Still open (registered … inService). */
  open: number;
  /** Completed within the booked slot: actualEnd ≤ appointmentEnd. */
  onTime: number;
  /** Sum of durationMinutes and of the items' expectedMinutes over completed bookings with a duration. */
  handlingMinutes: number;
  expectedMinutes: number;
  timed: number;
  reschedules: number;
  reschedulesForceMajeure: number;
  /** Ratings per level, malicious ones (upheld appeals) excluded; `ratingsExcluded` counts those. */
  ratings: Record<RatingLevel, number>;
  ratingsExcluded: number;
  badReviewCases: number;
  badReviewCasesClosedOnTime: number;
  badReviewCasesOverdue: number;
  complaints: number;
  complaintsClosedOnTime: number;
  /** Penalty points by status (R-SUP-1): confirmed count, proposed are pending the section's decision. */
  penaltyPointsConfirmed: number;
  penaltyPointsProposed: number;
  /** Comp time (调休, R-CMP-3) from the ledger, in minutes: earned by the entry's served time, taken by the request's start. */
  compTimeEarnedMinutes: number;
  compTimeTakenMinutes: number;
}

export const COUNT_FIELDS = [
  'bookings', 'onSite', 'phone', 'completed', 'abandoned', 'cancelled', 'open', 'onTime', 'handlingMinutes', 'expectedMinutes',
  'timed', 'reschedules', 'reschedulesForceMajeure', 'ratingsExcluded', 'badReviewCases', 'badReviewCasesClosedOnTime',
  'badReviewCasesOverdue', 'complaints', 'complaintsClosedOnTime', 'penaltyPointsConfirmed', 'penaltyPointsProposed',
  'compTimeEarnedMinutes', 'compTimeTakenMinutes',
] as const;

export const emptyCounts = (): StatCounts => ({
  ...(Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as any),
  ratings: Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>,
});

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
/** Minutes as hours with one decimal (how the report shows durations of comp time). */
export const toHours = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;
const average = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 10) / 10 : null);

export interface StatRates {
  rated: number;
  /** Ratings in the three upper levels (not `satisfied`: that is the level's own count). */
  satisfiedTotal: number;
  badReviews: number;
  /** (非常满意 + 满意 + 基本满意) / rated, malicious ratings excluded. */
  satisfactionRate: number | null;
  /** Share of each level among the counted ratings. */
  ratingShares: Record<RatingLevel, number | null>;
  onTimeRate: number | null;
  avgHandlingMinutes: number | null;
  avgExpectedMinutes: number | null;
  /** Bad-review cases closed before their due time / all bad-review cases. */
  badReviewClosedOnTimeRate: number | null;
  compTimeEarnedHours: number;
  compTimeTakenHours: number;
}

export function ratesOf(c: StatCounts): StatRates {
  const rated = RATING_LEVELS.reduce((n, l) => n + c.ratings[l], 0);
  const satisfied = c.ratings.verySatisfied + c.ratings.satisfied + c.ratings.basicallySatisfied;
  return {
    rated,
    satisfiedTotal: satisfied,
    badReviews: c.ratings.dissatisfied + c.ratings.veryDissatisfied,
    satisfactionRate: percent(satisfied, rated),
    ratingShares: Object.fromEntries(RATING_LEVELS.map((l) => [l, percent(c.ratings[l], rated)])) as Record<RatingLevel, number | null>,
    onTimeRate: percent(c.onTime, c.completed),
    avgHandlingMinutes: average(c.handlingMinutes, c.timed),
    avgExpectedMinutes: average(c.expectedMinutes, c.timed),
    badReviewClosedOnTimeRate: percent(c.badReviewCasesClosedOnTime, c.badReviewCases),
    compTimeEarnedHours: toHours(c.compTimeEarnedMinutes),
    compTimeTakenHours: toHours(c.compTimeTakenMinutes),
  };
}

/** The half-open instant range [from, to) of Shanghai dates from..to inclusive; at most 2 years. */
export function statRange(from: unknown, to: unknown): { from: Date; to: Date } {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    try {
      assertDate(value as string);
    } catch {
      throw new RuleViolation('INVALID_DATE', { value: String(value ?? '').slice(0, 20), field });
    }
  }
  const start = fromShanghai(from as string);
  const end = fromShanghai(to as string, 24 * 60);
  if (end <= start) throw new RuleViolation('STAT_RANGE_INVALID', { from: String(from), to: String(to) });
  if (end.getTime() - start.getTime() > 732 * 86400000) throw new RuleViolation('STAT_RANGE_TOO_LONG', { days: 732 });
  return { from: start, to: end };
}

/** 'YYYY-MM' → its first and last Shanghai dates. */
export function monthRange(month: unknown): { from: string; to: string } {
  const m = typeof month === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month) : null;
  if (!m) throw new RuleViolation('INVALID_MONTH', { value: String(month ?? '').slice(0, 20) });
  const last = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
