// The desk's own list beside the registration form (预约登记 page): the bookings I recorded today and
// those still ahead, a look-up for a caller (booking number or full phone number, bookings:lookup),
// each booking's status at a glance and its 登记表 reprinted. What a row shows is what the server
// lets the desk read (masked phone numbers stay masked).
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import React, { useCallback, useEffect, useState } from 'react';
import { shanghaiWall, STATUS_COLORS } from '../workspaces/logic';
import { desk, serverErrors, type DeskBookingRow } from './api';
import { onBookingRegistered, useDeskT } from './env';
import { deskListQuery, lookupInput, type DeskListTab } from './logic';
import { PrintOverlay } from './PrintSheet';

// The status words the workspaces use (their texts are in the same namespace).
const STATUS_TEXT: Record<string, string> = {
  registered: 'Registered', dispatched: 'Dispatched', signedFor: 'Signed for', contacted: 'Contacted',
  inService: 'In service', completed: 'Completed', abandoned: 'Abandoned by applicant', cancelled: 'Cancelled',
};

const StatusTag = ({ status }: { status: string }) => {
  const { t } = useDeskT();
  return <Tag color={STATUS_COLORS[status] || 'default'} data-status={status}>{t(STATUS_TEXT[status] || status)}</Tag>;
};

/** The server's own messages; a failure without one (no such action, the network) in the user's language. */
function errorMessage(e: any, t: (key: string, options?: Record<string, unknown>) => string) {
  if (Array.isArray(e?.response?.data?.errors) && e.response.data.errors.length) return serverErrors(e).map((x) => x.message).join('; ');
  return t('The server could not answer (HTTP {{status}})', { status: e?.response?.status ?? '—' });
}

function useRows(load: () => Promise<DeskBookingRow[]>, deps: readonly unknown[]) {
  const { t } = useDeskT();
  const [rows, setRows] = useState<DeskBookingRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setRows((await load()) ?? []);
      setError(null);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { rows, error, loading, reload };
}

function BookingTable({ rows, loading, onPrint, testId }: {
  rows: DeskBookingRow[]; loading: boolean; onPrint: (b: DeskBookingRow) => void; testId: string;
}) {
  const { t } = useDeskT();
  return (
    <Table
      size="small" rowKey="id" loading={loading} dataSource={rows} pagination={false} data-testid={testId}
      locale={{ emptyText: t('No bookings') }}
      columns={[
        { title: t('Booking number'), dataIndex: 'number', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }} data-testid="desk-row-number">{v}</span> },
        { title: t('Applicant'), render: (_: unknown, b: DeskBookingRow) => <span>{b.applicantName}<br /><Typography.Text type="secondary">{b.applicantPhone}</Typography.Text></span> },
        { title: t('Service item'), render: (_: unknown, b: DeskBookingRow) => <span>{b.serviceItem?.name ?? '—'}<br /><Typography.Text type="secondary">{shanghaiWall(b.appointmentStart)}</Typography.Text></span> },
        { title: t('Status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        {
          title: '', key: 'print', width: 48,
          render: (_: unknown, b: DeskBookingRow) => (
            <Button size="small" icon={<PrinterOutlined />} aria-label={t('Reprint the registration form')} title={t('Reprint the registration form')}
              onClick={() => onPrint(b)} data-testid={`desk-reprint-${b.id}`} />
          ),
        },
      ]}
    />
  );
}

export function DeskBookings() {
  const { t } = useDeskT();
  const [tab, setTab] = useState<DeskListTab>('today');
  const [printing, setPrinting] = useState<DeskBookingRow | null>(null);
  const [me, setMe] = useState<number | null>(null);
  const [lookup, setLookup] = useState<{ q: string; at: number } | null>(null);
  const [text, setText] = useState('');
  const [lookupNote, setLookupNote] = useState<string | null>(null);
  useEffect(() => {
    desk.me().then((u) => setMe(u?.id ?? null), () => setMe(null));
  }, []);
  const list = useRows(async () => {
    if (!me) return [];
    const q = deskListQuery(tab, me, new Date());
    return desk.recorded(q.filter, q.sort);
  }, [tab, me]);
  const found = useRows(async () => (lookup ? desk.lookup(lookup.q) : []), [lookup]);
  useEffect(() => {
    list.reload();
  }, [list.reload]);
  // A booking just registered in the form beside this list shows up at once.
  useEffect(() => onBookingRegistered(() => list.reload()), [list.reload]);

  const search = (value: string) => {
    const input = lookupInput(value);
    setLookupNote('reason' in input ? t(input.reason) : null);
    setLookup(input.q === null ? null : { q: input.q, at: Date.now() }); // the same number again looks up again
  };
  useEffect(() => {
    if (lookup) found.reload();
  }, [found.reload, lookup]);

  return (
    <Card bordered={false} title={t('Bookings I recorded')} data-testid="desk-bookings"
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={() => list.reload()} aria-label={t('Refresh')} />}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div style={{ display: 'flex', gap: 8 }}>
          <Input allowClear value={text} placeholder={t('Booking number or the applicant\'s full phone')} data-testid="desk-lookup"
            onChange={(e: any) => {
              setText(e.target.value);
              if (!e.target.value) (setLookup(null), setLookupNote(null));
            }}
            onPressEnter={() => search(text)} />
          <Button type="primary" onClick={() => search(text)} data-testid="desk-lookup-go">{t('Look up')}</Button>
        </div>
        {lookupNote ? <Alert type="info" showIcon message={lookupNote} data-testid="desk-lookup-note" /> : null}
        {lookup ? (
          <div data-testid="desk-lookup-result">
            {found.error ? <Alert type="error" showIcon message={found.error} data-testid="desk-lookup-error" /> : (
              <BookingTable rows={found.rows ?? []} loading={found.loading} onPrint={setPrinting} testId="desk-lookup-table" />
            )}
          </div>
        ) : null}
        <Segmented value={tab} onChange={(v: DeskListTab) => setTab(v)} data-testid="desk-list-tabs"
          options={[{ value: 'today', label: t('Recorded today') }, { value: 'upcoming', label: t('Upcoming') }]} />
        {list.error ? <Alert type="error" showIcon message={list.error} /> : null}
        <BookingTable rows={list.rows ?? []} loading={list.loading} onPrint={setPrinting} testId={`desk-list-${tab}`} />
      </Space>
      {printing ? <PrintOverlay bookingId={printing.id} onClose={() => setPrinting(null)} /> : null}
    </Card>
  );
}
