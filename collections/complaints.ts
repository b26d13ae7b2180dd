import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';
import { caseFields, select, text, user } from '../src/server/aftercare/fields';

// A complaint (投诉, R-AFT-2) about a booking — from a follow-up visit, the phone, or entered by the
// section: what, against whom, handling steps (caseSteps), outcome, closed by; same deadline as
// rectification cases.
export default defineCollection({
  name: 'complaints',
  title: tval('Complaints'),
  dumpRules: { group: 'log' },
  fields: [
    select('source', 'Complaint source', [['followUp', 'Follow-up visit'], ['phone', 'By phone'], ['section', 'Entered by the section']]),
    text('complainantName', 'Complainant'),
    text('subject', 'What the complaint is about', 'text'),
    user('againstUser', 'Against (person)'),
    ...caseFields(),
    { type: 'hasMany', name: 'steps', target: 'caseSteps', foreignKey: 'complaintId', sortBy: 'id' },
  ],
  indexes: [{ fields: ['status', 'dueAt'] }, { fields: ['windowId', 'openedAt'] }],
});
