// The after-service feature's wiring (R-AFT-1..2, R-SUP-1, R-SUP-3): actions, who may call them
// (the actions check roles and windows themselves, with a clear message), the overdue check.
import type { Plugin } from '@nocobase/server';
import { CASE_ACTIONS } from '../actions/cases';
import { COMPLAINT_ACTIONS } from '../actions/complaints';
import { FOLLOW_UP_ACTIONS } from '../actions/followUps';
import { STATISTICS_ACTIONS } from '../actions/statistics';
import { registerOverdueCheck } from './overdue';

export const AFTERCARE_COLLECTIONS = ['followUps', 'rectificationCases', 'complaints', 'caseSteps'];

const RESOURCES: Record<string, Record<string, any>> = {
  followUps: FOLLOW_UP_ACTIONS,
  rectificationCases: CASE_ACTIONS,
  complaints: COMPLAINT_ACTIONS,
};

export function registerAftercare(plugin: Plugin) {
  const { app } = plugin;
  for (const [resource, actions] of Object.entries(RESOURCES)) {
    app.resourceManager.registerActionHandlers(Object.fromEntries(Object.entries(actions).map(([n, h]) => [`${resource}:${n}`, h])));
    app.acl.allow(resource, Object.keys(actions), 'loggedIn');
  }
  app.resourceManager.define({ name: 'statistics', actions: STATISTICS_ACTIONS });
  app.acl.allow('statistics', Object.keys(STATISTICS_ACTIONS), 'loggedIn');
  registerOverdueCheck(plugin);
}
