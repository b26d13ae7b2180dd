// The window lead's desk (窗口负责人, R-DSP-2/3): bookings dispatched to my window to sign for, with
// handler 1/2 chosen from the window's staff; cooperating-window dispatches to sign; and signed-for
// bookings whose handlers can be changed. A window cannot refuse a dispatch (no reject button).
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import React, { useMemo, useState } from 'react';
import { useT } from '../locale';
import { errorText, useWorkspaceApi, type BookingRow, type CooperationRow, type Me, type UserRef } from './api';
import { BookingNumber, KindTag, LoadError, StatusTag, appointmentText, useLoader } from './common';
import { assignedQuery, handlerInput, shanghaiWall, toSignQuery } from './logic';

interface Handlers { handler1Id?: number; handler2Id?: number }

const HandlerPicker = ({ staff, value, onChange, testId }: {
  staff: UserRef[]; value: Handlers; onChange: (h: Handlers) => void; testId: string;
}) => {
  const { t } = useT();
  const options = staff.map((u) => ({ value: u.id, label: u.nickname }));
  return (
    <Space wrap>
      <span data-testid={`${testId}-handler1`}>
        <Select style={{ width: 170 }} placeholder={t('Handler 1')} value={value.handler1Id} allowClear
          options={options.filter((o) => o.value !== value.handler2Id)}
          onChange={(id: number) => onChange({ ...value, handler1Id: id })} />
      </span>
      <span data-testid={`${testId}-handler2`}>
        <Select style={{ width: 170 }} placeholder={t('Handler 2')} value={value.handler2Id} allowClear
          options={options.filter((o) => o.value !== value.handler1Id)}
          onChange={(id: number) => onChange({ ...value, handler2Id: id })} />
      </span>
    </Space>
  );
};

export const LeadDesk = ({ me, onOpen }: { me: Me; onOpen: (b: BookingRow) => void }) => {
  const { t } = useT();
  const api = useWorkspaceApi();
  const [messageApi, holder] = message.useMessage();
  const toSign = useLoader(() => api.bookings(toSignQuery()), [api]);
  const assigned = useLoader(() => api.bookings(assignedQuery()), [api]);
  const cooperation = useLoader(() => api.cooperation(), [api]);
  const leadIds = me.leads.map((w) => w.id);
  // An admin may sign for any window: the staff of all windows.
  const everyWindow = me.roles.includes('admin');
  const windows = useLoader(
    () => (everyWindow ? api.windows(undefined, true) : leadIds.length ? api.windows({ id: { $in: leadIds } }, true) : Promise.resolve([])),
    [api, everyWindow, leadIds.join(',')],
  );
  const [picked, setPicked] = useState<Record<number, Handlers>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [reassigning, setReassigning] = useState<BookingRow | null>(null);
  const [reassignTo, setReassignTo] = useState<Handlers>({});

  /** Staff of a window plus its lead (the server accepts both as handlers). */
  const staffOf = useMemo(() => {
    const map = new Map<number, UserRef[]>();
    for (const w of windows.data || []) {
      const people = [...(w.staff || [])];
      map.set(w.id, people.map((u: any) => ({ id: u.id, nickname: u.nickname || u.username })));
    }
    return (windowId?: number) => (windowId !== undefined && map.get(windowId)) || [];
  }, [windows.data]);

  const run = async (id: number, fn: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await fn();
      messageApi.success(done);
      await Promise.all([toSign.reload(), assigned.reload(), cooperation.reload()]);
      return true;
    } catch (e) {
      messageApi.error(errorText(e), 6);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const signFor = (b: BookingRow) => {
    const h = picked[b.id] || {};
    run(b.id, () => api.act('signFor', b.id, handlerInput(h)),
      t('{{number}} signed for', { number: b.number }));
  };

  const bookingCols = [
    { title: t('Booking number'), key: 'number', render: (_: any, b: BookingRow) => <BookingNumber booking={b} onOpen={onOpen} /> },
    { title: t('Appointment start'), key: 'time', render: (_: any, b: BookingRow) => <Space direction="vertical" size={0}>{appointmentText(b)}<KindTag kind={b.kind} /></Space> },
    { title: t('Service item'), key: 'item', render: (_: any, b: BookingRow) => b.serviceItem?.name },
    { title: t('Applicant name'), key: 'applicant', render: (_: any, b: BookingRow) => (
      <Space direction="vertical" size={0}><span>{b.applicantName}</span><Typography.Text type="secondary">{b.applicantPhone}</Typography.Text></Space>
    ) },
  ];

  return (
    <div data-testid="lead-desk">
      {holder}
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('Windows you lead')}: {me.leads.map((w) => `${w.code} ${w.name}`).join('、') || '—'}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => { toSign.reload(); assigned.reload(); cooperation.reload(); }}>{t('Refresh')}</Button>
      </Space>
      <LoadError error={toSign.error || assigned.error || cooperation.error || windows.error} />

      <Card size="small" title={t('To sign for')} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id" size="middle" pagination={false} loading={toSign.loading} dataSource={toSign.data || []}
          locale={{ emptyText: t('Nothing to sign for') }}
          onRow={(b: BookingRow) => ({ 'data-testid': `sign-row-${b.id}` })}
          columns={[
            ...bookingCols,
            { title: t('Handlers'), key: 'handlers', render: (_: any, b: BookingRow) => (
              <HandlerPicker staff={staffOf(b.window?.id)} value={picked[b.id] || {}} testId={`sign-${b.id}`}
                onChange={(h) => setPicked((p) => ({ ...p, [b.id]: h }))} />
            ) },
            { title: t('Action'), key: 'act', render: (_: any, b: BookingRow) => (
              <Button type="primary" loading={busy === b.id} disabled={!picked[b.id]?.handler1Id && !picked[b.id]?.handler2Id}
                onClick={() => signFor(b)} data-testid={`sign-${b.id}`}>{t('Sign for and assign')}</Button>
            ) },
          ]}
        />
      </Card>

      <Card size="small" title={t('Cooperating-window dispatches')} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id" size="middle" pagination={false} loading={cooperation.loading} dataSource={cooperation.data || []}
          locale={{ emptyText: t('No dispatches to your window as a cooperating window') }}
          columns={[
            { title: t('Booking number'), key: 'number', render: (_: any, d: CooperationRow) => <BookingNumber booking={d.booking} onOpen={onOpen} /> },
            { title: t('Appointment start'), key: 'time', render: (_: any, d: CooperationRow) => appointmentText(d.booking) },
            { title: t('Service item'), key: 'item', render: (_: any, d: CooperationRow) => d.booking.serviceItem?.name },
            { title: t('Lead window'), key: 'lead', render: (_: any, d: CooperationRow) => d.booking.window?.name },
            { title: t('Status'), key: 'status', render: (_: any, d: CooperationRow) => <StatusTag status={d.booking.status} /> },
            { title: t('Action'), key: 'act', render: (_: any, d: CooperationRow) =>
              d.signedForAt ? (
                <Tag color="green">{t('Signed by {{name}} at {{time}}', { name: d.signedForBy?.nickname ?? '', time: shanghaiWall(d.signedForAt) })}</Tag>
              ) : (
                <Button loading={busy === d.booking.id} data-testid={`sign-coop-${d.booking.id}`}
                  onClick={() => run(d.booking.id, () => api.act('signFor', d.booking.id, {}), t('{{number}} signed for', { number: d.booking.number }))}>
                  {t('Sign for our part')}
                </Button>
              ) },
          ]}
        />
      </Card>

      <Card size="small" title={t('Signed for: handlers')}>
        <Table
          rowKey="id" size="middle" pagination={false} loading={assigned.loading} dataSource={assigned.data || []}
          locale={{ emptyText: t('No signed-for bookings') }}
          onRow={(b: BookingRow) => ({ 'data-testid': `assigned-row-${b.id}` })}
          columns={[
            ...bookingCols,
            { title: t('Status'), key: 'status', render: (_: any, b: BookingRow) => <StatusTag status={b.status} /> },
            { title: t('Handlers'), key: 'handlers', render: (_: any, b: BookingRow) => (
              <span data-testid={`handlers-${b.id}`}>{[b.handler1?.nickname, b.handler2?.nickname].filter(Boolean).join('、') || '—'}</span>
            ) },
            { title: t('Action'), key: 'act', render: (_: any, b: BookingRow) => (
              <Button size="small" data-testid={`reassign-${b.id}`} onClick={() => {
                setReassignTo({ handler1Id: b.handler1?.id, handler2Id: b.handler2?.id });
                setReassigning(b);
              }}>{t('Change handlers')}</Button>
            ) },
          ]}
        />
      </Card>

      <Modal
        open={!!reassigning}
        title={reassigning ? `${t('Change handlers')} · ${reassigning.number}` : ''}
        okText={t('Save')}
        cancelText={t('Cancel')}
        confirmLoading={busy === reassigning?.id}
        okButtonProps={{ 'data-testid': 'reassign-ok', disabled: !reassignTo.handler1Id && !reassignTo.handler2Id }}
        onCancel={() => setReassigning(null)}
        onOk={async () => {
          const b = reassigning!;
          const ok = await run(b.id, () => api.act('assignHandlers', b.id, handlerInput(reassignTo)), t('Handlers of {{number}} changed', { number: b.number }));
          if (ok) setReassigning(null);
        }}
        wrapClassName="govhall-reassign"
      >
        {reassigning ? (
          <HandlerPicker staff={staffOf(reassigning.window?.id)} value={reassignTo} onChange={setReassignTo} testId="reassign" />
        ) : null}
      </Modal>
    </div>
  );
};
