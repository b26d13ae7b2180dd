// Pure logic of the service-list editor (no React, no NocoBase): tested in test/rules/listEditor.test.ts.

/** One row of the editor: a service item as the table holds it (R-LST-1). */
export interface EditorItem {
  id: number;
  code: string;
  name: string;
  leadWindowId: number | null;
  cooperatingWindowIds: number[];
  offeredOnWeekends: boolean;
  offeredOnHolidays: boolean;
  materials: string[];
  expectedMinutes: number;
  capacityPerSlot: number;
  published: boolean;
}

/** A serviceItems row from the API (with `cooperatingWindows` appended) to an editor row. */
export function toEditorItem(row: any): EditorItem {
  return {
    id: row.id,
    code: row.code ?? '',
    name: row.name ?? '',
    leadWindowId: row.leadWindowId ?? null,
    cooperatingWindowIds: Array.isArray(row.cooperatingWindows)
      ? row.cooperatingWindows.map((w: any) => w.id)
      : Array.isArray(row.cooperatingWindowIds) ? row.cooperatingWindowIds : [],
    offeredOnWeekends: !!row.offeredOnWeekends,
    offeredOnHolidays: !!row.offeredOnHolidays,
    materials: Array.isArray(row.materials) ? row.materials.map(String) : [],
    expectedMinutes: Number(row.expectedMinutes),
    capacityPerSlot: Number(row.capacityPerSlot),
    published: !!row.published,
  };
}

export type YesNoAll = 'all' | 'yes' | 'no';

export interface EditorFilter {
  /** Matches code or name, case-insensitive; several words must all match. */
  text?: string;
  published?: YesNoAll;
  weekend?: YesNoAll;
  holiday?: YesNoAll;
  /** Lead or cooperating window. */
  windowId?: number | null;
}

const yesNo = (want: YesNoAll | undefined, value: boolean) => !want || want === 'all' || (want === 'yes') === value;

/** The rows the filter keeps, in list order. Runs on every keystroke over up to a few thousand rows. */
export function filterItems(items: EditorItem[], filter: EditorFilter): EditorItem[] {
  const words = (filter.text || '').toLowerCase().split(/\s+/).filter(Boolean);
  const { windowId } = filter;
  if (!words.length && yesNo(filter.published, true) && yesNo(filter.published, false) && !windowId
    && [filter.weekend, filter.holiday].every((f) => !f || f === 'all')) {
    return items;
  }
  return items.filter((item) => {
    if (!yesNo(filter.published, item.published)) return false;
    if (!yesNo(filter.weekend, item.offeredOnWeekends)) return false;
    if (!yesNo(filter.holiday, item.offeredOnHolidays)) return false;
    if (windowId && item.leadWindowId !== windowId && !item.cooperatingWindowIds.includes(windowId)) return false;
    if (!words.length) return true;
    const hay = `${item.code}\n${item.name}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/**
 * The list after dragging `sourceId` onto `targetId`, as NocoBase's stock `move` action orders it:
 * the source takes the target's place, the rows in between shift by one (so dragging down lands
 * after the target, dragging up before it).
 */
export function moveItem<T extends { id: number }>(list: T[], sourceId: number, targetId: number): T[] {
  const from = list.findIndex((i) => i.id === sourceId);
  const to = list.findIndex((i) => i.id === targetId);
  if (from < 0 || to < 0 || from === to) return list;
  const next = list.slice();
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/** Materials (一次性告知) edited as an ordered list: trimmed, blanks dropped. */
export function cleanMaterials(list: string[]): string[] {
  return list.map((m) => String(m ?? '').trim()).filter(Boolean);
}

/** Moves entry `index` of a list by `delta` (−1 up, +1 down); out of range leaves it as is. */
export function shiftEntry<T>(list: T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = list.slice();
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** The fields of `patch` whose value differs from `item` (nothing to save when empty). */
export function changedValues(item: EditorItem, patch: Partial<EditorItem>): Partial<EditorItem> {
  const out: Partial<EditorItem> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (JSON.stringify((item as any)[key]) !== JSON.stringify(value)) (out as any)[key] = value;
  }
  return out;
}

/** The editor's values to the collection's field names (cooperating windows are an m2m by ids). */
export function toServerValues(patch: Partial<EditorItem>): Record<string, unknown> {
  const { cooperatingWindowIds, id, ...rest } = patch;
  const values: Record<string, unknown> = { ...rest };
  if (cooperatingWindowIds) values.cooperatingWindows = cooperatingWindowIds;
  return values;
}

/** Whether a typed expected time is over the limit, so the field can warn before the server refuses. */
export function overHalfDay(minutes: unknown, halfDayMinutes: number): boolean {
  const n = Number(minutes);
  return Number.isFinite(n) && n > halfDayMinutes;
}

/** The server's localized message(s) from `{ errors: [{ message }] }`, else the transport error. */
export function errorText(error: any): string {
  const body = error?.response?.data;
  const errors = body?.errors || (body?.error ? [body.error] : null);
  if (Array.isArray(errors) && errors.length) return errors.map((e: any) => e?.message || String(e)).join('; ');
  if (typeof body === 'string' && body.trim() && !body.trim().startsWith('<')) return body.trim();
  return error?.message || String(error);
}
