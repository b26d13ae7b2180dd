// The registration form's logic (src/client/desk/logic.ts) as plain functions; the form itself is
// rendered in jsdom in test/web/desk.test.tsx, and the browser test drives it in Chromium.
import { bookableDates, fieldOfError, firstBookableDate, formDay, formMinute, formSpan, freeSlots, phoneState, printedForm } from '../../src/client/desk/logic';

const day = (date: string, bookable: boolean, slots: [string, number][] = []) => ({
  date, kind: 'holiday' as const, holidayName: '春节', bookable, refusal: null,
  slots: slots.map(([time, remaining]) => ({ start: `${date}T${time}:00+08:00`, time, remaining })),
});

describe('registration form logic', () => {
  it('R-X-3 server errors land under the field they are about, others above the form', () => {
    expect(fieldOfError('INVALID_PHONE')).toBe('applicantPhone');
    expect(fieldOfError('SLOT_FULL')).toBe('start');
    expect(fieldOfError('HOLIDAY_BOOKING_TOO_LATE')).toBe('date');
    expect(fieldOfError('PHONE_OUTSIDE_HOURS')).toBe('channel');
    expect(fieldOfError('ITEM_NOT_PUBLISHED')).toBe('serviceItemId');
    expect(fieldOfError('APPLICANT_NAME_TOO_LONG')).toBe('applicantName');
    expect(fieldOfError('ROLE_NOT_ALLOWED')).toBeNull();
  });

  it('R-HOL-4 phone as you type: incomplete, invalid, or valid with its stored form', () => {
    expect(phoneState('')).toEqual({ state: 'empty' });
    expect(phoneState('139')).toEqual({ state: 'incomplete' });
    expect(phoneState('0533')).toEqual({ state: 'incomplete' });
    expect(phoneState('0533x')).toEqual({ state: 'invalid' });
    expect(phoneState('12345')).toEqual({ state: 'invalid' }); // no mobile starts with 12
    expect(phoneState('139 0533 1234')).toEqual({ state: 'valid', canonical: '13905331234', kind: 'mobile' });
    expect(phoneState('（0533）2512345')).toEqual({ state: 'valid', canonical: '0533-2512345', kind: 'landline' });
    expect(phoneState('139053312345')).toEqual({ state: 'invalid' }); // one digit too many
  });

  it('R-HOL-5 only bookable days are offered, and only slots with a seat left', () => {
    const days = [day('2026-02-15', false, [['09:00', 2]]), day('2026-02-16', true, [['09:00', 0], ['09:30', 1]])];
    expect([...bookableDates(days)]).toEqual(['2026-02-16']);
    expect(firstBookableDate(days)).toBe('2026-02-16');
    expect(freeSlots(days, '2026-02-16').map((s) => s.time)).toEqual(['09:30']);
    expect(freeSlots(days, '2026-02-15')).toEqual([]);
    expect(freeSlots(days, null)).toEqual([]);
  });

  it('R-HOL-4 times as the paper form writes them, in Shanghai time', () => {
    expect(formMinute('2026-02-17T02:00:00Z')).toBe('2月17日10时00分');
    expect(formDay('2026-02-09T17:30:00Z')).toBe('2月10日'); // 01:30 on the 10th in Shanghai
    expect(formSpan('2026-02-17T02:00:00Z', '2026-02-17T03:10:00Z')).toBe('2026年02月17日10时00分至11时10分');
    expect(formSpan(null, '2026-02-17T03:10:00Z')).toBe('');
    expect(formMinute(null)).toBe('');
  });

  it('R-HOL-4 R-DAY-3 the printed form: every row of a completed booking, blanks left for a new one', () => {
    const done = printedForm({
      number: 'YY-2026-000001', status: 'completed', completed: true, applicantName: '王建国', applicantPhone: '0533-2512345',
      applicantUnit: '淄博某贸易公司', serviceItem: { name: '不动产抵押登记', code: 'BDC-002' }, window: { name: '不动产登记窗口' },
      appointmentStart: '2026-02-17T02:00:00Z', recordedAt: '2026-02-10T02:00:00Z', recorder: { nickname: '咨询台 王芳' },
      dispatchedAt: '2026-02-10T03:00:00Z', signedForBy: { nickname: '不动产 李队长' }, actualStart: '2026-02-17T02:00:00Z',
      actualEnd: '2026-02-17T03:10:00Z', outcome: '已办结', handler1: { nickname: '张三' }, handler2: null,
      applicantSignature: { kind: 'image', value: 'data:image/png;base64,AAAA' },
    });
    expect(done).toMatchObject({
      item: '不动产抵押登记（BDC-002）', appointment: '2月17日10时00分', window: '不动产登记窗口', recordedAt: '2月10日',
      recorder: '咨询台 王芳', dispatchedAt: '2月10日', signedForBy: '不动产 李队长', completed: '是',
      span: '2026年02月17日10时00分至11时10分', outcome: '已办结', handler1: '张三', handler2: '',
      signature: { image: 'data:image/png;base64,AAAA' },
    });
    const fresh = printedForm({ number: 'YY-2026-000002', status: 'registered', applicantName: '李娜', applicantPhone: '13905331234' });
    expect(fresh).toMatchObject({ completed: '', span: '', dispatchedAt: '', signedForBy: '', handler1: '', signature: null });
    // Only an image data URL is drawn; anything else is not put into an <img>.
    expect(printedForm({ applicantSignature: { kind: 'image', value: 'javascript:alert(1)' } }).signature).toBeNull();
    expect(printedForm({ status: 'abandoned', applicantSignature: { kind: 'confirmation', value: '电话确认放弃' } })).toMatchObject({
      completed: '否', signature: { text: '电话确认放弃' },
    });
  });
});
