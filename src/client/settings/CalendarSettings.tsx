// Settings page "Statutory calendar" (R-CAL-1): the year's days by kind, editable by admins.
import { CheckCircleOutlined, DownloadOutlined, FileTextOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Select, Space, Spin, Tag, Typography, message } from 'antd';
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../locale';
import {
  YEAR_COLUMNS, errorText, useCalendarApi, type CalendarDayRow, type CalendarYear, type CalendarYearDetail, type NextYearOutlook, type NoticePreview,
  type SetDayInput,
} from './api';
import { countKinds, resolveYear, type ResolvedDay } from './dates';
import { DayEditor } from './DayEditor';
import { NoticePanel } from './NoticePanel';
import { changesByDate, previewRows } from './noticePreview';
import { ChangeLegend, KindLegend, YearView } from './YearView';

/** Today in Shanghai as 'YYYY-MM-DD' (the calendar's dates are Shanghai dates). */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
}

/** ?year=2026 in the address, so a reload shows the same year. */
function yearFromUrl(): number | null {
  const y = Number(new URLSearchParams(window.location.search).get('year'));
  return Number.isInteger(y) && y > 1900 ? y : null;
}

function putYearInUrl(year: number) {
  const url = new URL(window.location.href);
  if (url.searchParams.get('year') === String(year)) return;
  url.searchParams.set('year', String(year));
  // Keep the router's own history state.
  window.history.replaceState(window.history.state, '', url.toString());
}

function pickYear(years: CalendarYear[], wanted: number | null, today: string): number | null {
  if (!years.length) return null;
  const list = years.map((y) => y.year);
  if (wanted && list.includes(wanted)) return wanted;
  const current = Number(today.slice(0, 4));
  if (list.includes(current)) return current;
  const past = list.filter((y) => y < current);
  return past.length ? past[past.length - 1] : list[0];
}

export const CalendarSettings = () => {
  const { t } = useT();
  const calendar = useCalendarApi();
  const [messageApi, messageHolder] = message.useMessage();
  const today = useMemo(shanghaiToday, []);

  const [years, setYears] = useState<CalendarYear[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [detail, setDetail] = useState<CalendarYearDetail | null>(null);
  const [loadingYears, setLoadingYears] = useState(true);
  const [loadingYear, setLoadingYear] = useState(false);
  const [busy, setBusy] = useState<'add' | 'confirm' | null>(null);
  const [editing, setEditing] = useState<ResolvedDay | null>(null);
  // R-CAL-4: next year's outlook, and the notice being entered (its preview drawn on the year view).
  const [outlook, setOutlook] = useState<NextYearOutlook | null>(null);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [preview, setPreview] = useState<{ notice: NoticePreview; stored: CalendarDayRow[] } | null>(null);

  const showError = useCallback((e: unknown) => messageApi.error(errorText(e), 6), [messageApi]);

  const loadYears = useCallback(
    async (wanted: number | null) => {
      setLoadingYears(true);
      try {
        const list = ((await calendar.years()) || []).slice().sort((a, b) => a.year - b.year);
        setYears(list);
        setYear(pickYear(list, wanted, today));
      } catch (e) {
        showError(e);
      } finally {
        setLoadingYears(false);
      }
    },
    [calendar, showError, today],
  );

  const loadYear = useCallback(
    async (y: number) => {
      setLoadingYear(true);
      try {
        setDetail(await calendar.year(y));
      } catch (e) {
        setDetail(null);
        showError(e);
      } finally {
        setLoadingYear(false);
      }
    },
    [calendar, showError],
  );

  const loadOutlook = useCallback(() => calendar.outlook().then(setOutlook, () => setOutlook(null)), [calendar]);

  useEffect(() => {
    loadYears(yearFromUrl());
    loadOutlook();
  }, [loadYears, loadOutlook]);

  const showPreview = useCallback(
    async (notice: NoticePreview | null) => {
      if (!notice) return setPreview(null);
      try {
        const stored = notice.stored.exists ? (await calendar.year(notice.year)).days || [] : [];
        setPreview({ notice, stored });
      } catch (e) {
        showError(e);
      }
    },
    [calendar, showError],
  );

  // R-CAL-4 the year as data: .ics to subscribe to, Excel through NocoBase's import/export.
  const fileInput = useRef<HTMLInputElement>(null);
  const [dataBusy, setDataBusy] = useState<'ics' | 'export' | 'import' | null>(null);
  const yearData = async (what: 'ics' | 'export' | 'import', run: () => Promise<void>) => {
    setDataBusy(what);
    try {
      await run();
    } catch (e) {
      showError(e);
    } finally {
      setDataBusy(null);
    }
  };
  const importFile = (file: File | undefined) => {
    if (!file || year == null) return;
    yearData('import', async () => {
      await calendar.importYear(file, YEAR_COLUMNS(t));
      messageApi.success(t('Imported {{name}}', { name: file.name }));
      await loadYear(year);
    });
  };

  const noticeApplied = async (y: number, counts: NoticePreview['counts']) => {
    messageApi.success(t('{{year}} entered from the notice: {{added}} days added, {{changed}} changed, {{removed}} removed.', { year: y, ...counts }), 6);
    setNoticeOpen(false);
    await loadYears(y);
    if (y === year) await loadYear(y);
    await loadOutlook();
  };

  useEffect(() => {
    if (year == null) return;
    putYearInUrl(year);
    loadYear(year);
  }, [year, loadYear]);

  const current = years.find((y) => y.year === year) || null;
  const configured = detail?.year === year ? detail.configured : current?.configured;
  const days = useMemo(
    () => (detail && detail.year === year ? resolveYear(detail.year, detail.days || []) : null),
    [detail, year],
  );
  const counts = useMemo(() => (days ? countKinds(days.values()) : undefined), [days]);
  const previewDays = useMemo(
    () => (preview ? resolveYear(preview.notice.year, previewRows(preview.notice.year, preview.stored, preview.notice.changes)) : null),
    [preview],
  );
  const previewChanges = useMemo(() => (preview ? changesByDate(preview.notice.year, preview.notice.changes) : undefined), [preview]);
  const nextYear = years.length ? years[years.length - 1].year + 1 : Number(today.slice(0, 4));

  const addYear = async () => {
    setBusy('add');
    try {
      const added = await calendar.addYear(nextYear);
      messageApi.success(
        added?.configured
          ? t('Year {{year}} added with the statutory holidays from the data package', { year: nextYear })
          : t('Year {{year}} added; its statutory holidays are not configured yet', { year: nextYear }),
      );
      await loadYears(nextYear);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const confirmYear = async () => {
    if (year == null) return;
    setBusy('confirm');
    try {
      await calendar.confirmYear(year);
      messageApi.success(t('Year {{year}} marked as configured', { year }));
      await loadYears(year);
      await loadYear(year);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const saveDay = async (input: SetDayInput) => {
    try {
      await calendar.setDay(input);
    } catch (e) {
      showError(e);
      throw e;
    }
    messageApi.success(t('{{date}} saved', { date: input.date }));
    setEditing(null);
    if (year != null) await loadYear(year);
  };

  const markConfiguredButton = (
    <Popconfirm
      title={t('Mark {{year}} as configured?', { year })}
      description={t('Confirm that all statutory holidays and make-up workdays of {{year}} have been entered.', { year })}
      okText={t('Confirm')}
      cancelText={t('Cancel')}
      onConfirm={confirmYear}
    >
      <Button type="primary" icon={<CheckCircleOutlined />} loading={busy === 'confirm'} data-testid="confirm-year">
        {t('Mark year as configured')}
      </Button>
    </Popconfirm>
  );

  return (
    <Card bordered={false}>
      {messageHolder}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text>{t('Year')}</Typography.Text>
            <span data-testid="year-select">
              <Select
                style={{ width: 200 }}
                loading={loadingYears}
                value={year ?? undefined}
                placeholder={t('No years yet')}
                onChange={(y: number) => setYear(y)}
                options={years.map((y) => ({
                  value: y.year,
                  label: y.configured ? String(y.year) : `${y.year} (${t('not configured')})`,
                }))}
              />
            </span>
            {current ? (
              configured ? (
                <Tag color="success" data-testid="year-status">{t('Configured')}</Tag>
              ) : (
                <Tag color="warning" data-testid="year-status">{t('Not configured')}</Tag>
              )
            ) : null}
            {current?.source ? (
              <Typography.Text type="secondary">
                {t('Source')}: {t(current.source === 'seed' ? 'Seed data' : current.source === 'notice' ? 'State Council notice' : 'Administrator')}
              </Typography.Text>
            ) : null}
          </Space>
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => loadYears(year)} data-testid="reload">
              {t('Refresh')}
            </Button>
            {current ? (
              <>
                <Button icon={<DownloadOutlined />} disabled={!configured} loading={dataBusy === 'ics'} data-testid="download-ics"
                  title={t('For Outlook or WeCom: import the file, or subscribe to /api/calendar:ics?year={{year}}&token=<API key>', { year })}
                  onClick={() => yearData('ics', () => calendar.downloadIcs(year!))}>
                  {t('Download .ics')}
                </Button>
                <Button icon={<DownloadOutlined />} loading={dataBusy === 'export'} data-testid="export-year"
                  onClick={() => yearData('export', () => calendar.exportYear(year!, YEAR_COLUMNS(t), t('Statutory calendar {{year}}', { year })))}>
                  {t('Export Excel')}
                </Button>
                <Button icon={<UploadOutlined />} loading={dataBusy === 'import'} data-testid="import-year" onClick={() => fileInput.current?.click()}>
                  {t('Import Excel')}
                </Button>
                <input ref={fileInput} type="file" accept=".xlsx" style={{ display: 'none' }} data-testid="import-year-file"
                  onChange={(e: any) => { importFile(e.target.files?.[0]); e.target.value = ''; }} />
              </>
            ) : null}
            <Button icon={<FileTextOutlined />} onClick={() => setNoticeOpen(true)} data-testid="open-notice">
              {t('Paste State Council notice')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={addYear} loading={busy === 'add'} data-testid="add-year">
              {t('Add year')} {nextYear}
            </Button>
            {current && !configured ? markConfiguredButton : null}
          </Space>
        </div>

        {outlook?.warn ? (
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-next-year-warning"
            message={t('The statutory holidays of {{year}} are not entered yet: bookings after {{date}} cannot be taken.', { year: outlook.year, date: outlook.lastBookableDate })}
            description={t('The desk sees this too. Paste the State Council notice (国务院办公厅关于{{year}}年部分节假日安排的通知) to enter the whole year at once.', { year: outlook.year })}
            action={noticeOpen ? undefined : (
              <Button size="small" type="primary" onClick={() => setNoticeOpen(true)} data-testid="warning-open-notice">{t('Paste State Council notice')}</Button>
            )}
          />
        ) : null}

        {noticeOpen ? (
          <NoticePanel calendar={calendar} onPreview={showPreview} onApplied={noticeApplied}
            onClose={() => { setNoticeOpen(false); setPreview(null); }} />
        ) : null}

        {!loadingYears && !years.length ? (
          <Alert type="info" showIcon message={t('No calendar years yet. Add one to start.')} />
        ) : null}

        {current && !configured ? (
          <Alert
            type="warning"
            showIcon
            data-testid="year-not-configured"
            message={t('The statutory holidays of {{year}} are not configured', { year })}
            description={t(
              'Bookings and working-day calculations that fall into {{year}} are refused until its holidays are entered. Click the days below to enter the statutory holidays and make-up workdays from the State Council notice, then mark the year as configured.',
              { year },
            )}
          />
        ) : null}

        {preview && previewDays ? (
          <div data-testid="notice-preview-year" data-year={preview.notice.year}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color="processing">{t('Preview of {{year}}, not applied yet', { year: preview.notice.year })}</Tag>
                <ChangeLegend counts={preview.notice.counts} />
              </Space>
              <KindLegend counts={countKinds(previewDays.values())} />
              <YearView year={preview.notice.year} days={previewDays} today={today} changes={previewChanges} />
            </Space>
          </div>
        ) : (
          <>
            <KindLegend counts={counts} />
            <Typography.Text type="secondary">{t('Click a day to change its kind.')}</Typography.Text>

            <Spin spinning={loadingYear || loadingYears}>
              {days && year != null ? (
                <YearView year={year} days={days} today={today} onDayClick={setEditing} />
              ) : (
                <div style={{ minHeight: 200 }} />
              )}
            </Spin>
          </>
        )}
      </Space>
      <DayEditor day={editing} onCancel={() => setEditing(null)} onSave={saveDay} />
    </Card>
  );
};

export default CalendarSettings;
