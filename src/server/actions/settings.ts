// Resource `appointmentSettings`: the plugin settings page's two actions (docs/api.md § Settings API).
// get: any signed-in user (the desk's form shows the phone hours); update: admins (the
// pm.appointment-duty snippet, src/server/acl.ts).
import type { Context, Next } from '@nocobase/actions';
import type { Transaction } from '@nocobase/database';
import { NUMBER_RANGES, completeSection, settingsSectionKeys } from '../../rules/settings';
import { allSettings, saveSettings } from '../settings/store';

export const SETTINGS_READ_ACTIONS = ['appointmentSettings:get'];
export const SETTINGS_ADMIN_ACTIONS = ['appointmentSettings:update'];

/** Values, the defaults (for "reset" on the page) and the booking section's allowed ranges. */
async function answer(ctx: Context, transaction?: Transaction) {
  return {
    sections: await allSettings(ctx.db, { transaction }),
    defaults: Object.fromEntries(settingsSectionKeys().map((key) => [key, completeSection(key, null)])),
    ranges: { booking: NUMBER_RANGES },
  };
}

async function get(ctx: Context, next: Next) {
  ctx.body = await answer(ctx);
  await next();
}

/** Body: `{ <section>: { <field>: value, … }, … }` — only the fields that change. */
async function update(ctx: Context, next: Next) {
  const patch = ctx.action.params.values;
  ctx.body = await ctx.db.sequelize.transaction(async (transaction: Transaction) => {
    await saveSettings(ctx.db, patch, { transaction, userId: ctx.state.currentUser?.id });
    return answer(ctx, transaction);
  });
  await next();
}

export const SETTINGS_ACTIONS = { get, update };
