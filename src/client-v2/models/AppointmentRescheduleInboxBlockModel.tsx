// A workspace as a block: the section's reschedule approvals (变更审批), shown only to the roles it is for.
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { WorkspaceBlock } from '../../client/workspaces/blocks';
import { blockLabel } from './label';

export class AppointmentRescheduleInboxBlockModel extends BlockModel {
  renderComponent() {
    return <WorkspaceBlock tab="reschedules" />;
  }
}

AppointmentRescheduleInboxBlockModel.define({ label: blockLabel('Appointment workspace: Reschedule approvals') });
