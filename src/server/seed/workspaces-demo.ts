// Demo bookings for `npm start`, so each role workspace shows something: one registered booking on
// the section's dispatch board, dispatches for the window lead (own window and as a cooperating
// window), bookings for the window staff, and a pending reschedule in the section's inbox. Made for
// the next weekend service days or holidays the calendar offers (real clock), through the booking
// engine's own actions — the same rules, seats and audit trail as a user's clicks. Re-seeded when no
// future demo booking is left; nothing happens when the calendar has no service day ahead.
import type { Database } from '@nocobase/database';
import { serviceKindOf } from '../../rules/booking';
import { shanghaiDate } from '../../rules/calendar';
import * as service from '../bookings/service';
import { loadCalendar } from '../calendar/store';
import { Acting, actorOfUser, inWriteTransaction } from '../shared/acting';
import { clock } from '../shared/clock';

const DEMO_NOTE = '演示数据（npm start）';
const OPEN = ['registered', 'dispatched', 'signedFor', 'contacted', 'inService'];

/**
 * Runs one step of the booking service as `user` (their own roles and windows, so the access
 * policy decides as for their clicks), at `now`. The demo runs once at start-up, before anyone
 * works, so the SQLite write queue is not needed here.
 */
async function run<T>(db: Database, now: Date, user: any, step: (a: Acting) => Promise<T>): Promise<T> {
  return inWriteTransaction(null, db, async (transaction) => step({ db, now, transaction, actor: await actorOfUser(db, user, transaction) }));
}

/** The next `count` days from `from` on (Shanghai dates) that take appointments. */
async function serviceDays(db: Database, from: Date, count: number): Promise<string[]> {
  const days: string[] = [];
  const first = shanghaiDate(from);
  const calendar = await loadCalendar(db, { around: [first, shanghaiDate(new Date(from.getTime() + 40 * 86400000))] });
  for (let i = 0; i < 40 && days.length < count; i++) {
    const date = shanghaiDate(new Date(from.getTime() + i * 86400000));
    try {
      if (serviceKindOf(calendar, date)) days.push(date);
    } catch {
      break; // the next year is not configured: no guessing
    }
  }
  return days;
}

export async function seedDemoBookings(db: Database, log: (msg: string) => void = () => {}, now = clock.now()) {
  const left = await db.getRepository('bookings').count({
    filter: { notes: DEMO_NOTE, status: OPEN, appointmentStart: { $gt: now } },
  });
  if (left) return;
  // Two days ahead at least: an ordinary reschedule needs 12 hours' notice.
  const days = await serviceDays(db, new Date(now.getTime() + 2 * 86400000), 2);
  if (days.length < 2) {
    log('bookings: no weekend service day or holiday ahead in the calendar, none seeded');
    return;
  }
  const users: Record<string, any> = {};
  for (const u of ['desk', 'section', 'chief', 'lead', 'staff']) {
    users[u] = await db.getRepository('users').findOne({ filter: { username: u } });
    if (!users[u]) return;
  }
  const items: Record<string, number> = {};
  for (const i of await db.getRepository('serviceItems').find({ fields: ['id', 'code'] })) items[i.get('code')] = i.get('id');
  const staffId = users.staff.get('id');
  const [d1, d2] = days;

  const plan: { name: string; item: string; start: string; steps: string[]; slots?: string[] }[] = [
    { name: '刘洋', item: 'BDC-001', start: `${d1} 10:00`, steps: [] }, // the section's dispatch board
    { name: '赵敏', item: 'BDC-002', start: `${d1} 14:00`, steps: ['dispatch'] }, // the lead's "to sign for"
    { name: '周杰', item: 'GJJ-003', start: `${d1} 15:00`, steps: ['dispatch'] }, // A01 as cooperating window
    { name: '钱伟', item: 'BDC-003', start: `${d2} 09:30`, steps: ['dispatch', 'signFor'] }, // staff: to contact
    { name: '孙丽', item: 'BDC-003', start: `${d1} 16:00`, steps: ['dispatch', 'signFor', 'logContact', 'requestReschedule'] },
  ];
  let made = 0;
  for (const [i, p] of plan.entries()) {
    try {
      // One number per applicant: a number holds no overlapping bookings (R-HOL-6).
      const b: any = await run(db, now, users.desk, (a) => service.register(a, {
        applicantName: p.name, applicantPhone: `1380533000${i}`, applicantUnit: null, channel: 'onSite',
        serviceItemId: items[p.item], start: p.start, notes: DEMO_NOTE,
      }));
      const bookingId = b.get('id');
      for (const step of p.steps) {
        if (step === 'dispatch') await run(db, now, users.section, (a) => service.dispatch(a, { bookingId }));
        if (step === 'signFor') await run(db, now, users.lead, (a) => service.signFor(a, { bookingId, handler1Id: staffId }));
        if (step === 'logContact') {
          await run(db, now, users.staff, (a) => service.logContact(a, {
            bookingId, result: 'reached', materialsNoticeGiven: true, confirmedStart: new Date(b.get('appointmentStart')),
          }));
        }
        if (step === 'requestReschedule') {
          await run(db, now, users.staff, (a) => service.requestReschedule(a, {
            bookingId, kind: 'ordinary', reason: '申请人临时出差，申请改期', proposedStart: `${d2}T10:00:00+08:00`,
          }));
        }
      }
      made++;
    } catch (e) {
      log(`bookings: ${p.name} ${p.item} ${p.start} not seeded (${(e as any)?.code || (e as Error).message})`);
    }
  }
  log(`bookings: ${made} demo bookings on ${d1} and ${d2}`);
}
