// R-CMP-2 the window lead's sign-off (签字说明) of comp-time requests of their windows: each pending
// request with the person's balance and the named cover (顶岗); sign off or reject, always with a note.
// A plain React component: the role workspaces embed it as is.
import { Alert, Button, Input, Modal, Space, Table, Typography, message } from 'antd';
import React, { useCallback, useEffect, useState } from 'react';
import { useT } from '../locale';
import { PendingRequest, errorText, hours, shanghai, useDutyApi } from './api';

type Decision = { request: PendingRequest; kind: 'signOff' | 'reject' };

export const CompTimeSignOff = () => {
  const { t } = useT();
  const api = useDutyApi();
  const [messageApi, holder] = message.useMessage();
  const [rows, setRows] = useState<PendingRequest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      setRows(await api.pending());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const open = (request: PendingRequest, kind: Decision['kind']) => {
    setNote('');
    setDecision({ request, kind });
  };
  const save = async () => {
    if (!decision) return;
    setSaving(true);
    try {
      await (decision.kind === 'signOff' ? api.signOff(decision.request.id, note) : api.reject(decision.request.id, note));
      messageApi.success(t(decision.kind === 'signOff' ? 'Signed off' : 'Rejected'));
      setDecision(null);
      await load();
    } catch (e) {
      messageApi.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const columns = [
    { title: t('Requested by'), dataIndex: 'userName', key: 'userName' },
    { title: t('Window'), dataIndex: 'windowName', key: 'windowName' },
    { title: t('Time off'), key: 'span', render: (_: any, r: PendingRequest) => `${shanghai(r.start)} – ${shanghai(r.end).slice(11)}` },
    { title: t('Hours'), key: 'hours', render: (_: any, r: PendingRequest) => hours(r.minutes) },
    { title: t('Balance (h)'), key: 'balance', render: (_: any, r: PendingRequest) => hours(r.balance) },
    { title: t('Cover (顶岗)'), dataIndex: 'coverName', key: 'coverName' },
    { title: t('Reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('Actions'), key: 'actions',
      render: (_: any, r: PendingRequest) => (
        <Space>
          <Button type="primary" size="small" data-testid={`sign-off-${r.id}`} onClick={() => open(r, 'signOff')}>{t('Sign off')}</Button>
          <Button danger size="small" data-testid={`reject-${r.id}`} onClick={() => open(r, 'reject')}>{t('Reject (comp-time request)')}</Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="govhall-comp-time-sign-off" data-testid="comp-time-sign-off">
      {holder}
      {error && <Alert type="error" showIcon message={error} />}
      <Table
        rowKey="id" size="small" columns={columns} dataSource={rows ?? []} loading={rows === null} pagination={false}
        locale={{ emptyText: t('No comp-time requests waiting for your sign-off') }}
        onRow={(r: PendingRequest) => ({ 'data-testid': `request-${r.id}` })}
      />
      <Modal
        open={!!decision} title={t(decision?.kind === 'reject' ? 'Reject comp-time request' : 'Sign off comp-time request')}
        okText={t(decision?.kind === 'reject' ? 'Reject (comp-time request)' : 'Sign off')} okButtonProps={{ 'data-testid': 'decision-ok', disabled: !note.trim() }}
        confirmLoading={saving} onOk={save} onCancel={() => setDecision(null)} destroyOnClose wrapClassName="govhall-sign-off-modal"
      >
        {decision && (
          <Typography.Paragraph>
            {decision.request.userName}: {shanghai(decision.request.start)} – {shanghai(decision.request.end).slice(11)},{' '}
            {hours(decision.request.minutes)} h · {t('Cover (顶岗)')}: {decision.request.coverName}
          </Typography.Paragraph>
        )}
        <Input.TextArea
          rows={3} value={note} data-testid="decision-note" placeholder={t('Sign-off note (签字说明)')}
          onChange={(e: any) => setNote(e.target.value)}
        />
      </Modal>
    </div>
  );
};
