// The after-service numbers a centre may change (the catalogue's *configurable* values for R-AFT-1..2,
// R-SUP-1). Pure: defaults + a check before a stored section is used or saved (R-X-3).
import { RuleViolation } from './errors';

/** Case types, each with its own deadline in working days (整改时限). */
export const CASE_TYPES = ['badReview', 'complaint'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export interface AftercareSettings {
  /** R-AFT-2 a rating (好差评) may be given until this many working days after the service (Shandong: 5). */
  ratingWorkingDays: number;
  /** R-AFT-2 a case is due this many working days after it was opened, per case type. */
  caseWorkingDays: Record<CaseType, number>;
  /** R-SUP-1 points proposed against the responsible window when a case goes overdue. */
  overduePenaltyPoints: number;
}

export const AFTERCARE_SETTINGS_DEFAULTS: AftercareSettings = Object.freeze({
  ratingWorkingDays: 5,
  caseWorkingDays: Object.freeze({ badReview: 5, complaint: 5 }) as Record<CaseType, number>,
  overduePenaltyPoints: 1,
});

/** A stored (possibly partial) section completed with the defaults; case types merge one by one. */
export function aftercareWithDefaults(stored?: Partial<AftercareSettings> | null): AftercareSettings {
  const d = AFTERCARE_SETTINGS_DEFAULTS;
  return {
    ratingWorkingDays: stored?.ratingWorkingDays ?? d.ratingWorkingDays,
    caseWorkingDays: { ...d.caseWorkingDays, ...(stored?.caseWorkingDays ?? {}) },
    overduePenaltyPoints: stored?.overduePenaltyPoints ?? d.overduePenaltyPoints,
  };
}

const MAX_WORKING_DAYS = 60; // a quarter of a year: more is a typo, not a policy

function badCount(field: string, value: unknown, min: number, max: number): RuleViolation | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) return new RuleViolation('SETTINGS_NUMBER_INVALID', { field, value: String(value) });
  // Too large: say the range (the booking section's message), not "must be positive".
  if (value > max) return new RuleViolation('SETTINGS_NUMBER_OUT_OF_RANGE', { field, value, min, max });
  return null;
}

/** The first problem of a settings section, or null when it may be used. */
export function checkAftercareSettings(s: AftercareSettings): RuleViolation | null {
  if (!s || typeof s !== 'object') return new RuleViolation('SETTINGS_INVALID');
  const rating = badCount('ratingWorkingDays', s.ratingWorkingDays, 1, MAX_WORKING_DAYS);
  if (rating) return rating;
  if (!s.caseWorkingDays || typeof s.caseWorkingDays !== 'object') {
    return new RuleViolation('SETTINGS_NUMBER_INVALID', { field: 'caseWorkingDays', value: String(s.caseWorkingDays) });
  }
  for (const key of Object.keys(s.caseWorkingDays)) {
    if (!(CASE_TYPES as readonly string[]).includes(key)) return new RuleViolation('CASE_TYPE_INVALID', { value: key });
  }
  for (const type of CASE_TYPES) {
    const problem = badCount(`caseWorkingDays_${type}`, s.caseWorkingDays[type], 1, MAX_WORKING_DAYS);
    if (problem) return problem;
  }
  // 0 is allowed: a centre may record overdue cases without proposing points.
  return badCount('overduePenaltyPoints', s.overduePenaltyPoints, 0, 100);
}
