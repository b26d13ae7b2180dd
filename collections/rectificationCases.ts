import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';
import { belongsTo, caseFields } from '../src/server/aftercare/fields';

// A rectification case (整改) opened by a named bad review (R-AFT-2): assigned to the responsible
// window, due in N working days, closed after the callback to the applicant. `status` becomes
// 'overdue' when the due time passes while open (src/server/aftercare/overdue.ts).
export default defineCollection({
  name: 'rectificationCases',
  title: tval('Rectification cases'),
  dumpRules: { group: 'log' },
  fields: [
    belongsTo('followUp', 'followUps', 'Follow-up visit', 'id'),
    ...caseFields(),
    { type: 'hasMany', name: 'steps', target: 'caseSteps', foreignKey: 'rectificationCaseId', sortBy: 'id' },
  ],
  indexes: [{ fields: ['status', 'dueAt'] }, { fields: ['windowId', 'openedAt'] }],
});
