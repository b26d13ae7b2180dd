// Hand-written declarations of the few APIs of NocoBase 2.2's V2 client and flow engine that the
// web part uses; both shells' pages provide these modules at run time (AMD externals), and none is
// installable here. Checked against nocobase/nocobase v2.2.0: packages/core/client-v2/src/Plugin.ts,
// PluginSettingsManager.ts, flow/models/base/BlockModel.tsx and packages/core/flow-engine/src/flowEngine.ts.
declare module '@nocobase/flow-engine' {
  /** A label NocoBase translates at render time: '{{t("text", { ns })}}'. */
  export function tExpr(text: string, options?: { ns?: string | string[] }): string;

  export interface FlowEngine {
    registerModels(models: Record<string, any>): void;
    getModelClass(name: string): any;
  }
}

declare module '@nocobase/client-v2' {
  import type { ComponentType, ReactNode } from 'react';

  /** A block of a Modern page; a registered subclass is listed under "Add block › Other blocks". */
  export class BlockModel {
    constructor(options?: any);
    uid: string;
    props: Record<string, any>;
    decoratorProps: Record<string, any>;
    context: Record<string, any>;
    renderComponent(): ReactNode;
    setDecoratorProps(props: Record<string, any>): void;
    static define(meta: { label?: string; sort?: number; hide?: boolean; icon?: any; [key: string]: any }): void;
    static registerFlow(flow: Record<string, any>): void;
  }

  export interface PluginSettingsManager {
    /** A menu of the settings centre: /admin/settings/<key> (no '.' in the key). */
    addMenuItem(options: { key: string; title?: ReactNode; icon?: string | ReactNode; sort?: number; aclSnippet?: string; hidden?: boolean; showTabs?: boolean }): void;
    /** A page of a menu; key 'index' is the menu's own path, others /admin/settings/<menuKey>/<key>. */
    addPageTabItem(options: {
      menuKey: string; key: string; title?: ReactNode; Component?: ComponentType<any>; sort?: number; aclSnippet?: string; hidden?: boolean;
    }): void;
  }

  export class Plugin<T = any> {
    constructor(options: T, app: any);
    options: T;
    protected app: any;
    get flowEngine(): import('@nocobase/flow-engine').FlowEngine;
    get pluginSettingsManager(): PluginSettingsManager;
    afterAdd(): Promise<void>;
    beforeLoad(): Promise<void>;
    load(): Promise<void>;
  }
}

// Provided by the V2 page (its globalDeps); the classic bundle does not use it.
declare module 'react-router-dom' {
  export function useNavigate(): (to: string, options?: { replace?: boolean }) => void;
}
