// The one place the after-service numbers are read from (R-AFT-2 rating window, case deadlines,
// overdue points). Defaults for now: the stored settings store is built on another branch, and its
// `aftercare` section plugs in here at merge — nothing else reads the numbers.
import type { Database, Transaction } from '@nocobase/database';
import { AftercareSettings, aftercareWithDefaults, checkAftercareSettings } from '../../rules/aftercareSettings';

export async function loadAftercareSettings(_db: Database, _opts: { transaction?: Transaction } = {}): Promise<AftercareSettings> {
  const settings = aftercareWithDefaults(null);
  const problem = checkAftercareSettings(settings);
  if (problem) throw problem;
  return settings;
}
