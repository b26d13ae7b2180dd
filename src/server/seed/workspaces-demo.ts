// Demo bookings for `npm start`, so each role workspace shows something: one registered booking on
// the section's dispatch board, dispatches for the window lead (own window and as a cooperating
// window), bookings for the window staff, and a pending reschedule in the section's inbox. Made for
// the next weekend service days or holidays the calendar offers (real clock), through the booking
// engine's own actions — the same rules, seats and audit trail as a user's clicks. Re-seeded when no
// future demo booking is left; nothing happens when the calendar has no service day ahead.
import type { Database } from '@nocobase/database';
import { serviceKindOf } from '../../rules/booking';
import { shanghaiDate } from '../../rules/calendar';
import { BOOKING_ACTIONS } from '../actions/bookings';
import { loadCalendar } from '../calendar/store';

const DEMO_NOTE = '演示数据（npm start）';
const OPEN = ['registered', 'dispatched', 'signedFor', 'contacted', 'inService'];

type Handler = (ctx: any, next: () => Promise<void>) => Promise<void>;

/**
 * Runs one booking action as `user`, the way an HTTP request would reach it. The demo runs once at
 * start-up, before anyone works, so the SQLite write queue is not needed here.
 */
async function run(db: Database, now: Date, user: any, roles: string[], action: keyof typeof BOOKING_ACTIONS, params: Record<string, unknown>) {
  const ctx: any = {
    db, app: { lockManager: { runExclusive: (_key: string, fn: () => Promise<unknown>) => fn() } },
    action: { params }, state: { currentUser: user.toJSON(), currentRoles: roles },
    // The engine's test clock (honoured only in test apps), so a test can seed for a fixed day.
    get: (header: string) => (header === 'X-Test-Now' ? now.toISOString() : undefined),
  };
  await (BOOKING_ACTIONS[action] as Handler)(ctx, async () => {});
  return ctx.body;
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

export async function seedDemoBookings(db: Database, log: (msg: string) => void = () => {}, now = new Date()) {
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
  for (const p of plan) {
    try {
      const b = await run(db, now, users.desk, ['desk'], 'register', {
        values: { applicantName: p.name, applicantPhone: '13805330000', applicantUnit: null, channel: 'onSite',
          serviceItemId: items[p.item], start: p.start, notes: DEMO_NOTE },
      });
      const id = b.get('id');
      for (const step of p.steps) {
        if (step === 'dispatch') await run(db, now, users.section, ['section'], 'dispatch', { filterByTk: id });
        if (step === 'signFor') await run(db, now, users.lead, ['windowLead'], 'signFor', { filterByTk: id, values: { handler1Id: staffId } });
        if (step === 'logContact') {
          await run(db, now, users.staff, ['windowStaff'], 'logContact', {
            filterByTk: id, values: { result: 'reached', materialsNoticeGiven: true, confirmedStart: b.get('appointmentStart') },
          });
        }
        if (step === 'requestReschedule') {
          await run(db, now, users.staff, ['windowStaff'], 'requestReschedule', {
            filterByTk: id, values: { kind: 'ordinary', reason: '申请人临时出差，申请改期', proposedStart: `${d2}T10:00:00+08:00` },
          });
        }
      }
      made++;
    } catch (e) {
      log(`bookings: ${p.name} ${p.item} ${p.start} not seeded (${(e as any)?.code || (e as Error).message})`);
    }
  }
  log(`bookings: ${made} demo bookings on ${d1} and ${d2}`);
}
