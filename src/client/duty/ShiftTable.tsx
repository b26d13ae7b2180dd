// "My duty" and the window's month (R-WKD-2, R-WKD-3): shifts of a month, with check-in/out for
// one's own shifts, and for the window lead generate + publish. Plain React components.
import { Alert, Button, Space, Table, Tag, Typography, message } from 'antd';
import React, { useCallback, useEffect, useState } from 'react';
import { useT } from '../locale';
import { ShiftRow, addMonths, errorText, monthBounds, shanghai, thisMonth, useDutyApi } from './api';

function MonthSwitch({ month, onChange }: { month: string; onChange: (m: string) => void }) {
  return (
    <Space>
      <Button size="small" onClick={() => onChange(addMonths(month, -1))}>‹</Button>
      <Typography.Text strong data-testid="duty-month">{month}</Typography.Text>
      <Button size="small" onClick={() => onChange(addMonths(month, 1))}>›</Button>
    </Space>
  );
}

function useShiftColumns(opts: { userId?: number; onCheck?: (r: ShiftRow, what: 'in' | 'out') => void; showPerson?: boolean }) {
  const { t } = useT();
  return [
    { title: t('Date'), dataIndex: 'date', key: 'date' },
    { title: t('Time'), key: 'time', render: (_: any, r: ShiftRow) => `${shanghai(r.plannedStart).slice(11)}–${shanghai(r.plannedEnd).slice(11)}` },
    { title: t('Window'), dataIndex: 'windowName', key: 'windowName' },
    ...(opts.showPerson ? [{ title: t('Person on duty'), dataIndex: 'userName', key: 'userName' }] : []),
    { title: t('Duty role'), key: 'role', render: (_: any, r: ShiftRow) => (r.role === 'lead' ? <Tag color="gold">{t('Window lead on duty')}</Tag> : t('Staff on duty')) },
    { title: t('Duty kind'), key: 'kind', render: (_: any, r: ShiftRow) => t(r.kind === 'weekend' ? 'Weekend service' : 'Holiday appointment') },
    { title: t('Roster status'), key: 'status', render: (_: any, r: ShiftRow) => t(r.status === 'draft' ? 'Roster draft' : 'Roster published') },
    {
      title: t('Attendance'), key: 'attendance',
      render: (_: any, r: ShiftRow) => {
        const flag = r.attendance && r.attendance !== 'onTime'
          ? <Tag color="red" data-testid={`attendance-${r.id}`}>{t({ late: 'Late', leftEarly: 'Left early', absent: 'Absent' }[r.attendance])}</Tag> : null;
        return <Space>{flag}{attendanceCell(r)}</Space>;
      },
    },
  ];

  /** Check-in/out times, or the buttons on one's own shift (my duty). */
  function attendanceCell(r: ShiftRow) {
    const mine = opts.onCheck && r.userId === opts.userId;
    if (!r.checkInAt) return mine ? <Button size="small" data-testid={`check-in-${r.id}`} onClick={() => opts.onCheck!(r, 'in')}>{t('Check in')}</Button> : '—';
    if (r.checkOutAt) return `${shanghai(r.checkInAt).slice(11)}–${shanghai(r.checkOutAt).slice(11)}`;
    return (
      <Space>
        {shanghai(r.checkInAt).slice(11)}
        {mine && <Button size="small" data-testid={`check-out-${r.id}`} onClick={() => opts.onCheck!(r, 'out')}>{t('Check out')}</Button>}
      </Space>
    );
  }
}

export const MyDuty = ({ userId }: { userId: number }) => {
  const { t } = useT();
  const api = useDutyApi();
  const [messageApi, holder] = message.useMessage();
  const [month, setMonth] = useState(thisMonth());
  const [rows, setRows] = useState<ShiftRow[] | null>(null);
  const load = useCallback(async () => {
    setRows(null);
    try {
      setRows(await api.mine(month));
    } catch (e) {
      messageApi.error(errorText(e));
      setRows([]);
    }
  }, [api, month]);
  useEffect(() => void load(), [load]);
  const onCheck = async (r: ShiftRow, what: 'in' | 'out') => {
    try {
      await (what === 'in' ? api.checkIn(r.id) : api.checkOut(r.id));
      await load();
    } catch (e) {
      messageApi.error(errorText(e));
    }
  };
  const columns = useShiftColumns({ userId, onCheck });
  return (
    <div data-testid="my-duty">
      {holder}
      <MonthSwitch month={month} onChange={setMonth} />
      <Table rowKey="id" size="small" columns={columns} dataSource={rows ?? []} loading={rows === null} pagination={false}
        locale={{ emptyText: t('No duty this month') }} style={{ marginTop: 12 }} />
    </div>
  );
};

export const WindowRoster = ({ windowId, canManage }: { windowId: number; canManage: boolean }) => {
  const { t } = useT();
  const api = useDutyApi();
  const [messageApi, holder] = message.useMessage();
  const [month, setMonth] = useState(thisMonth());
  const [rows, setRows] = useState<ShiftRow[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const load = useCallback(async () => {
    setRows(null);
    try {
      setRows(await api.month(windowId, month));
    } catch (e) {
      messageApi.error(errorText(e));
      setRows([]);
    }
  }, [api, windowId, month]);
  useEffect(() => void load(), [load]);
  const run = async (what: 'generate' | 'publish') => {
    const { from, to } = monthBounds(month);
    try {
      const r = await api[what](windowId, from, to);
      setNote(what === 'generate' ? t('Roster generated: {{created}} new shifts, {{kept}} kept', r) : t('Roster published: {{published}} shifts', r));
      await load();
    } catch (e) {
      messageApi.error(errorText(e));
    }
  };
  const columns = useShiftColumns({ showPerson: true });
  return (
    <div data-testid="window-roster">
      {holder}
      <Space wrap>
        <MonthSwitch month={month} onChange={setMonth} />
        {canManage && <Button data-testid="roster-generate" onClick={() => run('generate')}>{t('Generate weekend roster')}</Button>}
        {canManage && <Button type="primary" data-testid="roster-publish" onClick={() => run('publish')}>{t('Publish roster')}</Button>}
      </Space>
      {note && <Alert type="success" showIcon message={note} style={{ marginTop: 12 }} />}
      <Table rowKey="id" size="small" columns={columns} dataSource={rows ?? []} loading={rows === null} pagination={false}
        locale={{ emptyText: t('No duty this month') }} style={{ marginTop: 12 }} />
    </div>
  );
};
