import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// Per-window dispatch of a booking (R-DSP-3): the lead window and each cooperating window,
// each signed for by its own lead (R-DSP-2, R-DSP-4).
export default defineCollection({
  name: 'bookingDispatches',
  title: tval('Dispatches'),
  dumpRules: { group: 'log' },
  fields: [
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId', onDelete: 'CASCADE' },
    { type: 'belongsTo', name: 'window', target: 'windows', foreignKey: 'windowId' },
    { type: 'string', name: 'role' }, // lead | cooperating
    { type: 'date', name: 'dispatchedAt' },
    { type: 'belongsTo', name: 'dispatchedBy', target: 'users', foreignKey: 'dispatchedById' },
    { type: 'date', name: 'signedForAt' },
    { type: 'belongsTo', name: 'signedForBy', target: 'users', foreignKey: 'signedForById' },
  ],
});
