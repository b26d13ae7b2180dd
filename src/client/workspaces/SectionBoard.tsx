// The section's dispatch board (政务服务管理科, R-DSP-1): new bookings with the suggested window (the
// item's lead window, set at registration) and one-click dispatch; another window can be chosen.
import { SendOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, Typography, message } from 'antd';
import React, { useState } from 'react';
import { useT } from '../locale';
import { errorText, useWorkspaceApi, type BookingRow } from './api';
import { BookingNumber, KindTag, LoadError, appointmentText, useLoader } from './common';
import { dispatchBoardQuery } from './logic';

export const SectionBoard = ({ onOpen }: { onOpen: (b: BookingRow) => void }) => {
  const { t } = useT();
  const api = useWorkspaceApi();
  const [messageApi, holder] = message.useMessage();
  const board = useLoader(() => api.bookings(dispatchBoardQuery()), [api]);
  const windows = useLoader(() => api.windows(), [api]);
  const [chosen, setChosen] = useState<Record<number, number>>({});
  const [busy, setBusy] = useState<number | null>(null);

  const dispatch = async (b: BookingRow) => {
    const windowId = chosen[b.id] ?? b.window?.id;
    setBusy(b.id);
    try {
      await api.act('dispatch', b.id, windowId ? { windowId } : {});
      const name = (windows.data || []).find((w) => w.id === windowId)?.name ?? b.window?.name ?? '';
      messageApi.success(t('{{number}} dispatched to {{window}}', { number: b.number, window: name }));
      await board.reload();
    } catch (e) {
      messageApi.error(errorText(e), 6);
    } finally {
      setBusy(null);
    }
  };

  const columns = [
    { title: t('Booking number'), key: 'number', render: (_: any, b: BookingRow) => <BookingNumber booking={b} onOpen={onOpen} /> },
    { title: t('Appointment start'), key: 'time', render: (_: any, b: BookingRow) => <Space direction="vertical" size={0}>{appointmentText(b)}<KindTag kind={b.kind} /></Space> },
    { title: t('Service item'), key: 'item', render: (_: any, b: BookingRow) => b.serviceItem?.name },
    { title: t('Applicant name'), key: 'applicant', render: (_: any, b: BookingRow) => (
      <Space direction="vertical" size={0}><span>{b.applicantName}</span><Typography.Text type="secondary">{b.applicantPhone}</Typography.Text></Space>
    ) },
    {
      title: t('Dispatch to window'),
      key: 'window',
      render: (_: any, b: BookingRow) => (
        <Space direction="vertical" size={2}>
          <span data-testid={`dispatch-window-${b.id}`}>
            <Select
              style={{ width: 220 }}
              value={chosen[b.id] ?? b.window?.id}
              onChange={(id: number) => setChosen((c) => ({ ...c, [b.id]: id }))}
              options={(windows.data || []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
            />
          </span>
          {(chosen[b.id] ?? b.window?.id) === b.window?.id ? <Tag color="green">{t('Suggested: the item\'s lead window')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('Action'),
      key: 'act',
      render: (_: any, b: BookingRow) => (
        <Button type="primary" icon={<SendOutlined />} loading={busy === b.id} onClick={() => dispatch(b)} data-testid={`dispatch-${b.id}`}>
          {t('BOOKING_ACTION_dispatch')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="section-board">
      {holder}
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          {t('New bookings from the desk. Dispatch each to its window; cooperating windows are dispatched too.')}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={board.reload}>{t('Refresh')}</Button>
      </Space>
      <LoadError error={board.error || windows.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={board.loading}
        dataSource={board.data || []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('No new bookings to dispatch') }}
        onRow={(b: BookingRow) => ({ 'data-testid': `board-row-${b.id}` })}
      />
    </div>
  );
};
