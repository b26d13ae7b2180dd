// Workflow trigger "Booking time" (预约时间提醒): fires at a time relative to a booking's date
// field — 1 day before the appointment, 30 min after its start if not arrived (R-DAY-1), N hours
// after assignment without contact (R-PRE-1), 12 h before for a pending reschedule (R-RSC-2),
// N working days after completion (R-AFT-1). The schedule and its guarantees live in ./scheduler.
import { Trigger } from '@nocobase/plugin-workflow';
import { checkTimeTriggerConfig } from '../../rules/reminders';
import type { BookingScheduler } from './scheduler';

export class BookingTimeTrigger extends Trigger {
  constructor(workflow: any, private readonly scheduler: BookingScheduler) {
    super(workflow);
  }

  validateConfig(config: any) {
    return checkTimeTriggerConfig(config);
  }

  on(workflow: any) {
    if (!checkTimeTriggerConfig(workflow.config)) this.scheduler.backfill(workflow);
  }

  // Disabled workflows: their rows stay, the tick reads only enabled workflows' rows, a booking
  // re-planned while another Booking time workflow is on drops them, and a fire re-checks the booking
  // (scheduler.ts fireOne); off() is also called on every stop, so it keeps rows.
  off() {}
}
