import { Plugin } from '@nocobase/server';
import { registerAcl, ensureRoles, restrictFieldLists } from './acl';
import { BOOKING_ACTIONS } from './actions/bookings';
import { calendarResource } from './actions/calendar';
import { registerDeskLookups } from './actions/availability';
import { forgetCalendars, seedCalendar } from './calendar/store';
import { registerErrorRendering } from './errors';
import { registerSaveRules } from './hooks';
import { registerPhoneVault } from './bookings/phoneVault';
import { registerBookingReads } from './bookings/reads';
import { registerBookingLookup } from './bookings/lookup';
import { registerIntegrity } from './integrity';
import { registerFieldLists } from './fieldLists';
import { seedDemo } from './seed/demo';
import { listInDataSourceManager } from './managed';
import { registerSettings } from './settings';
import { seedDutyDemo } from './seed/dutyDemo';
import { registerDuty } from './duty/register';
import { installWorkflowDefaults, registerWorkflow } from './workflow';
import { registerAftercare } from './aftercare';
import { registerWorkspaces } from './actions/workspaces';
import { hideMenuOnDisable, installMenu, showMenuOnEnable } from './menu/install';
import { takeSqliteTurns } from './sqliteTurns';
import { registerExcelLabels } from './calendar/excelLabels';

// Wiring only: each concern lives in its own file and registers itself here.
export class AppointmentDutyPlugin extends Plugin {
  // As early as the app allows: SQLite's one connection is taken in turns (sqliteTurns.ts).
  afterAdd() {
    takeSqliteTurns(this.db, (msg) => this.log.warn(msg));
  }

  async load() {
    // In the test apps the app's afterStart has 11 listeners, 10 of them NocoBase's and its plugins'
    // (Node's default limit is 10). Ours (the reminder tick, the sweeps, the demo) are one each,
    // registered once per app. Room for them, so Node does not report a leak that is not one.
    this.app.setMaxListeners(Math.max(this.app.getMaxListeners(), 20));
    registerErrorRendering(this);
    registerSaveRules(this);
    registerAcl(this);
    registerPhoneVault(this.db);
    registerBookingReads(this);
    registerIntegrity(this);
    registerFieldLists(this);
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
    registerExcelLabels(this);
    registerWorkspaces(this);
    this.app.resourceManager.registerActionHandlers(
      Object.fromEntries(Object.entries(BOOKING_ACTIONS).map(([name, handler]) => [`bookings:${name}`, handler])),
    );
    registerDeskLookups(this);
    registerBookingLookup(this);
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
    // Listing before the roles: plugin-acl's fields.afterCreate rewrites every grant of a collection
    // once per listed field (10 s of a 19 s install when the grants came first).
    await listInDataSourceManager(this.db);
    await ensureRoles(this.db);
    // Our grants' field lists, whatever listing or an earlier version left in them.
    await restrictFieldLists(this.db);
    await installWorkflowDefaults(this.db);
    await installMenu(this.db);
  }

  // The menu's pages hold our blocks: hidden while the plugin is off, shown again when it is back.
  async afterDisable() {
    await hideMenuOnDisable(this.db);
  }

  async afterEnable() {
    await showMenuOnEnable(this.db);
  }
}

export default AppointmentDutyPlugin;
