// Demo duty data for `npm start` (after seedDemo): window A01's weekend roster from three weeks ago
// to eight weeks ahead (published), the last weekend day attended by the staff on duty (so they have
// earned comp time), and one comp-time request of `staff` waiting for the lead's sign-off.
// Idempotent: generation keeps existing slots, the rest runs only while A01 has no request yet.
import type { Database } from '@nocobase/database';
import { shanghaiDate } from '../../rules/calendar';
import { addDays } from '../../rules/roster';
import { loadCalendar } from '../calendar/store';
import { checkIn, checkOut } from '../duty/attendance';
import { submitRequest } from '../duty/compTime';
import { generateRoster, publishRoster } from '../duty/roster';
import { actorOfUser, inWriteTransaction } from '../shared/acting';
import { clock } from '../shared/clock';

export async function seedDutyDemo(app: any, db: Database, log: (msg: string) => void = () => {}, now = clock.now()) {
  const a01: any = await db.getRepository('windows').findOne({ filter: { code: 'A01' } });
  const users = db.getRepository('users');
  const [lead, staff, staff2]: any[] = await Promise.all(['lead', 'staff', 'staff2'].map((username) => users.findOne({ filter: { username } })));
  if (!a01 || !lead || !staff || !staff2) return;
  const today = shanghaiDate(now);
  const calendar = await loadCalendar(db, { around: [today] });
  // Up to the last configured year: the roster never guesses an unpublished holiday calendar.
  const lastYear = Math.max(...calendar.configuredYears);
  const from = addDays(today, -21);
  const to = [addDays(today, 56), `${lastYear}-12-31`].sort()[0];
  await inWriteTransaction(app, db, async (transaction) => {
    // As A01's lead: the duty policy decides as for the lead's own clicks.
    const a = { db, actor: await actorOfUser(db, lead, transaction), now, transaction, app };
    const made = await generateRoster(a, { from, to, windowId: a01.get('id') });
    await publishRoster(a, { from, to, windowId: a01.get('id') });
    log(`duty roster A01 ${from}..${to}: ${made.created} new shifts`);
    if (await db.getRepository('compTimeRequests').count({ filter: { windowId: a01.get('id') }, transaction })) return;
    // The last weekend-service day before today: everyone on duty checked in and out on time
    // (through the attendance service as themselves, at those times; check-out books the comp time).
    const past: any[] = await db.getRepository('dutyShifts').find({
      filter: { windowId: a01.get('id'), kind: 'weekend', date: { $lt: today } }, sort: ['-date'], transaction,
    });
    const lastDay = past[0]?.get('date');
    for (const s of past.filter((x) => x.get('date') === lastDay && x.get('userId'))) {
      const person = { ...a, actor: await actorOfUser(db, { id: s.get('userId') }, transaction) };
      await checkIn({ ...person, now: new Date(s.get('plannedStart')) }, { filterByTk: s.get('id') });
      await checkOut({ ...person, now: new Date(s.get('plannedEnd')) }, { filterByTk: s.get('id') });
    }
    // If staff was not on duty that day, the demo still needs a balance to sign off against.
    const earned = await db.getRepository('compTimeEntries').count({ filter: { userId: staff.get('id') }, transaction });
    const requester = earned ? staff : staff2;
    const cover = earned ? staff2 : staff;
    let day = addDays(today, 1);
    while (!calendar.isYearConfigured(Number(day.slice(0, 4))) || !calendar.isWorkingDay(day)) {
      if (!calendar.isYearConfigured(Number(day.slice(0, 4)))) break;
      day = addDays(day, 1);
    }
    try {
      await submitRequest({ ...a, actor: await actorOfUser(db, requester, transaction) }, {
        start: `${day} 09:00`, end: `${day} 11:00`, coverUserId: cover.get('id'), windowId: a01.get('id'), reason: '家中有事，申请调休半天',
      });
      log(`comp-time request of ${requester.get('username')} for ${day} 09:00–11:00 waits for the lead's sign-off`);
    } catch (e) {
      log(`comp-time request not seeded (${(e as any)?.code || (e as Error).message})`);
    }
  });
}
