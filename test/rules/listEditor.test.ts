// The service-list editor's pure logic (src/client/listEditor/logic.ts). The materials dialog and
// the inline cells are rendered in jsdom in test/web/listEditor.test.tsx; the whole block is
// covered by test/browser/list-editor.test.ts in Chromium.
import {
  changedValues, cleanMaterials, errorText, filterItems, moveItem, overHalfDay, shiftEntry, toEditorItem, toServerValues,
  type EditorItem,
} from '../../src/client/listEditor/logic';

const item = (id: number, over: Partial<EditorItem> = {}): EditorItem => ({
  id, code: `C-${id}`, name: `事项${id}`, leadWindowId: 1, cooperatingWindowIds: [], offeredOnWeekends: true,
  offeredOnHolidays: true, materials: [], expectedMinutes: 30, capacityPerSlot: 1, published: true, ...over,
});

describe('service-list editor logic', () => {
  const list = [
    item(1, { code: 'GJJ-001', name: '住房公积金提取' }),
    item(2, { code: 'BDC-001', name: '不动产转移登记', published: false, cooperatingWindowIds: [7] }),
    item(3, { code: 'SB-001', name: '社会保障卡补办', offeredOnHolidays: false, leadWindowId: 4 }),
  ];

  it('R-LST-1 an API row becomes an editor row (cooperating windows by id, materials as a list)', () => {
    const row = toEditorItem({ id: 5, code: 'X', name: 'Y', leadWindowId: null, cooperatingWindows: [{ id: 7 }, { id: 8 }],
      offeredOnWeekends: 1, offeredOnHolidays: 0, materials: null, expectedMinutes: '45', capacityPerSlot: 2, published: 0 });
    expect(row).toEqual({ id: 5, code: 'X', name: 'Y', leadWindowId: null, cooperatingWindowIds: [7, 8], offeredOnWeekends: true,
      offeredOnHolidays: false, materials: [], expectedMinutes: 45, capacityPerSlot: 2, published: false });
  });

  it('R-LST-2 search matches code or name, every word, any case', () => {
    expect(filterItems(list, { text: '公积金' }).map((i) => i.id)).toEqual([1]);
    expect(filterItems(list, { text: 'bdc' }).map((i) => i.id)).toEqual([2]);
    expect(filterItems(list, { text: 'sb 补办' }).map((i) => i.id)).toEqual([3]);
    expect(filterItems(list, { text: 'sb 公积金' })).toEqual([]);
    expect(filterItems(list, { text: '  ' })).toBe(list);
  });

  it('R-LST-2 filters: published, weekend, holiday, lead or cooperating window', () => {
    expect(filterItems(list, { published: 'no' }).map((i) => i.id)).toEqual([2]);
    expect(filterItems(list, { published: 'yes', holiday: 'yes' }).map((i) => i.id)).toEqual([1]);
    expect(filterItems(list, { holiday: 'no' }).map((i) => i.id)).toEqual([3]);
    expect(filterItems(list, { windowId: 7 }).map((i) => i.id)).toEqual([2]);
    expect(filterItems(list, { windowId: 4 }).map((i) => i.id)).toEqual([3]);
    expect(filterItems(list, { published: 'all', weekend: 'all', holiday: 'all', windowId: null })).toBe(list);
  });

  it('R-LST-2 a dragged row takes the target place, as the stock move action orders it', () => {
    const ids = (l: { id: number }[]) => l.map((i) => i.id);
    const four = [1, 2, 3, 4].map((id) => ({ id }));
    expect(ids(moveItem(four, 3, 1))).toEqual([3, 1, 2, 4]); // up: before the target
    expect(ids(moveItem(four, 1, 3))).toEqual([2, 3, 1, 4]); // down: after the target
    expect(moveItem(four, 2, 2)).toBe(four);
    expect(moveItem(four, 9, 1)).toBe(four);
  });

  it('R-LST-1 materials: blanks dropped, entries moved up and down within bounds', () => {
    expect(cleanMaterials([' 身份证 ', '', '  ', '户口簿'])).toEqual(['身份证', '户口簿']);
    expect(shiftEntry(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(shiftEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    const l = ['a', 'b'];
    expect(shiftEntry(l, 0, -1)).toBe(l);
    expect(shiftEntry(l, 1, 1)).toBe(l);
  });

  it('R-LST-2 only changed fields are saved; cooperating windows go as the m2m field', () => {
    const i = item(1, { cooperatingWindowIds: [2], materials: ['a'] });
    expect(changedValues(i, { name: i.name, capacityPerSlot: 3 })).toEqual({ capacityPerSlot: 3 });
    expect(changedValues(i, { materials: ['a'] })).toEqual({});
    expect(changedValues(i, { cooperatingWindowIds: [2, 3] })).toEqual({ cooperatingWindowIds: [2, 3] });
    expect(toServerValues({ cooperatingWindowIds: [2, 3], published: true })).toEqual({ cooperatingWindows: [2, 3], published: true });
  });

  it('R-LST-3 the field warns above the half-day limit; the server message is what is shown', () => {
    expect(overHalfDay(241, 240)).toBe(true);
    expect(overHalfDay(240, 240)).toBe(false);
    expect(overHalfDay(null, 240)).toBe(false);
    const refused = { response: { data: { errors: [{ code: 'EXPECTED_MINUTES_OVER_HALF_DAY', message: '超过 0.5 个工作日' }] } } };
    expect(errorText(refused)).toBe('超过 0.5 个工作日');
    expect(errorText(new Error('Network Error'))).toBe('Network Error');
  });
});
