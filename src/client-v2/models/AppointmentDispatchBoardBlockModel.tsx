// A workspace as a block: the section's dispatch board (派单), shown only to the roles it is for.
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { WorkspaceBlock } from '../../client/workspaces/blocks';
import { blockLabel } from './label';

export class AppointmentDispatchBoardBlockModel extends BlockModel {
  renderComponent() {
    return <WorkspaceBlock tab="dispatch" />;
  }
}

AppointmentDispatchBoardBlockModel.define({ label: blockLabel('Appointment workspace: Dispatch board') });
