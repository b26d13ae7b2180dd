// The duty section of the plugin settings (值班、考勤、调休): every number of the roster, attendance
// and comp-time rules that a centre may change. Pure: the server reads a stored partial object
// through loadDutySettings (src/server/duty/settings.ts) and completes it with these defaults.
import { RuleViolation } from './errors';
import { MAX_SESSIONS, parseHHmm } from './settings';

/** One planned stretch of a service day in Shanghai wall time, 'HH:mm'. */
export interface ShiftTime {
  start: string;
  end: string;
}

export interface DutyRosterSettings {
  /** R-WKD-1 the shifts of a weekend-service day (周末无休), one duty shift per window and person each. */
  weekendShifts: ShiftTime[];
  /** R-WKD-2 staff on duty per window and shift, besides the window lead on duty (带班). */
  staffPerShift: number;
  /** R-WKD-3 a check-in up to this many minutes after the planned start is on time; a check-out this early is fine. */
  graceMinutes: number;
  /** Check-in opens this many minutes before the planned start. */
  checkInOpensMinutes: number;
  /** R-SUP-1 points proposed per kind of attendance failure. */
  latePoints: number;
  absentPoints: number;
  leftEarlyPoints: number;
  /** R-CMP-1 earned comp time expires this many days after it was earned; null = never (the default). */
  compTimeExpiryDays: number | null;
  /** R-CMP-2 working hours a comp-time request is counted in (a day off = these hours). */
  workingHours: ShiftTime[];
}

const WORKING_HOURS: ShiftTime[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

export const DUTY_SETTINGS_DEFAULTS: Readonly<DutyRosterSettings> = Object.freeze({
  weekendShifts: WORKING_HOURS.map((s) => ({ ...s })),
  staffPerShift: 1,
  graceMinutes: 5,
  checkInOpensMinutes: 60,
  latePoints: 1,
  absentPoints: 2,
  leftEarlyPoints: 1,
  compTimeExpiryDays: null,
  workingHours: WORKING_HOURS.map((s) => ({ ...s })),
});

// The value is echoed in the message: at most 60 characters of it.
const invalid = (field: string, value: unknown) =>
  new RuleViolation('DUTY_SETTING_INVALID', { field, value: (JSON.stringify(value) ?? String(value)).slice(0, 60) });

function checkShiftTimes(field: string, list: unknown): ShiftTime[] {
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_SESSIONS) throw invalid(field, list);
  let previousEnd = -1;
  for (const s of list) {
    const start = parseHHmm(s?.start);
    const end = parseHHmm(s?.end, true);
    // Ordered, each start before its end, no overlap (touching is fine): a person cannot hold two at once.
    if (start === null || end === null || start >= end || start < previousEnd) throw invalid(field, s);
    previousEnd = end;
  }
  return list.map((s) => ({ start: s.start, end: s.end }));
}

function wholeNumber(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw invalid(field, value);
  return value;
}

/**
 * A stored or submitted (partial) duty section completed with the defaults, or a RuleViolation
 * naming the first bad field. Unknown keys are refused: a typo must not be saved silently.
 */
export function checkDutySettings(partial: Partial<DutyRosterSettings> | null | undefined): DutyRosterSettings {
  if (partial !== undefined && partial !== null && (typeof partial !== 'object' || Array.isArray(partial))) {
    throw invalid('duty', partial);
  }
  for (const key of Object.keys(partial ?? {})) if (!(key in DUTY_SETTINGS_DEFAULTS)) throw invalid(key, (partial as any)[key]);
  const s = { ...DUTY_SETTINGS_DEFAULTS, ...Object.fromEntries(Object.entries(partial ?? {}).filter(([, v]) => v !== undefined)) } as DutyRosterSettings;
  const expiry = s.compTimeExpiryDays;
  return {
    weekendShifts: checkShiftTimes('weekendShifts', s.weekendShifts),
    staffPerShift: wholeNumber('staffPerShift', s.staffPerShift, 0, 20),
    graceMinutes: wholeNumber('graceMinutes', s.graceMinutes, 0, 120),
    checkInOpensMinutes: wholeNumber('checkInOpensMinutes', s.checkInOpensMinutes, 0, 240),
    latePoints: wholeNumber('latePoints', s.latePoints, 0, 100),
    absentPoints: wholeNumber('absentPoints', s.absentPoints, 0, 100),
    leftEarlyPoints: wholeNumber('leftEarlyPoints', s.leftEarlyPoints, 0, 100),
    compTimeExpiryDays: expiry === null ? null : wholeNumber('compTimeExpiryDays', expiry, 1, 3660),
    workingHours: checkShiftTimes('workingHours', s.workingHours),
  };
}
