export { default } from './plugin';
export { seedDemo, DEMO_USERS } from './seed/demo';
export { seedDutyDemo } from './seed/dutyDemo';
export { bookingScheduler } from './workflow';
export { clock } from './shared/clock';
// The booking service and the acting pieces, for code in the same process that acts as a user
// (other plugins, seeds, tests) — the same functions the HTTP actions call.
export * as bookingService from './bookings/service';
export { actorOfUser, inWriteTransaction } from './shared/acting';
