// R-X-2 / PIPL: applicants' phone numbers are shown in full only to people involved in the booking
// (src/rules/booking.ts involvedInBooking); list/get answers mask them for everyone else.
import type { Plugin } from '@nocobase/server';
import { involvedInBooking } from '../../rules/booking';
import { maskPhone } from '../../rules/phone';

export function registerPhonePrivacy(plugin: Plugin) {
  plugin.app.resourceManager.use(async (ctx: any, next: () => Promise<void>) => {
    await next();
    const { resourceName, actionName } = ctx.action ?? {};
    if (resourceName !== 'bookings' || !['list', 'get'].includes(actionName) || !ctx.body) return;
    const rows: any[] = Array.isArray(ctx.body) ? ctx.body : Array.isArray(ctx.body.rows) ? ctx.body.rows : [ctx.body];
    const user = ctx.state.currentUser;
    if (!user || !rows.length) return;
    const roles: string[] = ctx.state.currentRoles ?? [ctx.state.currentRole];
    const ids = rows.map((r) => (r?.get ? r.get('id') : r?.id)).filter(Boolean);
    // The ACL may hide the foreign keys from window roles, so read them here (one query).
    const facts = await ctx.db.getRepository('bookings').find({
      filter: { id: ids }, fields: ['id', 'recorderId', 'handler1Id', 'handler2Id', 'windowId'],
    });
    const byId = new Map(facts.map((f: any) => [f.get('id'), f.get()]));
    const leads = (await ctx.db.getRepository('windows').find({ filter: { leadId: user.id }, fields: ['id'] })).map((w: any) => w.get('id'));
    for (const row of rows) {
      const id = row?.get ? row.get('id') : row?.id;
      const phone = row?.get ? row.get('applicantPhone') : row?.applicantPhone;
      if (!phone || involvedInBooking({ userId: user.id, roles, leads }, byId.get(id) ?? {})) continue;
      if (row.get) row.set('applicantPhone', maskPhone(phone), { raw: true });
      else row.applicantPhone = maskPhone(phone);
    }
  });
}
