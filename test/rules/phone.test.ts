import { checkPhone, normalizePhone } from '../../src/rules/phone';
import { RuleViolation } from '../../src/rules/errors';

describe('applicant phone numbers (R-HOL-4)', () => {
  const accepted: [string, string][] = [
    ['13905331234', '13905331234'],
    ['139 0533 1234', '13905331234'],
    ['139-0533-1234', '13905331234'],
    ['+86 139 0533 1234', '13905331234'],
    ['+8613905331234', '13905331234'],
    ['8613905331234', '13905331234'],
    ['0086 13905331234', '13905331234'],
    ['１３９０５３３１２３４', '13905331234'], // full-width digits from a Chinese input method
    ['0533-2512345', '0533-2512345'],
    ['05332512345', '0533-2512345'],
    ['(0533) 2512345', '0533-2512345'],
    ['（0533）2512345', '0533-2512345'],
    ['0533 251 2345', '0533-2512345'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'], // 010 is a 3-digit area code, not 0101
    ['021-8888-6666', '021-88886666'],
    ['0533-25123456', '0533-25123456'],
    ['0533-2512345-801', '0533-2512345-801'],
    ['0533-2512345转801', '0533-2512345-801'],
    ['0533-2512345 ext. 801', '0533-2512345-801'],
    ['0533 2512345 分机 8', '0533-2512345-8'],
  ];
  test.each(accepted)('R-HOL-4 %s is accepted as %s', (input, canonical) => {
    expect(checkPhone(input)).toBeNull();
    expect(normalizePhone(input)).toBe(canonical);
    expect(normalizePhone(canonical)).toBe(canonical); // idempotent: the stored form re-reads as itself
  });

  const refused: string[] = [
    '12905331234', // 12x is no mobile prefix
    '1390533123', // 10 digits
    '139053312345', // 12 digits
    '2512345', // landline without area code
    '533-2512345', // area code without the leading 0
    '0533-251234', // 6-digit local number
    '0533-251234567', // 9-digit local number
    '0533-0512345', // local numbers do not start with 0
    '+86 0533 2512345', // international landline: not a form the desk writes down
    '13905331234转8', // mobiles have no extension
    '0533-2512345-1234567', // 7-digit extension
    'tel:13905331234',
    '139O5331234', // letter O
    '<b>13905331234</b>',
  ];
  test.each(refused)('R-HOL-4 %s is refused with INVALID_PHONE', (input) => {
    const v = checkPhone(input);
    expect(v).toBeInstanceOf(RuleViolation);
    expect(v?.code).toBe('INVALID_PHONE');
    expect(v?.params).toEqual({ value: input });
    expect(() => normalizePhone(input)).toThrow(RuleViolation);
  });

  test('R-HOL-4 a blank phone is PHONE_REQUIRED, a non-string is INVALID_PHONE', () => {
    for (const blank of ['', '   ', null, undefined]) expect(checkPhone(blank)?.code).toBe('PHONE_REQUIRED');
    expect(checkPhone({ number: '13905331234' })?.code).toBe('INVALID_PHONE');
    expect(checkPhone(13905331234)).toBeNull(); // a spreadsheet import may hand over a number
  });

  test('R-HOL-1 the centre\'s own booking line 0533-2512345 is a valid landline', () => {
    expect(normalizePhone('0533-2512345')).toBe('0533-2512345');
  });

  test('R-X-3 the offending value in the error is cut to 40 characters', () => {
    expect(checkPhone('9'.repeat(100))?.params).toEqual({ value: '9'.repeat(40) });
  });
});

describe('masking (R-X-2, PIPL)', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { maskPhone } = require('../../src/rules/phone');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { involvedInBooking } = require('../../src/rules/booking');

  test.each([
    ['13905331234', '139****1234'],
    ['0533-2512345', '0533-***2345'],
    ['010-12345678', '010-****5678'],
  ])('R-X-2 %s is shown as %s to people not involved', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  test('R-X-2 involved: desk and section, the recorder, the handlers and the window lead — nobody else', () => {
    const booking = { recorderId: 2, handler1Id: 5, handler2Id: null, windowId: 1 };
    expect(involvedInBooking({ userId: 9, roles: ['desk'], leads: [] }, booking)).toBe(true);
    expect(involvedInBooking({ userId: 5, roles: ['windowStaff'], leads: [] }, booking)).toBe(true);
    expect(involvedInBooking({ userId: 4, roles: ['windowLead'], leads: [1] }, booking)).toBe(true);
    expect(involvedInBooking({ userId: 6, roles: ['windowStaff'], leads: [] }, booking)).toBe(false);
    expect(involvedInBooking({ userId: 7, roles: ['windowLead'], leads: [2] }, booking)).toBe(false);
  });
});
