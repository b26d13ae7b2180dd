// R-CAL-4 on the calendar page: paste the State Council's notice → preview (its periods and the
// days it adds, changes or removes, each with its line; the year view below marks them) → apply.
// A notice that does not add up is refused by the server with the line named; that line is then
// selected in the text box.
import { CheckOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import React, { useRef, useState } from 'react';
import { useT } from '../locale';
import { errorText, type NoticeChange, type NoticePreview, type useCalendarApi } from './api';
import { mondayIndex } from './dates';
import { CHANGE_LABELS, KIND_LABELS, WEEKDAYS_SHORT } from './kinds';

type CalendarApi = ReturnType<typeof useCalendarApi>;

export interface NoticePanelProps {
  calendar: CalendarApi;
  /** The preview to draw on the year view (null: none / cleared). */
  onPreview: (preview: NoticePreview | null) => void;
  onApplied: (year: number, counts: NoticePreview['counts']) => void | Promise<void>;
  onClose: () => void;
}

/** Start and end offsets of 1-based line `n` of `text`. */
function lineRange(text: string, n: number): [number, number] | null {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

const TAG_COLOURS: Record<NoticeChange['change'], string> = { added: 'success', changed: 'processing', removed: 'error' };

export const NoticePanel = ({ calendar, onPreview, onApplied, onClose }: NoticePanelProps) => {
  const { t } = useT();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const box = useRef<any>(null);

  const showError = (e: any) => {
    setError(errorText(e));
    const line = e?.response?.data?.errors?.[0]?.params?.line;
    const area: HTMLTextAreaElement | undefined = box.current?.resizableTextArea?.textArea;
    const range = typeof line === 'number' ? lineRange(text, line) : null;
    if (area && range) {
      area.focus();
      area.setSelectionRange(range[0], range[1]);
    }
  };

  const doPreview = async () => {
    setBusy('preview');
    setError(null);
    try {
      const p = await calendar.previewNotice(text);
      setPreview(p);
      onPreview(p);
    } catch (e) {
      setPreview(null);
      onPreview(null);
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const doApply = async () => {
    if (!preview) return;
    setBusy('apply');
    setError(null);
    try {
      const done = await calendar.applyNotice(text, preview.diffKey);
      setPreview(null);
      onPreview(null);
      setText('');
      await onApplied(done.year, done.counts);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const state = (s: NoticeChange['before']) => `${t(KIND_LABELS[s.kind])}${s.holidayName ? ` ${s.holidayName}` : ''}`;
  const dayText = (date: string) => `${date} ${t(WEEKDAYS_SHORT[mondayIndex(date)])}`;
  const nothingToDo = !!preview && !preview.changes.length && preview.stored.configured;

  return (
    <Card size="small" title={t('Enter a year from the State Council notice')} data-testid="notice-panel"
      extra={<Button size="small" onClick={onClose} data-testid="notice-close">{t('Close')}</Button>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('Paste the whole notice 国务院办公厅关于YYYY年部分节假日安排的通知, title included, then preview. Weekday and lunar notes, day counts and make-up workdays are checked.')}
        </Typography.Text>
        <Input.TextArea ref={box} rows={8} value={text} data-testid="notice-text" spellCheck={false}
          placeholder={'国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：……'}
          onChange={(e: any) => {
            setText(e.target.value);
            if (preview) {
              setPreview(null);
              onPreview(null);
            }
          }} />
        {error ? <Alert type="error" showIcon message={error} data-testid="notice-error" /> : null}
        <Space wrap>
          <Button icon={<EyeOutlined />} onClick={doPreview} loading={busy === 'preview'} disabled={!text.trim()} data-testid="notice-preview">
            {t('Preview')}
          </Button>
          {preview ? (
            <Button type="primary" icon={<CheckOutlined />} onClick={doApply} loading={busy === 'apply'} disabled={nothingToDo} data-testid="notice-apply">
              {t('Apply to {{year}}', { year: preview.year })}
            </Button>
          ) : null}
        </Space>
        {preview ? (
          <>
            <Alert type={nothingToDo ? 'success' : 'info'} showIcon data-testid="notice-summary"
              message={nothingToDo
                ? t('{{year}} already matches the notice; nothing to change.', { year: preview.year })
                : t('{{year}}: {{added}} days added, {{changed}} changed, {{removed}} removed, {{unchanged}} unchanged. The year view below shows them; nothing is saved until you apply.', { year: preview.year, ...preview.counts })} />
            <Table size="small" rowKey="line" pagination={false} data-testid="notice-periods" dataSource={preview.periods}
              columns={[
                { title: t('Line'), dataIndex: 'line', width: 60 },
                { title: t('Holiday'), dataIndex: 'name', width: 140 },
                { title: t('Holiday period'), key: 'period', render: (_: unknown, p: any) => `${dayText(p.start)} – ${dayText(p.end)}` },
                { title: t('Days'), dataIndex: 'days', width: 60 },
                { title: t('Make-up workdays'), key: 'makeups', render: (_: unknown, p: any) => p.makeupWorkdays.map(dayText).join('、') || '—' },
              ]} />
            {preview.changes.length ? (
              <Table size="small" rowKey="date" pagination={false} scroll={{ y: 260 }} data-testid="notice-changes" dataSource={preview.changes}
                onRow={(c: NoticeChange) => ({ 'data-change': c.change, 'data-date': c.date } as any)}
                columns={[
                  { title: t('Date'), dataIndex: 'date', width: 130, render: (d: string) => dayText(d) },
                  { title: t('Change'), dataIndex: 'change', width: 140, render: (c: NoticeChange['change'], r: NoticeChange) =>
                    <Tag color={TAG_COLOURS[c]}>{t(CHANGE_LABELS[c])}{r.nameOnly ? ` (${t('name')})` : ''}</Tag> },
                  { title: t('Before → after'), key: 'states', render: (_: unknown, c: NoticeChange) => `${state(c.before)} → ${state(c.after)}` },
                  { title: t('Line'), key: 'line', render: (_: unknown, c: NoticeChange) => (c.line ? `${c.line}：${c.text}` : t('not in the notice')) },
                ]} />
            ) : null}
          </>
        ) : null}
      </Space>
    </Card>
  );
};
