// A workspace as the body of a block (src/client-v2/models/Appointment*BlockModel.tsx): the same
// panes as the workspace page, one per block, shown only to the roles the workspace is for.
import { Alert, Card, Spin } from 'antd';
import React, { useState } from 'react';
import { useT } from '../locale';
import { useWorkspaceApi, type BookingRow } from './api';
import { BookingTimelineDrawer } from './BookingTimeline';
import { LoadError, useLoader } from './common';
import { LeadDesk } from './LeadDesk';
import { workspaceTabs, type BuiltinTab } from './logic';
import { RescheduleInbox } from './RescheduleInbox';
import { SectionBoard } from './SectionBoard';
import { StaffDesk } from './StaffDesk';

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
