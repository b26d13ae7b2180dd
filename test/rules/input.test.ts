import { optionalText, recordId } from '../../src/rules/input';

describe('input shapes (R-X-3)', () => {
  test.each([[1, 1], ['42', 42], [' 7 ', 7]])('R-X-3 %p is the record id %p', (v, id) => {
    expect(recordId(v)).toBe(id);
  });
  test.each([undefined, null, '', 'abc', '1 OR 1=1', ['1', '2'], { $gt: 0 }, 0, -3, 1.5, '01'])('R-X-3 %p is not a record id', (v) => {
    expect(recordId(v)).toBeNull();
  });
  test('R-X-3 free text must be text of bounded length', () => {
    expect(optionalText('notes', undefined)).toBeNull();
    expect(optionalText('notes', '材料已齐')).toBe('材料已齐');
    expect(() => optionalText('notes', { a: 1 })).toThrow(expect.objectContaining({ code: 'FIELD_NOT_TEXT' }));
    expect(() => optionalText('notes', 'x'.repeat(2001))).toThrow(expect.objectContaining({ code: 'FIELD_TOO_LONG' }));
  });
});
