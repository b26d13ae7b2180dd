// One call puts a plain React block into NocoBase's "Add block" menu (issue 6):
//
//  - Modern pages (v2, flow engine): a subclass of client-v2's BlockModel registered with
//    `flowEngine.registerModels`. NocoBase lists every direct BlockModel subclass under
//    "Add block › Other blocks" (client-v2 BlockGridModel: subModelBaseClasses), renders it in its
//    block card (BlockModel.render → BlockItemCard) and stores it as a flow model of the page.
//  - Classic pages (v1, schema initializers): an item in the `page:addBlock` initializer's
//    "Other blocks" group that inserts a schema node `{ x-component: <name>Block }` with a settings
//    menu that can remove it (`blockSettings:<name>`), as plugin-block-iframe does.
//
// The component gets no props from either host: it reads what it needs (API client, texts) from
// the plugin, so the same component works on both page kinds.
import React from 'react';
import type { ComponentType, ReactNode } from 'react';
import {
  Plugin, SchemaInitializerItem, SchemaSettings, useSchemaInitializer, useSchemaInitializerItem,
} from '@nocobase/client';
import { BlockModel } from '@nocobase/client-v2';
import { tExpr } from '@nocobase/flow-engine';
import { NS } from '../../constants';
import { tval } from '../locale';

export interface BlockSpec {
  /** Model name on Modern pages, e.g. 'DeskRegistrationBlockModel'; also keys the classic parts. */
  name: string;
  /** English text, translated in the plugin's namespace (zh-CN in src/client/<feature>/locale). */
  title: string;
  Component: ComponentType<{}>;
  /** Icon of the classic menu item (the Modern menu shows labels only). */
  icon?: ReactNode;
  /** Also offer the block on Classic pages (default true). */
  classic?: boolean;
}

/** The classic schema node of a block (exported for tests and demo seeds). */
export function classicBlockSchema(spec: Pick<BlockSpec, 'name'>) {
  return {
    type: 'void',
    'x-decorator': 'CardItem',
    'x-component': `${spec.name}Block`,
    'x-settings': `blockSettings:${spec.name}`,
    'x-toolbar': 'BlockSchemaToolbar',
  };
}

function registerModernBlock(plugin: Plugin, spec: BlockSpec) {
  const { Component } = spec;
  class ReactBlockModel extends BlockModel {
    renderComponent() {
      return <Component />;
    }
  }
  ReactBlockModel.define({ label: tExpr(spec.title, { ns: [NS, 'client'] }) });
  // The key is the model's stored name (registerModels also sets the class's `name` from it).
  plugin.flowEngine.registerModels({ [spec.name]: ReactBlockModel });
}

function registerClassicBlock(plugin: Plugin, spec: BlockSpec) {
  const app = (plugin as any).app;
  app.addComponents({ [`${spec.name}Block`]: spec.Component });
  app.schemaSettingsManager.add(
    new SchemaSettings({ name: `blockSettings:${spec.name}`, items: [{ name: 'remove', type: 'remove' }] }),
  );
  const Initializer = () => {
    const { insert } = useSchemaInitializer();
    const item = useSchemaInitializerItem();
    return <SchemaInitializerItem {...item} icon={spec.icon} onClick={() => insert(classicBlockSchema(spec))} />;
  };
  app.schemaInitializerManager.addItem('page:addBlock', `otherBlocks.${spec.name}`, {
    title: tval(spec.title),
    Component: Initializer,
  });
}

export function registerBlock(plugin: Plugin, spec: BlockSpec) {
  registerModernBlock(plugin, spec);
  if (spec.classic !== false) registerClassicBlock(plugin, spec);
}
