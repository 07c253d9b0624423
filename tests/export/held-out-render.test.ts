import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { findSoffice } from '../../electron/core/export/pdf';
import { importFile } from '../../electron/core/import/import-circular';
import { getBatch } from '../../electron/core/repos/batches';
import type { BatchDetail } from '../../shared/domain';
import { paragraphs, readDocx } from '../helpers/docx';
import { markCounts, PT_PER_MM, squash, twoLineTitles } from '../helpers/fidelity';
import { FONTS_CONF, hasRenderer, textLines, type TextLine } from '../helpers/pdf';
import { tempCasebook, tempDir } from '../helpers/tmp';

// A circular of another shape than the demo, held out from the code's tuning: 文件格式, six innovation cases,
// a 汇总表 with a 所属领域 column, a 成文日期, 抄送 and 印发. Exported to PDF by the app's own command
// (`export ID --pdf`, LibreOffice headless), rendered once, and measured as a reviewer would read it.

const FIXTURE = path.resolve(__dirname, '../fixtures/innovation-six-cases.txt');
const PAGE_NUMBER = /^—\s*\d+\s*—$/u;
const BOTTOM = 297 - 35; // mm: the 版心's bottom edge

const renderer = hasRenderer() && findSoffice() !== null;
const book = tempCasebook();
let six: BatchDetail;
let docx: Buffer;
let pdf = '';
let pages: TextLine[][] = [];
let cli = { code: -1, out: '', err: '' };

beforeAll(async () => {
  const report = await importFile(book.db, fs.readFileSync(FIXTURE), 'six.txt');
  six = getBatch(book.db, report.batchId!);
  docx = await exportBatchDocx(six, {});
  if (!renderer) return;
  pdf = path.join(tempDir('held-out-'), 'six.pdf');
  // The fonts the render tests map (the office's fonts are not on a CI machine), for the app's own conversion too.
  if (fs.existsSync(FONTS_CONF)) process.env.FONTCONFIG_FILE = FONTS_CONF;
  let out = '';
  let err = '';
  const code = await runCli(['--db', book.file, '--no-seed', 'export', String(six.id), '--pdf', pdf], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  cli = { code, out, err };
  pages = textLines(pdf);
}, 300_000);

const body = (page: TextLine[]) => page.filter((l) => !PAGE_NUMBER.test(l.text.trim()));

describe('the held-out circular as imported', () => {
  it('keeps the source 汇总表: caption with «汇总表» and the 所属领域 column, in the Word table', () => {
    expect(six.circular.summary).toMatchObject({ caption: '第五批省级创新实践案例汇总表', columns: ['所属领域'] });
    const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/u.exec(readDocx(docx).document)![1]!;
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/gu)!.map((r) => paragraphs(r).map((p) => p.text));
    expect(rows[0]).toEqual(['序号', '案例名称', '提供单位', '所属领域']);
    expect(rows[1]).toEqual(['1', '“跨境物流一站通”创新实践案例', '黑河片区', '贸易转型升级']);
    expect(rows).toHaveLength(7);
    expect(paragraphs(readDocx(docx).document).some((p) => p.text === '第五批省级创新实践案例汇总表')).toBe(true);
  });
});

describe.skipIf(!renderer)('the held-out circular exported to PDF by the command line', () => {
  it('writes a PDF with `export ID --pdf FILE`', () => {
    expect(cli.code, cli.err).toBe(0);
    expect(cli.out).toMatch(/已导出/u);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages.length).toBeGreaterThan(8);
  });

  it('never leaves the 署名 and 成文日期 alone on a page', () => {
    const p = pages.findIndex((page) => page.some((l) => squash(l.text) === '2024年6月19日'));
    expect(p).toBeGreaterThanOrEqual(0);
    const others = body(pages[p]!).filter((l) => !['2024年6月19日', '中国（黑龙江）自由贸易试验区工作领导小组办公室'].includes(squash(l.text)));
    expect(others.length).toBeGreaterThanOrEqual(3);
  });

  it('puts two blank lines between the red line and the title', () => {
    const first = pages[0]!;
    const number = first.find((l) => squash(l.text).startsWith('黑自贸办发'))!;
    const title = first.find((l) => squash(l.text).startsWith('关于印发'))!;
    // Three grid lines down (two blank lines between), plus the 2号 glyph's deeper box: one blank line would be
    // about 72 pt, two about 101 pt.
    expect(title.yMax - number.yMax).toBeGreaterThan(3 * 28.95);
    expect(title.yMax - number.yMax).toBeLessThan(4 * 28.95);
  });

  it('sets the 版记 at the foot of the last page, an even one, 抄送 above 印发, the 印发 line on one line', () => {
    const last = body(pages[pages.length - 1]!);
    const cc = last.find((l) => squash(l.text).startsWith('抄送：'))!;
    const printed = last.find((l) => squash(l.text).endsWith('印发'))!;
    expect(cc).toBeDefined();
    expect(squash(printed.text)).toBe('中国（黑龙江）自由贸易试验区工作领导小组办公室2024年6月19日印发');
    expect(cc.yMax).toBeLessThan(printed.yMin);
    for (const l of [cc, printed]) {
      expect(l.yMin).toBeGreaterThan((297 - 60) * PT_PER_MM); // within the bottom 60 mm of the page
      expect(l.yMax).toBeLessThan((BOTTOM + 2) * PT_PER_MM); // inside the 版心
    }
    // The text ends on page 15, odd: the 版记 takes the back of that sheet, page 16, the last side (§7.4).
    expect(pages.length % 2).toBe(0);
    expect(last).toHaveLength(2);
    expect(cli.out).toMatch(/警告：版记须在偶数页/u);
  });

  it('draws every ，、。 of the text', () => {
    const counts = markCounts(docx, pdf);
    for (const c of Object.values(counts)) expect(c.pdf).toBe(c.text);
  });

  it('breaks every two-line title as a 正梯形: the top line not longer than the second', () => {
    const titles = twoLineTitles(pages);
    expect(titles.length).toBeGreaterThanOrEqual(2); // cases 3 and 4, twice each (汇总表 is a table, not a title)
    for (const t of titles) expect([...t.top].length, `${t.top} / ${t.bottom}`).toBeLessThanOrEqual([...t.bottom].length);
  });

  it('shows the 所属领域 column in the Word table, and the list items as sentences with their stops', () => {
    const summary = pages.find((page) => page.some((l) => squash(l.text) === '序号'))!;
    const text = summary.map((l) => squash(l.text)).join('\n');
    expect(text).toMatch(/所属领域/u);
    for (const field of ['贸易转型升级', '知识产权保护', '金融领域开放创新']) expect(text).toContain(field);
    const all = pages.flat().map((l) => squash(l.text)).join('');
    expect(all).toContain('货物平均通关时间下降50%。');
  });
});
