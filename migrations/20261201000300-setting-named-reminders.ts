import { Migration } from '@nocobase/server';
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_WORKFLOWS } from '../src/server/workflow/defaults';

// 0.2.0 → 0.3.0 (every number once): 0.2.0 froze three settings into the default reminders at
// install — the late prompt (+30 min, R-DAY-1), the reschedule deadline (−12 h, R-RSC-2) and the
// contact reminder (4 h after assignment, R-PRE-1) — in their offsets and texts, so a centre that
// changed the setting got refusals at one number and reminders at another. Now those workflows
// name the setting. A workflow still exactly as 0.2.0 installed it (offset config, description,
// message text) is switched to the setting-named offset and text; one an admin changed is theirs
// and stays. Idempotent: a switched or fresh workflow no longer matches the 0.2.0 form.

const BOOKING_LINE = '预约单 {{$context.data.number}}：{{$context.data.applicantName}}，{{$context.data.serviceItem.name}}，预约时间 {{dateFormat $context.data.appointmentStart "YYYY-MM-DD HH:mm" "Asia/Shanghai"}}';
const HELD = ['signedFor', 'contacted'];

/** What 0.2.0 installed, per workflow key: its trigger config, description and first node's text. */
export const FROZEN_0_2_0: Record<string, { config: Record<string, unknown>; description: string; content: string }> = {
  'govhall-remind-contact': {
    config: { field: 'assignedAt', offset: 4, unit: 'hours', statuses: ['signedFor'] },
    description: 'R-PRE-1 指定经办人 4 小时后仍未登记联系，提醒经办人',
    content: `尚未登记与申请人的联系，请尽快电话联系并一次性告知材料。${BOOKING_LINE}`,
  },
  'govhall-remind-late': {
    config: { field: 'appointmentStart', offset: 30, unit: 'minutes', statuses: HELD },
    description: 'R-DAY-1 超过约定时间 30 分钟申请人未到，提示经办人电话联系',
    content: `申请人已超过约定时间 30 分钟未到，请电话联系（{{$context.data.applicantPhone}}）。${BOOKING_LINE}`,
  },
  'govhall-remind-reschedule-deadline': {
    config: { field: 'appointmentStart', offset: -12, unit: 'hours', statuses: HELD, pendingReschedule: true },
    description: 'R-RSC-2 原预约前 12 小时仍有待审批变更，提醒科长',
    content: `距原预约时间已不足 12 小时，变更申请仍待审批。${BOOKING_LINE}`,
  },
};

/** Switches the untouched 0.2.0 reminders; returns the keys switched. */
export async function nameSettingsInReminders(db: any): Promise<string[]> {
  if (!db.getCollection('workflows')) return [];
  const switched: string[] = [];
  for (const [key, frozen] of Object.entries(FROZEN_0_2_0)) {
    const now = DEFAULT_WORKFLOWS.find((d) => d.key === key);
    if (!now) continue;
    const workflows: any[] = await db.getRepository('workflows').find({ filter: { key } });
    for (const wf of workflows) {
      if (!isDeepStrictEqual(wf.get('config'), frozen.config)) continue;
      const node: any = await db.getRepository('flow_nodes').findOne({ filter: { workflowId: wf.get('id'), key: `${key}-1` } });
      // An edited text keeps the admin's wording, so its number stays theirs too: leave the workflow as it is.
      if (node && node.get('config')?.content !== frozen.content) continue;
      await db.sequelize.transaction(async (transaction: any) => {
        const values: Record<string, unknown> = { config: now.config };
        if (wf.get('description') === frozen.description) values.description = now.description;
        await db.getRepository('workflows').update({ filterByTk: wf.get('id'), values, transaction });
        if (node) {
          await db.getRepository('flow_nodes').update({
            filterByTk: node.get('id'), values: { config: { ...node.get('config'), content: (now.nodes[0].config as any).content } }, transaction,
          });
        }
      });
      switched.push(key);
    }
  }
  return switched;
}

export default class SettingNamedReminders extends Migration {
  on = 'afterLoad';

  async up() {
    await nameSettingsInReminders(this.db);
  }
}
