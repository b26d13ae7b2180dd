// R-CAL-4 a year as Excel with the words people read: the calendar's select options (day kind,
// source) are tval templates ({{t("Make-up workday", { ns })}}) that the web client compiles.
// NocoBase's Excel export translates an option label in namespace "lm-collections" and its import
// compares the raw label only, so on their own the sheet would show (and need) the template. Here:
// the export gets each template's translation in lm-collections (zh-CN, en-US), and the import of
// calendarDays also accepts those translations (either language) besides the stored codes.
import type { Plugin } from '@nocobase/server';
import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';

const TEXTS: Record<string, Record<string, string>> = { 'zh-CN': zhCN, 'en-US': enUS };
const TEMPLATE = /^\{\{\s*t\(\s*("(?:[^"\\]|\\.)*")/;
/** The collections whose select options this applies to. */
const COLLECTIONS = ['calendarDays', 'calendarYears'];

/** The English text inside a tval template, or null when the label is not one. */
function keyOf(label: unknown): string | null {
  const m = typeof label === 'string' ? TEMPLATE.exec(label) : null;
  return m ? JSON.parse(m[1]) : null;
}

function enumOptions(plugin: Plugin): { label: string; value: string }[] {
  return COLLECTIONS.flatMap((name) =>
    [...(plugin.db.getCollection(name)?.fields.values() ?? [])].flatMap((f: any) => f.options?.uiSchema?.enum ?? []));
}

export function registerExcelLabels(plugin: Plugin) {
  // Export: lm-collections translations of our templates (an admin's own entries there win).
  for (const [lang, texts] of Object.entries(TEXTS)) {
    const bundle: Record<string, string> = {};
    for (const o of enumOptions(plugin)) {
      const key = keyOf(o.label);
      if (key && texts[key]) bundle[o.label] = texts[key];
    }
    plugin.app.i18n.addResourceBundle(lang, 'lm-collections', bundle, true, false);
  }
  // Import: our collections' select fields also take the translated label.
  const manager: any = (plugin.db as any).interfaceManager;
  const Select = manager?.getInterfaceType('select');
  if (!Select) return;
  class TranslatedSelect extends Select {
    async toValue(str: string, ctx?: any) {
      try {
        return await super.toValue(str, ctx);
      } catch (e) {
        if (!COLLECTIONS.includes(ctx?.field?.collection?.name)) throw e;
        const option = ((this as any).options?.uiSchema?.enum ?? []).find((o: any) => {
          const key = keyOf(o.label);
          return key && Object.values(TEXTS).some((texts) => texts[key] === String(str).trim());
        });
        if (!option) throw e;
        return option.value;
      }
    }
  }
  manager.registerInterfaceType('select', TranslatedSelect);
}
