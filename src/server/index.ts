export { default } from './plugin';
export { seedDemo, DEMO_USERS } from './seed/demo';
export { seedDutyDemo } from './seed/dutyDemo';
export { bookingScheduler } from './workflow';
