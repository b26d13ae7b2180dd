// Every block of the plugin, once, for both shells (the classic /admin one and the V2-only /v/
// one); the pages of the menu 预约+无休 (src/menu.ts) are made of them. Each is a named BlockModel
// subclass in its own file: NocoBase lists registered BlockModel subclasses under "Add block ›
// Other blocks" on Modern pages and stores a placed block as a flowModels row `{ use: '<name>' }`
// — so these names are stored data: never rename one.
// A model with a static `classic` is also offered on Classic pages (src/client/classicBlocks.tsx).
import { AppointmentDispatchBoardBlockModel } from './AppointmentDispatchBoardBlockModel';
import { AppointmentDutyBlockModel } from './AppointmentDutyBlockModel';
import { AppointmentLeadDeskBlockModel } from './AppointmentLeadDeskBlockModel';
import { AppointmentMonthlyReportBlockModel } from './AppointmentMonthlyReportBlockModel';
import { AppointmentMyBookingsBlockModel } from './AppointmentMyBookingsBlockModel';
import { AppointmentRescheduleInboxBlockModel } from './AppointmentRescheduleInboxBlockModel';
import { DeskBookingsBlockModel } from './DeskBookingsBlockModel';
import { DeskRegistrationBlockModel } from './DeskRegistrationBlockModel';
import { ServiceListEditorBlockModel } from './ServiceListEditorBlockModel';

export {
  AppointmentDispatchBoardBlockModel, AppointmentDutyBlockModel, AppointmentLeadDeskBlockModel, AppointmentMonthlyReportBlockModel,
  AppointmentMyBookingsBlockModel, AppointmentRescheduleInboxBlockModel, DeskBookingsBlockModel, DeskRegistrationBlockModel,
  ServiceListEditorBlockModel,
};

export const BLOCK_MODELS = {
  DeskRegistrationBlockModel,
  DeskBookingsBlockModel,
  ServiceListEditorBlockModel,
  AppointmentDispatchBoardBlockModel,
  AppointmentRescheduleInboxBlockModel,
  AppointmentLeadDeskBlockModel,
  AppointmentMyBookingsBlockModel,
  AppointmentDutyBlockModel,
  AppointmentMonthlyReportBlockModel,
};

export type BlockName = keyof typeof BLOCK_MODELS;

/** The one way a block is registered, from either entry (the key is the stored `use` name). */
export function registerBlocks(flowEngine: { registerModels(models: Record<string, unknown>): void }) {
  flowEngine.registerModels(BLOCK_MODELS);
}
