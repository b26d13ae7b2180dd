// Node "Next year's calendar" (下一年度日历检查, R-CAL-4): is next year's statutory calendar
// configured, and is today past the warning day (setting booking.nextYearWarningFrom)? Its result
// feeds a condition node, so the weekly default workflow notifies admins only while it matters.
import { Instruction, JOB_STATUS } from '@nocobase/plugin-workflow';
import { loadNextYearOutlook, CALENDAR_PAGE } from '../calendar/outlook';
import { clock } from '../shared/clock';

export const NEXT_YEAR_INSTRUCTION = 'calendarNextYear';

export class NextYearCalendarInstruction extends Instruction {
  async run() {
    const outlook = await loadNextYearOutlook(this.workflow.db, clock.now());
    return { status: JOB_STATUS.RESOLVED, result: { ...outlook, page: CALENDAR_PAGE } };
  }
}
