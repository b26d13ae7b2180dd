// /admin/appointment-duty/workspace: the tabs the signed-in person's roles allow (R-X-2) — section:
// dispatch board and reschedule inbox; window lead: sign for and assign (+ tabs other features add,
// e.g. the roster); window staff: my bookings. Every booking number opens its timeline.
import { Alert, Card, Spin, Tabs, Typography } from 'antd';
import React, { useMemo, useState } from 'react';
import { useT } from '../locale';
import { useWorkspaceApi, type BookingRow } from './api';
import { BookingTimelineDrawer } from './BookingTimeline';
import { LoadError, useLoader } from './common';
import { LeadDesk } from './LeadDesk';
import { workspaceTabs } from './logic';
import { RescheduleInbox } from './RescheduleInbox';
import { SectionBoard } from './SectionBoard';
import { workspaceExtraTabs } from './slots';
import { StaffDesk } from './StaffDesk';

export const WORKSPACE_PATH = '/admin/appointment-duty/workspace';

const TAB_TITLES: Record<string, string> = {
  dispatch: 'Dispatch board', reschedules: 'Reschedule approvals', sign: 'Sign for and assign', mine: 'My bookings',
};

function tabFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('tab');
}

function putTabInUrl(tab: string) {
  const url = new URL(window.location.href);
  if (url.searchParams.get('tab') === tab) return;
  url.searchParams.set('tab', tab);
  window.history.replaceState(window.history.state, '', url.toString());
}

export const WorkspacePage = () => {
  const { t } = useT();
  const api = useWorkspaceApi();
  const me = useLoader(() => api.me(), [api]);
  const [timelineOf, setTimelineOf] = useState<BookingRow | null>(null);
  const extras = workspaceExtraTabs();
  const tabs = useMemo(() => (me.data ? workspaceTabs(me.data.roles, extras) : []), [me.data, extras]);
  const [active, setActive] = useState<string | null>(tabFromUrl());
  const current = active && tabs.includes(active) ? active : tabs[0];

  if (!me.data) {
    return (
      <Card bordered={false}>
        <LoadError error={me.error} />
        <Spin spinning={me.loading}><div style={{ minHeight: 200 }} /></Spin>
      </Card>
    );
  }
  const open = (b: BookingRow) => setTimelineOf(b);
  const render = (key: string) => {
    switch (key) {
      case 'dispatch':
        return <SectionBoard onOpen={open} />;
      case 'reschedules':
        return <RescheduleInbox roles={me.data!.roles} onOpen={open} />;
      case 'sign':
        return <LeadDesk me={me.data!} onOpen={open} />;
      case 'mine':
        return <StaffDesk me={me.data!} onOpen={open} />;
      default: {
        const extra = extras.find((x) => x.key === key);
        return extra ? <extra.Component me={me.data!} /> : null;
      }
    }
  };

  return (
    <Card bordered={false} data-testid="workspace-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('Appointment workspace')} <Typography.Text type="secondary" style={{ fontSize: 14 }}>{me.data.nickname}</Typography.Text>
      </Typography.Title>
      {tabs.length ? (
        <Tabs
          activeKey={current}
          destroyInactiveTabPane
          onChange={(key: string) => {
            setActive(key);
            putTabInUrl(key);
          }}
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`workspace-tab-${key}`}>{t(TAB_TITLES[key] || extras.find((x) => x.key === key)?.title || key)}</span>,
            children: render(key),
          }))}
        />
      ) : (
        <Alert type="info" showIcon message={t('Your roles have no appointment workspace. The desk registers bookings in the registration form.')} />
      )}
      <BookingTimelineDrawer booking={timelineOf} onClose={() => setTimelineOf(null)} />
    </Card>
  );
};

export default WorkspacePage;
