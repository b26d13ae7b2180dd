// The section's reschedule approval inbox (R-RSC-1..3): pending requests with the notice rule
// (the configured hours, 12 by default) explained per row; the section chief approves or rejects
// with a note. Force majeure is marked.
import { ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal, Segmented, Space, Table, Tag, Typography, message } from 'antd';
import React, { useState } from 'react';
import { useT } from '../locale';
import { errorText, useWorkspaceApi, type BookingRow, type RescheduleRow } from './api';
import { DECISION_LABELS } from './BookingTimeline';
import { BookingNumber, LoadError, appointmentText, useLoader } from './common';
import { canDecideReschedule, shanghaiWall } from './logic';
import { useBookingSettings } from '../settings/stored';

export const RescheduleInbox = ({ roles, onOpen }: { roles: string[]; onOpen: (b: BookingRow) => void }) => {
  const { t } = useT();
  const api = useWorkspaceApi();
  const [messageApi, holder] = message.useMessage();
  const [decision, setDecision] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const list = useLoader(() => api.reschedules(decision), [api, decision]);
  const [deciding, setDeciding] = useState<{ row: RescheduleRow; approve: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const mayDecide = canDecideReschedule(roles);
  const hours = useBookingSettings()?.rescheduleNoticeHours;

  const open = (row: RescheduleRow, approve: boolean) => {
    form.resetFields();
    setDeciding({ row, approve });
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !deciding) return;
    setSaving(true);
    try {
      await api.act('decideReschedule', deciding.row.booking!.id, {
        decision: deciding.approve ? 'approved' : 'rejected',
        note: values.note?.trim() || null,
        applicantToldAt: values.told ? new Date().toISOString() : null,
      });
      messageApi.success(t(deciding.approve ? 'Reschedule approved' : 'Reschedule rejected'));
      setDeciding(null);
      await list.reload();
    } catch (e) {
      messageApi.error(errorText(e), 8);
    } finally {
      setSaving(false);
    }
  };

  const columns = [
    { title: t('Booking number'), key: 'number', render: (_: any, r: RescheduleRow) => <BookingNumber booking={r.booking!} onOpen={onOpen} /> },
    { title: t('Service item'), key: 'item', render: (_: any, r: RescheduleRow) => (
      <Space direction="vertical" size={0}><span>{r.booking?.serviceItem?.name}</span><Typography.Text type="secondary">{r.booking?.window?.name}</Typography.Text></Space>
    ) },
    { title: t('Applicant name'), key: 'applicant', render: (_: any, r: RescheduleRow) => (
      <Space direction="vertical" size={0}><span>{r.booking?.applicantName}</span><Typography.Text type="secondary">{r.booking?.applicantPhone}</Typography.Text></Space>
    ) },
    { title: t('Original time'), key: 'orig', render: (_: any, r: RescheduleRow) => (r.booking ? appointmentText(r.booking) : shanghaiWall(r.originalStart)) },
    { title: t('Proposed time'), key: 'proposed', render: (_: any, r: RescheduleRow) => shanghaiWall(r.proposedStart) || t('To be agreed') },
    {
      title: t('Reason'),
      key: 'reason',
      render: (_: any, r: RescheduleRow) => (
        <Space direction="vertical" size={0}>
          <span>
            {r.kind === 'forceMajeure' ? <Tag color="volcano" icon={<WarningOutlined />} data-testid="force-majeure">{t('Force majeure')}</Tag> : null}
            {r.reason}
          </span>
          <Typography.Text type="secondary">{r.requestedBy?.nickname} · {shanghaiWall(r.requestedAt)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: hours ? t('The {{hours}}-hour rule', { hours }) : t('Notice period'),
      key: 'deadline',
      render: (_: any, r: RescheduleRow) =>
        r.kind === 'forceMajeure' ? (
          <Typography.Text type="secondary">{t('Not bound by the notice period')}</Typography.Text>
        ) : r.ordinaryApprovalOpen || decision !== 'pending' ? (
          <span>{t('Tell the applicant by {{deadline}}', { deadline: shanghaiWall(r.deadline) })}</span>
        ) : (
          <Typography.Text type="danger">{t('Deadline {{deadline}} passed: can no longer be approved', { deadline: shanghaiWall(r.deadline) })}</Typography.Text>
        ),
    },
    decision === 'pending'
      ? {
          title: t('Action'),
          key: 'act',
          render: (_: any, r: RescheduleRow) =>
            mayDecide ? (
              <Space>
                <Button type="primary" size="small" disabled={!r.ordinaryApprovalOpen} onClick={() => open(r, true)} data-testid={`approve-${r.booking?.id}`}>
                  {t('Approve')}
                </Button>
                <Button size="small" danger onClick={() => open(r, false)} data-testid={`reject-${r.booking?.id}`}>{t('Reject')}</Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('Awaiting the section chief')}</Typography.Text>
            ),
        }
      : {
          title: t('Decision'),
          key: 'decision',
          render: (_: any, r: RescheduleRow) => (
            <Space direction="vertical" size={0}>
              <Tag color={r.decision === 'approved' ? 'green' : 'red'}>{t(DECISION_LABELS[r.decision])}</Tag>
              <Typography.Text type="secondary">{r.decidedBy?.nickname} · {shanghaiWall(r.decidedAt)}</Typography.Text>
              {r.decisionNote ? <span>{r.decisionNote}</span> : null}
            </Space>
          ),
        },
  ];

  return (
    <div data-testid="reschedule-inbox">
      {holder}
      {hours ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="reschedule-rule"
          message={t('The {{hours}}-hour rule', { hours })}
          description={t(
            'A booking may be postponed or changed only with a reason and the section chief\'s approval, and the applicant must be told at least {{hours}} hours before the original time; an ordinary request or approval after that is refused. Force majeure (e.g. severe weather) is exempt: the window talks to the applicant and reports it here.',
            { hours },
          )}
        />
      ) : null}
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Segmented
          value={decision}
          onChange={(v: any) => setDecision(v)}
          options={[
            { value: 'pending', label: t('Pending') },
            { value: 'approved', label: t('Approved') },
            { value: 'rejected', label: t('Rejected') },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={list.reload}>{t('Refresh')}</Button>
      </Space>
      <LoadError error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data || []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('No reschedule requests') }}
        onRow={(r: RescheduleRow) => ({ 'data-testid': `reschedule-row-${r.booking?.id}` })}
      />
      <Modal
        open={!!deciding}
        title={deciding ? `${t(deciding.approve ? 'Approve the reschedule' : 'Reject the reschedule')} · ${deciding.row.booking?.number}` : ''}
        onOk={submit}
        onCancel={() => setDeciding(null)}
        confirmLoading={saving}
        okText={t(deciding?.approve ? 'Approve' : 'Reject')}
        cancelText={t('Cancel')}
        okButtonProps={{ 'data-testid': 'decide-ok', danger: deciding ? !deciding.approve : false }}
        forceRender
        wrapClassName="govhall-decide-reschedule"
      >
        {deciding?.approve && deciding.row.proposedStart ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            message={t('The booking moves to {{time}}; that slot is checked like a new booking.', { time: shanghaiWall(deciding.row.proposedStart) })} />
        ) : null}
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('Decision note')} rules={deciding && !deciding.approve ? [{ required: true, whitespace: true, message: t('Say why it is rejected') }] : []}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="decide-note" />
          </Form.Item>
          <Form.Item name="told" valuePropName="checked">
            <Checkbox>{t('The applicant has been told')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
};
