// The plain NocoBase baseline of the booking benches: a collection with the booking's scalar
// fields, created and updated through NocoBase's own actions by the same signed-in users.
import type { TestApp } from '../helpers/app';

export async function definePlainBookings(t: TestApp) {
  t.db.collection({
    name: 'benchPlainBookings',
    fields: ['number', 'status', 'kind', 'applicantName', 'applicantPhone', 'applicantUnit', 'channel', 'slotKey', 'notes']
      .map((name) => ({ type: 'string', name }))
      .concat(['appointmentStart', 'appointmentEnd', 'recordedAt'].map((name) => ({ type: 'date', name })) as any)
      .concat(['serviceItemId', 'windowId', 'recorderId'].map((name) => ({ type: 'bigInt', name })) as any),
  });
  await t.db.getCollection('benchPlainBookings').sync();
  // Same users, same ACL path on both sides: the booking actions are allowed to any signed-in
  // user and the booking rules decide; the plain create and update get the same allowance.
  t.app.acl.allow('benchPlainBookings', ['create', 'update'], 'loggedIn');
}

/** Holiday starts on the 30-minute grid of Spring Festival 2026, enough for every request. */
export function springFestivalStarts(): string[] {
  const out: string[] = [];
  for (let d = 15; d <= 23; d++) {
    for (const [from, to] of [[9 * 60, 12 * 60], [13 * 60, 17 * 60]]) {
      for (let m = from; m + 30 <= to; m += 30) out.push(`2026-02-${d} ${String(m / 60 | 0).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    }
  }
  return out;
}

/** A new applicant each call: one phone has a limit of open bookings per holiday (R-HOL-6). */
export function applicants(prefix = '139') {
  let n = 0;
  return () => {
    const i = n++;
    return { applicantName: `申请人${i}`, applicantPhone: `${prefix}${String(i).padStart(8, '0')}`, applicantUnit: '某公司', channel: 'onSite', notes: 'bench' };
  };
}
