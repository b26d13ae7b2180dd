// Hand-written declarations for the extra antd / @nocobase/client names the role workspaces use
// (src/client/workspaces). Merged with types/antd.d.ts and types/nocobase-client.d.ts.
declare module 'antd' {
  import type { FC, ReactNode } from 'react';

  type WsProps = Record<string, any> & { children?: ReactNode };
  type WsC = FC<WsProps>;

  export const Table: WsC;
  export const Tabs: WsC;
  export const Drawer: WsC;
  export const Timeline: WsC;
  export const Descriptions: WsC & { Item: WsC };
  export const DatePicker: WsC;
  export const Badge: WsC;
  export const Checkbox: WsC;
  export const Segmented: WsC;
  export const Divider: WsC;
}

declare module '@ant-design/icons' {
  import type { FC } from 'react';
  type WsIcon = FC<Record<string, any>>;
  export const ScheduleOutlined: WsIcon;
  export const HistoryOutlined: WsIcon;
  export const SendOutlined: WsIcon;
  export const PhoneOutlined: WsIcon;
  export const WarningOutlined: WsIcon;
}

declare module '@nocobase/client' {
  import type { ComponentType, ReactNode } from 'react';

  export interface RouteOptions {
    path?: string;
    Component?: ComponentType<any> | string;
    element?: ReactNode;
  }

  export interface RouterManager {
    add(name: string, route: RouteOptions): void;
  }

  export interface Application {
    router: RouterManager;
    addProvider(component: ComponentType<any>, props?: Record<string, unknown>): void;
  }

  export interface PinnedPluginListItem {
    component: ComponentType<any> | string;
    pin?: boolean;
    snippet?: string;
    order?: number;
  }

  /** Adds entries to the top bar's pinned list (as the workflow tasks icon does). */
  export const PinnedPluginListProvider: ComponentType<{ items: Record<string, PinnedPluginListItem>; children?: ReactNode }>;
}

declare module '@nocobase/client' {
  /** navigate() without re-rendering on every location change (NocoBase's wrapper of react-router's). */
  export function useNavigateNoUpdate(): (to: string, options?: { replace?: boolean }) => void;
}
