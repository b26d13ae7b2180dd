import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';
import { belongsTo, date, flag, RATING_OPTIONS, select, text, user } from '../src/server/aftercare/fields';

// A follow-up visit (回访, R-AFT-1) of a completed booking by the section, with the applicant's
// rating on the five national levels (好差评) when given. Written by followUps:* actions only.
// A rating judged malicious on appeal stays here (with the decision) and is left out of statistics.
export default defineCollection({
  name: 'followUps',
  title: tval('Follow-up visits'),
  dumpRules: { group: 'log' },
  fields: [
    belongsTo('booking', 'bookings', 'Booking', 'number', { onDelete: 'CASCADE' }),
    // Copied from the booking so a window's people see their own visits by a plain scope (R-X-2).
    belongsTo('window', 'windows', 'Window', 'name'),
    belongsTo('serviceItem', 'serviceItems', 'Service item', 'name'),
    date('visitedAt', 'Visited at'),
    user('visitedBy', 'Visited by'),
    select('method', 'Visit method', [['phone', 'By phone'], ['sms', 'SMS'], ['onSite', 'On-site visit']]),
    select('rating', 'Rating', RATING_OPTIONS),
    // One rating per booking, held by the database: the booking id when rated, else null.
    { type: 'bigInt', name: 'ratedBookingId', unique: true },
    flag('anonymous', 'Anonymous'),
    flag('badReview', 'Bad review'),
    text('comments', 'Comments', 'text'),
    // Appeal against a malicious rating (恶意差评申诉): filed by the window, decided by the section chief.
    select('appealStatus', 'Appeal', [['pending', 'Pending'], ['upheld', 'Upheld (malicious)'], ['rejected', 'Rejected']]),
    text('appealReason', 'Appeal reason', 'text'),
    user('appealedBy', 'Appealed by'),
    date('appealedAt', 'Appealed at'),
    text('appealDecisionNote', 'Decision note', 'text'),
    user('appealDecidedBy', 'Decided by'),
    date('appealDecidedAt', 'Appeal decided at'),
    flag('malicious', 'Malicious (excluded from statistics)'),
    { type: 'hasOne', name: 'rectificationCase', target: 'rectificationCases', foreignKey: 'followUpId' },
  ],
  indexes: [{ fields: ['bookingId'] }, { fields: ['windowId', 'visitedAt'] }],
});
