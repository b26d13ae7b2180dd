import { Migration } from '@nocobase/server';
import { ensureRoles } from '../src/server/acl';
import { listInDataSourceManager } from '../src/server/managed';
import { installWorkflowDefaults } from '../src/server/workflow/defaults';

// 0.1.0 → 0.2.0: the duty roster, penalty points and the features after them brought new
// collections. They are listed in the data source manager, and roles created by 0.1.0 get grants
// for the collections they have no entry for; what an admin changed on the entries a role already
// had stays as it is; the default workflows are added. Idempotent, so also harmless on a fresh install.
export default class GrantNewCollections extends Migration {
  on = 'afterLoad';

  async up() {
    await ensureRoles(this.db);
    await listInDataSourceManager(this.db);
    // The in-app channel and default workflows came with 0.2.0; created once by key, never overwritten.
    await installWorkflowDefaults(this.db);
  }
}
