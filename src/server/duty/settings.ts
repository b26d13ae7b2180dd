// The one place duty code reads its settings from: the stored `duty` section (预约+无休 › 基本设置),
// completed with the defaults and checked (src/server/settings).
import type { Database, Transaction } from '@nocobase/database';
import type { DutyRosterSettings } from '../../rules/dutySettings';
import { loadSection } from '../settings/store';

export function loadDutySettings(db: Database, opts: { transaction?: Transaction } = {}): Promise<DutyRosterSettings> {
  return loadSection<DutyRosterSettings>(db, 'duty', opts);
}
