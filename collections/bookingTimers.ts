import { defineCollection } from '@nocobase/database';

// The persisted schedule of the "Booking time" workflow trigger (R-X-4): one row per planned fire.
// Rows are the truth, timers only drive the tick, so nothing is lost on restart. `fireKey` (workflow,
// booking, field version, due time) is unique: the same plan made by two processes or twice after a
// restart is one row. A tick reads only due rows of enabled workflows through the (status, workflowId, dueAt) index.
// status: pending → claimed (one process won the conditional UPDATE) → fired (its execution
// exists); dropped (booking changed/cancelled, condition no longer holds); missed (found later
// than the workflow's maximum lateness).
export default defineCollection({
  name: 'bookingTimers',
  dumpRules: { group: 'log' },
  indexes: [{ fields: ['status', 'workflowId', 'dueAt'] }, { fields: ['bookingId', 'status'] }],
  fields: [
    { type: 'string', name: 'fireKey', unique: true, allowNull: false },
    { type: 'bigInt', name: 'workflowId', allowNull: false },
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId', onDelete: 'CASCADE' },
    { type: 'string', name: 'field' },
    { type: 'date', name: 'basis' },
    { type: 'date', name: 'dueAt', allowNull: false },
    { type: 'string', name: 'status', allowNull: false, defaultValue: 'pending' },
    { type: 'date', name: 'claimedAt' },
    { type: 'string', name: 'claimedBy' },
    { type: 'date', name: 'firedAt' },
  ],
});
