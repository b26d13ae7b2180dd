// The plugin's menu 预约+无休 as data (issue 12), shared by the server (which writes it once into
// NocoBase's desktopRoutes and flowModels) and the web part (which translates the titles).
// No NocoBase import. The order of MENU_PAGES is the landing order: NocoBase opens the first page a
// role may see, so every role's main page comes before the other pages it sees.
import type { RoleName } from './constants';

/** A role that sees a menu entry: ours, or NocoBase's own `admin` (root sees every route anyway). */
export type MenuRole = RoleName | 'admin';

/** A block on a page: one of our block models, or NocoBase's table of a collection (read-only columns). */
export type MenuBlock =
  | { use: string; size?: number }
  | { use: 'TableBlockModel'; size?: number; collection: string; columns: [field: string, display: DisplayUse][];
      /** The block's title: a text of our namespace (the collection's own title). */
      title: string };

/** NocoBase's display field models for a table column, by field interface (input, select, datetime …). */
export type DisplayUse = 'DisplayTextFieldModel' | 'DisplayEnumFieldModel' | 'DisplayDateTimeFieldModel' | 'DisplayCheckboxFieldModel';

export interface MenuEntry {
  /** The route's schemaUid: fixed, so the entry is found again and never created twice. */
  key: string;
  type: 'flowPage' | 'link';
  /** Stored title (zh-CN first); an admin may rename it. */
  title: string;
  /** en-US text of the stored title, registered in NocoBase's menu-title namespace. */
  titleEnUS: string;
  icon: string;
  roles: MenuRole[];
  /** flowPage: rows of blocks side by side (sizes of a 24-column row). */
  rows?: MenuBlock[][];
  /** link: where it goes (inside the app). */
  href?: string;
}

const text = (name: string): [string, DisplayUse] => [name, 'DisplayTextFieldModel'];
const choice = (name: string): [string, DisplayUse] => [name, 'DisplayEnumFieldModel'];
const when = (name: string): [string, DisplayUse] => [name, 'DisplayDateTimeFieldModel'];
const flag = (name: string): [string, DisplayUse] => [name, 'DisplayCheckboxFieldModel'];

export const MENU_GROUP = {
  key: 'govhall-menu',
  title: '预约+无休',
  titleEnUS: 'Appointment + no-closing',
  icon: 'CalendarOutlined',
};

export const MENU_PAGES: MenuEntry[] = [
  {
    key: 'govhall-desk', type: 'flowPage', title: '预约登记', titleEnUS: 'Registration', icon: 'FormOutlined',
    roles: ['desk', 'admin'],
    rows: [[{ use: 'DeskRegistrationBlockModel', size: 14 }, { use: 'DeskBookingsBlockModel', size: 10 }]],
  },
  {
    key: 'govhall-dispatch', type: 'flowPage', title: '派单与变更审批', titleEnUS: 'Dispatch & approvals',
    icon: 'SendOutlined', roles: ['section', 'sectionChief'],
    rows: [[{ use: 'AppointmentDispatchBoardBlockModel' }], [{ use: 'AppointmentRescheduleInboxBlockModel' }]],
  },
  {
    key: 'govhall-sign', type: 'flowPage', title: '签收与指派', titleEnUS: 'Sign for & assign', icon: 'AuditOutlined',
    roles: ['windowLead'],
    rows: [[{ use: 'AppointmentLeadDeskBlockModel' }]],
  },
  {
    key: 'govhall-mine', type: 'flowPage', title: '我的预约', titleEnUS: 'My bookings', icon: 'ScheduleOutlined',
    roles: ['windowStaff'],
    rows: [[{ use: 'AppointmentMyBookingsBlockModel' }]],
  },
  {
    key: 'govhall-duty', type: 'flowPage', title: '值班与调休', titleEnUS: 'Duty & comp time', icon: 'TeamOutlined',
    roles: ['windowLead', 'windowStaff', 'section'],
    rows: [[{ use: 'AppointmentDutyBlockModel' }]],
  },
  {
    key: 'govhall-aftercare', type: 'flowPage', title: '回访与投诉', titleEnUS: 'Follow-ups & complaints', icon: 'PhoneOutlined',
    roles: ['section', 'sectionChief'],
    rows: [
      [{ use: 'TableBlockModel', collection: 'followUps', title: 'Follow-up visits',
        columns: [when('visitedAt'), choice('method'), choice('rating'), flag('badReview'), text('comments'), choice('appealStatus')] }],
      [{ use: 'TableBlockModel', collection: 'rectificationCases', title: 'Rectification cases',
        columns: [choice('status'), when('openedAt'), when('dueAt'), when('callbackAt'), text('outcome'), when('closedAt')] }],
      [{ use: 'TableBlockModel', collection: 'complaints', title: 'Complaints',
        columns: [choice('source'), text('subject'), text('complainantName'), choice('status'), when('dueAt'), when('closedAt')] }],
    ],
  },
  {
    key: 'govhall-report', type: 'flowPage', title: '统计与月报', titleEnUS: 'Statistics & report', icon: 'BarChartOutlined',
    roles: ['section', 'sectionChief', 'admin'],
    rows: [[{ use: 'AppointmentMonthlyReportBlockModel' }]],
  },
  {
    key: 'govhall-list', type: 'flowPage', title: '服务事项清单', titleEnUS: 'Service-item list', icon: 'UnorderedListOutlined',
    roles: ['admin'],
    rows: [[{ use: 'ServiceListEditorBlockModel' }]],
  },
  {
    key: 'govhall-settings-calendar', type: 'link', title: '法定节假日日历', titleEnUS: 'Statutory calendar', icon: 'CalendarOutlined',
    roles: ['admin'], href: '/admin/settings/appointment-duty/calendar',
  },
  {
    key: 'govhall-settings-general', type: 'link', title: '基本设置', titleEnUS: 'General settings', icon: 'SettingOutlined',
    roles: ['admin'], href: '/admin/settings/appointment-duty/general',
  },
];

/** Every route key the plugin owns (group first). */
export const MENU_KEYS = [MENU_GROUP.key, ...MENU_PAGES.map((p) => p.key)];

/** The entries each role sees, in menu order (what desktopRoutes:listAccessible must answer). */
export function menuOf(role: MenuRole): MenuEntry[] {
  return MENU_PAGES.filter((p) => p.roles.includes(role));
}

/** zh-CN title → en-US, for NocoBase's menu-title namespace. */
export function menuTitlesEnUS(): Record<string, string> {
  return Object.fromEntries([MENU_GROUP, ...MENU_PAGES].map((e) => [e.title, e.titleEnUS]));
}
