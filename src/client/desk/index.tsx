// The desk's web part: the registration form block (Modern and Classic pages) and the print route.
import React from 'react';
import type { Plugin } from '@nocobase/client';
import { FormOutlined } from '@ant-design/icons';
import { registerTexts } from '../locale';
import { registerBlock } from '../blocks/registerBlock';
import { setDeskEnv } from './env';
import { PrintPage } from './PrintSheet';
import { RegistrationForm } from './RegistrationForm';
import enUS from './locale/en-US.json';
import zhCN from './locale/zh-CN.json';

export const DESK_BLOCK = 'DeskRegistrationBlockModel';
export const PRINT_PATH = '/admin/appointment-duty/bookings/:id/print';

export function registerDesk(plugin: Plugin) {
  const app = (plugin as any).app;
  registerTexts(app.i18n, { 'zh-CN': zhCN, 'en-US': enUS });
  setDeskEnv({ api: app.apiClient, i18n: app.i18n });
  registerBlock(plugin, { name: DESK_BLOCK, title: 'Registration form (desk)', Component: RegistrationForm, icon: <FormOutlined /> });
  // Any booking's 登记表, e.g. linked from a bookings table: /admin/appointment-duty/bookings/12/print
  app.router.add('admin.appointment-duty-print', { path: PRINT_PATH, Component: PrintPage });
}
