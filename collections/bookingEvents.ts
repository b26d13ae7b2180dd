import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// The audit trail (R-X-1): every transition of a booking — who, when, from → to, why.
// Written by the booking actions only; never updated.
export default defineCollection({
  name: 'bookingEvents',
  title: tval('Booking history'),
  dumpRules: { group: 'log' },
  fields: [
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId', onDelete: 'CASCADE' },
    { type: 'string', name: 'action', interface: 'input', uiSchema: { type: 'string', title: tval('Action'), 'x-component': 'Input' } },
    { type: 'string', name: 'fromStatus', interface: 'input', uiSchema: { type: 'string', title: tval('From'), 'x-component': 'Input' } },
    { type: 'string', name: 'toStatus', interface: 'input', uiSchema: { type: 'string', title: tval('To'), 'x-component': 'Input' } },
    { type: 'belongsTo', name: 'by', target: 'users', foreignKey: 'byId' },
    { type: 'string', name: 'role' },
    { type: 'date', name: 'at', interface: 'datetime', uiSchema: { type: 'string', title: tval('At'), 'x-component': 'DatePicker' } },
    { type: 'text', name: 'reason', interface: 'textarea', uiSchema: { type: 'string', title: tval('Reason'), 'x-component': 'Input.TextArea' } },
    { type: 'json', name: 'data' },
  ],
});
