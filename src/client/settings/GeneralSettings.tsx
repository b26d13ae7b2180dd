// Settings page 预约+无休 › 基本设置: every configurable number of the catalogue, one card per settings
// section (the booking engine's, and each feature's that registered one on the server — rendered
// from the values' shapes, so a new section needs no code here). Checked as you type with the same
// pure rules the server uses (src/rules/settings.ts), and the server's own message is shown at the
// field it names when it refuses.
import { MinusCircleOutlined, PlusOutlined, ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Spin, Typography, message } from 'antd';
import React, { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { NS } from '../../constants';
import { checkPhone } from '../../rules/phone';
import { checkSettings, parseHHmm, type DutySettings } from '../../rules/settings';
import { useT } from '../locale';
import { problemOf, useSettingsApi, type Sections, type SettingsAnswer } from './GeneralApi';

type Session = { start: string; end: string };
type Kind = 'number' | 'text' | 'sessions' | 'numberMap' | 'other';

/** How to edit a field, from its default (or current) value's shape. */
function kindOf(def: unknown, value: unknown): Kind {
  const v = def ?? value;
  if (typeof v === 'number' || (def === null && (value === null || typeof value === 'number'))) return 'number';
  if (typeof v === 'string') return 'text';
  if (Array.isArray(v) && v.every((s) => s && typeof s === 'object' && 'start' in s && 'end' in s)) return 'sessions';
  if (v && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'number')) return 'numberMap';
  return 'other';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const errorKey = (section: string, field: string) => `${section}.${field}`;

function SessionsEditor(props: { id: string; value: Session[]; onChange: (v: Session[]) => void; addText: string; removeText: string }) {
  const { id, value, onChange } = props;
  const set = (i: number, part: keyof Session, text: string) => onChange(value.map((s, j) => (j === i ? { ...s, [part]: text } : s)));
  return (
    <Space direction="vertical" data-testid={id}>
      {value.map((s, i) => (
        <Space key={i}>
          <Input data-testid={`${id}-${i}-start`} value={s.start} onChange={(e) => set(i, 'start', e.target.value)} style={{ width: 90 }}
            placeholder="09:00" status={parseHHmm(s.start) === null ? 'error' : undefined} aria-label={`${i + 1} start`} />
          <span>–</span>
          <Input data-testid={`${id}-${i}-end`} value={s.end} onChange={(e) => set(i, 'end', e.target.value)} style={{ width: 90 }}
            placeholder="12:00" status={parseHHmm(s.end, true) === null ? 'error' : undefined} aria-label={`${i + 1} end`} />
          <Button type="text" icon={<MinusCircleOutlined />} aria-label={props.removeText} title={props.removeText}
            onClick={() => onChange(value.filter((_, j) => j !== i))} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...value, { start: '', end: '' }])}>{props.addText}</Button>
    </Space>
  );
}

export const GeneralSettings = () => {
  const { t } = useT();
  const api = useSettingsApi();
  const [messageApi, messageHolder] = message.useMessage();
  const [loaded, setLoaded] = useState<SettingsAnswer | null>(null);
  const [values, setValues] = useState<Sections>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'load' | 'save' | null>('load');

  const tr = useCallback((code: string, params: Record<string, unknown> = {}) => t(code, { ns: [NS, 'client'], ...params }) as string, [t]);

  const load = useCallback(async () => {
    setBusy('load');
    try {
      const answer = await api.get();
      setLoaded(answer);
      setValues(answer.sections);
      setErrors({});
      setServerError(null);
    } catch (e) {
      setServerError(problemOf(e).message);
    } finally {
      setBusy(null);
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  /** Client-side hints: the booking section through the server's own pure check, phone as typed. */
  const hints = useMemo(() => {
    const out: Record<string, string> = {};
    const booking = values.booking as unknown as DutySettings | undefined;
    if (booking) {
      const problem = checkSettings(booking);
      if (problem) out[errorKey('booking', String(problem.params.field ?? 'phoneNumber'))] = tr(problem.code, problem.params);
      const phone = checkPhone(booking.phoneNumber);
      if (phone) out[errorKey('booking', 'phoneNumber')] = tr(phone.code, phone.params);
    }
    return out;
  }, [values, tr]);

  const change = (section: string, field: string, value: unknown) => {
    setValues((v) => ({ ...v, [section]: { ...v[section], [field]: value } }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== errorKey(section, field))));
    setServerError(null);
  };

  const patch = useMemo(() => {
    const out: Sections = {};
    for (const [section, fields] of Object.entries(values)) {
      for (const [field, value] of Object.entries(fields)) {
        if (!same(value, loaded?.sections[section]?.[field])) (out[section] ??= {})[field] = value;
      }
    }
    return out;
  }, [values, loaded]);

  const save = async () => {
    if (!Object.keys(patch).length) {
      messageApi.info(tr('Nothing changed'));
      return;
    }
    if (Object.keys(hints).length) {
      setServerError(Object.values(hints)[0]);
      return;
    }
    setBusy('save');
    try {
      const answer = await api.update(patch);
      setLoaded(answer);
      setValues(answer.sections);
      setErrors({});
      setServerError(null);
      messageApi.success(tr('Settings saved'));
    } catch (e) {
      const p = problemOf(e, Object.keys(patch).length === 1 ? Object.keys(patch)[0] : undefined);
      setServerError(p.message);
      if (p.section && p.field) setErrors({ [errorKey(p.section, p.field)]: p.message });
    } finally {
      setBusy(null);
    }
  };

  const resetSection = (section: string) => setValues((v) => ({ ...v, [section]: { ...loaded!.defaults[section] } }));

  const renderField = (section: string, field: string) => {
    const value = values[section]?.[field];
    const def = loaded?.defaults[section]?.[field];
    const kind = kindOf(def, value);
    const id = `settings-${section}-${field}`;
    const range = loaded?.ranges?.[section]?.[field];
    const error = errors[errorKey(section, field)] ?? hints[errorKey(section, field)];
    let input: ReactNode;
    if (kind === 'number') {
      input = (
        <InputNumber data-testid={id} value={value as number | null} precision={0} min={range?.[0]} max={range?.[1]} style={{ width: 160 }}
          onChange={(v) => change(section, field, v === undefined ? null : v)} />
      );
    } else if (kind === 'text') {
      input = <Input data-testid={id} value={String(value ?? '')} style={{ width: 260 }} onChange={(e) => change(section, field, e.target.value)} />;
    } else if (kind === 'sessions') {
      input = (
        <SessionsEditor id={id} value={(value as Session[]) ?? []} onChange={(v) => change(section, field, v)}
          addText={tr('Add session')} removeText={tr('Remove session')} />
      );
    } else if (kind === 'numberMap') {
      const map = (value ?? {}) as Record<string, number>;
      input = (
        <Space wrap>
          {Object.keys({ ...(def as object), ...map }).map((k) => (
            <Space key={k}>
              <span>{tr(`SETTINGS_FIELD_${field}_${k}`, { defaultValue: k })}</span>
              <InputNumber data-testid={`${id}-${k}`} value={map[k]} precision={0} style={{ width: 100 }}
                onChange={(v) => change(section, field, { ...map, [k]: v })} />
            </Space>
          ))}
        </Space>
      );
    } else {
      input = <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
    }
    return (
      <Form.Item key={field} label={tr(`SETTINGS_FIELD_${field}`, { defaultValue: field })} validateStatus={error ? 'error' : undefined}
        help={error ? <span data-testid={`${id}-error`}>{error}</span> : undefined}
        extra={range && !error ? tr('Allowed {{min}}–{{max}}', { min: range[0], max: range[1] }) : undefined}>
        {input}
      </Form.Item>
    );
  };

  if (busy === 'load' && !loaded) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <div data-testid="general-settings">
      {messageHolder}
      {serverError && <Alert type="error" showIcon message={<span data-testid="settings-error">{serverError}</span>} style={{ marginBottom: 16 }} />}
      <Form layout="horizontal" labelCol={{ span: 7 }} wrapperCol={{ span: 17 }} onFinish={save}>
        {Object.keys(values).map((section) => (
          <Card key={section} title={tr(`SETTINGS_SECTION_${section}`, { defaultValue: section })} style={{ marginBottom: 16 }}
            extra={<Button size="small" icon={<UndoOutlined />} onClick={() => resetSection(section)}>{tr('Reset to defaults')}</Button>}>
            {Object.keys(values[section]).map((field) => renderField(section, field))}
          </Card>
        ))}
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy === 'save'} data-testid="settings-save">{tr('Save')}</Button>
          <Button icon={<ReloadOutlined />} onClick={load} data-testid="settings-reload">{tr('Discard changes')}</Button>
        </Space>
      </Form>
    </div>
  );
};
