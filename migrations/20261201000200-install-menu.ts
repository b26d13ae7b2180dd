import { Migration } from '@nocobase/server';
import { installMenu } from '../src/server/menu/install';

// 0.2.0 → next: the menu 预约+无休 with a page per role (issue 12). 0.2.0 had no menu, so it is
// created whole; if any entry of it exists, the menu is the admin's and nothing is touched
// (src/server/menu/install.ts). Also harmless on a fresh install, which created it already.
export default class InstallMenu extends Migration {
  on = 'afterLoad';

  async up() {
    await installMenu(this.db);
  }
}
