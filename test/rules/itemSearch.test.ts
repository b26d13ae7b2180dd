import { matchScore, normalizeQuery, searchItems } from '../../src/rules/itemSearch';

const items = [
  { id: 1, name: '不动产转移登记（二手房买卖）', code: 'BDC-001', initials: 'bdczydjeffmm' },
  { id: 2, name: '社会保障卡补办', code: 'SB-001', initials: 'shbzkbb' },
  { id: 3, name: '住房公积金提取（购买自住住房）', code: 'GJJ-001', initials: 'zfgjjtqgmzzzf' },
  { id: 4, name: '公积金贷款', code: 'X-9', initials: 'gjjdk' },
];

describe('desk item search (pure)', () => {
  it('normalizes full-width input and case', () => {
    expect(normalizeQuery(' ＢＤＣ－００１ ')).toBe('bdc-001');
  });

  it('ranks exact code, then code prefix, initials prefix, name prefix, then contains', () => {
    expect(matchScore(items[0], 'bdc-001')).toBeGreaterThan(matchScore(items[0], 'bdc'));
    expect(searchItems(items, 'gjj').map((i) => i.id)).toEqual([3, 4]); // code prefix before initials prefix
    expect(searchItems(items, '公积金').map((i) => i.id)).toEqual([4, 3]); // name prefix before contains
    expect(searchItems(items, 'shbz').map((i) => i.id)).toEqual([2]);
    expect(searchItems(items, 'nothing')).toEqual([]);
  });

  it('an empty query keeps the list order and the limit holds', () => {
    expect(searchItems(items, '').map((i) => i.id)).toEqual([1, 2, 3, 4]);
    expect(searchItems(items, '', 2)).toHaveLength(2);
  });
});
