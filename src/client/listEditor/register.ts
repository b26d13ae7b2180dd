// Wires the service-list editor into the app: its texts and its Modern-page block.
// (Classic pages (v1) are not offered: see README › Service-list editor.)
import { registerTexts } from '../locale';
import enUS from './locale/en-US.json';
import zhCN from './locale/zh-CN.json';
import { ServiceListEditorBlockModel } from './ServiceListEditorBlockModel';

/** The parts of a client Plugin this needs (`flowEngine` is the host's FlowEngine, 2.x). */
interface PluginLike {
  app: { i18n: any };
  flowEngine: { registerModels(models: Record<string, unknown>): void };
}

export function registerListEditor(plugin: PluginLike) {
  registerTexts(plugin.app.i18n, { 'zh-CN': zhCN, 'en-US': enUS });
  plugin.flowEngine.registerModels({ ServiceListEditorBlockModel });
}
