// The one place duty code reads its settings from. Today: the defaults (validated); when the
// plugin's stored settings land, this reads the stored `duty` section and completes it.
import type { Database, Transaction } from '@nocobase/database';
import { DutyRosterSettings, checkDutySettings } from '../../rules/dutySettings';

const DEFAULTS = checkDutySettings({});

export async function loadDutySettings(db: Database, _opts: { transaction?: Transaction } = {}): Promise<DutyRosterSettings> {
  void db;
  return DEFAULTS;
}
