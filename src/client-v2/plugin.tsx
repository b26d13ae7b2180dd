// Web part of @govhall/plugin-appointment-duty for NocoBase 2.2's V2-only shell (/v/, which loads
// dist/client-v2 only): the same host seam, texts, blocks and pages as the classic entry
// (src/client/index.tsx). This bundle may import nothing the V2 page does not provide — no
// @nocobase/client, no @nocobase/plugin-workflow/client (the build refuses them).
import { Plugin } from '@nocobase/client-v2';
import React, { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { NS, SETTINGS_KEY } from '../constants';
import { setHost } from './host';
import { registerBlocks } from './models';
import { SETTINGS_GROUP, SETTINGS_PAGES, SETTINGS_SNIPPET, addPages } from './pages';
import { registerWebTexts } from './texts';
import { registerMenuTitles } from '../client/menu';

/** The group's own URL opens its first page, as the classic settings centre does. */
const FirstSettingsPage = () => {
  const navigate = useNavigate();
  useEffect(() => navigate(SETTINGS_PAGES[0].key, { replace: true }), [navigate]);
  return null;
};

export class AppointmentDutyClientV2 extends Plugin {
  async load() {
    const app = this.app as any;
    setHost({ api: app.apiClient, i18n: app.i18n, basename: app.router.getBasename?.() ?? '/v' });
    registerWebTexts(app.i18n);
    registerMenuTitles(app.i18n);
    registerBlocks(this.flowEngine);
    addPages(app.router);
    this.addSettingsPages();
  }

  private addSettingsPages() {
    const settings = this.pluginSettingsManager;
    // V2 settings titles are plain nodes, not compiled '{{t()}}' templates: translate now.
    const t = (text: string) => this.app.i18n.t(text, { ns: [NS, 'client'] });
    settings.addMenuItem({ key: SETTINGS_KEY, title: t(SETTINGS_GROUP.title), icon: SETTINGS_GROUP.icon, aclSnippet: SETTINGS_SNIPPET });
    settings.addPageTabItem({ menuKey: SETTINGS_KEY, key: 'index', hidden: true, Component: FirstSettingsPage, aclSnippet: SETTINGS_SNIPPET });
    for (const page of SETTINGS_PAGES) {
      settings.addPageTabItem({
        menuKey: SETTINGS_KEY, key: page.key, title: t(page.title), Component: page.Component, aclSnippet: SETTINGS_SNIPPET, sort: page.sort,
      });
    }
  }
}

export default AppointmentDutyClientV2;
