// The official 《淄博市政务服务中心预约服务登记表》 as an A4 page (the form at the end of the work
// plan: all its rows and the signature lines), shown over the page and printed by the browser.
// It lives in a portal directly under <body>, so the print stylesheet can hide everything else
// (the admin layout, menus) without fighting NocoBase's own layout.
import React, { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { desk, serverErrors } from './api';
import { useDeskT } from './env';
import { shellUrl } from '../../client-v2/host';
import { printedForm, PrintedForm } from './logic';

const STYLE_ID = 'govhall-print-style';
const CSS = `
.govhall-print-root { position: fixed; inset: 0; z-index: 2000; overflow: auto; background: #f0f2f5; }
.govhall-print-toolbar { position: sticky; top: 0; display: flex; justify-content: center; padding: 12px; background: #fff; border-bottom: 1px solid #e5e5e5; }
.govhall-print-sheet { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto; padding: 20mm 18mm; background: #fff; color: #000;
  font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
.govhall-print-sheet h1 { font-size: 22pt; font-weight: bold; text-align: center; margin: 0 0 6mm; letter-spacing: 1px; }
.govhall-print-sheet .govhall-print-number { text-align: right; font-size: 10.5pt; margin-bottom: 2mm; }
.govhall-print-sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 14pt; }
.govhall-print-sheet th, .govhall-print-sheet td { border: 1px solid #000; padding: 3mm 2mm; height: 14mm; vertical-align: middle; text-align: center; font-weight: normal; word-break: break-all; }
.govhall-print-sheet td.govhall-print-outcome { text-align: left; vertical-align: top; height: 110mm; line-height: 2; }
.govhall-print-sheet .govhall-print-outcome div { white-space: nowrap; }
.govhall-print-sheet .govhall-print-line { display: inline-block; min-width: 30mm; border-bottom: 1px solid #000; text-align: center; }
.govhall-print-sheet .govhall-print-signature img { max-height: 18mm; vertical-align: middle; }
@media print {
  @page { size: A4 portrait; margin: 0; }
  body > *:not(.govhall-print-root) { display: none !important; }
  .govhall-print-root { position: static; overflow: visible; background: #fff; }
  .govhall-print-toolbar { display: none !important; }
  .govhall-print-sheet { margin: 0; box-shadow: none; }
}`;

function usePrintStyle() {
  useEffect(() => {
    if (document.getElementById(STYLE_ID)) return;
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.appendChild(style);
  }, []);
}

const Line = ({ value, testid }: { value: string; testid: string }) => (
  <span className="govhall-print-line" data-testid={testid}>{value || '\u00a0'}</span>
);

/** The sheet itself; rows carry data-row so tests (and people) can find them. */
export function PrintSheet({ form }: { form: PrintedForm }) {
  const sig = form.signature;
  return (
    <div className="govhall-print-sheet" data-testid="print-sheet">
      <h1>淄博市政务服务中心预约服务登记表</h1>
      <div className="govhall-print-number" data-testid="print-number">编号：{form.number}</div>
      <table>
        <colgroup><col style={{ width: '22%' }} /><col style={{ width: '34%' }} /><col style={{ width: '16%' }} /><col style={{ width: '28%' }} /></colgroup>
        <tbody>
          <tr data-row="applicant-header"><th>预约人姓名</th><th>联系电话</th><th colSpan={2}>单&nbsp;&nbsp;位</th></tr>
          <tr data-row="applicant"><td>{form.applicantName}</td><td>{form.applicantPhone}</td><td colSpan={2}>{form.applicantUnit}</td></tr>
          <tr data-row="item"><th>预约事项</th><td colSpan={3}>{form.item}</td></tr>
          <tr data-row="appointment"><th>预约办理时间</th><td>{form.appointment || '月  日  时  分'}</td><th>预约窗口</th><td>{form.window}</td></tr>
          <tr data-row="record"><th>记录时间</th><td>{form.recordedAt || '月  日'}</td><th>记录人</th><td>{form.recorder}</td></tr>
          <tr data-row="dispatch"><th>交办时间</th><td>{form.dispatchedAt || '月  日'}</td><th>签收人</th><td>{form.signedForBy}</td></tr>
          <tr data-row="outcome">
            <th>办理情况</th>
            <td colSpan={3} className="govhall-print-outcome">
              <div>是否完成预约办理：<Line value={form.completed} testid="print-completed" /></div>
              <div>办理时间：{form.span ? <Line value={form.span} testid="print-span" /> : <span data-testid="print-span">____年__月__日__时__分至__时__分</span>}</div>
              <div>办理情况：<span data-testid="print-outcome">{form.outcome}</span></div>
              <div style={{ minHeight: '30mm' }} />
              <div>承办人1：<Line value={form.handler1} testid="sign-handler1" />&nbsp;&nbsp;&nbsp;&nbsp;承办人2：<Line value={form.handler2} testid="sign-handler2" /></div>
              <div className="govhall-print-signature">
                预约人（签字）：
                {sig?.image ? <img src={sig.image} alt="" data-testid="sign-applicant" /> : <Line value={sig?.text ?? ''} testid="sign-applicant" />}
              </div>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * The sheet of booking `bookingId` over the whole page with Print / Close; Escape closes.
 * `autoPrint` opens the browser's print dialog once the sheet is filled in.
 */
export function PrintOverlay({ bookingId, onClose, autoPrint = false }: { bookingId: number | string; onClose: () => void; autoPrint?: boolean }) {
  const { t } = useDeskT();
  usePrintStyle();
  const [form, setForm] = useState<PrintedForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const printButton = useRef<any>(null);
  useEffect(() => {
    let live = true;
    desk.booking(bookingId).then(
      (b) => live && (b ? setForm(printedForm(b)) : setError(t('Booking not found'))),
      (e) => live && setError(serverErrors(e).map((x) => x.message).join('; ')),
    );
    return () => {
      live = false;
    };
  }, [bookingId]);
  useEffect(() => {
    if (!form) return;
    printButton.current?.focus?.(); // keyboard users: Enter prints
    if (autoPrint) window.print();
  }, [form, autoPrint]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return createPortal(
    <div className="govhall-print-root" role="dialog" aria-label={t('Registration form (print)')} data-testid="print-view">
      <div className="govhall-print-toolbar">
        <Space>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!form} onClick={() => window.print()} ref={printButton} data-testid="print-now">
            {t('Print')}
          </Button>
          <Button onClick={onClose} data-testid="print-close">{t('Close')}</Button>
        </Space>
      </div>
      {error ? <Alert type="error" showIcon message={error} style={{ maxWidth: 800, margin: '24px auto' }} /> : null}
      {form ? <PrintSheet form={form} /> : !error ? <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div> : null}
    </div>,
    document.body,
  );
}

/** The route /admin/appointment-duty/bookings/:id/print: the sheet of any existing booking. */
export function PrintPage() {
  const id = /\/bookings\/(\d+)\/print/.exec(window.location.pathname)?.[1];
  const close = () => (window.history.length > 1 ? window.history.back() : window.location.assign(shellUrl('/admin')));
  return id ? <PrintOverlay bookingId={id} onClose={close} /> : null;
}
