import { Plugin } from '@nocobase/client';
export class AppointmentDutyClient extends Plugin {}
export default AppointmentDutyClient;
