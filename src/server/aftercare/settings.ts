// The one place the after-service numbers are read from (R-AFT-2 rating window, case deadlines,
// overdue points): the stored `aftercare` section (预约+无休 › 基本设置), completed and checked.
import type { Database, Transaction } from '@nocobase/database';
import type { AftercareSettings } from '../../rules/aftercareSettings';
import { loadSection } from '../settings/store';

export function loadAftercareSettings(db: Database, opts: { transaction?: Transaction } = {}): Promise<AftercareSettings> {
  return loadSection<AftercareSettings>(db, 'aftercare', opts);
}
