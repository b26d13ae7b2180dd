// A workspace as a block: the window staff's own bookings (我的预约), shown only to the roles it is for.
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { WorkspaceBlock } from '../../client/workspaces/blocks';
import { blockLabel } from './label';

export class AppointmentMyBookingsBlockModel extends BlockModel {
  renderComponent() {
    return <WorkspaceBlock tab="mine" />;
  }
}

AppointmentMyBookingsBlockModel.define({ label: blockLabel('Appointment workspace: My bookings') });
