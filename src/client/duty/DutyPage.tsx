// The duty page (/admin/appointment-duty): my duty, my comp time, and for window leads the
// window's month roster and the comp-time sign-off. Each tab is a plain component others can embed.
import { Alert, Select, Space, Spin, Tabs, Typography } from 'antd';
import React, { useEffect, useState } from 'react';
import { useT } from '../locale';
import { CompTimeSignOff } from './CompTimeSignOff';
import { DutyContext, errorText, useDutyApi } from './api';
import { MyCompTime } from './MyCompTime';
import { MyDuty, WindowRoster } from './ShiftTable';

/** `titled`: the page's own heading (the route /admin/appointment-duty); a menu page shows its title itself. */
export const DutyPage = ({ titled = true }: { titled?: boolean }) => {
  const { t } = useT();
  const api = useDutyApi();
  const [ctx, setCtx] = useState<DutyContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [windowId, setWindowId] = useState<number | null>(null);
  useEffect(() => {
    api.context().then((c) => {
      setCtx(c);
      setWindowId(c.leads[0]?.id ?? c.staffs[0]?.id ?? null);
    }, (e) => setError(errorText(e)));
  }, [api]);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!ctx) return <Spin />;
  const windows = [...ctx.leads, ...ctx.staffs.filter((s) => !ctx.leads.some((l) => l.id === s.id))];
  const leads = ctx.leads.length > 0 && ctx.roles.includes('windowLead');
  const items = [
    ...(leads || ctx.section ? [{ key: 'sign-off', label: t('Comp-time sign-off'), children: <CompTimeSignOff /> }] : []),
    { key: 'my-duty', label: t('My duty'), children: <MyDuty userId={ctx.userId} /> },
    ...(windowId ? [{
      key: 'window', label: t('Window roster'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {windows.length > 1 && <Select value={windowId} onChange={setWindowId} options={windows.map((w) => ({ value: w.id, label: w.name }))} />}
          {/* keyed by window: switching windows starts the month afresh */}
          {React.createElement(WindowRoster, { key: windowId, windowId, canManage: ctx.leads.some((l) => l.id === windowId) || ctx.section })}
        </Space>
      ),
    }] : []),
    { key: 'my-comp-time', label: t('My comp time'), children: <MyCompTime /> },
  ];
  return (
    <div style={{ padding: titled ? 24 : 0 }} data-testid="duty-page">
      {titled ? <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="duty-page-title">{t('Duty and comp time')}</Typography.Title> : null}
      <Tabs items={items} defaultActiveKey={items[0].key} />
    </div>
  );
};
