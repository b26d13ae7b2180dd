import { defineCollection } from '@nocobase/database';

// Capacity per slot (R-HOL-5), enforced by the database: a booking holds seat n of its slot
// (item × window × start), seatNo ≤ the item's capacity, and (slotKey, seatNo) is unique — so two
// concurrent registrations can never take the same seat, on any dialect, without locks.
export default defineCollection({
  name: 'slotSeats',
  dumpRules: { group: 'log' },
  indexes: [{ unique: true, fields: ['slotKey', 'seatNo'] }],
  fields: [
    { type: 'string', name: 'slotKey', allowNull: false },
    { type: 'integer', name: 'seatNo', allowNull: false },
    { type: 'belongsTo', name: 'booking', target: 'bookings', foreignKey: 'bookingId', onDelete: 'CASCADE' },
  ],
});
