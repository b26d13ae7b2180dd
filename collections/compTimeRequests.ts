import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

const user = (name: string, title: string) => ({
  type: 'belongsTo', name, target: 'users', foreignKey: `${name}Id`, interface: 'm2o',
  uiSchema: { title: tval(title), 'x-component': 'AssociationField', 'x-component-props': { multiple: false, fieldNames: { label: 'nickname', value: 'id' } } },
});
const datetime = (name: string, title: string) => ({
  type: 'date', name, interface: 'datetime',
  uiSchema: { type: 'string', title: tval(title), 'x-component': 'DatePicker', 'x-component-props': { showTime: true } },
});

// A request to take comp time (调休申请, R-CMP-2): the span, the colleague who covers the post
// (顶岗), and the window lead's sign-off with a note (签字说明) or rejection. Written only through
// the compTimeRequests:* actions (src/server/actions/compTime.ts).
export default defineCollection({
  name: 'compTimeRequests',
  title: tval('Comp-time requests'),
  dumpRules: { group: 'log' },
  fields: [
    user('user', 'Requested by'),
    { type: 'belongsTo', name: 'window', target: 'windows', foreignKey: 'windowId', interface: 'm2o',
      uiSchema: { title: tval('Window'), 'x-component': 'AssociationField', 'x-component-props': { multiple: false, fieldNames: { label: 'name', value: 'id' } } } },
    datetime('start', 'Comp time from'),
    datetime('end', 'Comp time until'),
    { type: 'integer', name: 'minutes', interface: 'integer', uiSchema: { type: 'number', title: tval('Minutes'), 'x-component': 'InputNumber' } },
    { type: 'text', name: 'reason', interface: 'textarea', uiSchema: { type: 'string', title: tval('Reason'), 'x-component': 'Input.TextArea' } },
    user('coverUser', 'Cover (顶岗)'),
    // pending | approved | rejected
    { type: 'string', name: 'status', defaultValue: 'pending', interface: 'select', uiSchema: { type: 'string', title: tval('Status'), 'x-component': 'Select',
      enum: [{ value: 'pending', label: tval('Pending sign-off') }, { value: 'approved', label: tval('Signed off') }, { value: 'rejected', label: tval('Rejected') }] } },
    datetime('requestedAt', 'Requested at'),
    user('decidedBy', 'Signed by'),
    datetime('decidedAt', 'Decided at'),
    { type: 'text', name: 'decisionNote', interface: 'textarea', uiSchema: { type: 'string', title: tval('Sign-off note'), 'x-component': 'Input.TextArea' } },
  ],
  indexes: [{ fields: ['userId', 'status'] }, { fields: ['windowId', 'status'] }],
});
