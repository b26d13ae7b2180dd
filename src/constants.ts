// Names shared by the server, the client and the collections (no NocoBase import).
export const PACKAGE_NAME = '@govhall/plugin-appointment-duty';
/** i18n namespace: NocoBase serves dist/locale/<lang>.json under the package name. */
export const NS = PACKAGE_NAME;
/** Plugin settings key: /admin/settings/appointment-duty */
export const SETTINGS_KEY = 'appointment-duty';

/** A translatable title for collection and field schemas, compiled by the client. */
export const tval = (text: string) => `{{t(${JSON.stringify(text)}, { ns: ${JSON.stringify(NS)} })}}`;

/** Roles this plugin creates on install (admin/root stay NocoBase's). */
export const ROLES = ['desk', 'section', 'sectionChief', 'windowLead', 'windowStaff'] as const;
export type RoleName = (typeof ROLES)[number];
