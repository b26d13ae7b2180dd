import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// The comp-time ledger (调休台账, R-CMP-3), in minutes: one row per person and source. Earned rows
// come from an attended weekend shift or a completed holiday booking (sourceType/sourceId), taken
// rows from an approved comp-time request. The unique (userId, sourceType, sourceId) index means a
// source is in a person's ledger at most once; src/server/duty/compTime.ts keeps them in step.
export default defineCollection({
  name: 'compTimeEntries',
  title: tval('Comp-time ledger'),
  dumpRules: { group: 'log' },
  fields: [
    { type: 'belongsTo', name: 'user', target: 'users', foreignKey: 'userId', interface: 'm2o',
      uiSchema: { title: tval('Person'), 'x-component': 'AssociationField', 'x-component-props': { multiple: false, fieldNames: { label: 'nickname', value: 'id' } } } },
    { type: 'belongsTo', name: 'window', target: 'windows', foreignKey: 'windowId' },
    // earned | taken
    { type: 'string', name: 'kind', interface: 'select', uiSchema: { type: 'string', title: tval('Entry kind'), 'x-component': 'Select',
      enum: [{ value: 'earned', label: tval('Earned') }, { value: 'taken', label: tval('Taken') }] } },
    { type: 'integer', name: 'minutes', interface: 'integer', uiSchema: { type: 'number', title: tval('Minutes'), 'x-component': 'InputNumber' } },
    // When earned (the served start) or taken (the request's start): the order for expiry.
    { type: 'date', name: 'at', interface: 'datetime', uiSchema: { type: 'string', title: tval('At'), 'x-component': 'DatePicker' } },
    { type: 'dateOnly', name: 'date' },
    // dutyShift | booking | compTimeRequest
    { type: 'string', name: 'sourceType' },
    { type: 'bigInt', name: 'sourceId' },
  ],
  indexes: [{ fields: ['userId', 'sourceType', 'sourceId'], unique: true }, { fields: ['userId', 'kind'] }],
});
