import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

const user = (name: string, title: string) => ({
  type: 'belongsTo', name, target: 'users', foreignKey: `${name}Id`, interface: 'm2o',
  uiSchema: { title: tval(title), 'x-component': 'AssociationField',
    'x-component-props': { multiple: false, fieldNames: { label: 'nickname', value: 'id' } } },
});
const date = (name: string, title: string) => ({
  type: 'date', name, interface: 'datetime',
  uiSchema: { type: 'string', title: tval(title), 'x-component': 'DatePicker', 'x-component-props': { showTime: true } },
});
const text = (name: string, title: string, type = 'string') => ({
  type, name, interface: type === 'text' ? 'textarea' : 'input',
  uiSchema: { type: 'string', title: tval(title), 'x-component': type === 'text' ? 'Input.TextArea' : 'Input' },
});

// One registration form 《预约服务登记表》 (R-HOL-4) and where it stands in its life.
// Status changes only through the bookings:* actions (src/server/actions/bookings.ts).
export default defineCollection({
  name: 'bookings',
  title: tval('Bookings'),
  titleField: 'number',
  dumpRules: { group: 'log' },
  // A day's served bookings (the comp-time ledger, src/server/duty/compTime.ts servedOn).
  indexes: [{ fields: ['actualStart'] }],
  fields: [
    { ...text('number', 'Booking number'), unique: true },
    { type: 'string', name: 'status', allowNull: false, defaultValue: 'registered', interface: 'select',
      uiSchema: { type: 'string', title: tval('Status'), 'x-component': 'Select', enum: [
        { value: 'registered', label: tval('Registered') }, { value: 'dispatched', label: tval('Dispatched') },
        { value: 'signedFor', label: tval('Signed for') }, { value: 'contacted', label: tval('Contacted') },
        { value: 'inService', label: tval('In service') }, { value: 'completed', label: tval('Completed') },
        { value: 'abandoned', label: tval('Abandoned by applicant') }, { value: 'cancelled', label: tval('Cancelled') },
      ] } },
    { type: 'string', name: 'kind', interface: 'select',
      uiSchema: { type: 'string', title: tval('Service kind'), 'x-component': 'Select', enum: [
        { value: 'holiday', label: tval('Holiday appointment') }, { value: 'weekend', label: tval('Weekend service') },
      ] } },
    text('applicantName', 'Applicant name'),
    // The mask only (139****1234); the number itself is sealed below (src/server/bookings/phoneVault.ts, R-X-2).
    { ...text('applicantPhone', 'Applicant phone'), interface: 'phone' },
    // Never in a response (`hidden`: Model#toJSON drops them), never filterable or sortable (reads.ts).
    { type: 'string', name: 'applicantPhoneHash', index: true, hidden: true },
    { type: 'text', name: 'applicantPhoneSealed', hidden: true },
    text('applicantUnit', 'Applicant unit'),
    { type: 'belongsTo', name: 'serviceItem', target: 'serviceItems', foreignKey: 'serviceItemId', interface: 'm2o',
      uiSchema: { title: tval('Service item'), 'x-component': 'AssociationField',
        'x-component-props': { multiple: false, fieldNames: { label: 'name', value: 'id' } } } },
    { type: 'belongsTo', name: 'window', target: 'windows', foreignKey: 'windowId', interface: 'm2o',
      uiSchema: { title: tval('Window'), 'x-component': 'AssociationField',
        'x-component-props': { multiple: false, fieldNames: { label: 'name', value: 'id' } } } },
    { type: 'string', name: 'channel', interface: 'select',
      uiSchema: { type: 'string', title: tval('Channel'), 'x-component': 'Select', enum: [
        { value: 'onSite', label: tval('On site') }, { value: 'phone', label: tval('By phone') },
      ] } },
    date('appointmentStart', 'Appointment start'),
    date('appointmentEnd', 'Appointment end'),
    { type: 'string', name: 'slotKey', index: true },
    date('recordedAt', 'Record time'),
    user('recorder', 'Recorder'),
    date('dispatchedAt', 'Dispatch time'),
    user('dispatcher', 'Dispatched by'),
    date('signedForAt', 'Signed for at'),
    user('signedForBy', 'Signed for by'),
    user('handler1', 'Handler 1'),
    user('handler2', 'Handler 2'),
    date('assignedAt', 'Assigned at'),
    date('contactedAt', 'Last contact'),
    date('arrivedAt', 'Arrived at'),
    { type: 'boolean', name: 'completed', interface: 'checkbox',
      uiSchema: { type: 'boolean', title: tval('Completed as booked'), 'x-component': 'Checkbox' } },
    text('outcome', 'Outcome', 'text'),
    date('actualStart', 'Actual start'),
    date('actualEnd', 'Actual end'),
    { type: 'integer', name: 'durationMinutes', interface: 'integer',
      uiSchema: { type: 'number', title: tval('Duration (minutes)'), 'x-component': 'InputNumber' } },
    // An image (data URL / attachment URL) or a recorded oral confirmation.
    { type: 'json', name: 'applicantSignature', interface: 'json',
      uiSchema: { type: 'object', title: tval('Applicant signature'), 'x-component': 'Input.JSON' } },
    text('notes', 'Notes', 'text'),
    text('cancelReason', 'Cancel reason', 'text'),
    { type: 'hasMany', name: 'events', target: 'bookingEvents', foreignKey: 'bookingId', sortBy: 'id' },
    { type: 'hasMany', name: 'contacts', target: 'bookingContacts', foreignKey: 'bookingId', sortBy: 'id' },
    { type: 'hasMany', name: 'reschedules', target: 'rescheduleRequests', foreignKey: 'bookingId', sortBy: 'id' },
    { type: 'hasMany', name: 'dispatches', target: 'bookingDispatches', foreignKey: 'bookingId', sortBy: 'id' },
  ],
});
