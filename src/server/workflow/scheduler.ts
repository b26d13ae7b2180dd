// The persisted schedule behind the "Booking time" trigger (R-X-4: not lost on restart, not sent
// twice, also with several app processes on one database).
//  - plan: every booking transition (re)plans that booking inside the action's transaction, so a
//    committed change always has its fires; a moved or closed booking drops its pending ones
//    (with no Booking time workflow enabled nothing is written: the tick's re-check covers them).
//  - tick: reads only due rows of enabled workflows (index status, workflowId, dueAt), claims
//    each with a conditional UPDATE (one process wins), re-checks the booking and triggers with
//    the row's unique fireKey as the execution's eventKey (unique in executions too).
//  - catch-up: the first tick runs on start; fires found later than the workflow's maximum
//    lateness are marked missed instead of sent.
//  - sweep: a claim whose execution never appeared (process died in between) is re-triggered
//    with the same eventKey — the database still lets only one execution exist.
// Time comes from `now` (the plugin's clock by default), so tests move it and call tick() directly.
import { randomUUID, createHash } from 'node:crypto';
import type { Database, Transaction } from '@nocobase/database';
import { Op } from '@nocobase/database';
import { Calendar } from '../../rules/calendar';
import {
  BookingFacts, TimeTriggerConfig, conditionHolds, dueAt, fireKey, isTooLate, offsetFromSettings, resolveOffset,
} from '../../rules/reminders';
import type { DutySettings } from '../../rules/settings';
import { loadSettings } from '../settings/store';
import { loadCalendar } from '../calendar/store';
import { bookingJson } from './bookingContext';
import { planStatement, readBookingFacts, type PlannedFire as PlanRow } from './timerPlan';
import { clock } from '../shared/clock';

export const BOOKING_TIME_TRIGGER = 'bookingTime';
const CLAIM_TIMEOUT_MS = 60000;
const BACKFILL_CHUNK = 500;

/** A fire as planned here: the row planStatement writes (timerPlan.ts), pending. */
type PlannedFire = PlanRow & { status: 'pending' };

const time = (v: unknown) => (v ? new Date(v as any).getTime() : NaN);

/** The numbers a reminder's text may show ({{$context.settings.lateMinutes}} …): the booking settings in force. */
export function settingsContext(s: DutySettings) {
  return {
    lateMinutes: s.lateMinutes, rescheduleNoticeHours: s.rescheduleNoticeHours, contactReminderHours: s.contactReminderHours,
    phoneNumber: s.phoneNumber, slotMinutes: s.slotMinutes, halfDayMinutes: s.halfDayMinutes,
  };
}

/** What the booking action passes along with its audit row (bookings/engine.ts recordEvent). */
export interface KnownFacts {
  booking?: any;
  calendarVersion?: string;
  settingsVersion?: string;
  /** Known when the step read it with the booking and did not change it (bookings/engine.ts knownTo). */
  hasPendingReschedule?: boolean;
}

export class BookingScheduler {
  readonly instanceId = randomUUID();
  now: () => Date = () => clock.now();
  batchSize = 200;
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private started = false;
  private backfills = new Set<Promise<void>>();

  constructor(private readonly db: Database, private readonly workflowPlugin: any, private readonly log: any) {}

  private get timers() {
    return this.db.getModel('bookingTimers') as any;
  }

  /** Enabled workflows of the Booking time trigger, by id. */
  timeWorkflows(): any[] {
    return [...this.workflowPlugin.enabledCache.values()].filter((w: any) => w.type === BOOKING_TIME_TRIGGER);
  }

  // ---------- planning ----------

  private async facts(bookingIds: number[], workflows: any[], transaction?: Transaction): Promise<Set<number>> {
    if (!bookingIds.length || !workflows.some((w) => w.config?.pendingReschedule)) return new Set();
    const rows = await this.db.getRepository('rescheduleRequests').find({
      filter: { bookingId: { $in: bookingIds }, decision: 'pending' }, fields: ['bookingId'], transaction,
    });
    return new Set(rows.map((r: any) => Number(r.get('bookingId'))));
  }

  private async calendarFor(bookings: any[], workflows: any[], transaction?: Transaction, version?: string): Promise<Calendar | undefined> {
    const needed = workflows.filter((w) => w.config?.unit === 'workingDays');
    if (!needed.length) return undefined;
    const around = needed.flatMap((w) => bookings.map((b) => b[w.config.field]).filter(Boolean).map((d: any) => new Date(d).toISOString()));
    return loadCalendar(this.db, { transaction, version, around: around.length ? [around.sort()[0], around[around.length - 1]] : undefined });
  }

  /** The booking settings, when a workflow takes its offset from them (read with a known version: no query). */
  private async settingsFor(workflows: any[], transaction?: Transaction, version?: string): Promise<DutySettings | undefined> {
    if (!workflows.some((w) => offsetFromSettings(w.config))) return undefined;
    return loadSettings(this.db, { transaction, version });
  }

  /** The fire a workflow wants for a booking now, or null (no date yet, condition fails, too late). */
  private planFor(workflow: any, booking: any, facts: BookingFacts, now: Date, calendar?: Calendar, settings?: DutySettings): PlannedFire | null {
    const c = workflow.config as TimeTriggerConfig;
    const base = booking[c.field];
    if (!base || !conditionHolds(c, facts)) return null;
    let due: Date;
    try {
      const { offset, unit } = resolveOffset(c, settings);
      due = dueAt(new Date(base), offset, unit, calendar);
    } catch (error) {
      // A working-day offset past the configured calendar years: nothing to plan until an admin adds the year.
      this.log.warn(`[bookingTime] cannot plan workflow ${workflow.id} for booking ${booking.id}: ${(error as Error).message}`);
      return null;
    }
    if (isTooLate(due, now, c.maxLatenessMinutes)) return null;
    const basis = new Date(base);
    return {
      fireKey: fireKey(workflow.id, booking.id, c.field, basis, due), workflowId: workflow.id, bookingId: Number(booking.id),
      field: c.field, basis, dueAt: due, status: 'pending',
    };
  }

  /**
   * Re-plans one booking for every enabled time workflow, in the caller's transaction: one read and
   * one write whatever the number of workflows (timerPlan.ts). `fresh`: the booking was created in
   * this transaction, so it has no fires yet.
   */
  /**
   * `known`: what the action already holds — a booking just registered has no reschedule, and
   * register read the calendar's and the settings' versions before writing (bookings/prefetch.ts);
   * a later step read them and the pending reschedules with the booking (bookings/engine.ts
   * loadBooking): then nothing is read here, only the one statement is written.
   */
  async planBooking(bookingId: number, transaction?: Transaction, { fresh = false, known }: { fresh?: boolean; known?: KnownFacts } = {}) {
    const workflows = this.timeWorkflows();
    const now = this.now();
    // None enabled: nothing is written (issue 14: no statement for a feature that is off). Rows of
    // workflows disabled meanwhile stay pending; the tick never reads them while their workflow is
    // off, and re-checks basis and condition at fire time once it is on again (fireOne).
    if (!workflows.length) return;
    const hasPendingReschedule = fresh ? false : known?.hasPendingReschedule;
    const read = known?.booking && known.calendarVersion && known.settingsVersion && hasPendingReschedule !== undefined
      ? { booking: known.booking.get({ plain: true }), hasPendingReschedule, calendarVersion: known.calendarVersion, settingsVersion: known.settingsVersion }
      : await readBookingFacts(this.db, bookingId, {
        reschedule: workflows.some((w) => w.config?.pendingReschedule), calendar: workflows.some((w) => w.config?.unit === 'workingDays'),
        settings: workflows.some((w) => offsetFromSettings(w.config)),
      }, transaction);
    if (!read) return;
    const { booking } = read;
    const calendar = await this.calendarFor([booking], workflows, transaction, read.calendarVersion);
    const settings = await this.settingsFor(workflows, transaction, read.settingsVersion);
    const facts = { status: booking.status, hasPendingReschedule: read.hasPendingReschedule };
    const wanted = workflows.map((w) => this.planFor(w, booking, facts, now, calendar, settings)).filter(Boolean) as PlannedFire[];
    const sql = planStatement(this.db, bookingId, wanted, now, fresh);
    if (sql) await this.db.sequelize.query(sql, { transaction });
  }

  /**
   * Plans the bookings that existed before the workflow was enabled. Done once per workflow
   * version and config (bookingTimerPlans); a workflow enabled while the app runs is always
   * re-planned, since bookings changed meanwhile were not planned for it.
   */
  backfill(workflow: any) {
    const run = this.runBackfill(workflow)
      .catch((error) => this.log.error(`[bookingTime] backfill of workflow ${workflow.id} failed`, { error }))
      .finally(() => this.backfills.delete(run));
    this.backfills.add(run);
  }

  /** A setting changed: workflows that take their offset from the settings plan every booking again. */
  settingsChanged() {
    for (const w of this.timeWorkflows()) if (offsetFromSettings(w.config)) this.backfill(w);
  }

  private async runBackfill(workflow: any) {
    const settings = await this.settingsFor([workflow]);
    // The offset in force belongs to the plan: a changed setting is a new plan (also across a restart).
    const offset = settings ? resolveOffset(workflow.config, settings) : null;
    const planKey = `${workflow.id}:${createHash('sha1').update(JSON.stringify({ config: workflow.config ?? {}, offset })).digest('hex').slice(0, 16)}`;
    const plans = this.db.getModel('bookingTimerPlans') as any;
    if (!this.started && (await plans.count({ where: { planKey } }))) return;
    const c = workflow.config as TimeTriggerConfig;
    const where: any = { [c.field]: { [Op.ne]: null } };
    if (c.statuses?.length) where.status = c.statuses;
    const Bookings = this.db.getModel('bookings') as any;
    for (let after = 0; ; ) {
      const rows = (await Bookings.findAll({ where: { ...where, id: { [Op.gt]: after } }, order: [['id', 'ASC']], limit: BACKFILL_CHUNK, raw: true })) as any[];
      if (!rows.length) break;
      after = Number(rows[rows.length - 1].id);
      const now = this.now();
      const rescheduling = await this.facts(rows.map((r) => Number(r.id)), [workflow]);
      const calendar = await this.calendarFor(rows, [workflow]);
      const fires = rows
        .map((b) => this.planFor(workflow, b, { status: b.status, hasPendingReschedule: rescheduling.has(Number(b.id)) }, now, calendar, settings))
        .filter(Boolean);
      if (fires.length) await this.timers.bulkCreate(fires, { ignoreDuplicates: true });
      if (rows.length < BACKFILL_CHUNK) break;
    }
    await plans.bulkCreate([{ planKey, workflowId: workflow.id, plannedAt: this.now() }], { ignoreDuplicates: true });
  }

  // ---------- firing ----------

  /** The due rows of enabled workflows, earliest first — the only rows a tick reads. */
  dueRows(now: Date, options: { logging?: (sql: string) => void } = {}) {
    const ids = this.timeWorkflows().map((w) => w.id);
    if (!ids.length) return Promise.resolve([] as any[]);
    return this.timers.findAll({
      where: { status: 'pending', workflowId: ids, dueAt: { [Op.lte]: now } },
      order: [['dueAt', 'ASC']], limit: this.batchSize, ...options,
    });
  }

  /** One pass: fire what is due (in batches until none is left), then sweep lost claims. Returns the number fired. */
  tick(): Promise<number> {
    if (this.running) return this.running.then(() => this.tick());
    const run = this.runTick().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async runTick() {
    let fired = 0;
    for (;;) {
      const now = this.now();
      const due = await this.dueRows(now);
      let batch = 0;
      for (const row of due) batch += await this.fireOne(row, now, 'pending');
      fired += batch;
      if (due.length < this.batchSize) break;
    }
    await this.sweep(this.now());
    return fired;
  }

  private async finish(row: any, status: 'dropped' | 'missed') {
    await this.timers.update({ status }, { where: { id: row.id } });
    return 0;
  }

  private async fireOne(row: any, now: Date, from: 'pending' | 'claimed'): Promise<number> {
    // The claim: only the process whose UPDATE changed the row fires it (R-X-4).
    const where: any = { id: row.id, status: from };
    if (from === 'claimed') where.claimedAt = row.claimedAt;
    const [claimed] = await this.timers.update({ status: 'claimed', claimedAt: now, claimedBy: this.instanceId }, { where });
    if (claimed !== 1) return 0;
    const workflow = this.workflowPlugin.enabledCache.get(row.workflowId) ?? this.timeWorkflows().find((w) => String(w.id) === String(row.workflowId));
    if (!workflow) return this.finish(row, 'dropped');
    if (isTooLate(new Date(row.dueAt), now, workflow.config?.maxLatenessMinutes)) return this.finish(row, 'missed');
    const data = await bookingJson(this.db, Number(row.bookingId));
    // Re-checked at fire time: the booking may have moved (other basis) or left the condition.
    if (!data || time(data[row.field]) !== time(row.basis)) return this.finish(row, 'dropped');
    const rescheduling = await this.facts([Number(row.bookingId)], [workflow]);
    if (!conditionHolds(workflow.config, { status: data.status, hasPendingReschedule: rescheduling.has(Number(row.bookingId)) })) {
      return this.finish(row, 'dropped');
    }
    // The settings are read at each fire: the texts show the numbers in force, and a fire planned
    // under an offset that has changed since is dropped (the re-plan made the one due now).
    const settings = await loadSettings(this.db);
    if (offsetFromSettings(workflow.config)) {
      const { offset, unit } = resolveOffset(workflow.config, settings);
      if (unit !== 'workingDays' && dueAt(new Date(row.basis), offset, unit).getTime() !== time(row.dueAt)) return this.finish(row, 'dropped');
    }
    const timer = { field: row.field, basis: row.basis, dueAt: row.dueAt, firedAt: now, lateMinutes: Math.max(0, Math.round((now.getTime() - time(row.dueAt)) / 60000)) };
    this.workflowPlugin.trigger(workflow, { data, date: row.dueAt, timer, settings: settingsContext(settings) }, { eventKey: row.fireKey });
    return 1;
  }

  /** Claims older than a minute whose execution is missing: the process died between claim and execution. */
  private async sweep(now: Date) {
    const ids = this.timeWorkflows().map((w) => w.id);
    if (!ids.length) return;
    const stuck = await this.timers.findAll({
      where: { status: 'claimed', workflowId: ids, claimedAt: { [Op.lte]: new Date(now.getTime() - CLAIM_TIMEOUT_MS) } },
      limit: this.batchSize,
    });
    for (const row of stuck) {
      const done = await this.db.getRepository('executions').count({ filter: { eventKey: row.fireKey } });
      if (done) await this.timers.update({ status: 'fired' }, { where: { id: row.id } });
      else await this.fireOne(row, now, 'claimed');
    }
  }

  /** The execution for a fire exists: the row is done (hooked on executions.afterCreate). */
  async markFired(eventKey: string, transaction?: Transaction) {
    if (!eventKey?.startsWith('bt:')) return;
    await this.timers.update({ status: 'fired', firedAt: new Date() }, { where: { fireKey: eventKey }, transaction });
  }

  // ---------- driver ----------

  /** On start: catch up at once, then tick every `everyMs` (0 = tests drive tick() themselves). */
  start(everyMs: number) {
    this.started = true;
    this.tick().catch((error) => this.log.error('[bookingTime] catch-up tick failed', { error }));
    if (everyMs > 0) {
      this.interval = setInterval(() => this.tick().catch((error) => this.log.error('[bookingTime] tick failed', { error })), everyMs);
      this.interval.unref?.();
    }
  }

  async stop() {
    this.started = false;
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.idle();
  }

  /** Resolves when no tick or backfill of this process is running. */
  async idle() {
    while (this.running || this.backfills.size) {
      await this.running?.catch(() => undefined);
      await Promise.all([...this.backfills]);
    }
  }
}
