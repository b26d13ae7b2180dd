// Wiring of the role workspaces: the page route inside the admin layout and a top-bar entry (like
// the workflow "todos" icon) shown to anyone whose roles have a workspace. Called from ../index.tsx.
import { ScheduleOutlined } from '@ant-design/icons';
import { PinnedPluginListProvider, useNavigateNoUpdate, type Application } from '@nocobase/client';
import { Button, Tooltip } from 'antd';
import React, { useEffect, useState } from 'react';
import { registerTexts, useT } from '../locale';
import { useWorkspaceApi } from './api';
import enUS from './locale/en-US.json';
import zhCN from './locale/zh-CN.json';
import { registerWorkspaceBlocks } from './blocks';
import { workspaceTabs } from './logic';
import { workspaceExtraTabs } from './slots';
import { WORKSPACE_PATH, WorkspacePage } from './WorkspacePage';

export { registerWorkspaceTab } from './slots';
export { WORKSPACE_PATH };

const WorkspaceLink = () => {
  const { t } = useT();
  const api = useWorkspaceApi();
  const navigate = useNavigateNoUpdate();
  const [show, setShow] = useState(false);
  useEffect(() => {
    let live = true;
    api.me().then(
      (me) => live && setShow(workspaceTabs(me?.roles || [], workspaceExtraTabs()).length > 0),
      () => live && setShow(false),
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (!show) return null;
  return (
    <Tooltip title={t('Appointment workspace')}>
      <Button icon={<ScheduleOutlined />} data-testid="workspace-link" aria-label={t('Appointment workspace')}
        onClick={() => navigate(WORKSPACE_PATH)} />
    </Tooltip>
  );
};

const WorkspaceLinkProvider = ({ children }: { children?: any }) => (
  <PinnedPluginListProvider items={{ appointmentWorkspace: { component: WorkspaceLink, pin: true, snippet: '*' } }}>
    {children}
  </PinnedPluginListProvider>
);

export function registerWorkspaces(app: Application) {
  registerTexts(app.i18n, { 'zh-CN': zhCN, 'en-US': enUS });
  app.router.add('admin.appointmentDutyWorkspace', { path: WORKSPACE_PATH, Component: WorkspacePage });
  app.addProvider(WorkspaceLinkProvider);
  registerWorkspaceBlocks(app);
}
