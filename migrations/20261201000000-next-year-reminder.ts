import { Migration } from '@nocobase/server';
import { installWorkflowDefaults } from '../src/server/workflow/defaults';

// 0.2.0 → 0.3.0: the weekly "next year's calendar not entered" reminder (R-CAL-4) came after the
// other default workflows; an upgraded app gets it as a fresh install does. Created once by key,
// never overwritten; harmless on a fresh install.
export default class NextYearReminder extends Migration {
  on = 'afterLoad';

  async up() {
    await installWorkflowDefaults(this.db);
  }
}
