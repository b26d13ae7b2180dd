// Our collections listed in NocoBase's data source manager, so admins can add fields and use the
// standard table/form/calendar/kanban blocks on them without code (as plugin-users does).
// Not the collection option `uiManageable`: plugin-data-source-main 2.2.15 lists those with
// Promise.all, and on SQLite (one connection) the parallel transactions fail the install.
import type { Database } from '@nocobase/database';

export const MANAGED_COLLECTIONS = [
  'windows', 'serviceItems', 'calendarDays', 'calendarYears', 'bookings',
  'dutyShifts', 'penalties', 'compTimeEntries', 'compTimeRequests',
  'followUps', 'rectificationCases', 'complaints', 'caseSteps',
];

/** Idempotent (db2cm skips a collection already listed); one at a time. */
export async function listInDataSourceManager(db: Database) {
  const collections: any = db.getRepository('collections');
  if (!collections?.db2cm) return;
  for (const name of MANAGED_COLLECTIONS) if (db.getCollection(name)) await collections.db2cm(name);
}
