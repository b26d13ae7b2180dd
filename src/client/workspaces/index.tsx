// The classic shell's top-bar entry to the workspace page (like the workflow "todos" icon), shown
// to anyone whose roles have a workspace. The page itself is routed in both shells by
// src/client-v2/pages.ts. Called from ../index.tsx.
import { ScheduleOutlined } from '@ant-design/icons';
import { PinnedPluginListProvider, useNavigateNoUpdate, type Application } from '@nocobase/client';
import { Button, Tooltip } from 'antd';
import React, { useEffect, useState } from 'react';
import { useT } from '../locale';
import { useWorkspaceApi } from './api';
import { workspaceTabs } from './logic';
import { workspaceExtraTabs } from './slots';
import { WORKSPACE_PATH } from './WorkspacePage';

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

export function addWorkspaceLink(app: Application) {
  app.addProvider(WorkspaceLinkProvider);
}
