// Tabs other features add to the workspace page — e.g. the window lead's roster and comp-time
// sign-off (src/client/duty). A feature calls registerWorkspaceTab from its client load(); the page
// shows the tab to the roles it names, after the built-in tab it asks for.
import type { ComponentType } from 'react';
import type { ExtraTab } from './logic';
import type { Me } from './api';

export interface WorkspaceTab extends ExtraTab {
  /** A plain text, translated in our namespace. */
  title: string;
  Component: ComponentType<{ me: Me }>;
}

const tabs: WorkspaceTab[] = [];

export function registerWorkspaceTab(tab: WorkspaceTab) {
  const at = tabs.findIndex((t) => t.key === tab.key);
  if (at >= 0) tabs.splice(at, 1, tab);
  else tabs.push(tab);
}

export const workspaceExtraTabs = (): readonly WorkspaceTab[] => tabs;
