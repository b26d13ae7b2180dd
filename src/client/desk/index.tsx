// The desk's web part: the registration form and the desk's own list (blocks,
// src/client-v2/models/Desk*BlockModel) and the printable 登记表 of any booking (a route of both
// shells, src/client-v2/pages.ts).
export { RegistrationForm } from './RegistrationForm';
export { DeskBookings } from './DeskBookings';
export { PrintPage } from './PrintSheet';

export const DESK_BLOCK = 'DeskRegistrationBlockModel';
/** The desk's own list (recorded today / upcoming, look-up, reprint), beside the form on 预约登记. */
export const DESK_LIST_BLOCK = 'DeskBookingsBlockModel';
/** Any booking's 登记表, e.g. linked from a bookings table: /admin/appointment-duty/bookings/12/print */
export const PRINT_PATH = '/admin/appointment-duty/bookings/:id/print';
