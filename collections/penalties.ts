import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// Penalty points (考核扣分, R-SUP-1) per person and window, with the evidence they rest on: a duty
// shift (attendance), a booking, or a case (bad review / complaint overdue). Proposed by the
// system or the section, confirmed (or dismissed) by the section. Shared by src/server/duty
// (attendance proposals) and the after-service feature (overdue cases, statistics).
export default defineCollection({
  name: 'penalties',
  title: tval('Penalty points'),
  dumpRules: { group: 'log' },
  fields: [
    { type: 'belongsTo', name: 'user', target: 'users', foreignKey: 'userId' },
    { type: 'belongsTo', name: 'window', target: 'windows', foreignKey: 'windowId' },
    // absent | late | shirking | delay | missingNotice | overdueCase
    { type: 'string', name: 'reason' },
    { type: 'integer', name: 'points', defaultValue: 1 },
    // proposed | confirmed | dismissed
    { type: 'string', name: 'status', defaultValue: 'proposed' },
    { type: 'belongsTo', name: 'shift', target: 'dutyShifts', foreignKey: 'shiftId' },
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId' },
    // evidence elsewhere (e.g. a rectification case or complaint): collection name + id
    { type: 'string', name: 'evidenceType' },
    { type: 'bigInt', name: 'evidenceId' },
    { type: 'text', name: 'note' },
    { type: 'belongsTo', name: 'confirmedBy', target: 'users', foreignKey: 'confirmedById' },
    { type: 'date', name: 'confirmedAt' },
    { type: 'date', name: 'occurredAt' },
    // Set by automatic proposals (e.g. 'shift:12:late'): unique, so a sweep run twice proposes once.
    { type: 'string', name: 'proposalKey', unique: true },
  ],
  indexes: [{ fields: ['windowId', 'occurredAt'] }, { fields: ['userId'] }],
});
