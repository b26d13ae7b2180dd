import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

const select = (name: string, title: string, values: [string, string][], defaultValue?: string) => ({
  type: 'string', name, interface: 'select', ...(defaultValue ? { defaultValue } : {}),
  uiSchema: { type: 'string', title: tval(title), 'x-component': 'Select', enum: values.map(([value, label]) => ({ value, label: tval(label) })) },
});
const datetime = (name: string, title: string) => ({
  type: 'date', name, interface: 'datetime',
  uiSchema: { type: 'string', title: tval(title), 'x-component': 'DatePicker', 'x-component-props': { showTime: true } },
});
const user = (name: string, title: string) => ({
  type: 'belongsTo', name, target: 'users', foreignKey: `${name}Id`, interface: 'm2o',
  uiSchema: { title: tval(title), 'x-component': 'AssociationField', 'x-component-props': { multiple: false, fieldNames: { label: 'nickname', value: 'id' } } },
});

// One person on duty (值班) at one window for one planned stretch of a weekend-service day
// (R-WKD-2) or of a holiday appointment (R-PRE-2). The window lead on duty (带班, R-SUP-2) is a
// shift with role 'lead'. Attendance (R-WKD-3) is kept on the shift itself (checkIn/checkOut).
// Shared by the roster (src/server/duty) and the workflow's assign-handler node (who is on duty).
// Written through the dutyShifts:* actions (src/server/actions/dutyShifts.ts); listed in the data
// source manager so the calendar block can show it (start: plannedStart, end: plannedEnd).
export default defineCollection({
  name: 'dutyShifts',
  title: tval('Duty roster'),
  dumpRules: { group: 'log' },
  fields: [
    { type: 'dateOnly', name: 'date', interface: 'date', uiSchema: { type: 'string', title: tval('Date'), 'x-component': 'DatePicker' } },
    { type: 'belongsTo', name: 'window', target: 'windows', foreignKey: 'windowId', interface: 'm2o',
      uiSchema: { title: tval('Window'), 'x-component': 'AssociationField', 'x-component-props': { multiple: false, fieldNames: { label: 'name', value: 'id' } } } },
    user('user', 'Person on duty'),
    // staff | lead (带班)
    select('role', 'Duty role', [['staff', 'Staff on duty'], ['lead', 'Window lead on duty']], 'staff'),
    // weekend (周末无休) | holiday (节假日预约)
    select('kind', 'Duty kind', [['weekend', 'Weekend service'], ['holiday', 'Holiday appointment']]),
    datetime('plannedStart', 'Planned start'),
    datetime('plannedEnd', 'Planned end'),
    // draft | published | cancelled
    select('status', 'Roster status', [['draft', 'Roster draft'], ['published', 'Roster published'], ['cancelled', 'Shift cancelled']], 'draft'),
    datetime('checkInAt', 'Checked in at'),
    datetime('checkOutAt', 'Checked out at'),
    user('recordedBy', 'Attendance recorded by'),
    // onTime | late | leftEarly | absent — set by check-in/out and the attendance review (R-WKD-3);
    // the review skips shifts already judged absent, so it stays cheap as the roster grows.
    select('attendance', 'Attendance', [['onTime', 'On time'], ['late', 'Late'], ['leftEarly', 'Left early'], ['absent', 'Absent']]),
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId', interface: 'm2o',
      uiSchema: { title: tval('Booking'), 'x-component': 'AssociationField', 'x-component-props': { multiple: false, fieldNames: { label: 'number', value: 'id' } } } },
    // Which slot of the roster this is (weekend:<date>:<window>:<start>:<role>:<seat> or
    // holiday:booking:<id>:user:<id>): unique, so generating twice or syncing a booking twice adds nothing.
    { type: 'string', name: 'rosterKey', unique: true },
    { type: 'text', name: 'note', interface: 'textarea', uiSchema: { type: 'string', title: tval('Note'), 'x-component': 'Input.TextArea' } },
  ],
  indexes: [{ fields: ['date', 'windowId'] }, { fields: ['userId', 'date'] }, { fields: ['bookingId'] }],
});
