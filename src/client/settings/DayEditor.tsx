// Small dialog to change one day: its kind (only the kinds its weekday allows), holiday name, note.
import { Form, Input, Modal, Radio, Typography } from 'antd';
import React, { useEffect, useState } from 'react';
import { useT } from '../locale';
import type { DayKind, SetDayInput } from './api';
import { allowedKinds, mondayIndex, type ResolvedDay } from './dates';
import { KIND_LABELS, WEEKDAYS_LONG } from './kinds';

export interface DayEditorProps {
  day: ResolvedDay | null;
  onCancel: () => void;
  /** Saves; resolves when done, throws to keep the dialog open. */
  onSave: (input: SetDayInput) => Promise<void>;
}

export const DayEditor = ({ day, onCancel, onSave }: DayEditorProps) => {
  const { t } = useT();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const kind: DayKind | undefined = Form.useWatch('kind', form);

  useEffect(() => {
    if (day) form.setFieldsValue({ kind: day.kind, holidayName: day.holidayName ?? '', note: day.note ?? '' });
  }, [day, form]);

  const submit = async () => {
    let values: Record<string, any>;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSaving(true);
    try {
      await onSave({
        date: day!.date,
        kind: values.kind,
        holidayName: values.kind === 'holiday' || values.kind === 'makeupWorkday' ? values.holidayName?.trim() || null : null,
        note: values.note?.trim() || null,
      });
    } catch {
      // The page has shown the server's message; keep the dialog open for a correction.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!day}
      title={day ? `${day.date} ${t(WEEKDAYS_LONG[mondayIndex(day.date)])}` : ''}
      okText={t('Save')}
      cancelText={t('Cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onCancel}
      forceRender
      width={480}
      okButtonProps={{ 'data-testid': 'day-editor-save' }}
      wrapClassName="govhall-day-editor"
    >
      <Form form={form} layout="vertical" requiredMark={false} data-testid="day-editor-form">
        <Form.Item name="kind" label={t('Day kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {day
              ? allowedKinds(day.date).map((k) => (
                  <Radio.Button key={k} value={k} data-testid={`kind-${k}`}>
                    {t(KIND_LABELS[k])}
                  </Radio.Button>
                ))
              : null}
          </Radio.Group>
        </Form.Item>
        {day && mondayIndex(day.date) < 5 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {t('A weekday is either a workday or a statutory holiday.')}
          </Typography.Paragraph>
        ) : null}
        {kind === 'holiday' || kind === 'makeupWorkday' ? (
          <Form.Item
            name="holidayName"
            label={t('Holiday name')}
            extra={kind === 'makeupWorkday' ? t('The holiday this make-up workday belongs to, e.g. 春节') : undefined}
            rules={[{ required: kind === 'holiday', whitespace: true, message: t('Enter the name of the holiday') }]}
          >
            <Input maxLength={50} placeholder={t('e.g. 春节')} data-testid="day-editor-holiday-name" />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('Note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="day-editor-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
