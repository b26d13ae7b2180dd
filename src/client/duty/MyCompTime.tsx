// R-CMP-3 my comp-time balance and ledger, and R-CMP-2 a request with a cover colleague (顶岗).
import { Alert, Button, Input, Select, Space, Statistic, Table, message } from 'antd';
import React, { useCallback, useEffect, useState } from 'react';
import { useT } from '../locale';
import { BalanceDetail, errorText, hours, useDutyApi } from './api';

export const MyCompTime = () => {
  const { t } = useT();
  const api = useDutyApi();
  const [messageApi, holder] = message.useMessage();
  const [detail, setDetail] = useState<BalanceDetail | null>(null);
  const [covers, setCovers] = useState<{ id: number; nickname: string }[]>([]);
  const [form, setForm] = useState({ start: '', end: '', coverUserId: undefined as number | undefined, reason: '' });
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setDetail(await api.balance());
      setCovers(await api.covers());
    } catch (e) {
      setError(errorText(e));
    }
  }, [api]);
  useEffect(() => void load(), [load]);
  const submit = async () => {
    try {
      await api.submit({ start: form.start, end: form.end, coverUserId: form.coverUserId!, reason: form.reason || undefined });
      messageApi.success(t('Request sent to the window lead'));
      setError(null);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const source = (e: BalanceDetail['entries'][number]) =>
    e.sourceType === 'dutyShift' ? t('Weekend duty') : e.sourceType === 'booking' ? t('Holiday appointment') : t('Comp-time requests');
  return (
    <div data-testid="my-comp-time">
      {holder}
      <Space size="large">
        <Statistic title={t('Balance (h)')} value={hours(detail?.balance ?? 0)} />
        <Statistic title={t('Earned')} value={hours(detail?.earned ?? 0)} />
        <Statistic title={t('Taken')} value={hours(detail?.taken ?? 0)} />
        <Statistic title={t('Pending sign-off')} value={hours(detail?.pending ?? 0)} />
      </Space>
      <Space wrap style={{ marginTop: 16 }}>
        <Input placeholder="2026-03-16 09:00" value={form.start} onChange={(e: any) => setForm({ ...form, start: e.target.value })} data-testid="request-start" />
        <Input placeholder="2026-03-16 12:00" value={form.end} onChange={(e: any) => setForm({ ...form, end: e.target.value })} data-testid="request-end" />
        <Select style={{ minWidth: 160 }} placeholder={t('Cover (顶岗)')} value={form.coverUserId} onChange={(v: number) => setForm({ ...form, coverUserId: v })}
          options={covers.map((c) => ({ value: c.id, label: c.nickname }))} />
        <Input placeholder={t('Reason')} value={form.reason} onChange={(e: any) => setForm({ ...form, reason: e.target.value })} />
        <Button type="primary" onClick={submit} data-testid="request-submit">{t('Request comp time')}</Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="request-error" />}
      <Table rowKey="id" size="small" style={{ marginTop: 16 }} pagination={false} dataSource={detail?.entries ?? []}
        columns={[
          { title: t('Date'), dataIndex: 'date', key: 'date' },
          { title: t('Entry kind'), key: 'kind', render: (_: any, e: any) => t(e.kind === 'earned' ? 'Earned' : 'Taken') },
          { title: t('Hours'), key: 'hours', render: (_: any, e: any) => hours(e.minutes) },
          { title: t('Source'), key: 'source', render: (_: any, e: any) => `${source(e)} #${e.sourceId}` },
        ]} />
    </div>
  );
};
