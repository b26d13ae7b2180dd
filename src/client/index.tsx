// Web part of @govhall/plugin-appointment-duty for the classic shell (/admin, dist/client): wiring
// only. What both shells share — the host seam, texts, blocks and pages — is src/client-v2, which
// the V2 shell (/v/admin, dist/client-v2) loads through src/client-v2/plugin.tsx.
import { Plugin } from '@nocobase/client';
import { SETTINGS_KEY } from '../constants';
import { setHost } from '../client-v2/host';
import { BLOCK_MODELS, registerBlocks } from '../client-v2/models';
import { SETTINGS_GROUP, SETTINGS_PAGES, SETTINGS_SNIPPET, addPages } from '../client-v2/pages';
import { registerWebTexts } from '../client-v2/texts';
import { offerOnClassicPages } from './classicBlocks';
import { tval } from './locale';
import { registerMenuTitles } from './menu';
import { registerWorkflowClient } from './workflow';
import { addWorkspaceLink } from './workspaces';

export class AppointmentDutyClient extends Plugin {
  async load() {
    const app = this.app;
    setHost({ api: app.apiClient, i18n: app.i18n });
    registerWebTexts(app.i18n);
    registerMenuTitles(app.i18n);
    registerBlocks(this.flowEngine);
    offerOnClassicPages(app, BLOCK_MODELS);
    addPages(app.router);
    this.addSettingsPages();
    // Classic shell only: the workflow editor it serves, and its top-bar link to the workspaces.
    registerWorkflowClient(app);
    addWorkspaceLink(app);
  }

  /** A group whose sub-pages are tabs; without a Component of its own NocoBase opens the first one. */
  private addSettingsPages() {
    const settings = this.app.pluginSettingsManager;
    settings.add(SETTINGS_KEY, { title: tval(SETTINGS_GROUP.title), icon: SETTINGS_GROUP.icon, aclSnippet: SETTINGS_SNIPPET });
    for (const page of SETTINGS_PAGES) {
      settings.add(`${SETTINGS_KEY}.${page.key}`, {
        title: tval(page.title), icon: page.icon, Component: page.Component, aclSnippet: SETTINGS_SNIPPET, sort: page.sort,
      });
    }
  }
}

export default AppointmentDutyClient;
