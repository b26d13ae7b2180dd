import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// One person on duty (值班) at one window for one planned stretch of a weekend-service day
// (R-WKD-2) or of a holiday appointment (R-PRE-2). The window lead on duty (带班, R-SUP-2) is a
// shift with role 'lead'. Attendance (R-WKD-3) is kept on the shift itself (checkIn/checkOut).
// Shared by the roster (src/server/duty) and the workflow's assign-handler node (who is on duty).
export default defineCollection({
  name: 'dutyShifts',
  title: tval('Duty roster'),
  dumpRules: { group: 'log' },
  fields: [
    { type: 'dateOnly', name: 'date' },
    { type: 'belongsTo', name: 'window', target: 'windows', foreignKey: 'windowId' },
    { type: 'belongsTo', name: 'user', target: 'users', foreignKey: 'userId' },
    // staff | lead (带班)
    { type: 'string', name: 'role', defaultValue: 'staff' },
    // weekend (周末无休) | holiday (节假日预约)
    { type: 'string', name: 'kind' },
    { type: 'date', name: 'plannedStart' },
    { type: 'date', name: 'plannedEnd' },
    // draft | published | cancelled
    { type: 'string', name: 'status', defaultValue: 'draft' },
    { type: 'date', name: 'checkInAt' },
    { type: 'date', name: 'checkOutAt' },
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId' },
  ],
  indexes: [{ fields: ['date', 'windowId'] }, { fields: ['userId', 'date'] }],
});
