import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { createHandlers } from '../../electron/core/api/handlers';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { colophonNote, countLines, estimateCircular, paginate, planColophon, type ColophonPlacement, type FlowBlock } from '../../electron/core/export/docx/pagination';
import { LINE_PITCH } from '../../electron/core/export/docx/standard';
import { buildBatchDocx } from '../../electron/core/export/service';
import { importFile } from '../../electron/core/import/import-circular';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import type { BatchDetail, Layout } from '../../shared/domain';
import { squash } from '../helpers/fidelity';
import { hasRenderer, MM_PER_PT, renderPdf, textLines, type TextLine } from '../helpers/pdf';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { grownTo } from './fixtures';

// Issue 10.5: the 版记 on an even page, the last side of a document printed on both sides (GB/T 9704 §7.4), with
// a blank page before it where the text ends on an even page without room, and neither page numbered (§7.5).
// The export estimates its pages from the grid (22 lines of 28 characters); LibreOffice lays the same .docx
// out, and the estimate is compared with its pages: the page count, where each case starts, and the lines used
// on every page that a page break or the end closes.

const PT = 1 / MM_PER_PT;
const TOP = 37 * PT; // the 版心's top edge, pt
const BOTTOM = (297 - 35) * PT; // its bottom edge
const PITCH = LINE_PITCH / 20; // 28.95 pt
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/u;

const renderer = hasRenderer();
const book = tempCasebook();
const docs: { name: string; batch: BatchDetail; layout: Layout; placement: ColophonPlacement }[] = [];
const rendered: Record<string, TextLine[][]> = {};

beforeAll(async () => {
  const demo = getBatch(book.db, listBatches(book.db)[0]!.id);
  // The demo as a clerk completes it before 印发: dated, with 抄送 and the 印发 date (the seed has neither).
  const completed: BatchDetail = {
    ...demo,
    circular: { ...demo.circular, date: '2023-06-19', cc: '省委办公厅，省人大常委会办公厅，省政府办公厅，省政协办公厅', printedDate: '2023-06-20' },
  };
  const report = await importFile(book.db, fs.readFileSync(path.resolve(__dirname, '../fixtures/innovation-six-cases.txt')), 'six.txt');
  const six = getBatch(book.db, report.batchId!);
  for (const layout of ['letter', 'file'] as const) {
    docs.push({ name: `demo-${layout}`, batch: completed, layout, placement: 'next-even' });
    docs.push({ name: `six-${layout}`, batch: six, layout, placement: 'next-even' });
  }
  docs.push({ name: 'six-below', batch: grownTo(six, 'below'), layout: 'file', placement: 'below' });
  docs.push({ name: 'six-after-blank', batch: grownTo(six, 'after-blank'), layout: 'file', placement: 'after-blank' });
  if (!renderer) return;
  const dir = tempDir('colophon-');
  for (const d of docs) {
    const file = path.join(dir, `${d.name}.docx`);
    fs.writeFileSync(file, await exportBatchDocx(d.batch, { layout: d.layout }));
    rendered[d.name] = textLines(renderPdf(file));
  }
}, 900_000);

const isColophon = (l: TextLine) => /^(抄送：|.*\d+年\d+月\d+日印发$)/u.test(squash(l.text)) || /^[，、。\p{Script=Han}]*。$/u.test(squash(l.text)) && l.yMax - l.yMin < 20 && l.yMin > BOTTOM - 4 * PITCH;
const bodyOf = (page: TextLine[]) => page.filter((l) => l.yMax <= BOTTOM + 4 && !PAGE_NUMBER.test(l.text.trim()));

/** Lines of the 22 used on a rendered page: where its last line of text ends, counted from the 版心's top. */
const usedLines = (page: TextLine[]) => {
  const text = bodyOf(page).filter((l) => !isColophon(l));
  return text.length === 0 ? 0 : Math.round((Math.max(...text.map((l) => l.yMax)) - TOP) / PITCH);
};

describe('the page estimate', () => {
  it('breaks lines as the suites do: 28 characters, a stop hanging, a mark that may not begin a line taking a character along', () => {
    expect(countLines('字'.repeat(28), 8844)).toBe(1);
    expect(countLines('字'.repeat(29), 8844)).toBe(2);
    expect(countLines(`${'字'.repeat(28)}。`, 8844)).toBe(1); // the stop hangs past the margin
    expect(countLines(`${'字'.repeat(28)}”后文`, 8844)).toBe(2); // ” may not begin a line: 字” go down together
    expect(countLines(`${'字'.repeat(26)}（2024年）`, 8844)).toBe(2);
    expect(countLines('字'.repeat(26), 8844, undefined, 640)).toBe(1);
    expect(countLines('字'.repeat(27), 8844, undefined, 640)).toBe(2);
  });

  it('puts the 版记 below the text only on an even page with room, and keeps it off odd pages otherwise', () => {
    const lines = (n: number, pageBreakBefore = false): FlowBlock => ({ kind: 'paragraph', lines: Array<number>(n).fill(LINE_PITCH), pageBreakBefore });
    const plan = (blocks: FlowBlock[], rows = 2) => planColophon(paginate(blocks), rows);
    expect(plan([lines(30)])).toMatchObject({ placement: 'below', textPages: 2, usedLines: 8, gap: 12, colophonPage: 2 });
    expect(plan([lines(10)])).toMatchObject({ placement: 'next-even', textPages: 1, colophonPage: 2, gap: 20 });
    expect(plan([lines(22 + 21)])).toMatchObject({ placement: 'after-blank', textPages: 2, colophonPage: 4 });
    // an even page with room, but a page of the estimate ends on its 22nd line: a line off would change the
    // page count, so the 版记 takes the section that always starts on an even page
    expect(plan([lines(22), lines(5, true)])).toMatchObject({ placement: 'after-blank', textPages: 2, usedLines: 5, tightest: 1 });
  });

  it('says in the export result, and on the command line, where the even-page rule moved the 版记', async () => {
    const six = getBatch(book.db, listBatches(book.db).find((b) => b.title.includes('第五批'))!.id);
    const plan = estimateCircular(six).colophon!;
    expect(plan).toMatchObject({ placement: 'next-even', textPages: 15, colophonPage: 16 });
    const built = await buildBatchDocx(book.db, six.id);
    expect(built.warnings).toContain(colophonNote(plan));
    expect(colophonNote(plan)).toMatch(/版记须在偶数页.*第15页（奇数页），版记已移至第16页页脚/u);
    let out = '';
    const code = await runCli(['--db', book.file, 'export', String(six.id), '--docx', path.join(tempDir(), 'six.docx')], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    expect(out).toMatch(/警告：版记须在偶数页/u);
    // the handler's result, which the page's export result shows with the other warnings
    const host = { transport: 'http' as const, version: 't', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} };
    const saved = await createHandlers({ db: book.db, dbFile: book.file, host })['export.batchDocx']({ id: six.id, part: 'circular' });
    expect(saved.warnings).toContain(colophonNote(plan));
    const blank = colophonNote(estimateCircular(grownTo(six, 'after-blank')).colophon);
    expect(blank).toMatch(/已在其后加一空白页，版记置于第18页页脚；空白页和版记页不编页码/u);
    expect(colophonNote(estimateCircular(grownTo(six, 'below')).colophon)).toBeNull();
    expect(await buildBatchDocx(book.db, six.id, { part: 'attachment' }).then((b) => b.warnings.some((w) => /版记/u.test(w)))).toBe(false);
  });
});

describe.skipIf(!renderer)('the 版记 in LibreOffice’s pages', () => {
  it('lands on an even page, the last, at the foot of the 版心: demo and held-out circular, both layouts, each placement', () => {
    for (const d of docs) {
      const pages = rendered[d.name]!;
      const plan = estimateCircular(d.batch, d.layout).colophon!;
      expect(plan.placement, d.name).toBe(d.placement);
      const at = pages.findIndex((p) => p.some((l) => squash(l.text).startsWith('抄送：')));
      expect(at + 1, d.name).toBe(pages.length); // the last page
      expect((at + 1) % 2, d.name).toBe(0); // an even page
      expect(at + 1, d.name).toBe(plan.colophonPage);
      const colophon = pages[at]!.filter(isColophon);
      const last = Math.max(...colophon.map((l) => l.yMax));
      expect(last, d.name).toBeGreaterThan(BOTTOM - 0.8 * PITCH); // on the last grid line
      expect(last, d.name).toBeLessThan(BOTTOM + 2 * PT);
      const others = bodyOf(pages[at]!).filter((l) => !isColophon(l));
      const number = pages[at]!.find((l) => PAGE_NUMBER.test(l.text.trim()));
      if (d.placement === 'below') {
        expect(others.length, d.name).toBeGreaterThan(2); // with the end of the text
        expect(number?.text.replace(/\s/gu, ''), d.name).toBe(`—${at + 1}—`);
      } else expect(others, d.name).toEqual([]); // a page of its own
      if (d.placement === 'next-even') expect(number?.text.replace(/\s/gu, ''), d.name).toBe(`—${at + 1}—`);
      if (d.placement === 'after-blank') {
        expect(number, d.name).toBeUndefined(); // §7.5: neither the 版记 page …
        expect(pages[at - 1], d.name).toEqual([]); // … nor the blank page before it carries a number
      }
    }
  });

  it('matches LibreOffice: page count, where each case starts, lines used on every page a break closes', () => {
    const report: string[] = [];
    let worst = 0;
    for (const d of docs) {
      const pages = rendered[d.name]!;
      const { paged, colophon } = estimateCircular(d.batch, d.layout);
      const textPages = pages.length - (colophon!.placement === 'below' ? 0 : colophon!.placement === 'next-even' ? 1 : 2);
      expect(paged.pages, d.name).toBe(textPages);
      const starts = pages.flatMap((p, i) => (p.some((l) => /^（.+提供）$/u.test(squash(l.text))) ? [i + 1] : []));
      expect(starts, d.name).toEqual(paged.placed.filter((p) => p.label?.startsWith('case ')).map((p) => p.firstPage));
      // Closed pages of text (not the 汇总表's, whose rows are not on the grid): the estimate's lines against the page's.
      const errors = paged.closed
        .filter((c) => !pages[c.page - 1]!.some((l) => squash(l.text) === '序号'))
        .map((c) => c.lines - usedLines(pages[c.page - 1]!));
      const max = Math.max(...errors.map(Math.abs));
      worst = Math.max(worst, max);
      // conservative: never fewer lines than LibreOffice sets (a 版记 below the text is then pushed too little, not off its page)
      expect(Math.min(...errors), d.name).toBeGreaterThanOrEqual(0);
      report.push(`${d.name}: ${paged.pages} pages estimated, ${textPages} rendered; ${errors.length} closed pages, line error ${[...new Set(errors)].sort().join('/')} (max ${max})`);
    }
    console.info(`page estimate against LibreOffice\n${report.join('\n')}`);
    expect(worst).toBeLessThanOrEqual(2);
  });
});
