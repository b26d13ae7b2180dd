import { Migration } from '@nocobase/server';
import { PHONE_SEALED, phoneColumns } from '../src/server/bookings/phoneVault';

// 0.2.0 → 0.3.0 (R-X-2): bookings stored the applicant's full number in `applicantPhone`. Each such
// row now keeps the mask there, the keyed hash and the sealed number (src/server/bookings/phoneVault.ts).
// Idempotent: a row already sealed, or holding a mask, is left as it is.
export default class SealApplicantPhones extends Migration {
  on = 'afterLoad';

  async up() {
    const model: any = this.db.getModel('bookings');
    const { Op } = require('@nocobase/database');
    for (;;) {
      const rows: any[] = await model.findAll({
        attributes: ['id', 'applicantPhone'],
        where: { [PHONE_SEALED]: null, applicantPhone: { [Op.and]: [{ [Op.ne]: null }, { [Op.ne]: '' }, { [Op.notLike]: '%*%' }] } },
        order: [['id', 'ASC']],
        limit: 500,
      });
      if (!rows.length) return;
      await this.db.sequelize.transaction(async (transaction) => {
        for (const r of rows) {
          // hooks: false — the values are already the sealed forms; the save hook would seal the mask.
          await model.update(phoneColumns(r.get('applicantPhone')), { where: { id: r.get('id') }, hooks: false, transaction });
        }
      });
    }
  }
}
