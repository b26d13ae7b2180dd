// Web part of the duty feature: the page (routed by src/client-v2/pages.ts) and its panes.
export { CompTimeSignOff } from './CompTimeSignOff';
export { MyDuty, WindowRoster } from './ShiftTable';
export { MyCompTime } from './MyCompTime';
export { DutyPage } from './DutyPage';

/** Inside the admin layout (menu bar, signed-in check) for every role; a static path wins over /admin/:name. */
export const DUTY_PAGE_PATH = '/admin/appointment-duty';
