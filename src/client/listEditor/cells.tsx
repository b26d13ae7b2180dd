// Inline editors of one table cell: they keep what is typed until it is saved (blur or Enter), and
// show the server's refusal under the field while the stored value stays as it was.
import { Input, InputNumber, Typography } from 'antd';
import React, { useEffect, useState } from 'react';
import { overHalfDay } from './logic';

export const CellError = ({ message, testId }: { message?: string; testId: string }) =>
  message ? (
    <Typography.Text type="danger" className="govhall-le-error" data-testid={testId} style={{ display: 'block', fontSize: 12, lineHeight: '16px' }}>
      {message}
    </Typography.Text>
  ) : null;

interface EditableProps<T> {
  value: T;
  onSave: (value: T) => void;
  error?: string;
  testId: string;
  disabled?: boolean;
}

export const EditableText = ({ value, onSave, error, testId, disabled }: EditableProps<string>) => {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onSave(draft);
  };
  return (
    <>
      <Input
        size="small"
        value={draft}
        disabled={disabled}
        status={error ? 'error' : undefined}
        data-testid={testId}
        onChange={(e: any) => setDraft(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
        onKeyDown={(e: any) => e.key === 'Escape' && setDraft(value)}
      />
      <CellError message={error} testId={`${testId}-error`} />
    </>
  );
};

export const EditableNumber = ({
  value, onSave, error, testId, disabled, min, warnAbove,
}: EditableProps<number> & { min?: number; warnAbove?: number }) => {
  const [draft, setDraft] = useState<number | null>(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    // An emptied field is sent as is: the server says why it cannot be saved.
    if (draft !== value) onSave(draft as number);
  };
  const over = warnAbove !== undefined && overHalfDay(draft, warnAbove);
  return (
    <>
      <InputNumber
        size="small"
        value={draft}
        min={min}
        precision={0}
        disabled={disabled}
        status={error ? 'error' : over ? 'warning' : undefined}
        data-testid={testId}
        style={{ width: '100%' }}
        onChange={(v: number | null) => setDraft(v)}
        onBlur={commit}
        onPressEnter={commit}
        onKeyDown={(e: any) => e.key === 'Escape' && setDraft(value)}
      />
      <CellError message={error} testId={`${testId}-error`} />
    </>
  );
};
