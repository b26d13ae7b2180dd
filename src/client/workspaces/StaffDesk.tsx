// The handler's desk (窗口工作人员): my bookings today / this holiday or weekend / all open, with
// the item's materials notice and the reconfirmed time, and the actions of the booking's status.
import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Table, Tag, Typography, message } from 'antd';
import React, { useMemo, useState } from 'react';
import { useT } from '../locale';
import { errorText, useWorkspaceApi, type BookingRow, type Me } from './api';
import { BookingNumber, KindTag, LoadError, StatusTag, When, appointmentText, useLoader } from './common';
import {
  MY_BOOKING_APPENDS, contactSummary, myBookingsQuery, pendingReschedule, servicePeriod, shanghaiDay, shanghaiWall, staffActions, type DayOfCalendar, type RowAction,
} from './logic';
import { StaffDialog, type DialogKind } from './StaffDialogs';

type Range = 'today' | 'period' | 'open';

const ACTION_LABELS: Record<RowAction, string> = {
  logContact: 'BOOKING_ACTION_logContact', requestReschedule: 'BOOKING_ACTION_requestReschedule', arrive: 'BOOKING_ACTION_arrive',
  complete: 'BOOKING_ACTION_complete', abandon: 'BOOKING_ACTION_abandon',
};

/** The statutory calendar around today, resolved (stored days win, the rest follow the weekday). */
function useServicePeriod(today: string) {
  const api = useWorkspaceApi();
  return useLoader(async () => {
    const year = Number(today.slice(0, 4));
    const days = new Map<string, DayOfCalendar>();
    for (const y of [year, year + 1]) {
      // A year not entered yet only cuts the look-ahead short; the weekday rule fills unstored days.
      const detail = await api.calendarYear(y).catch(() => null);
      const stored = new Map((detail?.days || []).map((d: any) => [d.date, d]));
      for (let d = new Date(`${y}-01-01T00:00:00Z`); d.getUTCFullYear() === y; d = new Date(d.getTime() + 86400000)) {
        const date = d.toISOString().slice(0, 10);
        const row: any = stored.get(date);
        const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
        if (!detail?.configured && !row && y !== year) continue;
        days.set(date, { date, kind: row?.kind ?? (weekend ? 'weekendRest' : 'workday'), holidayName: row?.holidayName ?? null });
      }
    }
    return servicePeriod(days, today);
  }, [api, today]);
}

export const StaffDesk = ({ me, onOpen }: { me: Me; onOpen: (b: BookingRow) => void }) => {
  const { t } = useT();
  const api = useWorkspaceApi();
  const [messageApi, holder] = message.useMessage();
  const today = useMemo(() => shanghaiDay(new Date()), []);
  const period = useServicePeriod(today);
  const [range, setRange] = useState<Range>('period');
  const query = useMemo(() => {
    if (range === 'today') return myBookingsQuery(me.userId, { first: today, last: today });
    if (range === 'period' && period.data) return myBookingsQuery(me.userId, { first: period.data.first, last: period.data.last });
    return myBookingsQuery(me.userId, null);
  }, [range, me.userId, today, period.data]);
  const list = useLoader(() => api.bookings(query, MY_BOOKING_APPENDS), [api, JSON.stringify(query)]);
  const [dialog, setDialog] = useState<{ kind: DialogKind; booking: BookingRow } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const arrive = async (b: BookingRow) => {
    setBusy(b.id);
    try {
      await api.act('arrive', b.id);
      messageApi.success(t('{{name}} has arrived', { name: b.applicantName }));
      await list.reload();
    } catch (e) {
      messageApi.error(errorText(e), 6);
    } finally {
      setBusy(null);
    }
  };

  const submitDialog = async (action: DialogKind, body: Record<string, unknown>) => {
    const b = dialog!.booking;
    await api.act(action, b.id, body); // a refusal propagates: the dialog shows it and stays open
    setDialog(null);
    messageApi.success(t('{{action}}: {{number}} saved', { action: t(ACTION_LABELS[action]), number: b.number }));
    await list.reload();
  };

  const periodLabel = period.data
    ? `${t(period.data.kind === 'holiday' ? 'This holiday' : 'This weekend')}${period.data.name ? ` ${period.data.name}` : ''} (${period.data.first.slice(5)}–${period.data.last.slice(5)})`
    : t('This holiday / weekend');

  const columns = [
    { title: t('Booking number'), key: 'number', render: (_: any, b: BookingRow) => <BookingNumber booking={b} onOpen={onOpen} /> },
    { title: t('Appointment start'), key: 'time', render: (_: any, b: BookingRow) => <Space direction="vertical" size={0}>{appointmentText(b)}<KindTag kind={b.kind} /></Space> },
    { title: t('Applicant name'), key: 'applicant', render: (_: any, b: BookingRow) => (
      <Space direction="vertical" size={0}>
        <span>{b.applicantName}{b.applicantUnit ? ` · ${b.applicantUnit}` : ''}</span>
        <Typography.Text type="secondary"><PhoneOutlined /> <span data-testid={`phone-${b.id}`}>{b.applicantPhone}</span></Typography.Text>
      </Space>
    ) },
    { title: t('Service item'), key: 'item', render: (_: any, b: BookingRow) => b.serviceItem?.name },
    { title: t('Last contact'), key: 'contact', render: (_: any, b: BookingRow) => {
      const c = contactSummary(b.contacts);
      return (
        <Space direction="vertical" size={0} data-testid={`contact-${b.id}`}>
          <When value={b.contactedAt} />
          {c.confirmedStart ? <Typography.Text type="secondary">{t('Reconfirmed time')}: {shanghaiWall(c.confirmedStart)}</Typography.Text> : null}
          {c.materialsNoticeGiven ? <Tag color="green">{t('Materials notice given')}</Tag> : null}
        </Space>
      );
    } },
    { title: t('Status'), key: 'status', render: (_: any, b: BookingRow) => {
      const pending = pendingReschedule(b.reschedules);
      return (
        <Space direction="vertical" size={2}>
          <span data-testid={`status-${b.id}`}><StatusTag status={b.status} /></span>
          {pending ? <Tag color="orange">{t('Reschedule awaiting approval')}{pending.proposedStart ? ` → ${shanghaiWall(pending.proposedStart)}` : ''}</Tag> : null}
        </Space>
      );
    } },
    {
      title: t('Action'),
      key: 'act',
      render: (_: any, b: BookingRow) => (
        <Space wrap size={4}>
          {staffActions(b.status).map((a) =>
            a === 'arrive' ? (
              <Button key={a} size="small" type="primary" loading={busy === b.id} onClick={() => arrive(b)} data-testid={`arrive-${b.id}`}>
                {t(ACTION_LABELS[a])}
              </Button>
            ) : (
              <Button key={a} size="small" type={a === 'complete' ? 'primary' : 'default'} danger={a === 'abandon'}
                onClick={() => setDialog({ kind: a, booking: b })} data-testid={`${a}-${b.id}`}>
                {t(ACTION_LABELS[a])}
              </Button>
            ),
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="staff-desk">
      {holder}
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <span data-testid="staff-range">
          <Segmented
            value={range}
            onChange={(v: any) => setRange(v)}
            options={[
              { value: 'today', label: `${t('Today')} (${today.slice(5)})` },
              { value: 'period', label: periodLabel },
              { value: 'open', label: t('All open') },
            ]}
          />
        </span>
        <Button icon={<ReloadOutlined />} onClick={list.reload}>{t('Refresh')}</Button>
      </Space>
      <LoadError error={list.error || period.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data || []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('No bookings assigned to you here') }}
        onRow={(b: BookingRow) => ({ 'data-testid': `mine-row-${b.id}` })}
      />
      <StaffDialog kind={dialog?.kind ?? null} booking={dialog?.booking ?? null} onCancel={() => setDialog(null)} onSubmit={submitDialog} />
    </div>
  );
};
