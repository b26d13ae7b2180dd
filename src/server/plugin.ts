import { Plugin } from '@nocobase/server';

// Wiring only: each concern lives in its own file and registers itself here.
export class AppointmentDutyPlugin extends Plugin {
  async load() {}

  async install() {}
}

export default AppointmentDutyPlugin;
