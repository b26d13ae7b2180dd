// Classic pages (v1, schema initializers) of the classic shell: each block model with a static
// `classic` (src/client-v2/models) is also an item of the `page:addBlock` initializer's "Other
// blocks" group. It inserts a schema node `{ x-component: '<model name>Block' }` with a settings
// menu that can remove it (`blockSettings:<model name>`), as plugin-block-iframe does. The
// component takes no props, so it is the same one the Modern block renders.
import React from 'react';
import type { ComponentType } from 'react';
import {
  SchemaInitializerItem, SchemaSettings, useSchemaInitializer, useSchemaInitializerItem, type Application,
} from '@nocobase/client';
import { tval } from './locale';

export interface ClassicBlock {
  /** English text, translated in our namespace. */
  title: string;
  Component: ComponentType<{}>;
  /** An @ant-design/icons name. */
  icon?: string;
}

/** The classic schema node of a block (exported for tests and demo seeds). */
export function classicBlockSchema(name: string) {
  return {
    type: 'void',
    'x-decorator': 'CardItem',
    'x-component': `${name}Block`,
    'x-settings': `blockSettings:${name}`,
    'x-toolbar': 'BlockSchemaToolbar',
  };
}

function offer(app: Application, name: string, block: ClassicBlock) {
  app.addComponents({ [`${name}Block`]: block.Component });
  app.schemaSettingsManager.add(new SchemaSettings({ name: `blockSettings:${name}`, items: [{ name: 'remove', type: 'remove' }] }));
  const Initializer = () => {
    const { insert } = useSchemaInitializer();
    const item = useSchemaInitializerItem();
    return <SchemaInitializerItem {...item} icon={block.icon} onClick={() => insert(classicBlockSchema(name))} />;
  };
  app.schemaInitializerManager.addItem('page:addBlock', `otherBlocks.${name}`, { title: tval(block.title), Component: Initializer });
}

/** Offers on Classic pages every model that declares `static classic`. */
export function offerOnClassicPages(app: Application, models: Record<string, object>) {
  for (const [name, Model] of Object.entries(models)) {
    const classic = (Model as { classic?: ClassicBlock }).classic;
    if (classic) offer(app, name, classic);
  }
}
