// The access policy as pure rules (R-X-2, R-DSP-2/3, R-PRE-1, R-X-6, R-WKD-3, R-CMP-2/3, R-SUP-1):
// the actor's relations to a booking or a duty record, and the relation × action tables, checked
// against tables written out here independently of src/rules/policy.ts and dutyPolicy.ts.
import { BOOKING_ACTIONS } from '../../src/rules/booking';
import {
  BOOKING_POLICY, BOOKING_RELATIONS, BookingFacts, BookingPolicyAction, BookingRelation, PolicyActor, RELATION_ROLE,
  assertMayDo, bookingRelations, fieldVisibility, mayDo, mayFilterOn,
} from '../../src/rules/policy';
import { DUTY_POLICY, DutyAction, DutyRelation, assertMayDoDuty, dutyRelations, mayDoDuty } from '../../src/rules/dutyPolicy';
import { RuleViolation } from '../../src/rules/errors';
import zh from '../../src/locale/zh-CN.json';
import en from '../../src/locale/en-US.json';
import dutyZh from '../../src/locale/duty/zh-CN.json';
import dutyEn from '../../src/locale/duty/en-US.json';

// Windows: 1 leads the booking, 2 cooperates, 3 has nothing to do with it.
const booking: BookingFacts = {
  recorderId: 10, handler1Id: 20, handler2Id: '21', windowId: 1,
  dispatches: [{ windowId: 1, role: 'lead' }, { windowId: 2, role: 'cooperating' }],
};
const actor = (userId: number, roles: PolicyActor['roles'], leads: number[] = [], staffs: number[] = []): PolicyActor => ({ userId, roles, leads, staffs });

/** One actor per relation, each holding exactly that relation to `booking` (the recorder is a desk user too). */
const BY_RELATION: Record<BookingRelation | 'none', PolicyActor> = {
  admin: actor(1, ['admin']),
  desk: actor(11, ['desk']),
  recorder: actor(10, ['desk']),
  section: actor(2, ['section']),
  sectionChief: actor(3, ['sectionChief']),
  leadWindowLead: actor(4, ['windowLead'], [1]),
  leadWindowStaff: actor(22, ['windowStaff'], [], [1]),
  handler: actor(20, ['windowStaff'], [], [1]),
  coopWindowLead: actor(5, ['windowLead'], [2]),
  coopWindowStaff: actor(23, ['windowStaff'], [], [2]),
  none: actor(6, ['windowLead'], [3], [3]),
};

describe('relations of an actor to a booking', () => {
  it.each(Object.entries(BY_RELATION))('R-X-2 %s', (name, a) => {
    const expected: Record<string, string[]> = { recorder: ['desk', 'recorder'], none: [] };
    expect([...bookingRelations(a, booking)].sort()).toEqual((expected[name] ?? [name]).sort());
  });

  it('R-X-2 a handler (id as text) is a handler, not "staff who is not a handler"; the lead stays the lead when also handler', () => {
    expect([...bookingRelations(actor(21, ['windowStaff'], [], [1]), booking)]).toEqual(['handler']);
    expect([...bookingRelations(actor(20, ['windowLead'], [1]), booking)].sort()).toEqual(['handler', 'leadWindowLead']);
  });

  it('R-DSP-3 a dispatch part of the lead window itself is never a cooperating part', () => {
    const odd = { ...booking, dispatches: [{ windowId: 1, role: 'cooperating' }] };
    expect([...bookingRelations(actor(4, ['windowLead'], [1]), odd)]).toEqual(['leadWindowLead']);
  });

  it('R-X-2 a workflow node without a user is nobody\'s recorder or handler', () => {
    expect([...bookingRelations({ userId: null, roles: ['section'], leads: [], staffs: [] }, { ...booking, recorderId: null })]).toEqual(['section']);
  });
});

// Written out independently: which relation may take which step.
const SECTION: BookingRelation[] = ['admin', 'section', 'sectionChief'];
const RUNNERS: BookingRelation[] = ['admin', 'leadWindowLead', 'handler'];
const EXPECTED: Record<BookingPolicyAction, BookingRelation[]> = {
  register: ['admin', 'desk'],
  dispatch: SECTION,
  signFor: ['admin', 'leadWindowLead'],
  signForCooperation: ['coopWindowLead'],
  assignHandlers: ['admin', 'leadWindowLead'],
  logContact: RUNNERS,
  requestReschedule: RUNNERS,
  decideReschedule: ['admin', 'sectionChief'],
  arrive: RUNNERS,
  complete: RUNNERS,
  correctServedTime: ['admin', 'leadWindowLead'],
  abandon: RUNNERS,
  cancel: SECTION,
  read: [...SECTION, 'desk', 'recorder', 'leadWindowLead', 'leadWindowStaff', 'handler', 'coopWindowLead', 'coopWindowStaff'],
  readTimeline: [...SECTION, 'recorder', 'leadWindowLead', 'leadWindowStaff', 'handler', 'coopWindowLead'],
};

describe('relation × action (bookings)', () => {
  it('R-X-2 the table covers every state-machine step, and only the relations it names', () => {
    expect(Object.keys(BOOKING_POLICY).sort()).toEqual([...BOOKING_ACTIONS, 'read', 'readTimeline'].sort());
    for (const [action, relations] of Object.entries(BOOKING_POLICY)) {
      expect([action, [...relations].sort()]).toEqual([action, [...EXPECTED[action as BookingPolicyAction]].sort()]);
      for (const r of relations) expect(BOOKING_RELATIONS).toContain(r);
    }
  });

  const cases = Object.keys(EXPECTED).flatMap((action) =>
    (Object.keys(BY_RELATION) as (BookingRelation | 'none')[]).map((rel) => [action as BookingPolicyAction, rel] as const));
  it.each(cases)('R-X-2 R-DSP-3 R-PRE-1 %s by %s follows the table', (action, rel) => {
    const a = BY_RELATION[rel];
    const facts = action === 'register' ? null : booking;
    // The recorder is also a desk user: they may do what either relation may.
    const holds = rel === 'recorder' ? ['recorder', 'desk'] : [rel];
    const allowed = holds.some((r) => EXPECTED[action].includes(r as BookingRelation));
    const deniedOwn = action === 'correctServedTime' && rel === 'handler';
    expect(mayDo(a, facts, action) !== null).toBe(allowed && !deniedOwn);
  });

  it('R-X-6 nobody corrects the served time they are credited for: the lead who handled it is refused, an admin is not a handler', () => {
    const leadHandler = actor(20, ['windowLead'], [1]);
    expect(mayDo(leadHandler, booking, 'correctServedTime')).toBeNull();
    expect(mayDo(BY_RELATION.leadWindowLead, booking, 'correctServedTime')).toBe('leadWindowLead');
    expect(() => assertMayDo(leadHandler, booking, 'correctServedTime', 'YY-2026-000001')).toThrow(
      expect.objectContaining({ code: 'OWN_SERVED_TIME', status: 403 }),
    );
  });

  it('R-X-2 register asks the role only (no booking yet)', () => {
    expect(mayDo(BY_RELATION.desk, null, 'register')).toBe('desk');
    expect(mayDo(BY_RELATION.leadWindowLead, null, 'register')).toBeNull();
    expect(mayDo(BY_RELATION.desk, null, 'unknown' as BookingPolicyAction)).toBeNull();
  });

  const refusal = (a: PolicyActor, action: BookingPolicyAction) => {
    try {
      assertMayDo(a, booking, action, 'YY-2026-000001');
    } catch (e) {
      if (!(e instanceof RuleViolation)) throw e;
      return [e.code, e.status];
    }
    return null;
  };

  it('R-DSP-3 R-PRE-1 R-X-2 each refusal says why, with 403', () => {
    expect(refusal(BY_RELATION.coopWindowLead, 'complete')).toEqual(['COOPERATING_WINDOW_PART_ONLY', 403]);
    expect(refusal(BY_RELATION.coopWindowStaff, 'logContact')).toEqual(['COOPERATING_WINDOW_PART_ONLY', 403]);
    expect(refusal(BY_RELATION.leadWindowStaff, 'logContact')).toEqual(['HANDLERS_ONLY', 403]);
    expect(refusal(BY_RELATION.leadWindowStaff, 'assignHandlers')).toEqual(['ROLE_NOT_ALLOWED', 403]); // not a handler's step either
    expect(refusal(BY_RELATION.none, 'signFor')).toEqual(['NOT_YOUR_WINDOW', 403]);
    expect(refusal(BY_RELATION.none, 'dispatch')).toEqual(['ROLE_NOT_ALLOWED', 403]); // the section's step, window or not
    expect(refusal(BY_RELATION.desk, 'complete')).toEqual(['ROLE_NOT_ALLOWED', 403]);
    expect(refusal(BY_RELATION.section, 'decideReschedule')).toEqual(['ROLE_NOT_ALLOWED', 403]);
    expect(refusal(BY_RELATION.handler, 'complete')).toBeNull();
  });

  it('R-X-1 the audit row names the role the step was taken in', () => {
    expect(RELATION_ROLE).toEqual({
      admin: 'admin', desk: 'desk', recorder: 'desk', section: 'section', sectionChief: 'sectionChief', leadWindowLead: 'windowLead',
      coopWindowLead: 'windowLead', leadWindowStaff: 'windowStaff', handler: 'windowStaff', coopWindowStaff: 'windowStaff',
    });
  });

  it('R-X-3 every refusal code and new step has its text in both languages', () => {
    for (const locale of [zh, en] as Record<string, string>[]) {
      for (const code of ['COOPERATING_WINDOW_PART_ONLY', 'HANDLERS_ONLY', 'OWN_SERVED_TIME', 'NOT_YOUR_WINDOW', 'ROLE_NOT_ALLOWED',
        'DISPATCH_WINDOW_NOT_FOUND', 'HANDLER_NOT_FOUND', 'BOOKING_ACTION_signForCooperation', 'BOOKING_ACTION_correctServedTime']) {
        expect([code, typeof locale[code]]).toEqual([code, 'string']);
      }
      for (const action of BOOKING_ACTIONS) expect(typeof locale[`BOOKING_ACTION_${action}`]).toBe('string');
    }
  });
});

describe('relation × field (bookings)', () => {
  it('R-X-2 the full phone for the recorder, handlers, the lead window\'s lead, the section and admins; masked for the rest', () => {
    const full = (Object.keys(BY_RELATION) as (BookingRelation | 'none')[]).filter((r) => fieldVisibility(BY_RELATION[r], booking, 'applicantPhone') === 'full');
    expect(full.sort()).toEqual(['admin', 'handler', 'leadWindowLead', 'recorder', 'section', 'sectionChief'].sort());
    expect(fieldVisibility(BY_RELATION.desk, booking, 'applicantPhone')).toBe('masked');
    expect(fieldVisibility(BY_RELATION.desk, booking, 'applicantName')).toBe('full');
  });

  it('R-X-2 filters on the phone only for roles that see it in full on every booking', () => {
    expect(mayFilterOn(BY_RELATION.section, 'applicantPhone')).toBe(true);
    expect(mayFilterOn(BY_RELATION.desk, 'applicantPhone')).toBe(false);
    expect(mayFilterOn(BY_RELATION.leadWindowLead, 'applicantPhone')).toBe(false);
    expect(mayFilterOn(BY_RELATION.desk, 'status')).toBe(true);
  });
});

// ---------- duty and comp time ----------

const W = 7; // the record's window
const DUTY_ACTORS: Record<DutyRelation | 'none', PolicyActor> = {
  admin: actor(1, ['admin']),
  section: actor(2, ['section']),
  sectionChief: actor(3, ['sectionChief']),
  windowLead: actor(4, ['windowLead'], [W]),
  windowStaff: actor(5, ['windowStaff'], [], [W]),
  self: actor(9, ['windowStaff'], [], [8]), // the record is theirs; staff of another window (moved)
  none: actor(6, ['windowLead'], [8], [8]),
};
const record = { userId: 9, windowIds: [W] };

const MANAGES: DutyRelation[] = ['admin', 'section', 'sectionChief', 'windowLead'];
const DUTY_EXPECTED: Record<DutyAction, { allow: DutyRelation[]; deny?: DutyRelation[] }> = {
  'dutyShifts:generate': { allow: MANAGES },
  'dutyShifts:publish': { allow: MANAGES },
  'dutyShifts:assign': { allow: MANAGES },
  'dutyShifts:swap': { allow: MANAGES },
  'dutyShifts:checkIn': { allow: ['self', ...MANAGES] },
  'dutyShifts:checkOut': { allow: ['self', ...MANAGES] },
  'dutyShifts:recordAttendanceTime': { allow: MANAGES, deny: ['self'] },
  'dutyShifts:reviewAttendance': { allow: MANAGES },
  'dutyShifts:viewMonth': { allow: [...MANAGES, 'windowStaff'] },
  'dutyShifts:viewDrafts': { allow: MANAGES },
  'compTimeRequests:submit': { allow: ['windowLead', 'windowStaff'] },
  'compTimeRequests:signOff': { allow: MANAGES, deny: ['self'] },
  'compTimeRequests:reject': { allow: MANAGES, deny: ['self'] },
  'compTimeEntries:balance': { allow: ['self', ...MANAGES] },
  'compTimeEntries:balances': { allow: MANAGES },
  'penalties:confirm': { allow: ['admin', 'section', 'sectionChief'], deny: ['self'] },
  'penalties:dismiss': { allow: ['admin', 'section', 'sectionChief'], deny: ['self'] },
};

describe('relation × action (duty, comp time, penalties)', () => {
  it('R-WKD-3 R-CMP-2 relations of an actor to a duty record', () => {
    for (const [name, a] of Object.entries(DUTY_ACTORS)) {
      expect([name, [...dutyRelations(a, record)]]).toEqual([name, name === 'none' ? [] : [name]]);
    }
    expect([...dutyRelations(actor(4, ['windowLead'], [W]), { userId: 4, windowIds: [W] })].sort()).toEqual(['self', 'windowLead']);
  });

  it('R-X-2 the duty table is as written out here', () => {
    expect(Object.keys(DUTY_POLICY).sort()).toEqual(Object.keys(DUTY_EXPECTED).sort());
    for (const [action, rule] of Object.entries(DUTY_POLICY)) {
      const want = DUTY_EXPECTED[action as DutyAction];
      expect([action, [...rule.allow].sort(), [...(rule.deny ?? [])].sort()]).toEqual([action, [...want.allow].sort(), [...(want.deny ?? [])].sort()]);
    }
  });

  const cases = (Object.keys(DUTY_EXPECTED) as DutyAction[]).flatMap((action) =>
    (Object.keys(DUTY_ACTORS) as (DutyRelation | 'none')[]).map((rel) => [action, rel] as const));
  it.each(cases)('R-WKD-3 R-CMP-2 R-SUP-1 %s by %s follows the table', (action, rel) => {
    const want = DUTY_EXPECTED[action];
    const allowed = rel !== 'none' && want.allow.includes(rel) && !(want.deny ?? []).includes(rel);
    expect(mayDoDuty(DUTY_ACTORS[rel], record, action) !== null).toBe(allowed);
  });

  it('R-WKD-3 a lead records paper-sheet times for others, never for their own shift', () => {
    const lead = DUTY_ACTORS.windowLead;
    expect(mayDoDuty(lead, { userId: 5, windowIds: [W] }, 'dutyShifts:recordAttendanceTime')).toBe('windowLead');
    expect(mayDoDuty(lead, { userId: 4, windowIds: [W] }, 'dutyShifts:recordAttendanceTime')).toBeNull();
    expect(mayDoDuty(lead, { userId: 4, windowIds: [W] }, 'dutyShifts:checkIn')).not.toBeNull(); // at "now"
    expect(() => assertMayDoDuty(lead, { userId: 4, windowIds: [W] }, 'dutyShifts:recordAttendanceTime')).toThrow(
      expect.objectContaining({ code: 'ATTENDANCE_OWN_TIME_NOW', status: 403 }),
    );
    expect(() => assertMayDoDuty(DUTY_ACTORS.windowStaff, { userId: 9, windowIds: [W] }, 'dutyShifts:recordAttendanceTime')).toThrow(
      expect.objectContaining({ code: 'ATTENDANCE_TIME_LEAD_ONLY', status: 403 }),
    );
  });

  it('R-CMP-2 R-SUP-1 nobody signs off their own comp time or decides their own penalty', () => {
    expect(() => assertMayDoDuty(DUTY_ACTORS.windowLead, { userId: 4, windowIds: [W] }, 'compTimeRequests:signOff')).toThrow(
      expect.objectContaining({ code: 'SIGN_OFF_OWN_REQUEST', status: 403 }),
    );
    expect(() => assertMayDoDuty(DUTY_ACTORS.section, { userId: 2, windowIds: [W] }, 'penalties:dismiss')).toThrow(
      expect.objectContaining({ code: 'PENALTY_OWN', status: 403 }),
    );
    expect(() => assertMayDoDuty(DUTY_ACTORS.windowLead, record, 'penalties:confirm')).toThrow(expect.objectContaining({ code: 'SECTION_ONLY' }));
  });

  it('R-X-2 a window-independent grant (the section) is allowed with no window facts; a lead only for their windows', () => {
    expect(mayDoDuty(DUTY_ACTORS.section, {}, 'dutyShifts:publish')).toBe('section');
    expect(mayDoDuty(DUTY_ACTORS.windowLead, {}, 'dutyShifts:publish')).toBeNull();
  });

  it('R-X-3 every duty refusal has its text in both languages', () => {
    const codes = new Set(Object.values(DUTY_POLICY).flatMap((r) => [r.refusal, ...(r.denied ? [r.denied] : [])]));
    for (const locale of [dutyZh, dutyEn] as Record<string, string>[]) for (const c of codes) expect([c, typeof locale[c]]).toEqual([c, 'string']);
  });
});
