// The timeline of one booking (R-X-1): every status change — who, when, from → to, why — with the
// contact log and reschedule requests, from workspaces:timeline (scoped like the booking itself).
import { Descriptions, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import React from 'react';
import { useT } from '../locale';
import { useWorkspaceApi, type BookingRow } from './api';
import { KindTag, LoadError, StatusTag, When, appointmentText, useLoader } from './common';
import { shanghaiWall } from './logic';

const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator', desk: 'Desk', section: 'Section', sectionChief: 'Section chief', windowLead: 'Window lead', windowStaff: 'Window staff',
};

const TimelineBody = ({ id }: { id: number }) => {
  const { t } = useT();
  const api = useWorkspaceApi();
  const { data, loading, error } = useLoader(() => api.timeline(id), [api, id]);
  if (error) return <LoadError error={error} />;
  if (!data) return <Spin spinning={loading}><div style={{ minHeight: 120 }} /></Spin>;
  const b = data.booking;
  return (
    <div data-testid="booking-timeline">
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('Booking number')}>{b.number} <KindTag kind={b.kind} /></Descriptions.Item>
        <Descriptions.Item label={t('Status')}><StatusTag status={b.status} /></Descriptions.Item>
        <Descriptions.Item label={t('Applicant name')}>{b.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('Applicant phone')}><span data-testid="timeline-phone">{b.applicantPhone}</span></Descriptions.Item>
        <Descriptions.Item label={t('Service item')}>{b.serviceItem?.name}</Descriptions.Item>
        <Descriptions.Item label={t('Window')}>{b.window?.name}</Descriptions.Item>
        <Descriptions.Item label={t('Appointment start')}>{appointmentText(b)}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{t('Status changes')}</Typography.Title>
      <Timeline
        items={data.events.map((e) => ({
          color: e.toStatus === 'cancelled' ? 'red' : e.toStatus === 'completed' ? 'green' : 'blue',
          children: (
            <div data-testid="timeline-event" data-action={e.action} data-to={e.toStatus}>
              <div>
                <Typography.Text strong>{t(`BOOKING_ACTION_${e.action}`, { defaultValue: e.action })}</Typography.Text>{' '}
                {e.fromStatus && e.fromStatus !== e.toStatus ? (
                  <>
                    <StatusTag status={e.fromStatus} />→ <StatusTag status={e.toStatus} />
                  </>
                ) : (
                  <StatusTag status={e.toStatus} />
                )}
              </div>
              <Typography.Text type="secondary">
                {shanghaiWall(e.at)} · {e.by?.nickname ?? '—'} ({t(ROLE_LABELS[e.role] || e.role)})
              </Typography.Text>
              {e.reason ? <div>{t('Reason')}: {e.reason}</div> : null}
            </div>
          ),
        }))}
      />

      <Typography.Title level={5}>{t('Contact log')}</Typography.Title>
      {data.contacts.length ? (
        <Timeline
          items={data.contacts.map((c) => ({
            color: 'gray',
            children: (
              <div data-testid="timeline-contact">
                <div>
                  {t(CONTACT_RESULT_LABELS[c.result] || c.result)}
                  {c.materialsNoticeGiven ? <Tag color="green" style={{ marginLeft: 8 }}>{t('Materials notice given')}</Tag> : null}
                </div>
                <Typography.Text type="secondary">{shanghaiWall(c.at)} · {c.by?.nickname ?? '—'}</Typography.Text>
                {c.confirmedStart ? <div>{t('Reconfirmed time')}: <When value={c.confirmedStart} /></div> : null}
                {c.note ? <div>{c.note}</div> : null}
              </div>
            ),
          }))}
        />
      ) : (
        <Empty description={t('No contact logged yet')} />
      )}

      {data.reschedules.length ? (
        <>
          <Typography.Title level={5}>{t('Reschedule requests')}</Typography.Title>
          <Timeline
            items={data.reschedules.map((r) => ({
              color: r.decision === 'approved' ? 'green' : r.decision === 'rejected' ? 'red' : 'orange',
              children: (
                <div>
                  <div>
                    {r.kind === 'forceMajeure' ? <Tag color="volcano">{t('Force majeure')}</Tag> : null}
                    {r.reason} · {t(DECISION_LABELS[r.decision] || r.decision)}
                  </div>
                  <Typography.Text type="secondary">
                    {shanghaiWall(r.requestedAt)} · {r.requestedBy?.nickname ?? '—'}
                    {r.proposedStart ? ` · ${t('Proposed time')} ${shanghaiWall(r.proposedStart)}` : ''}
                  </Typography.Text>
                  {r.decisionNote ? <div>{t('Decision note')}: {r.decisionNote}</div> : null}
                </div>
              ),
            }))}
          />
        </>
      ) : null}
    </div>
  );
};

export const CONTACT_RESULT_LABELS: Record<string, string> = {
  reached: 'Reached the applicant', noAnswer: 'No answer', unreachable: 'Number unreachable',
};
export const DECISION_LABELS: Record<string, string> = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' };

export const BookingTimelineDrawer = ({ booking, onClose }: { booking: BookingRow | null; onClose: () => void }) => {
  const { t } = useT();
  return (
    <Drawer open={!!booking} onClose={onClose} width={520} title={booking ? `${t('Booking history')} · ${booking.number}` : ''} destroyOnClose>
      {booking ? <TimelineBody id={booking.id} /> : null}
    </Drawer>
  );
};
