import { beforeAll, describe, expect, it } from 'vitest';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { TITLE_COLUMNS } from '../../electron/core/export/docx/blocks';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import type { BatchDetail } from '../../shared/domain';
import { displayWidth } from '../../shared/width';
import { paragraphs, readDocx, type Para } from '../helpers/docx';
import { tempCasebook } from '../helpers/tmp';

// The titles' lines as the exported document holds them: one run per line, each after the first opened by a
// soft break (w:br). A quoted term that fits a line never has a break inside it (GB/T 9704 §7.3.1, 词意完整;
// the rule itself: tests/unit/title-lines.test.ts).

const book = tempCasebook();
let demo: BatchDetail;
let ps: Para[];

beforeAll(async () => {
  demo = getBatch(book.db, listBatches(book.db)[0]!.id);
  ps = paragraphs(readDocx(await exportBatchDocx(demo, { layout: 'letter' })).document);
});

/** The title's paragraph: the lines (its runs) and whether each after the first starts with a soft break. */
function titleLines(title: string, pageBreakBefore: boolean): string[] {
  const p = ps.find((q) => q.text === title && q.pPr.includes('w:pageBreakBefore') === pageBreakBefore);
  expect(p, title).toBeDefined();
  const runs = [...p!.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)].map((r) => r[1]!);
  runs.forEach((r, i) => expect(r.includes('<w:br/>'), `${title}, line ${i + 1}`).toBe(i > 0));
  return p!.runs.map((r) => r.text);
}

/** Quoted terms that fit a line (“…”, ‘…’, 《…》, 「…」). */
function fittingTerms(title: string): string[] {
  return [...title.matchAll(/“[^”]*”|‘[^’]*’|《[^》]*》|「[^」]*」/gu)].map((m) => m[0]).filter((t) => displayWidth(t) <= TITLE_COLUMNS);
}

describe('titles in the exported circular', () => {
  it('breaks case 10’s title after its quoted term, not inside it', () => {
    const ten = demo.items[9]!.case;
    expect(ten.title).toBe('“不动产登记业务便民模式”复制推广典型案例');
    expect(titleLines(ten.title, true)).toEqual(['“不动产登记业务便民模式”', '复制推广典型案例']);
  });

  it('keeps every quoted term of the 28 case titles on one line, every line within the 版心', () => {
    const report: string[] = [];
    for (const { case: c } of demo.items) {
      const lines = titleLines(c.title, true);
      expect(lines.join('')).toBe(c.title);
      for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(TITLE_COLUMNS);
      for (const t of fittingTerms(c.title)) expect(lines.some((l) => l.includes(t)), `${t}: ${lines.join(' / ')}`).toBe(true);
      report.push(lines.join(' / '));
    }
    expect(report).toHaveLength(28);
    // the one term longer than a line is split at a word boundary inside it, its inner ‘一站式’ whole
    expect(report[25]).toBe('“创新涉外商事诉讼、仲裁与调解 / ‘一站式’纠纷解决机制”复制推广典型案例');
  });

  it('breaks the circular’s title and the attachment’s as before', () => {
    expect(titleLines(demo.circular.title, false)).toEqual(['关于印发我省第三批复制推广', '自贸试验区制度创新成果典型案例的通知']);
    expect(titleLines(demo.circular.attachmentNote || demo.title, false)).toEqual(['第三批复制推广', '自贸试验区制度创新成果典型案例']);
  });
});
