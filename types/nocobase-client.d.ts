// Hand-written declaration of the few @nocobase/client 2.2 APIs our web part uses.
// @nocobase/client cannot be installed here (its deps client-v2 / flow-engine are not in the
// registry); the host page provides it at runtime. Checked against nocobase/nocobase
// packages/core/client/src/application/{Plugin,PluginSettingsManager}.ts and api-client/.
declare module '@nocobase/client' {
  import type { ComponentType, ReactNode } from 'react';

  export interface PluginSettingOptions {
    title: any;
    /** Default: an Outlet (a group whose sub-pages are `<name>.<sub>`, shown as tabs). */
    Component?: ComponentType<any>;
    icon?: string | ReactNode;
    /** Smaller first. */
    sort?: number;
    /** Default `pm.<name>`. */
    aclSnippet?: string;
    link?: string;
    isTopLevel?: boolean;
    isPinned?: boolean;
    showTabs?: boolean;
    [key: string]: any;
  }

  export interface PluginSettingsManager {
    /** Dotted names nest: 'a.b' is a sub-page of 'a', routed at /admin/settings/a/b. */
    add(name: string, options: PluginSettingOptions): void;
    remove(name: string): void;
    has(name: string): boolean;
    getRoutePath(name: string): string;
  }

  /** An i18next instance. */
  export interface I18nInstance {
    language: string;
    t(key: string, options?: Record<string, unknown>): string;
    addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
  }

  export interface APIRequestConfig {
    url: string;
    method?: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'GET' | 'POST';
    params?: Record<string, unknown>;
    data?: unknown;
    headers?: Record<string, string>;
    /** Do not show NocoBase's global error notification for this request. */
    skipNotify?: boolean | ((error: any) => boolean);
  }

  export interface APIResponse<T = any> {
    data: T;
    status: number;
    headers: Record<string, string>;
  }

  export interface APIClient {
    request<T = any>(config: APIRequestConfig): Promise<APIResponse<T>>;
  }

  export interface Application {
    pluginSettingsManager: PluginSettingsManager;
    i18n: I18nInstance;
    apiClient: APIClient;
    pm: { get(name: any): any };
    /** react-router routes: dotted names nest ('admin.x' renders inside the admin layout). */
    router: { add(name: string, options: { path?: string; Component?: ComponentType<any> | string; [key: string]: any }): void };
  }

  export class Plugin<T = any> {
    constructor(options: T, app: Application);
    options: T;
    protected app: Application;
    get pluginSettingsManager(): PluginSettingsManager;
    get pm(): { get(name: any): any };
    afterAdd(): Promise<void>;
    beforeLoad(): Promise<void>;
    load(): Promise<void>;
    /** Translates in the plugin's own namespace (its package name). */
    t(text: string, options?: Record<string, unknown>): string;
  }

  export function useAPIClient(): APIClient;
  export function useApp(): Application;
  export function usePlugin<T = any>(plugin: string | (new (...args: any[]) => T)): T;
}
