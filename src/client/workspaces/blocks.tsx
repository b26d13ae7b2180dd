// Each workspace also as a block on Modern pages (v2, flow-engine models): "Add block" › other
// blocks lists every registered subclass of the host's BlockModel. The class is taken from the
// running flow engine, so no build-time dependency on @nocobase/client-v2 (not installable here).
// A block shows its workspace only to the roles it is for, like the page.
import { Alert, Card, Spin } from 'antd';
import React, { useState } from 'react';
import { tval, useT } from '../locale';
import { useWorkspaceApi, type BookingRow } from './api';
import { BookingTimelineDrawer } from './BookingTimeline';
import { LoadError, useLoader } from './common';
import { LeadDesk } from './LeadDesk';
import { workspaceTabs, type BuiltinTab } from './logic';
import { RescheduleInbox } from './RescheduleInbox';
import { SectionBoard } from './SectionBoard';
import { StaffDesk } from './StaffDesk';

export const WORKSPACE_BLOCKS: Record<string, { tab: BuiltinTab; title: string }> = {
  AppointmentDispatchBoardBlockModel: { tab: 'dispatch', title: 'Dispatch board' },
  AppointmentRescheduleInboxBlockModel: { tab: 'reschedules', title: 'Reschedule approvals' },
  AppointmentLeadDeskBlockModel: { tab: 'sign', title: 'Sign for and assign' },
  AppointmentMyBookingsBlockModel: { tab: 'mine', title: 'My bookings' },
};

export const WorkspaceBlock = ({ tab }: { tab: BuiltinTab }) => {
  const { t } = useT();
  const api = useWorkspaceApi();
  const me = useLoader(() => api.me(), [api]);
  const [timelineOf, setTimelineOf] = useState<BookingRow | null>(null);
  if (!me.data) {
    return <Card bordered={false}><LoadError error={me.error} /><Spin spinning={me.loading}><div style={{ minHeight: 120 }} /></Spin></Card>;
  }
  if (!workspaceTabs(me.data.roles).includes(tab)) {
    return <Card bordered={false}><Alert type="info" showIcon message={t('This workspace is not for your roles.')} /></Card>;
  }
  const open = (b: BookingRow) => setTimelineOf(b);
  return (
    <Card bordered={false} data-testid={`workspace-block-${tab}`}>
      {tab === 'dispatch' ? <SectionBoard onOpen={open} /> : null}
      {tab === 'reschedules' ? <RescheduleInbox roles={me.data.roles} onOpen={open} /> : null}
      {tab === 'sign' ? <LeadDesk me={me.data} onOpen={open} /> : null}
      {tab === 'mine' ? <StaffDesk me={me.data} onOpen={open} /> : null}
      <BookingTimelineDrawer booking={timelineOf} onClose={() => setTimelineOf(null)} />
    </Card>
  );
};

/** Registers the blocks when the host has a flow engine with BlockModel; returns their names. */
export function registerWorkspaceBlocks(app: any): string[] {
  const engine = app?.flowEngine;
  const BlockModel = engine?.getModelClass?.('BlockModel');
  if (!BlockModel || typeof engine.registerModels !== 'function') return [];
  const models: Record<string, any> = {};
  for (const [name, { tab, title }] of Object.entries(WORKSPACE_BLOCKS)) {
    const Model = class extends BlockModel {
      renderComponent() {
        return <WorkspaceBlock tab={tab} />;
      }
    };
    Model.define({ label: tval(`Appointment workspace: ${title}`) });
    models[name] = Model;
  }
  engine.registerModels(models);
  return Object.keys(models);
}
