// The monthly report 《“预约+无休”服务月度报告》 (R-SUP-3, R-SUP-1): one A4 page per window with its
// figures (comp time earned/taken in hours among them), rating levels as bars, its cases, complaints
// and penalty points. Printing shows only the pages (print stylesheet below); Excel export downloads the same figures from statistics:export.
import { Alert, Button, Empty, Input, Space, Spin } from 'antd';
import { useHostApi } from '../../client-v2/host';
import React, { useCallback, useEffect, useState } from 'react';
import { useT } from '../locale';

const LEVELS = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'];
const LEVEL_TITLES: Record<string, string> = {
  verySatisfied: 'Very satisfied', satisfied: 'Satisfied', basicallySatisfied: 'Basically satisfied',
  dissatisfied: 'Dissatisfied', veryDissatisfied: 'Very dissatisfied',
};

const PRINT_CSS = `
.govhall-report .page { background: #fff; color: #000; width: 190mm; min-height: 277mm; margin: 0 auto 16px; padding: 8mm;
  box-shadow: 0 0 4px rgba(0,0,0,.15); box-sizing: border-box; font-size: 12px; }
.govhall-report h2 { font-size: 18px; text-align: center; margin: 0 0 4px; }
.govhall-report .sub { text-align: center; margin-bottom: 10px; }
.govhall-report table { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
.govhall-report th, .govhall-report td { border: 1px solid #444; padding: 2px 4px; text-align: left; }
.govhall-report .bar { background: #1677ff; height: 10px; display: inline-block; vertical-align: middle; }
.govhall-report .sign { margin-top: 16px; display: flex; justify-content: space-between; }
@page { size: A4; margin: 10mm; }
@media print {
  body * { visibility: hidden; }
  .govhall-report, .govhall-report * { visibility: visible; }
  .govhall-report { position: absolute; left: 0; top: 0; width: 100%; }
  .govhall-report .no-print { display: none; }
  .govhall-report .page { box-shadow: none; margin: 0; page-break-after: always; break-after: page; }
}`;

function lastMonth(): string {
  const d = new Date(Date.now() + 8 * 3600000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

const fmt = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
const day = (v: unknown) => (v ? new Date(String(v)).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');

function Figures({ s, t }: { s: any; t: (k: string) => string }) {
  if (!s) return <p>{t('No activity this month')}</p>;
  const rows: [string, unknown][] = [
    [t('Number of bookings'), `${s.bookings}（${t('On site')} ${s.onSite} / ${t('By phone')} ${s.phone}）`],
    [t('Completed'), s.completed], [t('Abandoned by applicant'), s.abandoned], [t('Cancelled'), s.cancelled],
    [t('On-time rate (%)'), s.onTimeRate], [t('Average handling (min)'), `${fmt(s.avgHandlingMinutes)} / ${fmt(s.avgExpectedMinutes)}`],
    [t('Reschedules'), `${s.reschedules}（${t('Reschedules (force majeure)')} ${s.reschedulesForceMajeure}）`],
    [t('Ratings'), s.rated], [t('Satisfaction rate (%)'), s.satisfactionRate], [t('Malicious ratings excluded'), s.ratingsExcluded],
    [t('Bad-review cases'), s.badReviewCases], [t('Closed on time (%)'), s.badReviewClosedOnTimeRate],
    [t('Overdue or closed late'), s.badReviewCasesOverdue], [t('Complaints'), `${s.complaints}（${t('Complaints closed on time')} ${s.complaintsClosedOnTime}）`],
    [t('Penalty points (confirmed)'), s.penaltyPointsConfirmed], [t('Penalty points (proposed)'), s.penaltyPointsProposed],
    [t('Comp time earned (h)'), s.compTimeEarnedHours], [t('Comp time taken (h)'), s.compTimeTakenHours],
  ];
  return (
    <>
      <table><tbody>
        {Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => (
          <tr key={i}>{rows.slice(i * 2, i * 2 + 2).flatMap(([k, v]) => [<th key={`k${k}`}>{k}</th>, <td key={`v${k}`}>{fmt(v)}</td>])}</tr>
        ))}
      </tbody></table>
      <table><tbody>
        {LEVELS.map((l) => (
          <tr key={l}><th style={{ width: '25%' }}>{t(LEVEL_TITLES[l])}</th><td style={{ width: '10%' }}>{s[l]}</td>
            <td><span className="bar" style={{ width: `${s[`${l}Share`] ?? 0}%` }} /> {fmt(s[`${l}Share`])}%</td></tr>
        ))}
      </tbody></table>
    </>
  );
}

function Page({ w, month, t }: { w: any; month: string; t: (k: string) => string }) {
  return (
    <div className="page">
      <h2>{t('Monthly report: appointment + no-closing service')}</h2>
      <div className="sub">{month} · {w.code} {w.name} · {t('Window lead')}：{fmt(w.lead)}</div>
      <Figures s={w.stats} t={t} />
      <h4>{t('Rectification cases')}（{w.cases.length}）</h4>
      <table><thead><tr><th>{t('Booking')}</th><th>{t('Opened at')}</th><th>{t('Due date')}</th><th>{t('Case status')}</th><th>{t('Closed on time')}</th></tr></thead>
        <tbody>{w.cases.map((c: any) => (
          <tr key={c.id}><td>{fmt(c.booking?.number)}</td><td>{day(c.openedAt)}</td><td>{fmt(c.dueDate)}</td><td>{t(`CASE_STATUS_${c.status}`)}</td>
            <td>{c.closedOnTime === null || c.closedOnTime === undefined ? '—' : c.closedOnTime ? '✓' : '✗'}</td></tr>))}</tbody></table>
      <h4>{t('Complaints')}（{w.complaints.length}）</h4>
      <table><tbody>{w.complaints.map((c: any) => (
        <tr key={c.id}><td>{day(c.openedAt)}</td><td>{fmt(c.subject)}</td><td>{t(`CASE_STATUS_${c.status}`)}</td></tr>))}</tbody></table>
      <h4>{t('Penalty points')}（{w.penalties.reduce((n: number, p: any) => n + (p.status === 'confirmed' ? p.points : 0), 0)}）</h4>
      <table><tbody>{w.penalties.map((p: any) => (
        <tr key={p.id}><td>{day(p.occurredAt)}</td><td>{fmt(p.user?.nickname)}</td><td>{t(`AFTERCARE_PENALTY_REASON_${p.reason}`)}</td><td>{p.points}</td><td>{t(`AFTERCARE_PENALTY_STATUS_${p.status}`)}</td></tr>))}</tbody></table>
      <div className="sign"><span>{t('Prepared by')}：__________</span><span>{t('Section chief (report signature)')}：__________</span><span>{t('Date')}：__________</span></div>
    </div>
  );
}

export const MonthlyReport = () => {
  const { t } = useT();
  const api = useHostApi();
  const [month, setMonth] = useState(() => new URLSearchParams(window.location.search).get('month') || lastMonth());
  const [report, setReport] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const res = await api.request({ url: 'statistics:monthlyReport', params: { month }, skipNotify: true });
      setReport(res.data.data);
    } catch (e: any) {
      setError(e?.response?.data?.errors?.[0]?.message || String(e?.message || e));
    } finally {
      setLoading(false);
    }
  }, [api, month]);
  useEffect(() => {
    load();
  }, [load]);

  const exportExcel = async () => {
    const res = await api.request({ url: 'statistics:export', params: { month, groupBy: 'window', period: 'all' }, responseType: 'blob' } as any);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(res.data as any);
    a.download = `statistics-${month}.xlsx`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <div className="govhall-report" style={{ padding: 16 }}>
      <style>{PRINT_CSS}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Input type="month" value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 160 }} />
        <Button type="primary" onClick={() => window.print()} disabled={!report}>{t('Print')}</Button>
        <Button onClick={exportExcel}>{t('Export to Excel')}</Button>
      </Space>
      {error && <Alert className="no-print" type="error" message={error} />}
      {loading && <Spin />}
      {report && !report.windows.length && <Empty />}
      {report?.windows.map((w: any) => <React.Fragment key={w.id}><Page w={w} month={report.month} t={t} /></React.Fragment>)}
    </div>
  );
};
