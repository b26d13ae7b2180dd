export { default } from './plugin';
export { seedDemo, DEMO_USERS } from './seed/demo';
export { bookingScheduler } from './workflow';
