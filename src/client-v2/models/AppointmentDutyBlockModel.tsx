// 值班与调休 as a block of its menu page (the page shows the title, so the block does not).
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { DutyPage } from '../../client/duty/DutyPage';
import { blockLabel } from './label';

export class AppointmentDutyBlockModel extends BlockModel {
  renderComponent() {
    return <DutyPage titled={false} />;
  }
}

AppointmentDutyBlockModel.define({ label: blockLabel('Duty and comp time') });
