// The role workspaces' logic as pure functions (src/client/workspaces/logic.ts). The components read
// the host's API client through @nocobase/client hooks and draw on a canvas (no 2D context in jsdom),
// so they are proven in Chromium (test/browser/workspaces.test.ts) and what they decide is proven here.
import {
  canDecideReschedule, completionDefaults, contactSummary, pendingReschedule, handlerInput, hasSignatureInk, myBookingsQuery, servicePeriod, shanghaiRange,
  shanghaiWall, signatureInput, staffActions, wallToIso, workspaceTabs, type DayOfCalendar,
} from '../../src/client/workspaces/logic';
import { TRANSITIONS } from '../../src/rules/booking';
import { BOOKING_POLICY } from '../../src/rules/policy';

describe('workspace tabs by role (R-X-2)', () => {
  it('each role gets its own workspace, admins all, the desk none', () => {
    expect(workspaceTabs(['section'])).toEqual(['dispatch', 'reschedules']);
    expect(workspaceTabs(['sectionChief'])).toEqual(['dispatch', 'reschedules']);
    expect(workspaceTabs(['windowLead'])).toEqual(['sign', 'mine']);
    expect(workspaceTabs(['windowStaff'])).toEqual(['mine']);
    expect(workspaceTabs(['desk'])).toEqual([]);
    expect(workspaceTabs(['admin'])).toEqual(['dispatch', 'reschedules', 'sign', 'mine']);
    expect(workspaceTabs(['windowStaff', 'section'])).toEqual(['dispatch', 'reschedules', 'mine']);
  });

  it('tabs other features register go after the tab they ask for, only for their roles', () => {
    const roster = { key: 'roster', roles: ['windowLead' as const], after: 'sign' as const };
    expect(workspaceTabs(['windowLead'], [roster])).toEqual(['sign', 'roster', 'mine']);
    expect(workspaceTabs(['windowStaff'], [roster])).toEqual(['mine']);
    expect(workspaceTabs(['windowLead'], [{ key: 'x', roles: ['windowLead'] }])).toEqual(['sign', 'mine', 'x']);
  });

  it('R-RSC-2 only the section chief (or an admin) decides reschedules', () => {
    expect(canDecideReschedule(['sectionChief'])).toBe(true);
    expect(canDecideReschedule(['admin'])).toBe(true);
    expect(canDecideReschedule(['section'])).toBe(false);
    expect(canDecideReschedule(['windowLead'])).toBe(false);
  });
});

describe('row actions follow the state machine', () => {
  it('offers only actions the engine allows the handlers and the window lead from that status', () => {
    for (const status of ['registered', 'dispatched', 'signedFor', 'contacted', 'inService', 'completed', 'abandoned', 'cancelled']) {
      for (const action of staffActions(status)) {
        expect(TRANSITIONS[action].from).toContain(status);
        expect(BOOKING_POLICY[action]).toEqual(expect.arrayContaining(['handler', 'leadWindowLead']));
      }
    }
    expect(staffActions('contacted')).toContain('arrive');
    expect(staffActions('signedFor')).not.toContain('arrive'); // R-PRE-1: contact first
    expect(staffActions('inService')).toEqual(['complete']);
    expect(staffActions('completed')).toEqual([]);
  });

  it('R-DSP-2 handler input: the first chosen is handler 1, no gaps, no duplicates', () => {
    expect(handlerInput({ handler1Id: 5, handler2Id: 6 })).toEqual({ handler1Id: 5, handler2Id: 6 });
    expect(handlerInput({ handler2Id: 6 })).toEqual({ handler1Id: 6, handler2Id: null });
    expect(handlerInput({ handler1Id: 6, handler2Id: 6 })).toEqual({ handler1Id: 6, handler2Id: null });
    expect(handlerInput({})).toEqual({ handler1Id: null, handler2Id: null });
  });
});

describe('Shanghai wall time, whatever the browser zone', () => {
  it('formats instants and parses wall times to zoned ISO', () => {
    expect(shanghaiWall('2026-02-17T02:00:00.000Z')).toBe('2026-02-17 10:00');
    expect(shanghaiWall('2026-02-16T23:30:00Z')).toBe('2026-02-17 07:30');
    expect(shanghaiWall(null)).toBe('');
    expect(shanghaiWall('nonsense')).toBe('');
    expect(wallToIso('2026-02-17 10:00')).toBe('2026-02-17T10:00:00+08:00');
    expect(wallToIso('2026-02-30 10:00')).toBeNull();
    expect(wallToIso('2026-02-17 24:00')).toBeNull();
    expect(wallToIso('tomorrow')).toBeNull();
  });

  it('a date range covers whole Shanghai days', () => {
    expect(shanghaiRange('2026-02-15', '2026-02-23')).toEqual({ from: '2026-02-14T16:00:00.000Z', to: '2026-02-23T16:00:00.000Z' });
  });

  it('R-DAY-3 completion defaults run from the arrival to now and are never reversed', () => {
    const now = new Date('2026-02-17T03:10:00Z'); // 11:10 Shanghai
    expect(completionDefaults({ arrivedAt: '2026-02-17T01:55:00Z', appointmentStart: '2026-02-17T02:00:00Z' }, now))
      .toEqual({ actualStart: '2026-02-17 09:55', actualEnd: '2026-02-17 11:10' });
    // Arrived this very minute, or an appointment later than now: start 30 minutes before now.
    expect(completionDefaults({ arrivedAt: '2026-02-17T03:10:20Z' }, now)).toEqual({ actualStart: '2026-02-17 10:40', actualEnd: '2026-02-17 11:10' });
    expect(completionDefaults({ appointmentStart: '2026-02-18T02:00:00Z' }, now).actualStart).toBe('2026-02-17 10:40');
  });
});

describe('my bookings query (R-X-2: the ACL still scopes it to my windows)', () => {
  it('handler 1 or 2 is me; open statuses, plus closed ones inside a period', () => {
    expect(myBookingsQuery(6, null)).toEqual({
      filter: { $or: [{ 'handler1.id': 6 }, { 'handler2.id': 6 }], status: { $in: ['signedFor', 'contacted', 'inService'] } },
      sort: ['appointmentStart'],
    });
    const q = myBookingsQuery(6, { first: '2026-02-15', last: '2026-02-23' });
    expect(q.filter.status).toEqual({ $in: ['signedFor', 'contacted', 'inService', 'completed', 'abandoned'] });
    expect(q.filter.appointmentStart).toEqual({ $gte: '2026-02-14T16:00:00.000Z', $lt: '2026-02-23T16:00:00.000Z' });
  });
});

describe('this holiday / this weekend from the calendar', () => {
  // Spring Festival 2026: holiday 02-15..02-23; 02-14 (Sat) and 02-28 (Sat) are make-up workdays.
  const days = new Map<string, DayOfCalendar>();
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
  for (let t = Date.parse('2026-02-01T00:00:00Z'); t <= Date.parse('2026-03-31T00:00:00Z'); t += 86400000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const w = weekday(date);
    days.set(date, { date, kind: w === 0 || w === 6 ? 'weekendRest' : 'workday' });
  }
  for (let d = 15; d <= 23; d++) days.set(`2026-02-${d}`, { date: `2026-02-${d}`, kind: 'holiday', holidayName: '春节' });
  days.set('2026-02-14', { date: '2026-02-14', kind: 'makeupWorkday', holidayName: '春节' });
  days.set('2026-02-28', { date: '2026-02-28', kind: 'makeupWorkday', holidayName: '春节' });

  it('the next holiday period, weekends inside it included', () => {
    expect(servicePeriod(days, '2026-02-10')).toEqual({ first: '2026-02-15', last: '2026-02-23', kind: 'holiday', name: '春节' });
  });
  it('today inside a holiday: the whole period, from its first day', () => {
    expect(servicePeriod(days, '2026-02-18')).toEqual({ first: '2026-02-15', last: '2026-02-23', kind: 'holiday', name: '春节' });
  });
  it('a plain weekend; a make-up Saturday is a workday, so only its Sunday', () => {
    expect(servicePeriod(days, '2026-03-02')).toEqual({ first: '2026-03-07', last: '2026-03-08', kind: 'weekend', name: null });
    expect(servicePeriod(days, '2026-02-24')).toEqual({ first: '2026-03-01', last: '2026-03-01', kind: 'weekend', name: null });
  });
  it('nothing known ahead: no period', () => {
    expect(servicePeriod(new Map(), '2026-02-10')).toBeNull();
  });
});

describe('the applicant\'s signature (R-DAY-3)', () => {
  it('a tap is not a signature; a stroke is', () => {
    expect(hasSignatureInk([[{ x: 10, y: 10 }]])).toBe(false);
    expect(hasSignatureInk([[{ x: 10, y: 10 }, { x: 14, y: 12 }]])).toBe(false);
    expect(hasSignatureInk([[{ x: 10, y: 10 }, { x: 40, y: 30 }], [{ x: 50, y: 10 }, { x: 60, y: 40 }]])).toBe(true);
  });
  it('drawn image or recorded confirmation, never empty', () => {
    expect(signatureInput('draw', 'data:image/png;base64,AAAA', '')).toEqual({ kind: 'image', value: 'data:image/png;base64,AAAA' });
    expect(signatureInput('draw', null, 'x')).toBeNull();
    expect(signatureInput('confirm', 'data:image/png;base64,AAAA', '  现场口头确认 ')).toEqual({ kind: 'confirmation', value: '现场口头确认' });
    expect(signatureInput('confirm', null, '   ')).toBeNull();
  });
});

describe('the handler\'s row: contact log and pending reschedule (R-PRE-1, R-RSC-2)', () => {
  it('the latest reconfirmed time; the materials notice once given stays given', () => {
    expect(contactSummary(undefined)).toEqual({ confirmedStart: null, materialsNoticeGiven: false });
    expect(contactSummary([
      { id: 3, confirmedStart: null, materialsNoticeGiven: false },
      { id: 1, confirmedStart: '2026-02-17T02:00:00Z', materialsNoticeGiven: true },
      { id: 2, confirmedStart: '2026-02-17T02:30:00Z', materialsNoticeGiven: false },
    ])).toEqual({ confirmedStart: '2026-02-17T02:30:00Z', materialsNoticeGiven: true });
  });
  it('only a pending request counts', () => {
    expect(pendingReschedule([{ decision: 'rejected' }, { decision: 'pending', id: 2 }])).toEqual({ decision: 'pending', id: 2 });
    expect(pendingReschedule([{ decision: 'approved' }])).toBeNull();
    expect(pendingReschedule(undefined)).toBeNull();
  });
});
