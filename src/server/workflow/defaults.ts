// What works out of the box (created on install, then the admins' to edit in the workflow
// editor): an in-app notification channel and the default workflows of the plan. Each workflow
// has a fixed key and is created only when no version with that key exists, so an upgrade or a
// re-enable never duplicates one and never overwrites an admin's edits.
import type { Database, Transaction } from '@nocobase/database';
import { BOOKING_EVENT_TRIGGER } from './BookingEventTrigger';
import { BOOKING_TIME_TRIGGER } from './scheduler';
import { DISPATCH_INSTRUCTION } from './instructions';
import { NEXT_YEAR_INSTRUCTION } from './nextYearInstruction';

export const IN_APP_CHANNEL = 'govhall-in-app';
/** The auto-dispatch workflow: its enabled flag IS the plugin setting "dispatch automatically" (default off: the section dispatches). */
export const AUTO_DISPATCH_KEY = 'govhall-auto-dispatch';

const HANDLERS = ['{{$context.data.handler1Id}}', '{{$context.data.handler2Id}}'];
const byRoles = (...roles: string[]) => [{ filter: { roles: { name: { $in: roles } } } }];
// Message texts are Handlebars (NocoBase's notification manager): dateFormat and join are its helpers.
const BOOKING_LINE = '预约单 {{$context.data.number}}：{{$context.data.applicantName}}，{{$context.data.serviceItem.name}}，预约时间 {{dateFormat $context.data.appointmentStart "YYYY-MM-DD HH:mm" "Asia/Shanghai"}}';

function notify(title: string, receivers: unknown[], content: string) {
  return {
    type: 'notification', title,
    config: { channelName: IN_APP_CHANNEL, notificationType: 'in-app-message', receivers, title, content, options: {}, ignoreFail: true },
  };
}

interface DefaultWorkflow {
  key: string;
  title: string;
  description: string;
  type: string;
  enabled: boolean;
  config: Record<string, unknown>;
  /** A chain; `branch` starts branch N (condition: 1 = true) of the node before instead of following it. */
  nodes: { type: string; title: string; config: Record<string, unknown>; branch?: number }[];
}

// R-CAL-4: every Monday 09:00 (server time, Asia/Shanghai) from 2026-01-05 on; the node decides
// whether it is time to warn (setting booking.nextYearWarningFrom, default 11-01).
const NEXT_YEAR_KEY = 'govhall-remind-next-year';
const nextYear = (field: string) => `{{$jobsMapByNodeKey.${NEXT_YEAR_KEY}-1.${field}}}`;

const HELD = ['signedFor', 'contacted'];

export const DEFAULT_WORKFLOWS: DefaultWorkflow[] = [
  {
    key: 'govhall-notify-new-booking', title: '新预约通知管理科', description: 'R-DSP-1 每笔预约登记后通知政务服务管理科派单',
    type: BOOKING_EVENT_TRIGGER, enabled: true, config: { events: ['register'] },
    nodes: [notify('通知管理科', byRoles('section', 'sectionChief'), `新预约待派单。${BOOKING_LINE}`)],
  },
  {
    key: 'govhall-notify-dispatch', title: '派单通知窗口负责人', description: 'R-DSP-2 派单后通知牵头窗口负责人签收',
    type: BOOKING_EVENT_TRIGGER, enabled: true, config: { events: ['dispatch'] },
    nodes: [notify('通知窗口负责人', ['{{$context.data.window.leadId}}'], `管理科已派单，请签收并指定经办人。${BOOKING_LINE}`)],
  },
  {
    key: 'govhall-notify-assignment', title: '指定经办人通知（含一次性告知）', description: 'R-PRE-1 指定经办人后通知经办人，附一次性告知材料清单',
    type: BOOKING_EVENT_TRIGGER, enabled: true, config: { events: ['signFor', 'assignHandlers'] },
    nodes: [notify('通知经办人', HANDLERS,
      `您已被指定为经办人，请提前联系申请人（{{$context.data.applicantPhone}}）一次性告知所需材料并确认时间。${BOOKING_LINE}。所需材料：{{join $context.data.serviceItem.materials "、"}}`)],
  },
  {
    key: 'govhall-remind-contact', title: '未联系申请人提醒', description: 'R-PRE-1 指定经办人后（基本设置“未联系提醒（指定经办人后小时数）”）仍未登记联系，提醒经办人',
    type: BOOKING_TIME_TRIGGER, enabled: true, config: { field: 'assignedAt', offsetSetting: 'contactReminderHours', offsetSign: 1, statuses: ['signedFor'] },
    nodes: [notify('提醒经办人联系申请人', HANDLERS, `尚未登记与申请人的联系，请尽快电话联系并一次性告知材料。${BOOKING_LINE}`)],
  },
  {
    key: 'govhall-remind-day-before', title: '预约前一天提醒经办人', description: 'R-PRE-2 预约前 24 小时提醒经办人按时到岗',
    type: BOOKING_TIME_TRIGGER, enabled: true, config: { field: 'appointmentStart', offset: -24, unit: 'hours', statuses: HELD },
    nodes: [notify('提醒经办人明日预约', HANDLERS, `明天有预约，请按约定时间到岗。${BOOKING_LINE}`)],
  },
  {
    key: 'govhall-remind-late', title: '超时未到提醒电话联系', description: 'R-DAY-1 超过约定时间（基本设置“迟到判定（分钟）”）申请人未到，提示经办人电话联系',
    type: BOOKING_TIME_TRIGGER, enabled: true,
    config: { field: 'appointmentStart', offsetSetting: 'lateMinutes', offsetSign: 1, statuses: HELD },
    nodes: [notify('提示经办人电话联系', HANDLERS, `申请人已超过约定时间 {{$context.settings.lateMinutes}} 分钟未到，请电话联系（{{$context.data.applicantPhone}}）。${BOOKING_LINE}`)],
  },
  {
    key: 'govhall-notify-reschedule-request', title: '变更申请通知科长', description: 'R-RSC-2 经办人提出推迟/变更后通知管理科科长审批',
    type: BOOKING_EVENT_TRIGGER, enabled: true, config: { events: ['requestReschedule'] },
    nodes: [notify('通知科长审批', byRoles('sectionChief'), `有预约变更申请待审批，原因：{{$context.event.reason}}。${BOOKING_LINE}`)],
  },
  {
    key: 'govhall-remind-reschedule-deadline', title: '变更申请审批时限提醒', description: 'R-RSC-2 距原预约时间不足（基本设置“变更提前告知（小时）”）仍有待审批变更，提醒科长',
    type: BOOKING_TIME_TRIGGER, enabled: true,
    config: { field: 'appointmentStart', offsetSetting: 'rescheduleNoticeHours', offsetSign: -1, statuses: HELD, pendingReschedule: true },
    nodes: [notify('提醒科长审批变更', byRoles('sectionChief'), `距原预约时间已不足 {{$context.settings.rescheduleNoticeHours}} 小时，变更申请仍待审批。${BOOKING_LINE}`)],
  },
  {
    key: 'govhall-notify-reschedule-decision', title: '变更审批结果通知经办人', description: 'R-RSC-2 科长审批后通知经办人告知申请人',
    type: BOOKING_EVENT_TRIGGER, enabled: true, config: { events: ['decideReschedule'] },
    nodes: [notify('通知经办人审批结果', HANDLERS, `变更申请已审批（{{$context.event.data.decision}}），请及时告知申请人。${BOOKING_LINE}`)],
  },
  {
    key: 'govhall-remind-follow-up', title: '回访提醒', description: 'R-AFT-1 办结后 1 个工作日提醒管理科回访并记录评价',
    type: BOOKING_TIME_TRIGGER, enabled: true, config: { field: 'actualEnd', offset: 1, unit: 'workingDays', statuses: ['completed'] },
    nodes: [notify('提醒管理科回访', byRoles('section', 'sectionChief'), `请回访申请人并记录满意度评价。${BOOKING_LINE}`)],
  },
  {
    key: NEXT_YEAR_KEY, title: '下一年度节假日未录入提醒',
    description: 'R-CAL-4 每周一 09:00 检查：自提醒起始日（基本设置，默认 11-01）起，下一年度法定节假日日历尚未录入时，站内信提醒系统管理员粘贴国务院办公厅通知录入。',
    type: 'schedule', enabled: true, config: { mode: 0, startsOn: '2026-01-05T01:00:00.000Z', repeat: '0 0 9 * * 1' },
    nodes: [
      { type: NEXT_YEAR_INSTRUCTION, title: '检查下一年度日历', config: {} },
      { type: 'condition', title: '需要提醒？', config: { rejectOnFalse: false, engine: 'basic',
        calculation: { group: { type: 'and', calculations: [{ calculator: 'equal', operands: [nextYear('warn'), true] }] } } } },
      { ...notify('提醒系统管理员', byRoles('root', 'admin'),
        `${nextYear('year')} 年的法定节假日安排尚未录入：${nextYear('lastBookableDate')} 之后的预约暂不能受理（节假日预约须在节前工作日登记）。` +
        `请在“预约+无休 › 法定节假日日历”（${nextYear('page')}）粘贴国务院办公厅关于 ${nextYear('year')} 年部分节假日安排的通知，预览后应用。`), branch: 1 },
    ],
  },
  {
    key: AUTO_DISPATCH_KEY, title: '自动派单（默认停用）',
    description: 'R-DSP-1 启用后，新预约登记即自动派往事项牵头窗口及协办窗口；停用（默认）时由管理科手动派单。',
    type: BOOKING_EVENT_TRIGGER, enabled: false, config: { events: ['register'] },
    nodes: [{ type: DISPATCH_INSTRUCTION, title: '派单', config: { bookingId: '{{$context.data.id}}' } }],
  },
];

async function ensureChannel(db: Database, transaction?: Transaction) {
  const repo = db.getRepository('notificationChannels');
  if (!repo || (await repo.count({ filter: { name: IN_APP_CHANNEL }, transaction }))) return;
  await repo.create({
    values: { name: IN_APP_CHANNEL, title: '预约+无休站内信', notificationType: 'in-app-message', options: {},
      description: '预约+无休默认工作流使用的站内信通道；邮件、短信通道可在通知管理中另行添加并在工作流中选择。' },
    transaction,
  });
}

async function createWorkflow(db: Database, def: DefaultWorkflow, transaction?: Transaction) {
  const { nodes, ...values } = def;
  // A schedule workflow created enabled is scheduled at once (a timer of up to 24 days): in a CLI
  // process (install, pm enable, upgrade) that timer keeps the process from ever exiting. So it is
  // created disabled and switched on without the workflow plugin's hooks; the plugin schedules it
  // when the app starts (it loads every enabled workflow then), which is the only place it runs.
  const deferEnable = values.type === 'schedule' && values.enabled;
  const workflow: any = await db.getRepository('workflows').create({
    values: { ...values, enabled: deferEnable ? false : values.enabled, sync: false, current: true }, transaction,
  });
  if (deferEnable) await db.getModel('workflows').update({ enabled: true }, { where: { id: workflow.get('id') }, hooks: false, transaction } as any);
  let upstream: any = null;
  for (const [i, { branch, ...node }] of nodes.entries()) {
    const created: any = await db.getRepository('flow_nodes').create({
      values: { ...node, key: `${def.key}-${i + 1}`, workflowId: workflow.get('id'), upstreamId: upstream?.get('id') ?? null, branchIndex: branch ?? null },
      transaction,
    });
    if (upstream && branch === undefined) await upstream.update({ downstreamId: created.get('id') }, { transaction });
    upstream = created;
  }
}

/** Creates what is missing; returns the keys created. Safe to run on every install and upgrade. */
export async function installWorkflowDefaults(db: Database, transaction?: Transaction) {
  if (!db.getCollection('workflows')) return [];
  await ensureChannel(db, transaction);
  const created: string[] = [];
  for (const def of DEFAULT_WORKFLOWS) {
    if (await db.getRepository('workflows').count({ filter: { key: def.key }, transaction })) continue;
    await createWorkflow(db, def, transaction);
    created.push(def.key);
  }
  return created;
}
