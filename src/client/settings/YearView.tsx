// Twelve Monday-first month grids of one year; every day cell is coloured by its kind.
import { Card, Col, Row, Tooltip, theme } from 'antd';
import React, { useMemo } from 'react';
import { useT } from '../locale';
import type { DayKind, NoticeChange } from './api';
import { monthGrid, mondayIndex, type ResolvedDay } from './dates';
import { CHANGE_LABELS, CHANGE_MARKS, KIND_BADGES, KIND_LABELS, MONTHS, WEEKDAYS_LONG, WEEKDAYS_SHORT, changeColours, kindColours } from './kinds';
import { lineNote } from './noticePreview';

const CELL_CLASS = 'govhall-calendar-day';
// Hover/focus feedback cannot be written as an inline style.
const CELL_CSS = `.${CELL_CLASS}{cursor:pointer;transition:box-shadow .15s}
.${CELL_CLASS}:hover,.${CELL_CLASS}:focus-visible{outline:none;box-shadow:0 0 0 2px var(--govhall-calendar-focus) inset}`;

export interface YearViewProps {
  year: number;
  days: Map<string, ResolvedDay>;
  today?: string;
  onDayClick?: (day: ResolvedDay) => void;
  /** R-CAL-4 a notice's preview: the days it adds, changes or removes, marked on their cells. */
  changes?: Map<string, NoticeChange>;
}

export function dayTooltip(t: (k: string, o?: any) => string, day: ResolvedDay, change?: NoticeChange): string {
  const parts = [`${day.date} ${t(WEEKDAYS_LONG[mondayIndex(day.date)])}`, t(KIND_LABELS[day.kind])];
  if (day.holidayName) parts.push(day.holidayName);
  let text = parts.join(' · ');
  if (change) {
    const state = (s: NoticeChange['before']) => [t(KIND_LABELS[s.kind]), s.holidayName].filter(Boolean).join(' ');
    text += `\n${t(CHANGE_LABELS[change.change])}: ${state(change.before)} → ${state(change.after)}`;
    const source = lineNote(change);
    if (source && source !== day.note) text += `\n${source}`;
  }
  if (day.note) text += `\n${day.note}`;
  return text;
}

export const YearView = ({ year, days, today, onDayClick, changes }: YearViewProps) => {
  const { t } = useT();
  const { token } = theme.useToken();
  const colours = useMemo(() => kindColours(token), [token]);
  const changeColour = useMemo(() => changeColours(token), [token]);
  const months = useMemo(() => MONTHS.map((_, i) => monthGrid(year, i + 1)), [year]);

  const cell = (date: string | null, i: number) => {
    if (!date) return <div key={`pad-${i}`} />;
    const day = days.get(date);
    if (!day) return <div key={date} />;
    const c = colours[day.kind];
    const badge = KIND_BADGES[day.kind];
    const isToday = date === today;
    const change = changes?.get(date);
    const tip = dayTooltip(t, day, change);
    return (
      <Tooltip key={date} title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>} mouseEnterDelay={0.3}>
        <div
          role="button"
          tabIndex={0}
          className={CELL_CLASS}
          data-testid={`day-${date}`}
          data-kind={day.kind}
          data-holiday-name={day.holidayName || undefined}
          data-change={change?.change}
          data-line={change?.line ?? undefined}
          aria-label={tip}
          onClick={() => onDayClick?.(day)}
          onKeyDown={(e: any) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onDayClick?.(day);
            }
          }}
          style={{
            position: 'relative',
            height: 40,
            borderRadius: token.borderRadiusSM,
            background: c.background,
            color: c.color,
            border: `1px solid ${isToday ? token.colorPrimary : c.border}`,
            // A day the notice changes: a dashed ring in the change's colour (added / changed / removed).
            outline: change ? `2px dashed ${changeColour[change.change]}` : undefined,
            outlineOffset: change ? -1 : undefined,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            lineHeight: 1.1,
            overflow: 'hidden',
            fontWeight: isToday ? 600 : undefined,
          }}
        >
          <span style={{ fontSize: token.fontSize }}>{Number(date.slice(8))}</span>
          {day.startsHoliday && day.holidayName ? (
            <span
              style={{
                fontSize: 10,
                maxWidth: '100%',
                padding: '0 2px',
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              {day.holidayName}
            </span>
          ) : null}
          {badge ? (
            <span style={{ position: 'absolute', top: 1, right: 3, fontSize: 9, lineHeight: 1, opacity: 0.9 }}>
              {t(badge)}
            </span>
          ) : null}
          {change ? (
            <span style={{ position: 'absolute', top: 1, left: 3, fontSize: 10, lineHeight: 1, fontWeight: 700, color: changeColour[change.change] }}>
              {CHANGE_MARKS[change.change]}
            </span>
          ) : null}
          {day.stored && day.source === 'admin' ? (
            <span
              title={t('Edited by an administrator')}
              style={{
                position: 'absolute',
                bottom: 2,
                left: 3,
                width: 4,
                height: 4,
                borderRadius: 2,
                background: token.colorPrimary,
              }}
            />
          ) : null}
        </div>
      </Tooltip>
    );
  };

  return (
    <div style={{ ['--govhall-calendar-focus' as any]: token.colorPrimary }}>
      <style>{CELL_CSS}</style>
      <Row gutter={[16, 16]}>
        {months.map((cells, m) => (
          <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
            <Card size="small" title={t(MONTHS[m])} data-testid={`month-${year}-${m + 1}`}>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 3 }}>
                {WEEKDAYS_SHORT.map((w, i) => (
                  <div
                    key={w}
                    style={{
                      textAlign: 'center',
                      fontSize: token.fontSizeSM,
                      color: i >= 5 ? token.colorTextTertiary : token.colorTextSecondary,
                      paddingBottom: 2,
                    }}
                  >
                    {t(w)}
                  </div>
                ))}
                {cells.map(cell)}
              </div>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
};

/** Coloured squares with the name and count of each kind. */
export const KindLegend = ({ counts }: { counts?: Record<DayKind, number> }) => {
  const { t } = useT();
  const { token } = theme.useToken();
  const colours = kindColours(token);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }} data-testid="calendar-legend">
      {(Object.keys(KIND_LABELS) as DayKind[]).map((kind) => (
        <span key={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span
            style={{
              display: 'inline-block',
              width: 14,
              height: 14,
              borderRadius: token.borderRadiusSM,
              background: colours[kind].background,
              border: `1px solid ${colours[kind].border}`,
            }}
          />
          <span>{t(KIND_LABELS[kind])}</span>
          {counts ? <span style={{ color: token.colorTextTertiary }} data-testid={`count-${kind}`}>{counts[kind]}</span> : null}
        </span>
      ))}
    </div>
  );
};

/** The markers of a notice preview: added / changed / removed, with their counts. */
export const ChangeLegend = ({ counts }: { counts: Record<NoticeChange['change'], number> }) => {
  const { t } = useT();
  const { token } = theme.useToken();
  const colours = changeColours(token);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }} data-testid="change-legend">
      {(Object.keys(CHANGE_LABELS) as NoticeChange['change'][]).map((c) => (
        <span key={c} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: token.borderRadiusSM, outline: `2px dashed ${colours[c]}`, outlineOffset: -2 }} />
          <span style={{ color: colours[c], fontWeight: 700 }}>{CHANGE_MARKS[c]}</span>
          <span>{t(CHANGE_LABELS[c])}</span>
          <span style={{ color: token.colorTextTertiary }} data-testid={`change-count-${c}`}>{counts[c]}</span>
        </span>
      ))}
    </div>
  );
};
