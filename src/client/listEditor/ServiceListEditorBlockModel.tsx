// The editor as a block of NocoBase 2.2's Modern pages (v2, flow-engine models): a BlockModel
// subclass registered with the flow engine is offered under "Add block" › "Other blocks"; the page
// stores it as a flowModels row `{ use: 'ServiceListEditorBlockModel' }`, so it survives reloads.
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { tval } from '../locale';
import { ServiceListEditor } from './ServiceListEditor';

export class ServiceListEditorBlockModel extends BlockModel {
  renderComponent() {
    // The flow context's `api` is the app's APIClient (same as useAPIClient on Classic pages).
    return <ServiceListEditor api={this.context.api} />;
  }
}

ServiceListEditorBlockModel.define({ label: tval('Service list editor') });
