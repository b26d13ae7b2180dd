// R-CAL-4: the State Council's notice pasted by an admin → a preview (the parse and its diff
// against the stored year) and the apply (that diff written in one transaction, the year then
// configured). Applying the same text twice changes nothing: the second diff is empty.
import { createHash } from 'node:crypto';
import type { Database, Transaction } from '@nocobase/database';
import type { CalendarDay } from '../../rules/calendar';
import { RuleViolation } from '../../rules/errors';
import { parseHolidayNotice, type HolidayNotice } from '../../rules/holidayNotice';
import { diffNotice, type NoticeDiff } from '../../rules/noticeDiff';

type Opts = { transaction?: Transaction };

/** The stored rows a notice of `year` can touch: 1 December of the year before … 31 December. */
async function storedDays(db: Database, year: number, { transaction }: Opts): Promise<(CalendarDay & { id: number })[]> {
  const rows = await db.getRepository('calendarDays').find({
    filter: { date: { $gte: `${year - 1}-12-01`, $lte: `${year}-12-31` } },
    sort: ['date'],
    transaction,
  });
  return rows.map((r: any) => ({
    id: r.get('id'), date: String(r.get('date')).slice(0, 10), kind: r.get('kind'), holidayName: r.get('holidayName') ?? null,
  }));
}

/** Names what the admin saw: apply refuses if the stored year changed since the preview. */
function diffKeyOf(diff: NoticeDiff): string {
  const essence = diff.changes.map((c) => [c.date, c.change, c.after.kind, c.after.holidayName]);
  return createHash('sha256').update(JSON.stringify([diff.year, essence])).digest('hex').slice(0, 16);
}

async function yearRow(db: Database, year: number, { transaction }: Opts) {
  return db.getRepository('calendarYears').findOne({ filter: { year }, transaction });
}

export interface NoticePreview {
  year: number;
  title: HolidayNotice['title'];
  periods: HolidayNotice['periods'];
  stored: { exists: boolean; configured: boolean; source: string | null };
  changes: NoticeDiff['changes'];
  counts: NoticeDiff['counts'];
  diffKey: string;
}

export async function previewNotice(db: Database, text: unknown, opts: Opts = {}): Promise<NoticePreview> {
  const notice = parseHolidayNotice(text);
  const diff = diffNotice(notice, await storedDays(db, notice.year, opts));
  const row: any = await yearRow(db, notice.year, opts);
  return {
    year: notice.year,
    title: notice.title,
    periods: notice.periods,
    stored: { exists: !!row, configured: !!row?.get('configured'), source: row?.get('source') ?? null },
    changes: diff.changes,
    counts: diff.counts,
    diffKey: diffKeyOf(diff),
  };
}

/** `line: text` of the notice, kept as the day's note so the year view shows where a day came from. */
const noteOf = (line: number | null, text: string | null) => (line ? `第 ${line} 行：${text}`.slice(0, 500) : null);

async function ensureYear(db: Database, year: number, configured: boolean, { transaction }: Opts) {
  const repo = db.getRepository('calendarYears');
  const row: any = await yearRow(db, year, { transaction });
  if (!row) {
    await repo.create({ values: { year, configured, source: 'notice' }, transaction });
  } else if (configured && !row.get('configured')) {
    await repo.update({ filterByTk: row.get('id'), values: { configured: true, source: 'notice' }, transaction });
  }
}

/**
 * Writes the preview's changes (inside the caller's transaction) and marks the year configured.
 * `diffKey` (optional): the preview's; a different current diff is refused (NOTICE_DIFF_STALE).
 */
export async function applyNotice(db: Database, text: unknown, { transaction, diffKey }: Opts & { diffKey?: unknown } = {}) {
  const notice = parseHolidayNotice(text);
  const stored = await storedDays(db, notice.year, { transaction });
  const diff = diffNotice(notice, stored);
  if (diffKey !== undefined && diffKey !== null && diffKey !== '' && diffKey !== diffKeyOf(diff)) {
    throw new RuleViolation('NOTICE_DIFF_STALE', { year: notice.year }, 409);
  }
  const ids = new Map(stored.map((d) => [d.date, d.id]));
  const repo = db.getRepository('calendarDays');
  // A day of the December before needs its year in the table too (the year view lists years).
  if (diff.changes.some((c) => c.date.startsWith(`${notice.year - 1}-`))) await ensureYear(db, notice.year - 1, false, { transaction });
  await ensureYear(db, notice.year, false, { transaction });
  for (const c of diff.changes) {
    const id = ids.get(c.date);
    if (c.change === 'removed') {
      await repo.destroy({ filterByTk: id, transaction });
      continue;
    }
    const values = { date: c.date, ...c.after, source: 'notice', note: noteOf(c.line, c.text) };
    if (id) await repo.update({ filterByTk: id, values, transaction });
    else await repo.create({ values, transaction });
  }
  await ensureYear(db, notice.year, true, { transaction });
  return { year: notice.year, configured: true, changes: diff.changes, counts: diff.counts };
}
