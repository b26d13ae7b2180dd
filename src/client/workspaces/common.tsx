// Pieces every workspace shares: status tag, the booking's number (opens its timeline), a loader
// hook that keeps the server's message, and a Shanghai date-time picker value.
import { Alert, Button, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../locale';
import { errorText, type BookingRow } from './api';
import { STATUS_COLORS, shanghaiWall } from './logic';

export const STATUS_LABELS: Record<string, string> = {
  registered: 'Registered', dispatched: 'Dispatched', signedFor: 'Signed for', contacted: 'Contacted',
  inService: 'In service', completed: 'Completed', abandoned: 'Abandoned by applicant', cancelled: 'Cancelled',
};

export const StatusTag = ({ status }: { status: string | null | undefined }) => {
  const { t } = useT();
  if (!status) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={STATUS_COLORS[status] || 'default'} data-status={status}>
      {t(STATUS_LABELS[status] || status)}
    </Tag>
  );
};

export const KindTag = ({ kind }: { kind?: string | null }) => {
  const { t } = useT();
  if (!kind) return null;
  return <Tag color={kind === 'holiday' ? 'red' : 'geekblue'}>{t(kind === 'holiday' ? 'Holiday appointment' : 'Weekend service')}</Tag>;
};

/** The booking number as a link that opens the booking's timeline. */
export const BookingNumber = ({ booking, onOpen }: { booking: BookingRow; onOpen: (b: BookingRow) => void }) => (
  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(booking)} data-testid={`timeline-open-${booking.id}`}>
    {booking.number}
  </Button>
);

export const When = ({ value }: { value?: string | null }) => <span>{shanghaiWall(value) || '—'}</span>;

/** The appointment's time span in Shanghai ('2026-02-17 10:00–11:30'). */
export const appointmentText = (b: Pick<BookingRow, 'appointmentStart' | 'appointmentEnd'>) =>
  `${shanghaiWall(b.appointmentStart)}–${shanghaiWall(b.appointmentEnd).slice(11)}`;

/** Loads with `fn`; `reload()` runs it again. A failure keeps the server's own message. */
export function useLoader<T>(fn: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await fn();
      if (mine === seq.current) {
        setData(value);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, loading, error, reload };
}

export const LoadError = ({ error }: { error: string | null }) =>
  error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null;

/** A picker value for a Shanghai wall time: the picker shows the wall time as it is, whatever the browser's zone. */
export const wallToPicker = (wall: string) => (wall ? dayjs(wall.replace(' ', 'T')) : null);
export const pickerToWall = (value: any): string => (value && value.format ? value.format('YYYY-MM-DD HH:mm') : '');
export const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';
