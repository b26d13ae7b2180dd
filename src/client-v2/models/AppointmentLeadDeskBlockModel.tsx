// A workspace as a block: the window lead's sign-for list (签收与指派), shown only to the roles it is for.
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { WorkspaceBlock } from '../../client/workspaces/blocks';
import { blockLabel } from './label';

export class AppointmentLeadDeskBlockModel extends BlockModel {
  renderComponent() {
    return <WorkspaceBlock tab="sign" />;
  }
}

AppointmentLeadDeskBlockModel.define({ label: blockLabel('Appointment workspace: Sign for and assign') });
