import { Migration } from '@nocobase/server';
import { ensureRoles, restrictFieldLists } from '../src/server/acl';

// 0.2.0 → 0.3.0 (R-X-2, a security fix): the window lead's "update own window" grant let a lead
// rewrite the window's lead, staff and service items. 0.2.0 created it without a field list, and
// listing `windows` in the data source manager then appended every field of it (plugin-acl's
// fields.afterCreate). Roles are created only on install, so an existing grant is tightened here to
// name, department, phone — only while it still is that default (no list, or every listed field,
// and the 0.2.0 scope); a grant an admin changed is the admin's (src/server/acl.ts restrictFieldLists).
// Also grants the roles the collections they have no entry for (window roles: contacts and
// reschedule requests of their window's bookings). Idempotent.
export default class WindowLeadFields extends Migration {
  on = 'afterLoad';

  async up() {
    await ensureRoles(this.db);
    await restrictFieldLists(this.db);
  }
}
