// The write side of issue 11 over HTTP, one abuse case per test, each named by the rule it holds:
// self-credited comp time and the lead's audited correction (R-X-6), a cooperating window running
// the lead window's booking (R-DSP-3), staff who are not handlers (R-PRE-1), dispatch to a window
// or handler that does not exist (R-DSP-1, R-DSP-2), a backdated own check-in (R-WKD-3), signature
// payloads (R-DAY-3), and "now" that no request can move (R-X-3, finding 10).
import fs from 'node:fs';
import path from 'node:path';
import supertest from 'supertest';
import { createTestApp, TestApp } from '../helpers/app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const T0 = '2026-02-10T10:00:00+08:00'; // a working day before Spring Festival (02-15..23)
const BOOKING_TABLES = ['bookings', 'bookingEvents', 'bookingContacts', 'rescheduleRequests', 'bookingDispatches', 'slotSeats', 'compTimeEntries', 'dutyShifts', 'penalties'];

describe('issue 11, write side: abuse cases', () => {
  let t: TestApp;
  const as: Record<string, Agent> = {};
  const uid: Record<string, number> = {};
  const item: Record<string, number> = {};
  const win: Record<string, number> = {};
  let phone = 0;
  const slots: Record<string, number> = {};
  /** A start of its own on `date` for a short item (the table cases each need a booking). */
  const slotOn = (date: string) => {
    const starts = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];
    const i = (slots[date] = (slots[date] ?? -1) + 1);
    return `${date} ${starts[i]}`;
  };

  const call = (user: string, action: string, body: any, now: string, id?: number) =>
    as[user].post(`/api/bookings:${action}${id === undefined ? '' : `?filterByTk=${id}`}`).set('X-Test-Now', now).send(body);
  const ok = async (res: any) => {
    if (res.status !== 200) throw new Error(`setup: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  };
  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    for (const name of BOOKING_TABLES) {
      const model = t.db.getModel(name);
      const updated = await model.max('updatedAt');
      out[name] = [await model.count(), updated == null ? null : new Date(updated as any).toISOString(), await model.max('id')];
    }
    return out;
  };
  const balance = async (user: string) => (await as[user].get('/api/compTimeEntries:balance').set('X-Test-Now', T0)).body.data.balance;
  const ledgerOf = (bookingId: number) => t.db.getRepository('compTimeEntries').find({ filter: { sourceType: 'booking', sourceId: bookingId } });

  /** A booking of `code` at `start` (Shanghai), taken as far as `until`, handled by `handler`. */
  async function booking(code: string, start: string, until: 'registered' | 'dispatched' | 'signedFor' | 'contacted' | 'inService' | 'completed', handler = 'staff') {
    const b = await ok(await call('desk', 'register', {
      applicantName: '测试申请人', applicantPhone: `139${String(20000000 + phone++)}`, channel: 'onSite', serviceItemId: item[code], start,
    }, T0));
    const steps = ['registered', 'dispatched', 'signedFor', 'contacted', 'inService', 'completed'];
    const reach = (s: string) => steps.indexOf(until) >= steps.indexOf(s);
    const at = (min: number) => new Date(new Date(b.appointmentStart).getTime() + min * 60000).toISOString();
    if (reach('dispatched')) await ok(await call('section', 'dispatch', {}, T0, b.id));
    if (reach('signedFor')) await ok(await call('lead', 'signFor', { handler1Id: uid[handler] }, T0, b.id));
    if (reach('contacted')) await ok(await call(handler, 'logContact', { result: 'reached', materialsNoticeGiven: true }, T0, b.id));
    if (reach('inService')) await ok(await call(handler, 'arrive', {}, at(-2), b.id));
    if (reach('completed')) {
      await ok(await call(handler, 'complete', {
        outcome: '已办结', actualStart: at(0), actualEnd: at(18), applicantSignature: { kind: 'confirmation', value: '当场确认' },
      }, at(25), b.id));
    }
    return { ...b, at };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.seedDemo();
    await t.db.getRepository('workflows').update({ filter: { enabled: true }, values: { enabled: false } });
    for (const w of await t.db.getRepository('windows').find()) win[w.get('code')] = w.get('id');
    const person = async (username: string, role: string, leads?: string, staffOf?: string) => {
      const u = await t.db.getRepository('users').create({ values: { username, nickname: username, password: 'x1234567', roles: [role] } });
      if (leads) await t.db.getRepository('windows').update({ filterByTk: win[leads], values: { leadId: u.get('id') } });
      if (staffOf) await (t.db.getRepository('windows.staff', win[staffOf]) as any).add(u.get('id'));
    };
    await person('lead7', 'windowLead', 'A07'); // BDC-001's cooperating window
    await person('staff7', 'windowStaff', undefined, 'A07');
    await person('lead3', 'windowLead', 'A03');
    await person('staff3', 'windowStaff', undefined, 'A03');
    for (const u of ['admin', 'desk', 'section', 'chief', 'lead', 'staff', 'staff2', 'lead7', 'staff7', 'lead3', 'staff3']) {
      as[u] = await t.as(u);
      uid[u] = (await t.db.getRepository('users').findOne({ filter: { username: u } })).get('id');
    }
    for (const i of await t.db.getRepository('serviceItems').find()) item[i.get('code')] = i.get('id');
  });
  afterAll(() => t?.destroy());

  // ---------- served time (R-X-6) ----------

  it('R-X-6 finding 1: a handler cannot credit themselves comp time with a start eleven months back — refused, balance unchanged', async () => {
    const b = await booking('BDC-003', '2026-02-18 10:00', 'inService');
    const before = await balance('staff');
    const rows = await snapshot();
    for (const [actualStart, actualEnd, now, code] of [
      ['2025-03-18T10:00:00+08:00', b.at(30), b.at(30), 'ACTUAL_START_BEFORE_ARRIVAL'], // the issue's exact attack
      [b.at(0), '2026-12-31T12:00:00+08:00', b.at(30), 'ACTUAL_END_IN_FUTURE'],
      [b.at(0), b.at(-1 * 60 * 24 + 60), b.at(30), 'ACTUAL_END_NOT_AFTER_START'],
      [b.at(0), b.at(8 * 60), b.at(9 * 60), 'ACTUAL_TIME_OUTSIDE_SESSIONS'], // 18:00, after the afternoon session
      [b.at(-60), b.at(20), b.at(30), 'ACTUAL_START_BEFORE_ARRIVAL'], // 09:00, before the 09:58 arrival
    ] as const) {
      const res = await call('staff', 'complete', {
        outcome: '已办结', actualStart, actualEnd, applicantSignature: { kind: 'confirmation', value: '当场确认' },
      }, now, b.id);
      expect({ status: res.status, code: res.body.errors?.[0]?.code }).toEqual({ status: 400, code });
    }
    expect(await snapshot()).toEqual(rows);
    expect(await balance('staff')).toBe(before);
    expect((await t.db.getRepository('bookings').findOne({ filterByTk: b.id })).get('status')).toBe('inService');
  });

  it('R-X-6 comp time is credited for the time actually served; an end a few minutes ahead of the server is stored as now', async () => {
    const b = await booking('BDC-003', '2026-02-18 10:30', 'inService', 'staff2');
    const before = await balance('staff2');
    const done = await call('staff2', 'complete', {
      outcome: '已办结', actualStart: b.at(0), actualEnd: b.at(24), applicantSignature: { kind: 'confirmation', value: '当场确认' },
    }, b.at(21), b.id);
    expect(done.status).toBe(200);
    expect(done.body.data.durationMinutes).toBe(21); // 10:30–10:51: "now", not the tablet's 10:54
    expect(new Date(done.body.data.actualEnd).toISOString()).toBe(b.at(21));
    expect(await balance('staff2')).toBe(before + 21);
  });

  it('R-X-6 the window lead corrects the served time with a reason, audited; the ledger row is recomputed, never added twice', async () => {
    const b = await booking('BDC-003', '2026-02-18 14:00', 'completed');
    const before = await balance('staff');
    const [entry] = await ledgerOf(b.id);
    expect(entry.get('minutes')).toBe(18);
    const correct = (user: string, body: any) => call(user, 'correctServedTime', body, b.at(240), b.id);

    const refused = await snapshot();
    expect((await correct('lead', { actualStart: b.at(0), actualEnd: b.at(30) })).body.errors[0].code).toBe('REASON_REQUIRED');
    const own = await correct('staff', { actualStart: b.at(0), actualEnd: b.at(60), reason: '我多干了' });
    expect({ status: own.status, code: own.body.errors[0].code }).toEqual({ status: 403, code: 'OWN_SERVED_TIME' });
    expect((await correct('lead7', { actualStart: b.at(0), actualEnd: b.at(30), reason: 'x' })).status).toBe(403);
    expect((await correct('staff2', { actualStart: b.at(0), actualEnd: b.at(30), reason: 'x' })).status).toBe(403);
    expect((await correct('lead', { actualStart: b.at(-120), actualEnd: b.at(30), reason: '补录' })).body.errors[0].code).toBe('ACTUAL_START_BEFORE_ARRIVAL');
    expect((await correct('lead', { actualStart: b.at(0), actualEnd: b.at(600), reason: '补录' })).body.errors[0].code).toBe('ACTUAL_END_IN_FUTURE');
    expect(await snapshot()).toEqual(refused);

    const fixed = await correct('lead', { actualStart: b.at(0), actualEnd: b.at(40), reason: '按纸质登记表更正' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data).toMatchObject({ status: 'completed', durationMinutes: 40 });
    const again = await correct('lead', { actualStart: b.at(5), actualEnd: b.at(35), reason: '再次核对后更正' });
    expect(again.body.data.durationMinutes).toBe(30);
    const ledger = await ledgerOf(b.id);
    expect(ledger.map((e: any) => [e.get('userId'), e.get('minutes')])).toEqual([[uid.staff, 30]]);
    expect(await balance('staff')).toBe(before - 18 + 30);
    const events = await t.db.getRepository('bookingEvents').find({ filter: { bookingId: b.id, action: 'correctServedTime' }, sort: ['id'] });
    expect(events.map((e: any) => [e.get('byId'), e.get('role'), e.get('reason'), e.get('fromStatus'), e.get('toStatus')])).toEqual([
      [uid.lead, 'windowLead', '按纸质登记表更正', 'completed', 'completed'], [uid.lead, 'windowLead', '再次核对后更正', 'completed', 'completed'],
    ]);
    expect(events[1].get('data')).toMatchObject({ before: { durationMinutes: 40 }, after: { durationMinutes: 30 } });
  });

  it('R-X-6 a lead who handled the booking cannot correct their own served time; an admin can', async () => {
    const b = await booking('BDC-003', '2026-02-19 10:00', 'completed', 'lead');
    const body = { actualStart: b.at(0), actualEnd: b.at(15), reason: '更正' };
    const own = await call('lead', 'correctServedTime', body, b.at(240), b.id);
    expect({ status: own.status, code: own.body.errors[0].code }).toEqual({ status: 403, code: 'OWN_SERVED_TIME' });
    expect((await call('admin', 'correctServedTime', body, b.at(240), b.id)).body.data.durationMinutes).toBe(15);
    expect((await ledgerOf(b.id)).map((e: any) => e.get('minutes'))).toEqual([15]);
  });

  // ---------- cooperating windows, staff who are not handlers (R-DSP-3, R-PRE-1) ----------

  it('R-DSP-3 finding 2: a cooperating window signs for its part but never contacts, reschedules, arrives, completes or abandons; nobody is credited', async () => {
    const b = await booking('BDC-001', '2026-02-19 14:00', 'signedFor'); // lead A01, cooperating A07
    const before = await balance('staff');
    const rows = await snapshot();
    const attempts: [string, any, string][] = [
      ['logContact', { result: 'reached', materialsNoticeGiven: true }, T0],
      ['requestReschedule', { reason: '配合窗口想改期', kind: 'forceMajeure' }, T0],
      ['abandon', { reason: '放弃' }, b.at(40)],
      ['assignHandlers', { handler1Id: uid.staff7 }, T0],
      ['cancel', { reason: '取消' }, T0],
    ];
    for (const user of ['lead7', 'staff7']) {
      for (const [action, body, now] of attempts) {
        const res = await call(user, action, body, now, b.id);
        expect([user, action, res.status]).toEqual([user, action, 403]);
      }
    }
    expect((await call('lead7', 'logContact', {}, T0, b.id)).body.errors[0].code).toBe('COOPERATING_WINDOW_PART_ONLY');
    expect(await snapshot()).toEqual(rows);
    // Their own part: signed for, the booking's status untouched.
    const part = await call('lead7', 'signForCooperation', {}, T0, b.id);
    expect(part.status).toBe(200);
    expect(part.body.data.status).toBe('signedFor');
    expect((await call('staff7', 'signForCooperation', {}, T0, b.id)).status).toBe(403);
    // On the day: arrive and complete stay the lead window's.
    await ok(await call('staff', 'logContact', { result: 'reached', materialsNoticeGiven: true }, T0, b.id));
    expect((await call('lead7', 'arrive', {}, b.at(-2), b.id)).status).toBe(403);
    await ok(await call('staff', 'arrive', {}, b.at(-2), b.id));
    const done = { outcome: '已办结', actualStart: b.at(0), actualEnd: b.at(80), applicantSignature: { kind: 'confirmation', value: '当场确认' } };
    const coop = await call('lead7', 'complete', done, b.at(85), b.id);
    expect({ status: coop.status, code: coop.body.errors[0].code }).toEqual({ status: 403, code: 'COOPERATING_WINDOW_PART_ONLY' });
    expect(await balance('staff')).toBe(before);
    expect((await t.db.getRepository('bookings').findOne({ filterByTk: b.id })).get('status')).toBe('inService');
  });

  it('R-PRE-1 staff of the lead window who are not handlers read only; the lead reassigns, then they act', async () => {
    const b = await booking('BDC-002', '2026-02-19 09:00', 'signedFor');
    const rows = await snapshot();
    const contact = await call('staff2', 'logContact', { result: 'reached', materialsNoticeGiven: true }, T0, b.id);
    expect({ status: contact.status, code: contact.body.errors[0].code }).toEqual({ status: 403, code: 'HANDLERS_ONLY' });
    expect((await call('staff2', 'requestReschedule', { reason: '改期', kind: 'ordinary' }, T0, b.id)).body.errors[0].code).toBe('HANDLERS_ONLY');
    expect((await call('staff2', 'assignHandlers', { handler1Id: uid.staff2 }, T0, b.id)).status).toBe(403);
    expect(await snapshot()).toEqual(rows);
    expect((await as.staff2.get(`/api/workspaces:timeline?filterByTk=${b.id}`)).status).toBe(200); // reads
    await ok(await call('lead', 'assignHandlers', { handler1Id: uid.staff2 }, T0, b.id));
    expect((await call('staff2', 'logContact', { result: 'reached', materialsNoticeGiven: true }, T0, b.id)).status).toBe(200);
    expect((await call('staff', 'logContact', { result: 'reached' }, T0, b.id)).body.errors[0].code).toBe('HANDLERS_ONLY'); // no longer the handler
  });

  // ---------- references exist (R-DSP-1, R-DSP-2) ----------

  it.each([
    [99999, 'DISPATCH_WINDOW_NOT_FOUND'], [-5, 'DISPATCH_WINDOW_NOT_FOUND'], ['1e3', 'DISPATCH_WINDOW_NOT_FOUND'], [true, 'DISPATCH_WINDOW_NOT_FOUND'],
    [{ $gt: 0 }, 'DISPATCH_WINDOW_NOT_FOUND'], [[1, 2], 'DISPATCH_WINDOW_NOT_FOUND'], ['A01', 'DISPATCH_WINDOW_NOT_FOUND'], [1.5, 'DISPATCH_WINDOW_NOT_FOUND'],
  ])('R-DSP-1 finding 7: dispatch to window %j is refused (400 %s), nothing stored', async (windowId, code) => {
    const b = await booking('GJJ-001', slotOn('2026-02-20'), 'registered');
    const rows = await snapshot();
    const res = await call('section', 'dispatch', { windowId }, T0, b.id);
    expect({ status: res.status, code: res.body.errors?.[0]?.code }).toEqual({ status: 400, code });
    expect(res.body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await snapshot()).toEqual(rows);
    expect((await t.db.getRepository('bookings').findOne({ filterByTk: b.id })).get('status')).toBe('registered');
    expect((await call('section', 'dispatch', { windowId: win.A02 }, T0, b.id)).status).toBe(200);
  });

  it('R-DSP-2 handlers must be stored users of the booking\'s window (staff or lead); anything else is a clear 400, nothing stored', async () => {
    const b = await booking('BDC-002', '2026-02-20 10:00', 'dispatched');
    const rows = await snapshot();
    for (const [handler1Id, code] of [
      [99999, 'HANDLER_NOT_IN_WINDOW'], ['1e3', 'HANDLER_NOT_FOUND'], [{ $ne: 0 }, 'HANDLER_NOT_FOUND'], [-1, 'HANDLER_NOT_FOUND'], [true, 'HANDLER_NOT_FOUND'],
      [uid.staff3, 'HANDLER_NOT_IN_WINDOW'], [uid.desk, 'HANDLER_NOT_IN_WINDOW'],
    ] as const) {
      const res = await call('lead', 'signFor', { handler1Id }, T0, b.id);
      expect([handler1Id, res.status, res.body.errors?.[0]?.code]).toEqual([handler1Id, 400, code]);
    }
    expect((await call('lead', 'signFor', { handler1Id: uid.staff, handler2Id: 'x' }, T0, b.id)).body.errors[0].code).toBe('HANDLER_NOT_FOUND');
    expect(await snapshot()).toEqual(rows);
    const ok2 = await call('lead', 'signFor', { handler1Id: uid.staff, handler2Id: String(uid.staff) }, T0, b.id);
    expect(ok2.body.data).toMatchObject({ status: 'signedFor', handler1Id: uid.staff, handler2Id: null }); // the same person once
  });

  // ---------- own attendance (R-WKD-3) ----------

  it('R-WKD-3 finding 8: a lead cannot backdate their own check-in; they record paper-sheet times for others', async () => {
    await ok(await as.lead.post('/api/dutyShifts:generate').set('X-Test-Now', T0).send({ from: '2026-03-07', to: '2026-03-08', windowId: win.A01 }));
    await ok(await as.lead.post('/api/dutyShifts:publish').set('X-Test-Now', T0).send({ from: '2026-03-07', to: '2026-03-08', windowId: win.A01 }));
    const mine: any = await t.db.getRepository('dutyShifts').findOne({ filter: { userId: uid.lead, date: '2026-03-07' }, sort: ['plannedStart'] });
    const start = new Date(mine.get('plannedStart'));
    const ninetyLater = new Date(start.getTime() + 90 * 60000).toISOString();
    const rows = await snapshot();
    const backdated = await as.lead.post(`/api/dutyShifts:checkIn?filterByTk=${mine.get('id')}`).set('X-Test-Now', ninetyLater).send({ at: start.toISOString() });
    expect({ status: backdated.status, code: backdated.body.errors?.[0]?.code }).toEqual({ status: 403, code: 'ATTENDANCE_OWN_TIME_NOW' });
    expect(await snapshot()).toEqual(rows);
    // Checked in at "now": 90 minutes late, and the penalty is proposed.
    const now = await as.lead.post(`/api/dutyShifts:checkIn?filterByTk=${mine.get('id')}`).set('X-Test-Now', ninetyLater).send({});
    expect(now.status).toBe(200);
    expect(new Date(now.body.data.checkInAt).toISOString()).toBe(ninetyLater);
    expect(now.body.data.attendance).toBe('late');
    expect(await t.db.getRepository('penalties').count({ filter: { shiftId: mine.get('id'), reason: 'late' } })).toBe(1);
    // Someone else's shift from the paper sheet: fine.
    const theirs: any = await t.db.getRepository('dutyShifts').findOne({ filter: { windowId: win.A01, role: 'staff', date: '2026-03-07' }, sort: ['plannedStart'] });
    const paper = await as.lead.post(`/api/dutyShifts:checkIn?filterByTk=${theirs.get('id')}`).set('X-Test-Now', ninetyLater)
      .send({ at: new Date(start.getTime() - 5 * 60000).toISOString() });
    expect(paper.status).toBe(200);
    expect(paper.body.data).toMatchObject({ attendance: 'onTime', recordedById: uid.lead });
  });

  // ---------- signature payloads (R-DAY-3, R-X-3) ----------

  it.each([
    ['a 1 MB junk key beside kind and value', { kind: 'confirmation', value: '当场确认', junk: 'x'.repeat(1_000_000) }, 'SIGNATURE_INVALID'],
    ['a 300 KB image', { kind: 'image', value: `data:image/png;base64,${Buffer.alloc(300 * 1024, 1).toString('base64')}` }, 'SIGNATURE_TOO_LARGE'],
    ['an SVG image (script-capable)', { kind: 'image', value: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+' }, 'SIGNATURE_INVALID'],
    ['an image URL', { kind: 'image', value: 'https://example.com/sign.png' }, 'SIGNATURE_INVALID'],
    ['a confirmation of 501 characters', { kind: 'confirmation', value: '认'.repeat(501) }, 'SIGNATURE_INVALID'],
    ['markup as confirmation', { kind: 'confirmation', value: '<b>确认</b>' }, 'SIGNATURE_INVALID'],
    ['a list', ['confirmation', '确认'], 'SIGNATURE_INVALID'],
    ['an object as value', { kind: 'confirmation', value: { text: '确认' } }, 'SIGNATURE_INVALID'],
  ])('R-DAY-3 R-X-3 finding 11: a signature with %s is refused, nothing stored', async (_what, applicantSignature, code) => {
    const b = await booking('BDC-003', slotOn('2026-02-21'), 'inService', 'staff2');
    const rows = await snapshot();
    const res = await call('staff2', 'complete', { outcome: '已办结', actualStart: b.at(0), actualEnd: b.at(15), applicantSignature }, b.at(20), b.id);
    expect({ status: res.status, code: res.body.errors?.[0]?.code }).toEqual({ status: 400, code });
    expect(await snapshot()).toEqual(rows);
  });

  it('R-DAY-3 a drawn PNG signature is stored exactly as { kind, value }', async () => {
    const b = await booking('BDC-003', slotOn('2026-02-21'), 'inService', 'staff2');
    const value = `data:image/png;base64,${Buffer.alloc(2048, 3).toString('base64')}`;
    const res = await call('staff2', 'complete', { outcome: '已办结', actualStart: b.at(0), actualEnd: b.at(15), applicantSignature: { kind: 'image', value } }, b.at(20), b.id);
    expect(res.status).toBe(200);
    expect((await t.db.getRepository('bookings').findOne({ filterByTk: b.id })).get('applicantSignature')).toEqual({ kind: 'image', value });
  });

  // ---------- the demo seed acts through the services (R-WKD-3, R-CMP-2) ----------

  it('R-WKD-3 R-CMP-2 the duty demo checks people in and out as themselves and files the request through the service', async () => {
    const { seedDutyDemo } = require('../../dist/server/index.js'); // the app's own module (its settings sections)
    const logs: string[] = [];
    await seedDutyDemo(t.app, t.db, (m: string) => logs.push(m), new Date('2026-03-10T10:00:00+08:00'));
    const attended: any[] = await t.db.getRepository('dutyShifts').find({ filter: { windowId: win.A01, date: '2026-03-08', checkOutAt: { $ne: null } } });
    expect(attended.length).toBeGreaterThan(0);
    for (const s of attended) {
      expect([s.get('role'), s.get('recordedById')]).toEqual([s.get('role'), s.get('userId')]); // as themselves, not as the lead
      expect(new Date(s.get('checkInAt')).toISOString()).toBe(new Date(s.get('plannedStart')).toISOString());
    }
    const request = await t.db.getRepository('compTimeRequests').findOne({ filter: { windowId: win.A01, status: 'pending' } });
    expect(request.get()).toMatchObject({ minutes: 120, reason: '家中有事，申请调休半天' });
    expect(logs.some((m) => m.includes("waits for the lead's sign-off"))).toBe(true);
  });

  // ---------- no clock in requests (finding 10) ----------

  it('R-X-3 finding 10: no request moves "now" — X-Test-Now is ignored by the app itself, and garbage in it is no 500', async () => {
    const raw = () => supertest(t.app.callback());
    const auth = (r: supertest.Test) => r.set('Authorization', `Bearer ${as.desk.token}`).set('X-Authenticator', 'basic').set('X-Locale', 'zh-CN');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const url = `/api/bookings:availability?serviceItemId=${item['BDC-003']}`;
    const moved = await auth(raw().get(url)).set('X-Test-Now', '2020-01-06T10:00:00+08:00');
    expect(moved.status).toBe(200);
    const days = (moved.body.data.days ?? moved.body.data).map((d: any) => d.date).filter(Boolean);
    expect(days.every((d: string) => d >= today)).toBe(true); // the real today, not 2020
    expect((await auth(raw().get(url)).set('X-Test-Now', 'garbage')).status).toBe(200);
  });

  it('R-X-3 finding 10: production code reads no clock from requests or the environment', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(__dirname, '../../src'));
    const offending = files.filter((f) => /x-test-now|APPOINTMENT_DUTY_TEST_NOW/i.test(fs.readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
