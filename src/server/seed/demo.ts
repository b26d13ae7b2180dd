// Demo data for `npm start` (command `appointment-duty:demo`): a municipal centre's windows and
// service-item list, and one login per role. Idempotent: rows are matched by code/username.
// Never run on install — a production OA must not get known passwords.
import type { Database } from '@nocobase/database';
import demoList from './demo-list.json';
import demoUsers from './demo-users.json';
import { seedDemoBookings } from './workspaces-demo';

export interface DemoUser { username: string; password: string; nickname: string; role: string; window?: string; title: string }
export const DEMO_USERS = demoUsers as DemoUser[];

async function upsert(db: Database, collection: string, key: string, values: Record<string, any>) {
  const repo = db.getRepository(collection);
  const existing = await repo.findOne({ filter: { [key]: values[key] } });
  if (existing) return existing;
  return repo.create({ values });
}

export async function seedDemo(db: Database, log: (msg: string) => void = () => {}) {
  const windows: Record<string, any> = {};
  for (const w of demoList.windows) windows[w.code] = await upsert(db, 'windows', 'code', w);
  log(`windows: ${Object.keys(windows).length}`);

  for (const [i, item] of demoList.items.entries()) {
    await upsert(db, 'serviceItems', 'code', {
      code: item.code,
      name: item.name,
      leadWindowId: windows[item.lead].get('id'),
      cooperatingWindows: (item.coop ?? []).map((c: string) => windows[c].get('id')),
      offeredOnWeekends: (item as any).weekends ?? true,
      offeredOnHolidays: true,
      materials: item.materials,
      expectedMinutes: item.minutes,
      capacityPerSlot: item.capacity,
      published: (item as any).published ?? true,
      sort: i + 1,
    });
  }
  log(`service items: ${demoList.items.length}`);

  const users = db.getRepository('users');
  for (const u of DEMO_USERS) {
    let user = await users.findOne({ filter: { username: u.username } });
    if (!user && u.role === 'root') user = await users.findOne({ filter: { id: 1 } });
    if (!user) {
      user = await users.create({ values: { username: u.username, nickname: u.nickname, password: u.password, roles: [u.role] } });
    }
    if (u.window) {
      const w = windows[u.window];
      if (u.role === 'windowLead' && !w.get('leadId')) {
        await db.getRepository('windows').update({ filterByTk: w.get('id'), values: { leadId: user.get('id') } });
      }
      await (db.getRepository('windows.staff', w.get('id')) as any).add(user.get('id'));
    }
  }
  log(`users: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  // Bookings only for `npm start` (APPOINTMENT_DUTY_DEMO): test apps seed windows and users, not these.
  if (process.env.APPOINTMENT_DUTY_DEMO === 'true') await seedDemoBookings(db, log);
}
