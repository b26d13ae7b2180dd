import { Calendar, fromShanghai } from '../../src/rules/calendar';
import { seedDays, seedYearsAvailable } from '../../src/rules/calendarSeed';
import {
  CASE_TRANSITIONS, RATING_LEVELS, caseDueAt, checkAppeal, checkCaseAction, checkClose, checkComplaint, checkFollowUp,
  closedOnTime, decideAppeal, dueDateOf, isBadReview, isOverdue, opensRectification, ratingDeadline,
} from '../../src/rules/aftercare';
import {
  AFTERCARE_SETTINGS_DEFAULTS, aftercareWithDefaults, checkAftercareSettings,
} from '../../src/rules/aftercareSettings';
import { emptyCounts, monthRange, percent, ratesOf, statRange } from '../../src/rules/statistics';

const years = seedYearsAvailable();
const cal = new Calendar(years.flatMap(seedDays), years);
const at = (s: string) => new Date(s);
const S = AFTERCARE_SETTINGS_DEFAULTS;
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e: any) {
    return e.code;
  }
  return null;
};

describe('ratings (好差评)', () => {
  test('R-AFT-1 five national levels, the last two are bad reviews', () => {
    expect(RATING_LEVELS).toEqual(['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied']);
    expect(RATING_LEVELS.map(isBadReview)).toEqual([false, false, false, true, true]);
  });

  test('R-AFT-2 only a named bad review opens a rectification case', () => {
    expect(opensRectification('dissatisfied', false)).toBe(true);
    expect(opensRectification('veryDissatisfied', false)).toBe(true);
    expect(opensRectification('veryDissatisfied', true)).toBe(false);
    expect(opensRectification('basicallySatisfied', false)).toBe(false);
    expect(opensRectification(null, false)).toBe(false);
  });

  test('R-AFT-2 rating window: 5 working days counted with the calendar (Spring Festival 2026, make-up Saturday counts)', () => {
    // Served Fri 02-13: 02-14 (调休上班) is day 1, 02-15..23 holiday, then 24, 25, 26, 27.
    expect(ratingDeadline(cal, at('2026-02-13T16:00:00+08:00'), 5)).toBe('2026-02-27');
    // A weekend service (周末无休) on Sat 03-07: Mon 09 … Fri 13.
    expect(ratingDeadline(cal, at('2026-03-07T10:30:00+08:00'), 5)).toBe('2026-03-13');
    // Served late in the evening UTC-wise still counts by the Shanghai date.
    expect(ratingDeadline(cal, at('2026-03-06T23:30:00+08:00'), 1)).toBe('2026-03-09');
  });

  const visit = (over: any = {}) => ({
    bookingStatus: 'completed', bookingNumber: 'YY-2026-000001', serviceEnd: at('2026-02-13T16:00:00+08:00'),
    visitedAt: at('2026-02-27T17:00:00+08:00'), method: 'phone', rating: 'satisfied', now: at('2026-02-27T17:05:00+08:00'), ...over,
  });

  test('R-AFT-1 R-AFT-2 a follow-up on the last day of the window is accepted, a day later the rating is refused', () => {
    expect(checkFollowUp(visit(), cal, S)).toEqual({ rating: 'satisfied', ratingDeadline: '2026-02-27' });
    const late = visit({ visitedAt: at('2026-02-28T09:00:00+08:00'), now: at('2026-02-28T09:00:00+08:00') });
    expect(code(() => checkFollowUp(late, cal, S))).toBe('RATING_WINDOW_CLOSED');
    // The same late visit without a rating is still a visit.
    expect(checkFollowUp({ ...late, rating: null }, cal, S)).toEqual({ rating: null, ratingDeadline: null });
    // Configurable: 10 working days moves the deadline (Sat 02-28 is a make-up workday and counts).
    expect(checkFollowUp(late, cal, aftercareWithDefaults({ ratingWorkingDays: 10 })).ratingDeadline).toBe('2026-03-05');
  });

  test('R-AFT-1 a follow-up needs a completed booking, a known method and level, a time after the service and not in the future', () => {
    expect(code(() => checkFollowUp(visit({ bookingStatus: 'abandoned' }), cal, S))).toBe('FOLLOW_UP_BOOKING_NOT_COMPLETED');
    expect(code(() => checkFollowUp(visit({ method: 'email' }), cal, S))).toBe('FOLLOW_UP_METHOD_INVALID');
    expect(code(() => checkFollowUp(visit({ rating: 'ok' }), cal, S))).toBe('RATING_LEVEL_INVALID');
    expect(code(() => checkFollowUp(visit({ visitedAt: at('2026-02-13T15:00:00+08:00') }), cal, S))).toBe('FOLLOW_UP_BEFORE_SERVICE');
    expect(code(() => checkFollowUp(visit({ now: at('2026-02-27T16:00:00+08:00') }), cal, S))).toBe('FOLLOW_UP_IN_FUTURE');
  });
});

describe('cases (整改 / 投诉) with a deadline in working days', () => {
  test('R-AFT-2 due date skips the holiday period and counts the make-up Saturday', () => {
    const opened = at('2026-02-12T10:00:00+08:00'); // Thu: 13 (1), 14 调休 (2), 24 (3), 25 (4), 26 (5)
    const due = caseDueAt(cal, opened, 'badReview', S);
    expect(due.toISOString()).toBe(fromShanghai('2026-02-27').toISOString());
    expect(dueDateOf(due)).toBe('2026-02-26');
    const complaint = caseDueAt(cal, opened, 'complaint', aftercareWithDefaults({ caseWorkingDays: { complaint: 2 } as any }));
    expect(dueDateOf(complaint)).toBe('2026-02-14');
  });

  test('R-AFT-2 overdue from the due instant while open; closed on time only before it', () => {
    const dueAt = fromShanghai('2026-02-27');
    expect(isOverdue({ status: 'open', dueAt }, at('2026-02-26T23:59:59+08:00'))).toBe(false);
    expect(isOverdue({ status: 'open', dueAt }, at('2026-02-27T00:00:00+08:00'))).toBe(true);
    expect(isOverdue({ status: 'closed', dueAt }, at('2026-03-27T00:00:00+08:00'))).toBe(false);
    expect(closedOnTime(at('2026-02-26T23:59:00+08:00'), dueAt)).toBe(true);
    expect(closedOnTime(at('2026-02-27T08:00:00+08:00'), dueAt)).toBe(false);
  });

  test('R-AFT-2 who may act on a case, from which status (one table)', () => {
    expect(checkCaseAction('open', 'recordCallback', ['windowStaff'])).toBe('windowStaff');
    expect(checkCaseAction('overdue', 'close', ['windowLead'])).toBe('windowLead');
    expect(code(() => checkCaseAction('open', 'close', ['windowStaff']))).toBe('ROLE_NOT_ALLOWED');
    expect(code(() => checkCaseAction('open', 'addStep', ['desk']))).toBe('ROLE_NOT_ALLOWED');
    expect(code(() => checkCaseAction('closed', 'addStep', ['section']))).toBe('CASE_ACTION_NOT_ALLOWED');
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual(['addStep', 'close', 'recordCallback']);
  });

  test('R-AFT-2 a bad review is closed only with an outcome and after the callback to the applicant', () => {
    expect(code(() => checkClose('badReview', { callbackAt: null }, '已整改'))).toBe('CALLBACK_REQUIRED');
    expect(code(() => checkClose('badReview', { callbackAt: new Date() }, '  '))).toBe('OUTCOME_REQUIRED');
    expect(code(() => checkClose('badReview', { callbackAt: new Date() }, '已整改'))).toBeNull();
    expect(code(() => checkClose('complaint', { callbackAt: null }, '已答复'))).toBeNull();
  });

  test('R-AFT-2 a complaint names its source, what it is about and the window it is against', () => {
    expect(code(() => checkComplaint({ source: 'phone', subject: '窗口人员态度生硬', windowId: 3 }))).toBeNull();
    expect(code(() => checkComplaint({ source: 'mail', subject: 'x', windowId: 3 }))).toBe('COMPLAINT_SOURCE_INVALID');
    expect(code(() => checkComplaint({ source: 'phone', subject: ' ', windowId: 3 }))).toBe('COMPLAINT_SUBJECT_REQUIRED');
    expect(code(() => checkComplaint({ source: 'section', subject: 'x', windowId: null }))).toBe('COMPLAINT_WINDOW_REQUIRED');
  });
});

describe('malicious-rating appeals', () => {
  test('R-AFT-2 only a bad review can be appealed, once, with a reason; the decision is upheld or rejected', () => {
    expect(code(() => checkAppeal({ rating: 'satisfied', appealStatus: null }, '恶意'))).toBe('APPEAL_ONLY_BAD_REVIEW');
    expect(code(() => checkAppeal({ rating: 'dissatisfied', appealStatus: null }, ''))).toBe('REASON_REQUIRED');
    expect(code(() => checkAppeal({ rating: 'dissatisfied', appealStatus: 'rejected' }, '再诉'))).toBe('APPEAL_ALREADY_FILED');
    expect(code(() => checkAppeal({ rating: 'dissatisfied', appealStatus: null }, '与办理无关的恶意评价'))).toBeNull();
    expect(decideAppeal({ appealStatus: 'pending' }, 'upheld')).toEqual({ appealStatus: 'upheld', malicious: true });
    expect(decideAppeal({ appealStatus: 'pending' }, 'rejected')).toEqual({ appealStatus: 'rejected', malicious: false });
    expect(code(() => decideAppeal({ appealStatus: 'upheld' }, 'rejected'))).toBe('NO_PENDING_APPEAL');
    expect(code(() => decideAppeal({ appealStatus: 'pending' }, 'maybe'))).toBe('APPEAL_DECISION_INVALID');
  });
});

describe('settings', () => {
  test('R-AFT-2 defaults: rating within 5 working days, cases due in 5, 1 point per overdue case', () => {
    expect(AFTERCARE_SETTINGS_DEFAULTS).toEqual({ ratingWorkingDays: 5, caseWorkingDays: { badReview: 5, complaint: 5 }, overduePenaltyPoints: 1 });
    expect(checkAftercareSettings(AFTERCARE_SETTINGS_DEFAULTS)).toBeNull();
  });

  test('R-AFT-2 bad settings are refused with the field named', () => {
    const bad = (over: any) => checkAftercareSettings({ ...aftercareWithDefaults(), ...over });
    expect(bad({ ratingWorkingDays: 0 })?.params).toEqual({ field: 'ratingWorkingDays', value: '0' });
    expect(bad({ ratingWorkingDays: 2.5 })?.code).toBe('SETTINGS_NUMBER_INVALID');
    expect(bad({ caseWorkingDays: { badReview: 5, complaint: -1 } })?.params).toEqual({ field: 'caseWorkingDays_complaint', value: '-1' });
    expect(bad({ caseWorkingDays: { badReview: 5, complaint: 5, other: 3 } })?.code).toBe('CASE_TYPE_INVALID');
    expect(bad({ overduePenaltyPoints: 0 })).toBeNull();
    expect(bad({ overduePenaltyPoints: '1' })?.code).toBe('SETTINGS_NUMBER_INVALID');
    expect(bad({ ratingWorkingDays: 1e9 })?.params).toEqual({ field: 'ratingWorkingDays', value: 1e9, min: 1, max: 60 });
    expect(bad({ overduePenaltyPoints: 101 })?.code).toBe('SETTINGS_NUMBER_OUT_OF_RANGE');
    expect(aftercareWithDefaults({ caseWorkingDays: { complaint: 3 } as any }).caseWorkingDays).toEqual({ badReview: 5, complaint: 3 });
  });
});

describe('statistics definitions', () => {
  test('R-SUP-3 satisfaction rate = three upper levels / counted ratings; shares; on-time rate; averages', () => {
    const c = emptyCounts();
    Object.assign(c.ratings, { verySatisfied: 3, satisfied: 2, basicallySatisfied: 1, dissatisfied: 1, veryDissatisfied: 1 });
    Object.assign(c, { completed: 4, onTime: 3, handlingMinutes: 250, expectedMinutes: 240, timed: 4, badReviewCases: 2, badReviewCasesClosedOnTime: 1 });
    const r = ratesOf(c);
    expect(r).toMatchObject({ rated: 8, satisfiedTotal: 6, badReviews: 2, satisfactionRate: 75, onTimeRate: 75, avgHandlingMinutes: 62.5,
      avgExpectedMinutes: 60, badReviewClosedOnTimeRate: 50 });
    expect(r.ratingShares.verySatisfied).toBe(37.5);
    expect(ratesOf(emptyCounts()).satisfactionRate).toBeNull();
    expect(percent(1, 3)).toBe(33.3);
  });

  test('R-SUP-3 R-CMP-3 comp time minutes are shown as hours with one decimal', () => {
    const r = ratesOf({ ...emptyCounts(), compTimeEarnedMinutes: 500, compTimeTakenMinutes: 90 });
    expect([r.compTimeEarnedHours, r.compTimeTakenHours]).toEqual([8.3, 1.5]);
    expect(ratesOf(emptyCounts()).compTimeEarnedHours).toBe(0);
  });

  test('R-SUP-3 ranges are Shanghai days, half-open; months know their length', () => {
    const r = statRange('2026-03-01', '2026-03-31');
    expect(r.from.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(code(() => monthRange('2026-13'))).toBe('INVALID_MONTH');
    expect(code(() => statRange('2026-03-31', '2026-03-01'))).toBe('STAT_RANGE_INVALID');
    expect(code(() => statRange('2026-02-30', '2026-03-01'))).toBe('INVALID_DATE');
    expect(code(() => statRange('2020-01-01', '2026-03-01'))).toBe('STAT_RANGE_TOO_LONG');
  });
});
