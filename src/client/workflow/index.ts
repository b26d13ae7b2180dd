// The booking triggers and nodes in NocoBase's workflow editor (the legacy client 2.2 serves):
// config forms as Formily schemas, variables for the booking, texts in zh-CN and en-US.
// The server side is src/server/workflow; type names must match it.
import PluginWorkflowClient, { Instruction, Trigger, WorkflowVariableInput } from '@nocobase/plugin-workflow/client';
import { tval } from '../locale';

const item = (title: string, component: string, extra: Record<string, unknown> = {}) => ({
  type: 'string', title: tval(title), 'x-decorator': 'FormItem', 'x-component': component, ...extra,
});
const remoteMany = (title: string, resource: string, label = 'name') =>
  item(title, 'RemoteSelect', { type: 'array', 'x-component-props': { mode: 'multiple', fieldNames: { label, value: 'id' }, service: { resource, params: { pageSize: 200 } } } });
const options = (pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label: tval(label) }));

const EVENTS = options([
  ['register', 'Register'], ['dispatch', 'Dispatch'], ['signFor', 'Sign for'], ['signForCooperation', 'Sign for (cooperating window)'],
  ['assignHandlers', 'Assign handlers'], ['logContact', 'Log contact'], ['requestReschedule', 'Request reschedule'],
  ['decideReschedule', 'Decide reschedule'], ['arrive', 'Arrive'], ['complete', 'Complete'],
  ['correctServedTime', 'Correct served time'], ['abandon', 'Abandon'], ['cancel', 'Cancel'],
]);
const STATUSES = options([
  ['registered', 'Registered'], ['dispatched', 'Dispatched'], ['signedFor', 'Signed for'], ['contacted', 'Contacted'],
  ['inService', 'In service'], ['completed', 'Completed'], ['abandoned', 'Abandoned by applicant'], ['cancelled', 'Cancelled'],
]);
const DATE_FIELDS = options([
  ['appointmentStart', 'Appointment start'], ['appointmentEnd', 'Appointment end'], ['recordedAt', 'Record time'],
  ['dispatchedAt', 'Dispatch time'], ['signedForAt', 'Signed for at'], ['assignedAt', 'Assigned at'], ['contactedAt', 'Last contact'],
  ['arrivedAt', 'Arrived at'], ['actualEnd', 'Completed at (actual end)'],
]);

/** A fixed variable tree (the picker in node forms): label/value/children under the caller's field names. */
type Leaf = [string, string] | [string, string, Leaf[]];
function tree(leaves: Leaf[], names: any = {}): any[] {
  const { label = 'label', value = 'value', children = 'children' } = names ?? {};
  return leaves.map(([key, title, sub]) => ({ key, [value]: key, [label]: tval(title), ...(sub ? { [children]: tree(sub, names) } : {}) }));
}
const BOOKING: Leaf = ['data', 'Booking', [
  ['id', 'Booking ID'], ['number', 'Booking number'], ['status', 'Status'], ['applicantName', 'Applicant name'], ['applicantPhone', 'Applicant phone'],
  ['appointmentStart', 'Appointment start'], ['appointmentEnd', 'Appointment end'], ['assignedAt', 'Assigned at'], ['windowId', 'Window ID'],
  ['handler1Id', 'Handler 1 ID'], ['handler2Id', 'Handler 2 ID'],
  ['serviceItem', 'Service item', [['name', 'Service item'], ['materials', 'Materials to bring']]],
  ['window', 'Window ID', [['id', 'Window ID'], ['leadId', 'Window lead ID']]],
]];

// Server: src/rules/reminders.ts OFFSET_SETTINGS (each in its own unit).
const OFFSET_SETTINGS = options([
  ['lateMinutes', 'Late after (minutes) — R-DAY-1'], ['rescheduleNoticeHours', 'Reschedule notice (hours) — R-RSC-2'],
  ['contactReminderHours', 'Contact reminder after assignment (hours) — R-PRE-1'],
]);
/** Shown with a setting (`shown` true) or with a number of its own. */
const whenSetting = (shown: boolean) => ({
  dependencies: ['offsetSetting'],
  fulfill: { state: { visible: shown ? '{{!!$deps[0]}}' : '{{!$deps[0]}}', required: shown ? '{{!!$deps[0]}}' : '{{!$deps[0]}}' } },
});
/** The settings in force when the reminder fires, for its text ({{$context.settings.lateMinutes}}). */
const SETTINGS: Leaf = ['settings', 'Settings', [
  ['lateMinutes', 'Late after (minutes)'], ['rescheduleNoticeHours', 'Reschedule notice (hours)'],
  ['contactReminderHours', 'Contact reminder after assignment (hours)'], ['phoneNumber', 'Booking phone number'],
]];

class BookingEventTrigger extends Trigger {
  title = tval('Booking event');
  description = tval("Fires after a booking's status changes (registered, dispatched, signed for …), with the booking and the change as variables.");
  fieldset = {
    events: item('Events', 'Select', { type: 'array', required: true, enum: EVENTS, 'x-component-props': { mode: 'multiple' } }),
    serviceItemIds: remoteMany('Service items (empty = all)', 'serviceItems'),
    windowIds: remoteMany('Windows (empty = all)', 'windows'),
    channels: item('Channels (empty = all)', 'Select', { type: 'array', enum: options([['onSite', 'On site'], ['phone', 'By phone']]), 'x-component-props': { mode: 'multiple' } }),
  };
  validate(config: any) {
    return Array.isArray(config?.events) && config.events.length > 0;
  }
  useVariables(config: any, opts?: any) {
    return tree([BOOKING, ['event', 'Transition', [
      ['action', 'Action'], ['from', 'From'], ['to', 'To'], ['byId', 'By (user ID)'], ['reason', 'Reason'], ['at', 'At'],
    ]]], opts?.fieldNames);
  }
}

class BookingTimeTrigger extends Trigger {
  title = tval('Booking time');
  description = tval("Fires at a time relative to a booking's date (before the appointment, after assignment, after completion …) while its status matches; the schedule is kept in the database, so nothing is lost on restart.");
  fieldset = {
    field: item('Date field', 'Select', { required: true, enum: DATE_FIELDS }),
    // A setting as the offset (基本设置): the reminder follows the number the rules use; empty = a number here.
    offsetSetting: item('Offset from a setting (empty = the number below)', 'Select', {
      enum: OFFSET_SETTINGS, 'x-component-props': { allowClear: true },
      description: tval('The reminder moves when an admin changes the setting (Settings › 预约+无休 › 基本设置).'),
    }),
    offsetSign: item('Before or after the date', 'Radio.Group', {
      type: 'number', default: 1, enum: [{ value: -1, label: tval('Before') }, { value: 1, label: tval('After') }],
      'x-reactions': whenSetting(true),
    }),
    offset: item('Offset', 'InputNumber', {
      type: 'number', required: true, description: tval('Negative = before the date (e.g. -24 hours = one day before).'), 'x-component-props': { precision: 0 },
      'x-reactions': whenSetting(false),
    }),
    unit: item('Unit', 'Radio.Group', {
      required: true, default: 'hours', enum: options([['minutes', 'Minutes'], ['hours', 'Hours'], ['workingDays', 'Working days (statutory calendar)']]),
      'x-reactions': whenSetting(false),
    }),
    statuses: item('Only while status is (empty = any)', 'Select', { type: 'array', enum: STATUSES, 'x-component-props': { mode: 'multiple' } }),
    pendingReschedule: item('Only while a reschedule request is pending', 'Checkbox', { type: 'boolean' }),
    maxLatenessMinutes: item('Maximum lateness (minutes)', 'InputNumber', {
      type: 'number', description: tval('After downtime, fires later than this are marked missed instead of sent. Empty = 1440 (one day).'),
      'x-component-props': { min: 0, precision: 0 },
    }),
  };
  validate(config: any) {
    if (!config?.field) return false;
    return config.offsetSetting ? [1, -1].includes(config.offsetSign ?? 1) : Number.isInteger(config?.offset) && !!config?.unit;
  }
  useVariables(config: any, opts?: any) {
    return tree([BOOKING, ['timer', 'Schedule', [['dueAt', 'Due at'], ['lateMinutes', 'Minutes late']]], SETTINGS], opts?.fieldNames);
  }
}

const bookingIdField = {
  ...item('Booking ID', 'WorkflowVariableInput', { default: '{{$context.data.id}}', description: tval('Default: the booking of the trigger.') }),
  'x-component-props': { useTypedConstant: ['number'] },
};

class DispatchBookingInstruction extends Instruction {
  title = tval('Dispatch booking');
  type = 'bookingDispatch';
  group = 'extended';
  description = tval("Dispatches the booking to the service item's lead window and its cooperating windows, recorded as the section's dispatch.");
  components = { WorkflowVariableInput };
  fieldset = {
    bookingId: bookingIdField,
    windowId: item('Lead window (empty = the item\'s lead window)', 'RemoteSelect', { type: 'number', 'x-component-props': { fieldNames: { label: 'name', value: 'id' }, service: { resource: 'windows', params: { pageSize: 200 } } } }),
    dispatcherId: item('Recorded dispatcher (empty = system)', 'RemoteSelect', { type: 'number', 'x-component-props': { fieldNames: { label: 'nickname', value: 'id' }, service: { resource: 'users', params: { pageSize: 200 } } } }),
  };
  useVariables(node: any, opts?: any) {
    const [n] = tree([[node.key, node.title ?? 'Dispatch booking', [['bookingId', 'Booking ID'], ['status', 'Status'], ['windowId', 'Window ID']]]], opts?.fieldNames);
    return { ...n, label: node.title ?? n.label };
  }
}

class AssignHandlerInstruction extends Instruction {
  title = tval('Assign handler');
  type = 'bookingAssignHandler';
  group = 'extended';
  description = tval("Picks the window's staff on duty that day (published duty roster covering the appointment) with the fewest bookings in that slot; if nobody fits, the booking stays with the window lead and the result says so.");
  components = { WorkflowVariableInput };
  fieldset = {
    bookingId: bookingIdField,
    handlers: item('Number of handlers', 'Radio.Group', { type: 'number', default: 1, enum: [{ value: 1, label: '1' }, { value: 2, label: '2' }] }),
  };
  useVariables(node: any, opts?: any) {
    const [n] = tree([[node.key, node.title ?? 'Assign handler', [
      ['assigned', 'Assigned'], ['handlerIds', 'Handler IDs'], ['leadId', 'Window lead ID'], ['reason', 'Reason when not assigned'],
    ]]], opts?.fieldNames);
    return { ...n, label: node.title ?? n.label };
  }
}

class NextYearCalendarInstruction extends Instruction {
  title = tval("Next year's calendar");
  type = 'calendarNextYear';
  group = 'extended';
  description = tval("Whether next year's statutory calendar is configured and whether today is past the warning day (basic settings); follow it with a condition on \"Warn\".");
  fieldset = {};
  useVariables(node: any, opts?: any) {
    const [n] = tree([[node.key, node.title ?? "Next year's calendar", [
      ['warn', 'Warn'], ['year', 'Next year'], ['configured', 'Configured'], ['warnFrom', 'Warning from'], ['lastBookableDate', 'Last bookable date'],
      ['page', 'Calendar page'],
    ]]], opts?.fieldNames);
    return { ...n, label: node.title ?? n.label };
  }
}

/** Adds our triggers and nodes to the workflow editor; nothing when plugin-workflow is not enabled. */
export function registerWorkflowClient(app: any) {
  const workflow: any = app.pm.get(PluginWorkflowClient) ?? app.pm.get('workflow');
  if (!workflow?.registerTrigger) return;
  workflow.registerTrigger('bookingEvent', BookingEventTrigger);
  workflow.registerTrigger('bookingTime', BookingTimeTrigger);
  workflow.registerInstruction('bookingDispatch', DispatchBookingInstruction);
  workflow.registerInstruction('bookingAssignHandler', AssignHandlerInstruction);
  workflow.registerInstruction('calendarNextYear', NextYearCalendarInstruction);
}
