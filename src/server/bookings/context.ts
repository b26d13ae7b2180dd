// Who is acting, in the booking rules' words: NocoBase roles → the plan's roles, and which
// windows the user leads or staffs (window roles act only on their own window's bookings, R-X-2).
import type { Context } from '@nocobase/actions';
import type { Transaction } from '@nocobase/database';

export type Role = 'admin' | 'desk' | 'section' | 'sectionChief' | 'windowLead' | 'windowStaff';
const OURS: Role[] = ['desk', 'section', 'sectionChief', 'windowLead', 'windowStaff'];

export interface Actor {
  userId: number;
  roles: Role[];
  leads: number[];
  staffs: number[];
}

/**
 * `windows: false` skips the two window look-ups (leads/staffs stay empty) for actions whose
 * permission is the role alone — register is one; every action that checks ownsWindow loads them.
 */
export async function actorOf(ctx: Context, transaction?: Transaction, { windows = true } = {}): Promise<Actor> {
  const user = ctx.state.currentUser;
  const names: string[] = ctx.state.currentRoles ?? [ctx.state.currentRole].filter(Boolean);
  const roles: Role[] = names.some((r) => r === 'root' || r === 'admin') ? ['admin'] : [];
  for (const r of names) if ((OURS as string[]).includes(r)) roles.push(r as Role);
  if (!windows) return { userId: user.id, roles, leads: [], staffs: [] };
  const repo = ctx.db.getRepository('windows');
  const leads = (await repo.find({ filter: { leadId: user.id }, fields: ['id'], transaction })).map((w: any) => w.get('id'));
  const staffs = (await repo.find({ filter: { 'staff.id': user.id }, fields: ['id'], transaction })).map((w: any) => w.get('id'));
  return { userId: user.id, roles, leads, staffs };
}

/** Window roles only touch bookings of a window they lead or staff (admin/section see all). */
export function ownsWindow(actor: Actor, role: Role, windowIds: number[]): boolean {
  if (role === 'windowLead') return windowIds.some((id) => actor.leads.includes(id));
  if (role === 'windowStaff') return windowIds.some((id) => actor.staffs.includes(id) || actor.leads.includes(id));
  return true;
}
