import { Plugin } from '@nocobase/server';
import { registerAcl, ensureRoles } from './acl';
import { BOOKING_ACTIONS } from './actions/bookings';
import { calendarResource } from './actions/calendar';
import { registerDeskLookups } from './actions/availability';
import { forgetCalendars, seedCalendar } from './calendar/store';
import { registerErrorRendering } from './errors';
import { registerSaveRules } from './hooks';
import { registerPhonePrivacy } from './bookings/privacy';
import { seedDemo } from './seed/demo';
import { listInDataSourceManager } from './managed';
import { registerSettings } from './settings';
import { seedDutyDemo } from './seed/dutyDemo';
import { registerDuty } from './duty/register';
import { installWorkflowDefaults, registerWorkflow } from './workflow';
import { registerAftercare } from './aftercare';
import { registerWorkspaces } from './actions/workspaces';

// Wiring only: each concern lives in its own file and registers itself here.
export class AppointmentDutyPlugin extends Plugin {
  async load() {
    registerErrorRendering(this);
    registerSaveRules(this);
    registerAcl(this);
    registerPhonePrivacy(this);
    registerSettings(this);
    registerDuty(this);
    registerWorkflow(this);
    registerAftercare(this);
    // loadCalendar's cache also checks a version on every read (other processes); this covers
    // changes in this process whatever their updatedAt (clock skew between servers, silent saves).
    for (const c of ['calendarDays', 'calendarYears']) {
      for (const e of ['afterSave', 'afterDestroy', 'afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy']) {
        this.db.on(`${c}.${e}`, () => forgetCalendars(this.db));
      }
    }
    this.app.resourceManager.define(calendarResource);
    registerWorkspaces(this);
    this.app.resourceManager.registerActionHandlers(
      Object.fromEntries(Object.entries(BOOKING_ACTIONS).map(([name, handler]) => [`bookings:${name}`, handler])),
    );
    registerDeskLookups(this);
    // Demo data only when asked (npm start sets it): a production OA must not get known passwords.
    // Not a CLI command: NocoBase 2.2.15 aborts loading plugin commands on plugin-file-manager's
    // commands/repair-filenames.js (it has no default export), so ours would never register.
    if (process.env.APPOINTMENT_DUTY_DEMO === 'true') {
      this.app.on('afterStart', async () => {
        await seedDemo(this.db, (msg) => this.log.warn(`demo ${msg}`));
        await seedDutyDemo(this.app, this.db, (msg) => this.log.warn(`demo ${msg}`));
      });
    }
  }

  async install() {
    await seedCalendar(this.db);
    await ensureRoles(this.db);
    await listInDataSourceManager(this.db);
    await installWorkflowDefaults(this.db);
  }
}

export default AppointmentDutyPlugin;
