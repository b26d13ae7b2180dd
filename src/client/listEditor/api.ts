// The editor's calls: NocoBase's stock actions on serviceItems (list, update, move) and the
// import/export plugins' actions (importXlsx, export). Every save goes through the server's save
// rules (src/server/hooks.ts), so a refused value comes back as a localized 400 and changes nothing.
import { toEditorItem, toServerValues, type EditorItem } from './logic';

/** The part of NocoBase's APIClient we use (the flow context's `api`, or useAPIClient()). */
export interface ApiLike {
  request(config: Record<string, any>): Promise<{ data: any; headers?: Record<string, string> }>;
}

export interface WindowOption {
  id: number;
  code: string;
  name: string;
}

/** One spreadsheet column: the import and export plugins' `columns` shape. */
export interface SheetColumn {
  dataIndex: string[];
  defaultTitle: string;
}

/** Columns of the list in Excel, titled in the user's language; import and export use the same. */
export function sheetColumns(t: (text: string) => string): SheetColumn[] {
  return [
    ['code', 'Item code'],
    ['name', 'Item name'],
    ['expectedMinutes', 'Expected handling minutes'],
    ['capacityPerSlot', 'Capacity per slot'],
    ['offeredOnWeekends', 'Weekend service'],
    ['offeredOnHolidays', 'Holiday appointment'],
    ['published', 'Published'],
  ].map(([field, title]) => ({ dataIndex: [field], defaultTitle: t(title) }));
}

export function listEditorApi(api: ApiLike) {
  // skipNotify: the editor shows the server's message where the edit was made, not as a global toast.
  const call = (config: Record<string, any>) => api.request({ skipNotify: true, ...config });
  return {
    async items(): Promise<EditorItem[]> {
      const res = await call({
        url: 'serviceItems:list',
        method: 'get',
        params: { paginate: false, sort: ['sort'], appends: ['cooperatingWindows'] },
      });
      return (res.data?.data || []).map(toEditorItem);
    },
    async windows(): Promise<WindowOption[]> {
      const res = await call({ url: 'windows:list', method: 'get', params: { paginate: false, sort: ['code'] } });
      return (res.data?.data || []).map((w: any) => ({ id: w.id, code: w.code, name: w.name }));
    },
    /** Saves some fields of one item; resolves with the stored row (materials normalized by the server). */
    async update(id: number, patch: Partial<EditorItem>): Promise<EditorItem | null> {
      const res = await call({
        url: 'serviceItems:update',
        method: 'post',
        params: { filterByTk: id },
        data: toServerValues(patch),
      });
      const row = Array.isArray(res.data?.data) ? res.data.data[0] : res.data?.data;
      return row && typeof row === 'object' ? row : null;
    },
    /** One `update` over several ids: one transaction, so one refused item leaves all unchanged. */
    async setPublished(ids: number[], published: boolean): Promise<void> {
      await call({ url: 'serviceItems:update', method: 'post', params: { filterByTk: ids }, data: { published } });
    },
    /** The stock sort-field `move`; it reads its ids from the query string. */
    async move(sourceId: number, targetId: number): Promise<void> {
      await call({ url: 'serviceItems:move', method: 'post', params: { sourceId, targetId } });
    },
    async exportXlsx(columns: SheetColumn[], title: string): Promise<Blob> {
      const res = await call({
        url: 'serviceItems:export',
        method: 'post',
        data: { columns, title },
        responseType: 'blob',
      });
      return res.data as Blob;
    },
    /** Resolves with the number of rows imported (the import plugin's `successCount`). */
    async importXlsx(file: File, columns: SheetColumn[]): Promise<number> {
      const form = new FormData();
      form.append('file', file);
      form.append('columns', JSON.stringify(columns));
      const res = await call({ url: 'serviceItems:importXlsx', method: 'post', data: form, timeout: 10 * 60 * 1000 });
      const body = res.data?.data ?? res.data;
      return Number(body?.successCount ?? body?.meta?.successCount ?? 0);
    },
  };
}

export type ListEditorApi = ReturnType<typeof listEditorApi>;

/** A failed blob request carries its JSON error as a Blob: read it so errorText finds the message. */
export async function readBlobError(error: any): Promise<any> {
  const body = error?.response?.data;
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    try {
      error.response.data = JSON.parse(await body.text());
    } catch {
      /* not JSON: keep the transport error */
    }
  }
  return error;
}
