import { describe, expect, it } from 'vitest';
import { textDiffSegments } from '../../renderer/src/components/TextDiff';

// Issue 14.6: the version comparison marks the changed characters, not whole paragraphs.
describe('textDiffSegments', () => {
  it('marks only the changed characters of a changed paragraph', () => {
    const from = '标题\n推行“一网通办”，办理时限压缩至3个工作日。\n第二段不变。\n';
    const to = '标题\n推行“一网通办”，办理时限压缩至1个工作日。\n第二段不变。\n';
    const segs = textDiffSegments(from, to);
    expect(segs.filter((s) => s.kind === 'removed').map((s) => s.text)).toEqual(['3']);
    expect(segs.filter((s) => s.kind === 'added').map((s) => s.text)).toEqual(['1']);
    expect(segs.map((s) => (s.kind === 'removed' ? '' : s.text)).join('')).toBe(to);
    expect(segs.map((s) => (s.kind === 'added' ? '' : s.text)).join('')).toBe(from);
  });
  it('keeps added and removed paragraphs whole', () => {
    const segs = textDiffSegments('甲\n乙\n', '甲\n乙\n丙（补充一句）\n');
    expect(segs).toEqual([
      { text: '甲\n乙\n', kind: 'same' },
      { text: '丙（补充一句）\n', kind: 'added' },
    ]);
  });
});
