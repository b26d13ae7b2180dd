// Hand-written declarations of the classic-shell host APIs the blocks use (the host page provides
// these packages at run time; none is installable here). Checked against nocobase/nocobase v2.2:
// packages/core/client/src/schema-initializer and schema-settings, and the installed
// @nocobase/plugin-block-markdown 2.2.15 dist/client. The V2 client and flow engine: types/nocobase-client-v2.d.ts.
declare module '@nocobase/client' {
  import type { ComponentType, FC } from 'react';

  export interface SchemaInitializerItemOptions {
    title?: string;
    Component?: ComponentType<any> | string;
    [key: string]: any;
  }

  export interface Application {
    addComponents(components: Record<string, ComponentType<any>>): void;
    schemaInitializerManager: {
      addItem(initializerName: string, itemName: string, options: SchemaInitializerItemOptions): void;
      get(name: string): { add(name: string, options: SchemaInitializerItemOptions): void } | undefined;
    };
    schemaSettingsManager: { add(settings: SchemaSettings): void };
    router: { add(name: string, route: { path: string; Component?: ComponentType<any>; element?: any }): void };
  }

  export interface Plugin {
    /** The flow engine of Modern pages (v2). */
    flowEngine: import('@nocobase/flow-engine').FlowEngine;
  }

  export class SchemaSettings {
    constructor(options: { name: string; items: { name: string; type?: string; [key: string]: any }[] });
  }
  export const SchemaInitializerItem: FC<Record<string, any>>;
  export function useSchemaInitializer(): { insert(schema: Record<string, any>): void };
  export function useSchemaInitializerItem(): Record<string, any>;
}

declare module 'react-dom' {
  import type { ReactNode } from 'react';
  export function createPortal(children: ReactNode, container: Element): any;
}

declare module 'antd' {
  import type { FC } from 'react';
  export const DatePicker: FC<Record<string, any>>;
  export const Result: FC<Record<string, any>>;
  export const Descriptions: FC<Record<string, any>> & { Item: FC<Record<string, any>> };
  export const Divider: FC<Record<string, any>>;
  export interface FormInstance {
    setFields(fields: { name: string; errors?: string[]; value?: unknown }[]): void;
  }
}

declare module '@ant-design/icons' {
  import type { FC } from 'react';
  export const PrinterOutlined: FC<Record<string, any>>;
  export const FormOutlined: FC<Record<string, any>>;
  export const ArrowLeftOutlined: FC<Record<string, any>>;
}
