// R-HOL-6: one applicant does not hold seats others need.
import { checkApplicantLimit } from '../../src/rules/applicantLimit';
import { RuleViolation } from '../../src/rules/errors';

const at = (s: string) => new Date(`${s}:00+08:00`);
const SPRING = { name: '春节', start: '2026-02-15', end: '2026-02-23', days: 9 };
const held = (number: string, start: string, minutes = 30) => ({ number, start: at(start), end: new Date(at(start).getTime() + minutes * 60000) });
const problem = (f: () => void) => {
  try {
    f();
    return null;
  } catch (e) {
    return e as RuleViolation;
  }
};

describe('R-HOL-6 per-applicant limit', () => {
  it('R-HOL-6 refuses an overlapping time, naming the booking held', () => {
    const e = problem(() => checkApplicantLimit({ start: at('2026-02-17T10:15'), end: at('2026-02-17T10:45'), period: SPRING, max: 3,
      held: [held('YY-2026-000007', '2026-02-17T10:00')] }));
    expect(e?.code).toBe('APPLICANT_BOOKING_OVERLAPS');
    expect(e?.params).toMatchObject({ number: 'YY-2026-000007', start: '2026-02-17 10:00', end: '2026-02-17 10:30' });
  });

  it('R-HOL-6 touching times are not an overlap', () => {
    expect(problem(() => checkApplicantLimit({ start: at('2026-02-17T10:30'), end: at('2026-02-17T11:00'), period: SPRING, max: 3,
      held: [held('A', '2026-02-17T10:00')] }))).toBeNull();
  });

  it('R-HOL-6 at most N open bookings in one holiday period; others periods and weekends do not count', () => {
    const three = [held('A', '2026-02-15T09:00'), held('B', '2026-02-16T09:00'), held('C', '2026-02-23T16:00')];
    const e = problem(() => checkApplicantLimit({ start: at('2026-02-18T09:00'), end: at('2026-02-18T09:30'), period: SPRING, max: 3, held: three }));
    expect(e?.code).toBe('APPLICANT_PERIOD_LIMIT');
    expect(e?.params).toMatchObject({ max: 3, holiday: '春节', numbers: 'A、B、C' });
    expect(problem(() => checkApplicantLimit({ start: at('2026-02-18T09:00'), end: at('2026-02-18T09:30'), period: SPRING, max: 4, held: three }))).toBeNull();
    const elsewhere = [held('A', '2026-02-14T09:00'), held('B', '2026-02-24T09:00'), held('C', '2026-02-16T09:00')];
    expect(problem(() => checkApplicantLimit({ start: at('2026-02-18T09:00'), end: at('2026-02-18T09:30'), period: SPRING, max: 2, held: elsewhere }))).toBeNull();
    // A weekend-service day has no holiday period: only the overlap rule applies.
    expect(problem(() => checkApplicantLimit({ start: at('2026-03-01T09:00'), end: at('2026-03-01T09:30'), period: null, max: 1, held: three }))).toBeNull();
  });
});
