import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// A request to postpone or change a booking (R-RSC-1..3), decided by the section chief.
export default defineCollection({
  name: 'rescheduleRequests',
  title: tval('Reschedule requests'),
  dumpRules: { group: 'log' },
  fields: [
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId', onDelete: 'CASCADE' },
    { type: 'belongsTo', name: 'requestedBy', target: 'users', foreignKey: 'requestedById' },
    { type: 'date', name: 'requestedAt' },
    { type: 'text', name: 'reason' },
    { type: 'string', name: 'kind', defaultValue: 'ordinary' }, // ordinary | forceMajeure
    { type: 'date', name: 'originalStart' },
    { type: 'date', name: 'proposedStart' },
    { type: 'string', name: 'decision', defaultValue: 'pending' }, // pending | approved | rejected
    { type: 'belongsTo', name: 'decidedBy', target: 'users', foreignKey: 'decidedById' },
    { type: 'date', name: 'decidedAt' },
    { type: 'text', name: 'decisionNote' },
    { type: 'date', name: 'applicantToldAt' },
    { type: 'boolean', name: 'reportedToSection', defaultValue: false },
  ],
});
