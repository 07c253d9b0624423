import { describe, expect, it } from 'vitest';
import { itemBodyFromText, itemBodyToText, itemOrdinals } from '../../shared/newsletter';

describe('newsletter helpers', () => {
  it('numbers items straight through the sections', () => {
    expect(itemOrdinals([{ items: [1, 2] }, { items: [] }, { items: [3] }])).toEqual([['（一）', '（二）'], [], ['（三）']]);
  });
  it('turns an item body into text box lines and back', () => {
    const body = { paragraphs: ['导语。'], parts: [{ heading: '聚焦贸易升级，开放领域全面拓展', paragraphs: ['甲。', '乙。'] }, { heading: '聚焦投资扩容', paragraphs: [] }] };
    const text = itemBodyToText(body);
    expect(text).toBe('导语。\n1.聚焦贸易升级，开放领域全面拓展\n甲。\n乙。\n2.聚焦投资扩容');
    expect(itemBodyFromText(text)).toEqual(body);
    // a sentence that opens with a number is a paragraph, not a sub-head
    expect(itemBodyFromText('1. 今年以来推进重点项目50个。').parts).toEqual([]);
  });
});
