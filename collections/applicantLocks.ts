import { defineCollection } from '@nocobase/database';

// R-HOL-6 on MariaDB/MySQL: one row per applicant number (its keyed hash, never the number), written
// at the start of every check of that number's bookings. The row lock it takes is held until the
// booking's transaction ends, so two checks of one number take turns (PostgreSQL uses a transaction
// advisory lock instead; SQLite's writes take turns anyway). Nothing reads these rows.
export default defineCollection({
  name: 'applicantLocks',
  dumpRules: { group: 'log' },
  fields: [{ type: 'string', name: 'hash', unique: true, allowNull: false }],
});
