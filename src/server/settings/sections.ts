// Every feature's settings section, registered once here (one line per feature). The booking
// engine's own section registers itself in src/rules/settings.ts. A feature then reads its numbers
// with `loadSection(db, '<key>', { transaction })` (src/server/settings/store.ts), and the settings
// page shows the section without further code (src/client/settings/GeneralSettings.tsx).
//
// e.g. registerSettingsSection('duty', { defaults: DUTY_SETTINGS_DEFAULTS, check: checkDutySettings });
//      registerSettingsSection('aftercare', { defaults: AFTERCARE_SETTINGS_DEFAULTS, check: checkAftercareSettings,
//        complete: aftercareWithDefaults });
import '../../rules/settings';
import { registerSettingsSection } from '../../rules/settings';
import { DUTY_SETTINGS_DEFAULTS, checkDutySettings } from '../../rules/dutySettings';
import { AFTERCARE_SETTINGS_DEFAULTS, aftercareWithDefaults, checkAftercareSettings } from '../../rules/aftercareSettings';

registerSettingsSection('duty', { defaults: DUTY_SETTINGS_DEFAULTS, check: checkDutySettings });
registerSettingsSection('aftercare', {
  defaults: AFTERCARE_SETTINGS_DEFAULTS, check: checkAftercareSettings, complete: aftercareWithDefaults,
});
