// 预约服务登记（咨询台）: the desk's registration form as a block. Also offered on Classic pages
// (`classic`, read by src/client/classicBlocks.tsx in the classic shell).
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { RegistrationForm } from '../../client/desk/RegistrationForm';
import { blockLabel } from './label';

export class DeskRegistrationBlockModel extends BlockModel {
  static classic = { title: 'Registration form (desk)', Component: RegistrationForm, icon: 'FormOutlined' };

  renderComponent() {
    return <RegistrationForm />;
  }
}

DeskRegistrationBlockModel.define({ label: blockLabel('Registration form (desk)') });
