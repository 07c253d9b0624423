import { describe, expect, it } from 'vitest';
import { batchNumberIn, byBatchNumber } from '../../shared/source-order';

// Issue 14.11: source experiences sorted by their batch number, not by pinyin.
describe('byBatchNumber', () => {
  it('reads the batch number in a name', () => {
    expect(batchNumberIn('自贸试验区第七批改革试点经验')).toBe(7);
    expect(batchNumberIn('第十二批最佳实践案例')).toBe(12);
    expect(batchNumberIn('第3批')).toBe(3);
    expect(batchNumberIn('省级创新经验')).toBeNull();
  });
  it('orders 第一、第二…第十二, then names without a number', () => {
    const names = ['第七批改革试点经验', '省级创新经验', '第十二批改革试点经验', '第三批改革试点经验', '第一批改革试点经验', '第二批改革试点经验'];
    expect(byBatchNumber(names.map((name) => ({ name }))).map((s) => s.name)).toEqual([
      '第一批改革试点经验',
      '第二批改革试点经验',
      '第三批改革试点经验',
      '第七批改革试点经验',
      '第十二批改革试点经验',
      '省级创新经验',
    ]);
  });
});
