// Resource `statistics` (R-SUP-3): `compute` answers rows for charts, `export` the same as an Excel
// file, `monthlyReport` one month per window for the printable report page. The section, its chief
// and admins see every window; a window lead only their own; others are refused.
import type { Context, Next } from '@nocobase/actions';
import { NS } from '../../constants';
import { RuleViolation } from '../../rules/errors';
import { GROUP_BYS, GroupBy, PERIODS, Period, monthRange, statRange } from '../../rules/statistics';
import { seesAllWindows } from '../aftercare/acting';
import { clock } from '../shared/clock';
import { markOverdue } from '../aftercare/overdue';
import { STAT_COLUMNS, computeStatistics, StatQuery } from '../aftercare/statistics';
import { loadXlsx } from '../aftercare/xlsx';
import { actorOf } from '../shared/acting';
import { actionInput } from './input';

async function scope(ctx: Context): Promise<number[] | null> {
  const actor = await actorOf(ctx);
  if (seesAllWindows(actor)) return null;
  if (actor.roles.includes('windowLead') && actor.leads.length) return actor.leads.map(Number);
  throw new RuleViolation('ROLE_NOT_ALLOWED', { action: 'statistics', role: actor.roles.join(',') || '-' }, 403);
}

async function queryOf(ctx: Context): Promise<StatQuery> {
  const v = actionInput(ctx);
  const groupBy = (v.groupBy ?? 'window') as GroupBy;
  const period = (v.period ?? 'month') as Period;
  if (!GROUP_BYS.includes(groupBy)) throw new RuleViolation('STAT_GROUP_INVALID', { value: String(groupBy).slice(0, 20) });
  if (!PERIODS.includes(period)) throw new RuleViolation('STAT_PERIOD_INVALID', { value: String(period).slice(0, 20) });
  const range = v.month !== undefined ? monthRange(v.month) : { from: v.from, to: v.to };
  const { from, to } = statRange(range.from, range.to);
  const windowIds = await scope(ctx);
  // Overdue-ness is evaluated before counting, so "overdue" figures are current.
  await markOverdue(ctx.app, ctx.db, clock.now());
  return { groupBy, period, from, to, windowIds };
}

async function query(ctx: Context, next: Next) {
  const q = await queryOf(ctx);
  const { rows, totals } = await computeStatistics(ctx.db, q);
  // Not `rows`: NocoBase's response wrapper would turn { rows } into a paged list and drop the rest.
  ctx.body = { groupBy: q.groupBy, period: q.period, from: q.from, to: q.to, groups: rows, totals };
  await next();
}

async function exportXlsx(ctx: Context, next: Next) {
  const q = await queryOf(ctx);
  const { rows, totals } = await computeStatistics(ctx.db, q);
  const t = (text: string) => (ctx as any).i18n?.t?.(text, { ns: NS, defaultValue: text }) ?? text;
  const XLSX = loadXlsx();
  const sheet = XLSX.utils.aoa_to_sheet([
    STAT_COLUMNS.map(([, title]) => t(title)),
    ...[...rows, { ...totals, groupName: t('Total') }].map((r) => STAT_COLUMNS.map(([key]) => r[key] ?? '')),
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, t('Statistics'));
  ctx.body = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' });
  ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  ctx.set('Content-Disposition', `attachment; filename="statistics-${q.groupBy}-${q.period}.xlsx"`);
  (ctx as any).withoutDataWrapping = true;
  await next();
}

/** One month, one entry per window (all windows in scope, also those without activity). */
async function monthlyReport(ctx: Context, next: Next) {
  const v = actionInput(ctx);
  const { from, to } = monthRange(v.month);
  const range = statRange(from, to);
  const windowIds = await scope(ctx);
  await markOverdue(ctx.app, ctx.db, clock.now());
  const { rows } = await computeStatistics(ctx.db, { groupBy: 'window', period: 'all', ...range, windowIds });
  const windows = await ctx.db.getRepository('windows').find({
    filter: windowIds ? { id: windowIds } : {}, appends: ['lead'], sort: ['code'],
  });
  const inMonth = (field: string) => ({ [field]: { $gte: range.from, $lt: range.to } });
  const list = async (collection: string, field: string, appends: string[] = []) =>
    ctx.db.getRepository(collection).find({ filter: { ...inMonth(field), ...(windowIds ? { windowId: windowIds } : {}) }, appends, sort: [field] });
  const [cases, complaints, penalties] = await Promise.all([
    list('rectificationCases', 'openedAt', ['booking', 'followUp']), list('complaints', 'openedAt', ['booking']), list('penalties', 'occurredAt', ['user']),
  ]);
  const of = (items: any[], id: number) => items.filter((r) => Number(r.get('windowId')) === id).map((r) => r.toJSON());
  ctx.body = {
    month: v.month, from, to,
    windows: windows.map((w: any) => ({
      id: w.get('id'), code: w.get('code'), name: w.get('name'), lead: w.get('lead')?.get('nickname') ?? null,
      stats: rows.find((r) => r.groupId === w.get('id')) ?? null,
      cases: of(cases, w.get('id')), complaints: of(complaints, w.get('id')), penalties: of(penalties, w.get('id')),
    })),
  };
  await next();
}

// Not 'query': NocoBase's ACL treats that name as an alias of 'view' (get/list/query).
export const STATISTICS_ACTIONS = { compute: query, export: exportXlsx, monthlyReport };
