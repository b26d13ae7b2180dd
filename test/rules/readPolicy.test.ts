// What a generic read may ask for (R-X-2): filter and sort paths, appends — from the access policy.
import { allowedAppends, filterPaths, queryPathProblem, Schema, sortPaths } from '../../src/rules/readPolicy';
import { PolicyActor } from '../../src/rules/policy';

// The shapes of our collections that matter here (as collections/*.ts define them).
const FIELDS: Record<string, Record<string, string | null>> = {
  bookings: { id: null, applicantPhone: null, applicantPhoneHash: null, applicantPhoneSealed: null, applicantSignature: null, status: null,
    handler1: 'users', recorder: 'users', window: 'windows', events: 'bookingEvents', serviceItem: 'serviceItems' },
  windows: { id: null, leadId: null, lead: 'users', staff: 'users', name: null },
  bookingEvents: { id: null, by: 'users', booking: 'bookings' },
  rescheduleRequests: { id: null, booking: 'bookings' },
  users: { id: null, nickname: null, phone: null, email: null, roles: 'roles' },
  serviceItems: { id: null, name: null },
  roles: { name: null },
};
const schema = (readable: string[], mayReadUsers = false): Schema => ({
  field: (c, n) => (FIELDS[c] && n in FIELDS[c] ? (FIELDS[c][n] ? { target: FIELDS[c][n]! } : {}) : null),
  mayRead: (c) => readable.includes(c),
  mayReadUsers,
});
const actor = (...roles: any[]): PolicyActor => ({ userId: 1, roles, leads: [], staffs: [] });
const desk = schema(['bookings', 'windows', 'serviceItems']);

describe('R-X-2 filter and sort paths', () => {
  it('finds every field a NocoBase filter names, in all its spellings', () => {
    expect(filterPaths({ applicantPhone: { $startsWith: '1390' } })).toEqual([['applicantPhone']]);
    expect(filterPaths({ 'applicantPhone.$includes': '1234' })).toEqual([['applicantPhone']]);
    expect(filterPaths({ applicantPhone: '13905331234' })).toEqual([['applicantPhone']]);
    expect(filterPaths({ $and: [{ status: 'registered' }, { $or: [{ 'handler1.phone': { $eq: '1' } }, { window: { staff: { email: { $like: '%' } } } }] }] }))
      .toEqual([['status'], ['handler1', 'phone'], ['window', 'staff', 'email']]);
    expect(filterPaths({ $not: { applicantPhoneHash: { $ne: null } } })).toEqual([['applicantPhoneHash']]);
    expect(filterPaths(null)).toEqual([]);
    expect(sortPaths('-applicantPhone,status')).toEqual([['applicantPhone'], ['status']]);
    expect(sortPaths(['window.lead.phone'])).toEqual([['window', 'lead', 'phone']]);
  });

  it.each([
    ['desk', ['applicantPhone'], 'FILTER_FIELD_NOT_ALLOWED'],
    ['windowStaff', ['applicantPhone'], 'FILTER_FIELD_NOT_ALLOWED'],
    ['windowLead', ['applicantSignature'], 'FILTER_FIELD_NOT_ALLOWED'],
    ['admin', ['applicantPhoneHash'], 'FILTER_FIELD_NOT_ALLOWED'],
    ['section', ['applicantPhoneSealed'], 'FILTER_FIELD_NOT_ALLOWED'],
    ['desk', ['handler1', 'phone'], 'FILTER_FIELD_NOT_ALLOWED'],
    ['desk', ['window', 'staff', 'email'], 'FILTER_FIELD_NOT_ALLOWED'],
    ['desk', ['events', 'id'], 'FILTER_FIELD_NOT_ALLOWED'],
    ['section', ['applicantPhone'], null],
    ['admin', ['applicantPhone'], null],
    ['desk', ['handler1', 'id'], null],
    ['windowStaff', ['window', 'staff', 'id'], null],
    ['desk', ['status'], null],
  ])('R-X-2 %s filtering on %j → %s', (role, path, code) => {
    const s = role === 'admin' ? schema(['bookings', 'bookingEvents', 'users'], true) : desk;
    expect(queryPathProblem(s, actor(role), 'bookings', path as string[], 'filter')?.code ?? null).toBe(code);
  });

  it('R-X-2 reaches the booking through another collection too', () => {
    const staff = schema(['bookings', 'rescheduleRequests', 'windows']);
    expect(queryPathProblem(staff, actor('windowStaff'), 'rescheduleRequests', ['booking', 'applicantPhone'], 'sort')?.code).toBe('SORT_FIELD_NOT_ALLOWED');
    expect(queryPathProblem(staff, actor('windowStaff'), 'rescheduleRequests', ['booking', 'status'], 'sort')).toBeNull();
  });
});

describe('R-X-2 appends follow the policy', () => {
  it('drops what the actor may not read, stops at users for those who may not read users', () => {
    expect(allowedAppends(desk, 'bookings', ['handler1', 'recorder', 'window.staff', 'window.lead', 'events.by', 'events', 'serviceItem', 'handler1.roles']))
      .toEqual(['handler1', 'recorder', 'window.staff', 'window.lead', 'serviceItem']);
    const admin = schema(['bookings', 'bookingEvents', 'users', 'roles', 'windows'], true);
    expect(allowedAppends(admin, 'bookings', ['events.by', 'handler1.roles'])).toEqual(['events.by', 'handler1.roles']);
    expect(allowedAppends(desk, 'bookings', ['nosuch', 'status'])).toEqual([]);
  });
});
