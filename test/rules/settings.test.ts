// The settings registry and the booking section's checks (pure; no NocoBase). R-HOL-1 phone,
// R-WKD-1 sessions, R-LST-3 half day, R-RSC-2 notice, R-DAY-1 late: the catalogue's configurable numbers.
import { RuleViolation } from '../../src/rules/errors';
import {
  DEFAULT_SETTINGS, NUMBER_RANGES, applySettingsPatch, checkSection, checkSettings, completeSection, registerSettingsSection,
  settingsSectionKeys,
} from '../../src/rules/settings';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e.code;
    throw e;
  }
  throw new Error('no violation');
};

// Two sections shaped like the duty and after-service helpers' (one throws, one returns a problem).
registerSettingsSection('testThrows', {
  defaults: { graceMinutes: 5 },
  check: (v: { graceMinutes: number }) => {
    if (!Number.isInteger(v.graceMinutes) || v.graceMinutes < 0) throw new RuleViolation('DUTY_SETTING_INVALID', { field: 'graceMinutes' });
    return { graceMinutes: v.graceMinutes };
  },
});
registerSettingsSection('testReturns', {
  defaults: { caseDays: { complaint: 5 } },
  check: (v: any) => (v.caseDays.complaint > 0 ? null : new RuleViolation('SETTINGS_NUMBER_INVALID', { field: 'caseDays' })),
  complete: (stored: any) => ({ caseDays: { complaint: 5, ...(stored?.caseDays ?? {}) } }),
});

describe('settings registry', () => {
  test('R-X-3 the booking section is always there; features add theirs', () => {
    expect(settingsSectionKeys()).toEqual(expect.arrayContaining(['booking', 'testThrows', 'testReturns']));
    expect(() => registerSettingsSection('bad key!', { defaults: {}, check: () => null })).toThrow();
  });

  test('R-HOL-1 R-RSC-2 a stored partial section is completed with the defaults; unknown and prototype keys dropped', () => {
    const s = completeSection('booking', { rescheduleNoticeHours: 24, bogus: 1, constructor: 2 });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, rescheduleNoticeHours: 24 });
    expect(completeSection('booking', 'garbage')).toEqual({ ...DEFAULT_SETTINGS });
    expect(completeSection('testReturns', { caseDays: { badReview: 3 } })).toEqual({ caseDays: { complaint: 5, badReview: 3 } });
  });

  test('R-X-3 a section check may throw, return a problem or return the normalised value', () => {
    expect(codeOf(() => checkSection('testThrows', { graceMinutes: -1 }))).toBe('DUTY_SETTING_INVALID');
    expect(codeOf(() => checkSection('testReturns', { caseDays: { complaint: 0 } }))).toBe('SETTINGS_NUMBER_INVALID');
    expect(checkSection('testThrows', { graceMinutes: 7, extra: 1 } as any)).toEqual({ graceMinutes: 7 });
    expect(codeOf(() => checkSection('nope', {}))).toBe('SETTINGS_SECTION_UNKNOWN');
  });

  test('R-WKD-1 the booking section keeps only its own keys, also inside sessions', () => {
    const s = checkSection('booking', { ...DEFAULT_SETTINGS, weekendSessions: [{ start: '08:30', end: '12:00', evil: '<script>' }] } as any);
    expect(s.weekendSessions).toEqual([{ start: '08:30', end: '12:00' }]);
  });

  test('R-DAY-1 R-RSC-2 a patch changes only what it names and is checked whole', () => {
    const next = applySettingsPatch({ booking: { lateMinutes: 20 } }, { booking: { rescheduleNoticeHours: 24 } });
    expect(next.booking).toEqual({ ...DEFAULT_SETTINGS, lateMinutes: 20, rescheduleNoticeHours: 24 });
    expect(Object.keys(next)).toEqual(['booking']);
    // Whole check: a slot fine alone, too long for a half day lowered in the same patch.
    expect(codeOf(() => applySettingsPatch({}, { booking: { halfDayMinutes: 60, slotMinutes: 90 } }))).toBe('SETTINGS_SLOT_OVER_HALF_DAY');
  });

  test('R-X-3 a refusal names its section and field (the page shows it at the field)', () => {
    try {
      applySettingsPatch({}, { booking: { lateMinutes: 1000 } });
      throw new Error('accepted');
    } catch (e) {
      expect((e as RuleViolation).params).toMatchObject({ section: 'booking', field: 'lateMinutes' });
    }
  });

  const badPatches: [string, unknown, string][] = [
    ['nothing', undefined, 'SETTINGS_INVALID'],
    ['an empty object', {}, 'SETTINGS_INVALID'],
    ['a list', [{ booking: {} }], 'SETTINGS_INVALID'],
    ['an unknown section', { bookings: { lateMinutes: 20 } }, 'SETTINGS_SECTION_UNKNOWN'],
    ['a section as a number', { booking: 5 }, 'SETTINGS_INVALID'],
    ['a typo', { booking: { lateMins: 20 } }, 'SETTINGS_FIELD_UNKNOWN'],
    ['__proto__ as a field', JSON.parse('{"booking":{"__proto__":{"x":1}}}'), 'SETTINGS_FIELD_UNKNOWN'],
    ['a feature section refusing', { testThrows: { graceMinutes: 1.5 } }, 'DUTY_SETTING_INVALID'],
  ];
  test.each(badPatches)('R-X-3 a patch with %s is refused', (_, patch, code) => {
    expect(codeOf(() => applySettingsPatch({}, patch))).toBe(code);
  });
});

describe('booking section: ranges', () => {
  test('R-LST-3 R-RSC-2 R-DAY-1 every number has a range and the defaults sit inside it', () => {
    for (const [field, [min, max]] of Object.entries(NUMBER_RANGES)) {
      const value = (DEFAULT_SETTINGS as any)[field];
      expect([field, value >= min && value <= max]).toEqual([field, true]);
      expect(checkSettings({ ...DEFAULT_SETTINGS, [field]: min, slotMinutes: Math.min(DEFAULT_SETTINGS.slotMinutes, field === 'halfDayMinutes' ? min : 240) } as any)).toBeNull();
      expect(checkSettings({ ...DEFAULT_SETTINGS, [field]: max + 1 } as any)?.code).toBe('SETTINGS_NUMBER_OUT_OF_RANGE');
    }
  });

  test('R-HOL-1 a bad booking phone names its field', () => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, phoneNumber: '12345' })?.params).toMatchObject({ field: 'phoneNumber' });
  });
});
