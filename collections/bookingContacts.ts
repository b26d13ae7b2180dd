import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// The handler's calls to the applicant before the day (R-PRE-1): one-time materials notice
// (一次性告知) and the reconfirmed time.
export default defineCollection({
  name: 'bookingContacts',
  title: tval('Contact log'),
  dumpRules: { group: 'log' },
  fields: [
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId', onDelete: 'CASCADE' },
    { type: 'belongsTo', name: 'by', target: 'users', foreignKey: 'byId' },
    { type: 'date', name: 'at' },
    { type: 'string', name: 'result' },
    { type: 'boolean', name: 'materialsNoticeGiven', defaultValue: false },
    { type: 'json', name: 'materials' },
    { type: 'date', name: 'confirmedStart' },
    { type: 'text', name: 'note' },
  ],
});
