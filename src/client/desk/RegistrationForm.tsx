// The desk's registration form block (issue 6; R-HOL-1..5, R-HOL-4's fields): find the item, read
// out its materials, pick a valid day and a slot with seats left, type the applicant, submit once.
// Built for the phone: everything reachable by Tab, Enter submits, errors appear under their field.
import React, { useEffect, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { searchItems } from '../../rules/itemSearch';
import { desk, DeskItem, ItemAvailability, NextYearOutlook, serverErrors } from './api';
import { announceBookingRegistered, useDeskT } from './env';
import { bookableDates, fieldOfError, firstBookableDate, phoneState } from './logic';
import { PrintOverlay } from './PrintSheet';

const FIELDS = ['serviceItemId', 'date', 'start', 'channel', 'applicantName', 'applicantPhone', 'applicantUnit', 'notes'];

/**
 * R-CAL-4: next year's statutory calendar is not entered yet (from the warning day on): bookings
 * after 31 December cannot be taken; the server's message says so and who can fix it.
 */
export function NextYearBanner({ outlook }: { outlook: NextYearOutlook | null | undefined }) {
  if (!outlook?.warn || !outlook.message) return null;
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="desk-next-year-warning" data-year={outlook.year}
      message={outlook.message} />
  );
}

function ItemNotice({ item, t }: { item: DeskItem; t: (k: string, o?: any) => string }) {
  const yes = (on: boolean, label: string, testid: string) => (
    <Tag color={on ? 'green' : 'default'} data-testid={testid} data-on={on ? 'yes' : 'no'}>
      {label}：{on ? t('Accepted') : t('Not accepted')}
    </Tag>
  );
  return (
    <Card size="small" data-testid="desk-item-notice" style={{ marginBottom: 16 }}
      title={<span>{t('One-time notice: read the materials to the applicant')}</span>}>
      <Space wrap style={{ marginBottom: 8 }}>
        {yes(item.offeredOnHolidays, t('Holiday appointment'), 'desk-item-holiday')}
        {yes(item.offeredOnWeekends, t('Weekend service'), 'desk-item-weekend')}
        <Tag>{t('Expected {{minutes}} minutes', { minutes: item.expectedMinutes })}</Tag>
        {item.leadWindow ? <Tag>{t('Window')}：{item.leadWindow.name}</Tag> : null}
      </Space>
      {item.materials.length ? (
        <ol data-testid="desk-item-materials" style={{ margin: 0, paddingLeft: 20 }}>
          {item.materials.map((m, i) => <li key={i}>{m}</li>)}
        </ol>
      ) : (
        <Typography.Text type="secondary">{t('No materials listed')}</Typography.Text>
      )}
    </Card>
  );
}

export function RegistrationForm() {
  const { t } = useDeskT();
  const [form] = Form.useForm();
  const [items, setItems] = useState<DeskItem[] | null>(null);
  const [query, setQuery] = useState('');
  const [avail, setAvail] = useState<ItemAvailability | null>(null);
  const [availLoading, setAvailLoading] = useState(false);
  const [me, setMe] = useState<{ nickname?: string; username?: string } | null | undefined>(undefined);
  const [outlook, setOutlook] = useState<NextYearOutlook | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<any>(null);
  const [printing, setPrinting] = useState(false);
  const itemId = Form.useWatch('serviceItemId', form);
  const date = Form.useWatch('date', form);
  const channel = Form.useWatch('channel', form);
  const phone = Form.useWatch('applicantPhone', form);

  useEffect(() => {
    desk.items().then(setItems, (e) => setFormError(serverErrors(e)[0].message));
    desk.me().then(setMe, () => setMe(null));
    // A banner only: the form works without it (e.g. a host that answers no calendar:outlook).
    desk.outlook().then(setOutlook, () => setOutlook(null));
  }, []);

  const loadAvailability = (id: number) => {
    setAvailLoading(true);
    return desk.availability(id).then(
      (a) => setAvail(a),
      (e) => form.setFields([{ name: 'serviceItemId', errors: [serverErrors(e)[0].message] }]),
    ).finally(() => setAvailLoading(false));
  };

  useEffect(() => {
    setAvail(null);
    form.setFieldsValue({ date: undefined, start: undefined });
    if (itemId) loadAvailability(itemId);
  }, [itemId]);

  const item = avail?.item ?? items?.find((i) => i.id === itemId) ?? null;
  const dates = useMemo(() => bookableDates(avail?.days ?? []), [avail]);
  const dateText = date ? dayjs(date).format('YYYY-MM-DD') : null;
  const day = avail?.days.find((d) => d.date === dateText) ?? null;
  const options = useMemo(
    () => searchItems(items ?? [], query, 50).map((i) => ({ value: i.id, label: `${i.code}　${i.name}` })),
    [items, query],
  );
  const phoneNow = phoneState(phone ?? '');

  const onFinish = async (values: Record<string, any>) => {
    setFormError(null);
    if (phoneState(values.applicantPhone).state !== 'valid') {
      form.setFields([{ name: 'applicantPhone', errors: [t('Enter a mobile (11 digits) or a landline with area code, e.g. 0533-2512345')] }]);
      return;
    }
    setSubmitting(true);
    try {
      const booking = await desk.register({
        serviceItemId: values.serviceItemId, start: values.start, channel: values.channel,
        applicantName: values.applicantName, applicantPhone: values.applicantPhone,
        applicantUnit: values.applicantUnit || undefined, notes: values.notes || undefined,
      });
      setDone(booking);
      announceBookingRegistered(booking);
    } catch (e) {
      const loose: string[] = [];
      for (const err of serverErrors(e)) {
        const field = fieldOfError(err.code);
        if (field) form.setFields([{ name: field, errors: [err.message] }]);
        else loose.push(err.message);
      }
      if (loose.length) setFormError(loose.join('; '));
      if (serverErrors(e).some((x) => x.code === 'SLOT_FULL') && values.serviceItemId) loadAvailability(values.serviceItemId);
    } finally {
      setSubmitting(false);
    }
  };

  const again = () => {
    setDone(null);
    setPrinting(false);
    form.resetFields();
    setQuery('');
    if (itemId) loadAvailability(itemId);
  };

  if (done) {
    return (
      <div data-testid="desk-done">
        <Result
          status="success"
          title={t('Registered')}
          subTitle={
            <span>
              {t('Booking number')}：<b data-testid="desk-booking-number">{done.number}</b>
              {' · '}{item?.name}{' · '}{dayjs(done.appointmentStart).format('YYYY-MM-DD HH:mm')}
            </span>
          }
          extra={[
            <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)} autoFocus data-testid="desk-print">
              {t('Print registration form')}
            </Button>,
            <Button key="again" onClick={again} data-testid="desk-again">{t('New registration')}</Button>,
          ]}
        />
        {printing ? <PrintOverlay bookingId={done.id} onClose={() => setPrinting(false)} /> : null}
      </div>
    );
  }

  return (
    <Spin spinning={items === null}>
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ channel: 'onSite' }} data-testid="desk-form"
        data-ready={items !== null && me !== undefined ? 'yes' : 'no'}
        onValuesChange={(changed: Record<string, unknown>) => {
          // A field the user touches again loses its server error; the form-level one goes too.
          const touched = Object.keys(changed).filter((k) => FIELDS.includes(k));
          if (touched.length) setFormError(null);
        }}>
        <NextYearBanner outlook={avail?.nextYear ?? outlook} />
        {formError ? <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} data-testid="desk-form-error" /> : null}
        <Form.Item name="serviceItemId" label={t('Service item')} rules={[{ required: true, message: t('Choose the service item') }]}
          extra={t('Search by name, code or pinyin initials (e.g. bdc)')}>
          <Select showSearch autoFocus filterOption={false} onSearch={setQuery} options={options} data-testid="desk-item"
            placeholder={t('Name, code or pinyin initials')} notFoundContent={items === null ? <Spin size="small" /> : t('No bookable item')}
            onChange={() => setQuery('')} />
        </Form.Item>
        {item ? <ItemNotice item={item} t={t} /> : null}
        {avail?.notConfiguredFrom ? (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }}
            message={t('The statutory calendar from {{date}} is not entered yet; later days cannot be booked.', { date: avail.notConfiguredFrom })} />
        ) : null}
        <Space align="start" wrap size="large">
          <Form.Item name="date" label={t('Appointment date')} rules={[{ required: true, message: t('Choose a day') }]}
            extra={avail && !dates.size ? t('No bookable day in the next 60 days') : t('Only days this item can be booked for')}>
            <DatePicker format="YYYY-MM-DD" disabled={!avail} data-testid="desk-date" style={{ width: 200 }}
              disabledDate={(d: any) => !dates.has(d.format('YYYY-MM-DD'))}
              defaultPickerValue={avail && firstBookableDate(avail.days) ? dayjs(firstBookableDate(avail.days)!) : undefined}
              onChange={() => form.setFieldsValue({ start: undefined })}
              cellRender={(current: any, info: any) => {
                if (info?.type && info.type !== 'date') return info.originNode;
                const d = avail?.days.find((x) => x.date === current.format('YYYY-MM-DD'));
                return (
                  <div className="ant-picker-cell-inner" title={d?.holidayName ?? undefined}
                    data-kind={d?.kind} style={d?.bookable ? { fontWeight: 600 } : undefined}>
                    {current.date()}
                  </div>
                );
              }} />
          </Form.Item>
          <Form.Item name="start" label={t('Time slot')} rules={[{ required: true, message: t('Choose a time slot') }]}
            extra={day ? `${day.kind === 'holiday' ? `${t('Holiday appointment')}${day.holidayName ? ` · ${day.holidayName}` : ''}` : t('Weekend service')}` : undefined}>
            <Select showSearch disabled={!day} style={{ width: 220 }} data-testid="desk-slot" placeholder={t('Time slot')}
              options={(day?.slots ?? []).map((s) => ({
                value: s.start, disabled: s.remaining <= 0,
                label: s.remaining > 0 ? t('{{time}} ({{remaining}} left)', { time: s.time, remaining: s.remaining }) : t('{{time}} (full)', { time: s.time }),
              }))} />
          </Form.Item>
        </Space>
        <Form.Item name="channel" label={t('Channel')} rules={[{ required: true }]}
          extra={channel === 'phone' && avail && !avail.phoneOpen ? <Typography.Text type="warning" data-testid="desk-phone-closed">{avail.phoneRefusal?.message}</Typography.Text> : undefined}>
          <Radio.Group data-testid="desk-channel">
            <Radio value="onSite">{t('On site')}</Radio>
            <Radio value="phone">{t('By phone')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Space align="start" wrap size="large">
          <Form.Item name="applicantName" label={t('Applicant name')} rules={[{ required: true, whitespace: true, message: t('Enter the applicant\'s name') }, { max: 50 }]}>
            <Input style={{ width: 200 }} data-testid="desk-name" autoComplete="off" />
          </Form.Item>
          <Form.Item name="applicantPhone" label={t('Contact phone')} validateTrigger={['onChange', 'onBlur']}
            rules={[{ required: true, message: t('Enter a contact phone') }, {
              validator: (_: unknown, v: string) => (phoneState(v).state === 'invalid'
                ? Promise.reject(new Error(t('Enter a mobile (11 digits) or a landline with area code, e.g. 0533-2512345')))
                : Promise.resolve()),
            }]}
            extra={phoneNow.state === 'valid'
              ? <span data-testid="desk-phone-ok">{t(phoneNow.kind === 'mobile' ? 'Mobile: {{number}}' : 'Landline: {{number}}', { number: phoneNow.canonical })}</span>
              : phoneNow.state === 'incomplete' ? <span data-testid="desk-phone-incomplete">{t('Keep typing…')}</span> : undefined}>
            <Input style={{ width: 200 }} data-testid="desk-phone" autoComplete="off" inputMode="tel" />
          </Form.Item>
          <Form.Item name="applicantUnit" label={t('Unit')} rules={[{ max: 100 }]}>
            <Input style={{ width: 280 }} data-testid="desk-unit" autoComplete="off" />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('Notes')}>
          <Input data-testid="desk-notes" autoComplete="off" />
        </Form.Item>
        <Space align="center" wrap>
          <Button type="primary" htmlType="submit" loading={submitting || availLoading} data-testid="desk-submit">{t('Register')}</Button>
          <Typography.Text type="secondary" data-testid="desk-recorder">
            {t('Recorder')}：{me ? me.nickname || me.username : '…'}
          </Typography.Text>
        </Space>
      </Form>
    </Spin>
  );
}
