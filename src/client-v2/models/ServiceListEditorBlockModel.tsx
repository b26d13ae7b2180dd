// 服务事项清单: the admin's service-list editor as a block (Modern pages only).
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { ServiceListEditor } from '../../client/listEditor/ServiceListEditor';
import { hostApi } from '../host';
import { blockLabel } from './label';

export class ServiceListEditorBlockModel extends BlockModel {
  renderComponent() {
    return <ServiceListEditor api={hostApi()} />;
  }
}

ServiceListEditorBlockModel.define({ label: blockLabel('Service list editor') });
