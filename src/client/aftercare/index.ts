// Web part of the after-service feature: the printable monthly report page (R-SUP-3, R-SUP-1),
// routed inside the admin layout of both shells at /admin/aftercare/report (src/client-v2/pages.ts).
export { MonthlyReport } from './MonthlyReport';

export const REPORT_PATH = '/admin/aftercare/report';
