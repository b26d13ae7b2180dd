// The handler's dialogs: log a contact (materials notice read out, time reconfirmed — R-PRE-1),
// complete (outcome, actual start–end, the applicant's signature — R-DAY-3), abandon (R-DAY-2) and
// ask for a reschedule (R-RSC-1..3). Each calls one booking-engine action; its refusal is shown as is.
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import React, { useEffect, useState } from 'react';
import { useT } from '../locale';
import { errorText, type BookingRow } from './api';
import { PICKER_FORMAT, appointmentText, pickerToWall, wallToPicker } from './common';
import { CONTACT_RESULT_LABELS } from './BookingTimeline';
import { completionDefaults, shanghaiWall, signatureInput, wallToIso } from './logic';
import { SignaturePad } from './SignaturePad';
import { pickerMinuteStep, useBookingSettings } from '../settings/stored';

export type DialogKind = 'logContact' | 'complete' | 'abandon' | 'requestReschedule';

interface Props {
  kind: DialogKind | null;
  booking: BookingRow | null;
  onCancel: () => void;
  /** Runs the action; resolves when done, throws (with the server's error) to keep the dialog open. */
  onSubmit: (action: DialogKind, body: Record<string, unknown>) => Promise<void>;
}

const TITLES: Record<DialogKind, string> = {
  logContact: 'BOOKING_ACTION_logContact', complete: 'BOOKING_ACTION_complete', abandon: 'BOOKING_ACTION_abandon',
  requestReschedule: 'BOOKING_ACTION_requestReschedule',
};

const timeRule = (t: (k: string) => string) => ({
  validator: (_: unknown, v: any) => (!v || wallToIso(pickerToWall(v)) ? Promise.resolve() : Promise.reject(new Error(t('Enter a time as YYYY-MM-DD HH:mm')))),
});

export const StaffDialog = ({ kind, booking, onCancel, onSubmit }: Props) => {
  const { t } = useT();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const signMode: 'draw' | 'confirm' = Form.useWatch('signMode', form) || 'draw';
  // The configured numbers the texts quote (R-DAY-2 minutes late, R-RSC-2 notice hours, R-HOL-5 slot grid).
  const settings = useBookingSettings();

  useEffect(() => {
    if (!kind || !booking) return;
    form.resetFields();
    setError(null);
    setSignature(null);
    if (kind === 'logContact') {
      form.setFieldsValue({ result: 'reached', materialsNoticeGiven: false, confirmedStart: wallToPicker(shanghaiWall(booking.appointmentStart)) });
    }
    if (kind === 'complete') {
      const d = completionDefaults(booking, new Date());
      form.setFieldsValue({ signMode: 'draw', actualStart: wallToPicker(d.actualStart), actualEnd: wallToPicker(d.actualEnd) });
    }
    if (kind === 'requestReschedule') form.setFieldsValue({ kind: 'ordinary' });
  }, [kind, booking, form]);

  const body = (v: Record<string, any>): Record<string, unknown> | null => {
    const iso = (x: any) => (x ? wallToIso(pickerToWall(x)) : null);
    switch (kind) {
      case 'logContact':
        return { result: v.result, materialsNoticeGiven: !!v.materialsNoticeGiven, confirmedStart: iso(v.confirmedStart), note: v.note?.trim() || null };
      case 'complete': {
        const applicantSignature = signatureInput(v.signMode || 'draw', signature, v.confirmation || '');
        if (!applicantSignature) {
          setError(t(v.signMode === 'confirm' ? 'Record how the applicant confirmed' : 'The applicant has not signed yet'));
          return null;
        }
        return { outcome: v.outcome?.trim() || null, actualStart: iso(v.actualStart), actualEnd: iso(v.actualEnd), applicantSignature };
      }
      case 'abandon':
        return { reason: v.reason?.trim() };
      case 'requestReschedule':
        return { kind: v.kind, reason: v.reason?.trim(), proposedStart: iso(v.proposedStart) };
      default:
        return null;
    }
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !kind) return;
    const payload = body(values);
    if (!payload) return;
    setSaving(true);
    setError(null);
    try {
      await onSubmit(kind, payload);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const materials = booking?.serviceItem?.materials || [];
  return (
    <Modal
      open={!!kind && !!booking}
      title={kind && booking ? `${t(TITLES[kind])} · ${booking.number}` : ''}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={saving}
      okText={t('Save')}
      cancelText={t('Cancel')}
      okButtonProps={{ 'data-testid': 'staff-dialog-ok', danger: kind === 'abandon' }}
      width={kind === 'complete' ? 560 : 520}
      forceRender
      wrapClassName={`govhall-staff-dialog govhall-staff-${kind}`}
    >
      {booking ? (
        <Typography.Paragraph type="secondary">
          {booking.applicantName} · {booking.applicantPhone} · {booking.serviceItem?.name} · {appointmentText(booking)}
        </Typography.Paragraph>
      ) : null}
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="staff-dialog-error" /> : null}
      <Form form={form} layout="vertical">
        {kind === 'logContact' ? (
          <>
            <Form.Item name="result" label={t('Result')} rules={[{ required: true }]}>
              <Radio.Group options={Object.entries(CONTACT_RESULT_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
            </Form.Item>
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              message={t('Materials to read out (one-time notice)')}
              description={materials.length ? <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="materials-notice">{materials.map((m) => <li key={m}>{m}</li>)}</ol> : t('No materials listed for this item')}
            />
            <Form.Item name="materialsNoticeGiven" valuePropName="checked">
              <Checkbox data-testid="materials-given">{t('Materials notice given to the applicant')}</Checkbox>
            </Form.Item>
            <Form.Item name="confirmedStart" label={t('Reconfirmed time')} rules={[timeRule(t)]}>
              <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={PICKER_FORMAT} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="note" label={t('Note')}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="contact-note" />
            </Form.Item>
          </>
        ) : null}

        {kind === 'complete' ? (
          <>
            <Form.Item name="outcome" label={t('Outcome')} rules={[{ required: true, whitespace: true, message: t('Describe how it was handled') }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="complete-outcome" />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item name="actualStart" label={t('Actual start')} rules={[{ required: true }, timeRule(t)]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: 200 }} data-testid="actual-start" />
              </Form.Item>
              <Form.Item name="actualEnd" label={t('Actual end')} rules={[{ required: true }, timeRule(t)]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: 200 }} data-testid="actual-end" />
              </Form.Item>
            </Space>
            <Form.Item name="signMode" label={t('Applicant signature')}>
              <Radio.Group optionType="button" options={[
                { value: 'draw', label: t('Signed on screen') },
                { value: 'confirm', label: t('Confirmed otherwise') },
              ]} />
            </Form.Item>
            {signMode === 'draw' ? (
              <SignaturePad onChange={setSignature} />
            ) : (
              <Form.Item name="confirmation" label={t('How the applicant confirmed')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={500} placeholder={t('e.g. confirmed orally on site, recorded by the window camera')} data-testid="signature-confirmation" />
              </Form.Item>
            )}
          </>
        ) : null}

        {kind === 'abandon' ? (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }}
              message={settings
                ? t('Only once the applicant is {{minutes}} minutes late, after trying to reach them.', { minutes: settings.lateMinutes })
                : t('Only once the applicant is late, after trying to reach them.')} />
            <Form.Item name="reason" label={t('Reason')} rules={[{ required: true, whitespace: true, message: t('A reason is required') }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="abandon-reason" />
            </Form.Item>
          </>
        ) : null}

        {kind === 'requestReschedule' ? (
          <>
            <Form.Item name="kind" label={t('Kind')}>
              <Select options={[{ value: 'ordinary', label: settings ? t('Ordinary ({{hours}} hours before)', { hours: settings.rescheduleNoticeHours }) : t('Ordinary') }, { value: 'forceMajeure', label: t('Force majeure') }]} />
            </Form.Item>
            <Form.Item name="reason" label={t('Reason')} rules={[{ required: true, whitespace: true, message: t('A reason is required') }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="reschedule-reason" />
            </Form.Item>
            <Form.Item name="proposedStart" label={t('Proposed time')} rules={[timeRule(t)]}>
              <DatePicker showTime={{ format: 'HH:mm', minuteStep: pickerMinuteStep(settings?.slotMinutes) }} format={PICKER_FORMAT} style={{ width: 220 }} data-testid="reschedule-proposed" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
};
