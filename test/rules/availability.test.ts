// What the desk may offer (src/rules/availability.ts): built from the register rules, so every
// offered start passes checkRegistration and the refused days carry the rule's own code.
import { availability, checkRange } from '../../src/rules/availability';
import { checkRegistration } from '../../src/rules/booking';
import { Calendar } from '../../src/rules/calendar';
import { seedDays } from '../../src/rules/calendarSeed';
import { RuleViolation } from '../../src/rules/errors';
import { DEFAULT_SETTINGS } from '../../src/rules/settings';

const calendar = new Calendar([...seedDays(2025), ...seedDays(2026)], [2025, 2026]);
const item = { name: '不动产抵押登记', published: true, offeredOnHolidays: true, offeredOnWeekends: true, expectedMinutes: 60, capacityPerSlot: 2 };
const now = new Date('2026-02-10T10:00:00+08:00');
const run = (over: Partial<Parameters<typeof availability>[0]> = {}) =>
  availability({ calendar, item, from: '2026-02-10', to: '2026-03-01', now, taken: new Map(), settings: DEFAULT_SETTINGS, ...over });

describe('availability (pure)', () => {
  it('R-HOL-2 R-HOL-5 every offered start is one checkRegistration accepts', () => {
    const a = run();
    const starts = a.days.flatMap((d) => d.slots.map((s) => s.start));
    expect(starts.length).toBeGreaterThan(50);
    for (const start of starts) {
      expect(() => checkRegistration(
        { applicantName: '王建国', phone: '13905331234', channel: 'onSite', start, item },
        { calendar, now, settings: DEFAULT_SETTINGS },
      )).not.toThrow();
    }
    // 60 minutes: 09:00 … 11:00 and 13:00 … 16:00.
    expect(a.days[0].slots.map((s) => s.time)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
  });

  it('R-HOL-5 seats taken lower the remaining count; a day with none left is not bookable', () => {
    const day = run({ from: '2026-02-16', to: '2026-02-16' }).days[0];
    const taken = new Map(day.slots.map((s) => [s.start, 2] as [string, number]));
    const full = run({ from: '2026-02-16', to: '2026-02-16', taken }).days[0];
    expect(full.slots.every((s) => s.remaining === 0)).toBe(true);
    expect(full.bookable).toBe(false);
    taken.set(day.slots[3].start, 1);
    expect(run({ from: '2026-02-16', to: '2026-02-16', taken }).days[0].slots[3].remaining).toBe(1);
  });

  it('R-HOL-2 R-HOL-3 refusals carry the register rule codes', () => {
    const during = run({ now: new Date('2026-02-16T08:00:00+08:00'), from: '2026-02-16', to: '2026-02-17' });
    expect(during.days.map((d) => d.refusal?.code)).toEqual(['HOLIDAY_BOOKING_TOO_LATE', 'HOLIDAY_BOOKING_TOO_LATE']);
    const unpublished = run({ item: { ...item, published: false }, from: '2026-02-16', to: '2026-02-16' });
    expect(unpublished.days[0]).toMatchObject({ bookable: false, refusal: { code: 'ITEM_NOT_PUBLISHED' }, slots: [] });
    expect(run({ item: { ...item, offeredOnWeekends: false } }).days.every((d) => d.kind === 'holiday')).toBe(true);
    expect(run({ item: { ...item, offeredOnHolidays: false } }).days.every((d) => d.kind === 'weekend')).toBe(true);
  });

  it('R-CAL-1 stops at the first year the calendar does not know; the range is bounded', () => {
    const a = run({ from: '2026-12-25', to: '2027-01-05', now: new Date('2026-12-01T10:00:00+08:00') });
    expect(a.notConfiguredFrom).toBe('2027-01-01');
    expect(() => checkRange('2026-01-01', '2026-12-31')).toThrow(RuleViolation);
    expect(() => checkRange('2026-02-30', '2026-03-01')).toThrow(RuleViolation);
    expect(checkRange('2026-02-01', '2026-02-28')).toBe(28);
  });

  it('R-HOL-1 the phone line: open on a working day in phone hours, closed at lunch', () => {
    expect(run().phoneOpen).toBe(true);
    const lunch = run({ now: new Date('2026-02-10T12:10:00+08:00') });
    expect(lunch.phoneOpen).toBe(false);
    expect(lunch.phoneRefusal?.code).toBe('PHONE_OUTSIDE_HOURS');
  });
});
