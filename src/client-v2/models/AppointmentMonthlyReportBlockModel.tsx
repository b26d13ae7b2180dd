// 统计与月报: the printable monthly report (R-SUP-3) as a block of its menu page.
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { MonthlyReport } from '../../client/aftercare/MonthlyReport';
import { blockLabel } from './label';

export class AppointmentMonthlyReportBlockModel extends BlockModel {
  renderComponent() {
    return <MonthlyReport />;
  }
}

AppointmentMonthlyReportBlockModel.define({ label: blockLabel('Monthly report') });
