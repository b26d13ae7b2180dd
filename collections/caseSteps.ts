import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';
import { belongsTo, date, text, user } from '../src/server/aftercare/fields';

// The handling steps and audit trail of a rectification case or complaint (R-AFT-2, R-X-1):
// opened, step, callback, overdue, closed — who, when, what. Written by the case actions only.
export default defineCollection({
  name: 'caseSteps',
  title: tval('Case steps'),
  dumpRules: { group: 'log' },
  fields: [
    belongsTo('rectificationCase', 'rectificationCases', 'Rectification case', 'id', { onDelete: 'CASCADE' }),
    belongsTo('complaint', 'complaints', 'Complaint', 'id', { onDelete: 'CASCADE' }),
    text('kind', 'Step'),
    date('at', 'At'),
    user('by', 'By'),
    { type: 'string', name: 'role' },
    text('note', 'Note', 'text'),
  ],
});
