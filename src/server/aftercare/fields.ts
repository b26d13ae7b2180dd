// Field builders for the after-service collections (collections/followUps.ts …): the same shapes
// the bookings collection uses, so the standard table/form/chart blocks show titled fields.
import { tval } from '../../constants';

export const belongsTo = (name: string, target: string, title: string, label = 'nickname', extra: Record<string, unknown> = {}) => ({
  type: 'belongsTo', name, target, foreignKey: `${name}Id`, interface: 'm2o', ...extra,
  uiSchema: { title: tval(title), 'x-component': 'AssociationField',
    'x-component-props': { multiple: false, fieldNames: { label, value: 'id' } } },
});
export const user = (name: string, title: string) => belongsTo(name, 'users', title);
export const date = (name: string, title: string) => ({
  type: 'date', name, interface: 'datetime',
  uiSchema: { type: 'string', title: tval(title), 'x-component': 'DatePicker', 'x-component-props': { showTime: true } },
});
export const text = (name: string, title: string, type = 'string') => ({
  type, name, interface: type === 'text' ? 'textarea' : 'input',
  uiSchema: { type: 'string', title: tval(title), 'x-component': type === 'text' ? 'Input.TextArea' : 'Input' },
});
export const select = (name: string, title: string, options: [string, string][], extra: Record<string, unknown> = {}) => ({
  type: 'string', name, interface: 'select', ...extra,
  uiSchema: { type: 'string', title: tval(title), 'x-component': 'Select',
    enum: options.map(([value, label]) => ({ value, label: tval(label) })) },
});
export const flag = (name: string, title: string) => ({
  type: 'boolean', name, defaultValue: false, interface: 'checkbox',
  uiSchema: { type: 'boolean', title: tval(title), 'x-component': 'Checkbox' },
});

export const RATING_OPTIONS: [string, string][] = [
  ['verySatisfied', 'Very satisfied'], ['satisfied', 'Satisfied'], ['basicallySatisfied', 'Basically satisfied'],
  ['dissatisfied', 'Dissatisfied'], ['veryDissatisfied', 'Very dissatisfied'],
];
export const CASE_STATUS_OPTIONS: [string, string][] = [['open', 'Open'], ['overdue', 'Overdue'], ['closed', 'Closed']];

/** The deadline fields rectification cases and complaints share (R-AFT-2). */
export const caseFields = () => [
  belongsTo('booking', 'bookings', 'Booking', 'number'),
  // The responsible window: the case is assigned to it and only its people see it (R-X-2).
  belongsTo('window', 'windows', 'Responsible window', 'name'),
  select('status', 'Case status', CASE_STATUS_OPTIONS, { allowNull: false, defaultValue: 'open', index: true }),
  date('openedAt', 'Opened at'),
  user('openedBy', 'Opened by'),
  date('dueAt', 'Due at'),
  { type: 'dateOnly', name: 'dueDate', interface: 'date',
    uiSchema: { type: 'string', title: tval('Due date'), 'x-component': 'DatePicker' } },
  date('overdueAt', 'Overdue since'),
  date('callbackAt', 'Callback at'),
  user('callbackBy', 'Callback by'),
  text('callbackResult', 'Callback result', 'text'),
  text('outcome', 'Case outcome', 'text'),
  date('closedAt', 'Closed at'),
  user('closedBy', 'Closed by'),
  { ...flag('closedOnTime', 'Closed on time'), defaultValue: null },
];
