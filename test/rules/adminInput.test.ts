// R-X-3 the pure rules behind the admin paths: plain bounded text, whole numbers, service items,
// windows and calendar-day texts (the HTTP table is test/server/adminBadInput.test.ts).
import { validateCalendarDayText } from '../../src/rules/calendar';
import { checkPlainText, wholeNumber } from '../../src/rules/input';
import { checkItemWindows, checkServiceItem, ITEM_BOUNDS } from '../../src/rules/serviceItem';
import { checkWindow } from '../../src/rules/window';

const code = (v: { code: string } | null) => v?.code ?? null;

describe('R-X-3 plain text', () => {
  const one = (v: unknown, max = 10) => code(checkPlainText('itemName', v, { max }));
  it('R-X-3 accepts text up to the bound, counted in characters (not UTF-16 units)', () => {
    expect(one('社会保障卡补办', 7)).toBeNull();
    expect(one('社会保障卡补办！', 7)).toBe('TEXT_TOO_LONG');
    expect(one('𠀀'.repeat(5), 5)).toBeNull(); // 5 characters, 10 UTF-16 units
    expect(one(undefined)).toBeNull();
    expect(one(null)).toBeNull();
  });
  it('R-X-3 refuses non-text, control characters, direction overrides and markup; a lone "<" is text', () => {
    expect(one(12)).toBe('TEXT_INVALID');
    expect(one({ a: 1 })).toBe('TEXT_INVALID');
    expect(one(['a'])).toBe('TEXT_INVALID');
    for (const bad of ['a\u0000b', 'a\tb', 'a\nb', 'a\u007fb', 'a\u0085b', 'a\u202eb', 'a\u2066b']) expect(one(bad, 50)).toBe('TEXT_CONTROL_CHARACTERS');
    for (const bad of ['<script>', '</p>', '<!-- x', '<?xml', '<img src=x>', 'a<b>c']) expect(one(bad, 50)).toBe('TEXT_MARKUP');
    for (const ok of ['面积 < 90 平方米', 'a <= b', '3<4', '<<', '< b']) expect(one(ok, 50)).toBeNull();
  });
  it('R-X-3 multi-line text keeps line breaks and tabs, still no other controls', () => {
    const note = (v: string) => code(checkPlainText('calendarNote', v, { max: 50, multiline: true }));
    expect(note('第一行\r\n第二行\t备注')).toBeNull();
    expect(note('a\u0000b')).toBe('TEXT_CONTROL_CHARACTERS');
    expect(note('a\u000bb')).toBe('TEXT_CONTROL_CHARACTERS');
  });
  it('R-X-3 whole numbers: numbers and digit strings only, never exponents or fractions', () => {
    expect([12, '12', ' 7 ', '-3', 0].map(wholeNumber)).toEqual([12, 12, 7, -3, 0]);
    expect(['1e3', '1.5', 1.5, '', '0x10', NaN, Infinity, 2 ** 60, true, null, {}].map(wholeNumber)).toEqual(Array(11).fill(null));
  });
});

describe('R-LST-1 R-LST-3 service item bounds', () => {
  const ok = { name: '社会保障卡补办', code: 'SB-001', expectedMinutes: 20, capacityPerSlot: 2, materials: ['身份证'], published: true, leadWindowId: 4 };
  const check = (over: Record<string, unknown>) => code(checkServiceItem({ ...ok, ...over }));
  it('R-LST-1 a valid item passes; each bound is inclusive', () => {
    expect(check({})).toBeNull();
    expect(check({ name: '名'.repeat(ITEM_BOUNDS.nameMax), code: 'C'.repeat(ITEM_BOUNDS.codeMax), capacityPerSlot: ITEM_BOUNDS.capacityMax,
      materials: Array(ITEM_BOUNDS.materialsMax).fill('m'.repeat(ITEM_BOUNDS.materialMax)), expectedMinutes: 240 })).toBeNull();
  });
  it.each([
    ['name too long', { name: '名'.repeat(201) }, 'TEXT_TOO_LONG'],
    ['code with markup', { code: '<b>SB</b>' }, 'TEXT_MARKUP'],
    ['note with a NUL', { note: 'a\u0000' }, 'TEXT_CONTROL_CHARACTERS'],
    ['minutes missing', { expectedMinutes: null }, 'EXPECTED_MINUTES_REQUIRED'],
    ['minutes "1e2"', { expectedMinutes: '1e2' }, 'EXPECTED_MINUTES_INVALID'],
    ['capacity missing', { capacityPerSlot: '' }, 'CAPACITY_REQUIRED'],
    ['capacity 0', { capacityPerSlot: 0 }, 'CAPACITY_BELOW_ONE'],
    ['capacity 1001', { capacityPerSlot: 1001 }, 'CAPACITY_OVER_LIMIT'],
    ['101 materials', { materials: Array(101).fill('m') }, 'MATERIALS_TOO_MANY'],
    ['a material of 501 characters', { materials: ['m'.repeat(501)] }, 'TEXT_TOO_LONG'],
    ['a blank material', { materials: ['身份证', ' '] }, 'MATERIALS_NOT_A_LIST'],
    ['published without lead window', { leadWindowId: null }, 'PUBLISHED_WITHOUT_LEAD_WINDOW'],
  ])('R-LST-1 %s is refused', (_t, over, expected) => {
    expect(check(over)).toBe(expected);
  });
  it('R-LST-1 window references must be among the existing windows', () => {
    const existing = new Set([1, 4, 7]);
    expect(checkItemWindows({ leadWindowId: 4, cooperatingWindowIds: [1, '7'] }, existing)).toBeNull();
    expect(checkItemWindows({ leadWindowId: null, cooperatingWindowIds: [] }, existing)).toBeNull();
    expect(code(checkItemWindows({ leadWindowId: 99999 }, existing))).toBe('LEAD_WINDOW_NOT_FOUND');
    expect(code(checkItemWindows({ leadWindowId: -5 }, existing))).toBe('LEAD_WINDOW_NOT_FOUND');
    expect(code(checkItemWindows({ leadWindowId: '1e3' }, existing))).toBe('LEAD_WINDOW_NOT_FOUND');
    expect(checkItemWindows({ cooperatingWindowIds: [1, 99999] }, existing)?.params).toMatchObject({ id: '99999' });
  });
});

describe('R-LST-1 R-CAL-1 windows and calendar-day texts', () => {
  it('R-LST-1 a window needs a number and a name, all texts plain and bounded', () => {
    const ok = { code: 'A01', name: '不动产登记窗口', department: '市自然资源和规划局', phone: '0533-2512301' };
    expect(checkWindow(ok)).toBeNull();
    expect(code(checkWindow({ ...ok, code: ' ' }))).toBe('WINDOW_CODE_REQUIRED');
    expect(code(checkWindow({ ...ok, name: null }))).toBe('WINDOW_NAME_REQUIRED');
    expect(code(checkWindow({ ...ok, department: 'd'.repeat(201) }))).toBe('TEXT_TOO_LONG');
    expect(code(checkWindow({ ...ok, phone: { n: 1 } }))).toBe('TEXT_INVALID');
  });
  it('R-CAL-1 holiday name ≤ 50 single-line characters, note ≤ 2,000 with line breaks, no markup', () => {
    expect(validateCalendarDayText({ holidayName: '中秋节、国庆节', note: '调休安排\n见通知' })).toBeNull();
    expect(code(validateCalendarDayText({ holidayName: '节'.repeat(51) }))).toBe('TEXT_TOO_LONG');
    expect(code(validateCalendarDayText({ holidayName: '国庆\n节' }))).toBe('TEXT_CONTROL_CHARACTERS');
    expect(code(validateCalendarDayText({ holidayName: '<script>alert(1)</script>' }))).toBe('TEXT_MARKUP');
    expect(code(validateCalendarDayText({ note: 'n'.repeat(2001) }))).toBe('TEXT_TOO_LONG');
  });
});
