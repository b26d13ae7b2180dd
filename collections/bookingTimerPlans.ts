import { defineCollection } from '@nocobase/database';

// Which (workflow version, trigger config) has had its existing bookings planned into
// bookingTimers, so that a restart does not re-scan every booking. New and changed bookings are
// planned by the booking events themselves.
export default defineCollection({
  name: 'bookingTimerPlans',
  dumpRules: { group: 'log' },
  fields: [
    { type: 'string', name: 'planKey', unique: true, allowNull: false },
    { type: 'bigInt', name: 'workflowId' },
    { type: 'date', name: 'plannedAt' },
  ],
});
