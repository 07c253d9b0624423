import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBatchXlsx, buildLibraryXlsx } from '../../electron/core/export/service';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { findUnitByName, listUnits } from '../../electron/core/repos/vocab';
import type { BatchDetail } from '../../shared/domain';
import { displayWidth } from '../../shared/width';
import { linesIn } from '../../electron/core/export/xlsx/table-sheet';
import { hasRenderer, pageSizes, renderPdf } from '../helpers/pdf';
import { tempCasebook, tempDir } from '../helpers/tmp';

const book = tempCasebook();
let demo: BatchDetail;
let bytes: Buffer;
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  demo = getBatch(book.db, listBatches(book.db)[0]!.id);
  bytes = (await buildBatchXlsx(book.db, demo.id)).bytes;
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
});

const cellValue = (c: ExcelJS.Cell) => (typeof c.value === 'object' && c.value !== null && 'result' in c.value ? c.value.result : c.value);

describe('the batch workbook', () => {
  it('has the 汇总表 and the two count sheets', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '按单位统计', '按领域统计']);
  });

  it('titles the 汇总表, heads it, and lists every item in 序号 order with 序号 as numbers', () => {
    const ws = wb.getWorksheet('汇总表')!;
    expect(ws.getCell('A1').value).toBe('第三批复制推广自贸试验区制度创新成果典型案例汇总表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('H1').master.address).toBe('A1');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '案例名称', '提供单位', '领域', '类型', '复制推广来源', '状态', '联系人']);
    const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3));
    expect(rows).toHaveLength(28);
    expect(rows.map((r) => r.getCell(1).value)).toEqual(demo.items.map((i) => i.seq));
    expect(rows.every((r) => typeof r.getCell(1).value === 'number')).toBe(true);
    expect(rows.map((r) => [r.getCell(2).value, r.getCell(3).value])).toEqual(demo.items.map((i) => [i.case.title, i.case.unitName]));
    expect(rows[0]!.getCell(5).value).toBe('复制推广典型案例');
    expect(rows[0]!.getCell(6).value).toBe('自贸试验区第六批改革试点经验');
    expect(rows[0]!.getCell(7).value).toBe('已入选');
  });

  it('prints on A4 fitted to the width, title and header on every page, numbered, header frozen', () => {
    const ws = wb.getWorksheet('汇总表')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(ws.headerFooter.oddFooter).toMatch(/&P/u);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('sets Chinese fonts, borders and wrapping, and widths counted for Chinese text', () => {
    const ws = wb.getWorksheet('汇总表')!;
    expect(ws.getCell('B2').font.name).toBe('黑体');
    expect(ws.getCell('B3').font.name).toBe('仿宋');
    expect(ws.getCell('B3').border.top?.style).toBe('thin');
    expect(ws.getCell('B3').alignment.wrapText).toBe(true);
    const longest = Math.max(...demo.items.map((i) => displayWidth(i.case.title)));
    const width = ws.getColumn(2).width!;
    expect(width).toBeGreaterThan(longest / 2); // a Chinese character counts as two units
    expect(width).toBeLessThanOrEqual(66);
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(displayWidth('绥芬河片区'));
    // a title wider than its column gets a taller row
    const tall = ws.getRow(3 + demo.items.findIndex((i) => displayWidth(i.case.title) > width));
    expect(tall.height).toBeGreaterThan(ws.getRow(2).height);
  });

  it('gives a row the height of the lines its text takes: one line, one line high (issue 10.13)', () => {
    const ws = wb.getWorksheet('汇总表')!;
    const widths = Array.from({ length: 8 }, (_, i) => ws.getColumn(i + 1).width!);
    const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3));
    for (const r of rows) {
      const lines = Math.max(...widths.map((w, i) => linesIn(String(cellValue(r.getCell(i + 1)) ?? ''), w)));
      expect(r.height).toBe(Math.max(20, lines * 15 + 5));
    }
    // the 来源 column is wide enough for «自贸试验区第六批改革试点经验» on one line: such a row is not 35 pt
    const withSource = rows.filter((r) => r.getCell(6).value && linesIn(String(r.getCell(2).value), widths[1]!) === 1);
    expect(withSource.length).toBeGreaterThan(0);
    for (const r of withSource) expect(r.height).toBe(20);
  });

  it('counts by unit in the official order and by field, with totals that add up', () => {
    const units = wb.getWorksheet('按单位统计')!;
    const rows = Array.from({ length: units.rowCount - 2 }, (_, i) => units.getRow(i + 3));
    const body = rows.slice(0, -1);
    const expected = listUnits(book.db)
      .map((u) => [u.name, demo.items.filter((i) => i.case.unitName === u.name).length] as const)
      .filter(([, n]) => n > 0);
    expect(body.map((r) => [r.getCell(1).value, r.getCell(2).value])).toEqual(expected);
    const total = rows[rows.length - 1]!;
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(2).value).toMatchObject({ formula: `SUM(B3:B${2 + body.length})`, result: 28 });
    expect(body.reduce((s, r) => s + (r.getCell(2).value as number), 0)).toBe(28);
    expect(String(cellValue(body[body.length - 1]!.getCell(3)))).toMatch(/^█+$/u); // the bar chart column
    const fields = wb.getWorksheet('按领域统计')!;
    // the importer proposes a 领域 for each demo case (the register): the sheet counts each field the batch's cases have
    const byField = new Map<string, number>();
    for (const i of demo.items) byField.set(i.case.fieldName ?? '未分类', (byField.get(i.case.fieldName ?? '未分类') ?? 0) + 1);
    const fieldRows = Array.from({ length: fields.rowCount - 3 }, (_, i) => fields.getRow(i + 3));
    expect(new Map(fieldRows.map((r) => [String(r.getCell(1).value), r.getCell(2).value]))).toEqual(byField);
    expect(cellValue(fields.getRow(fields.rowCount).getCell(2))).toBe(28);
  });
});

describe('the library workbook', () => {
  it('exports the cases a filter selects, with their batch, status and dates', async () => {
    const unit = findUnitByName(book.db, '黑河片区')!;
    const lib = new ExcelJS.Workbook();
    await lib.xlsx.load((await buildLibraryXlsx(book.db, { unitId: unit.id })).bytes as unknown as ArrayBuffer);
    const ws = lib.getWorksheet('案例库')!;
    expect(ws.rowCount - 2).toBe(4);
    const row = ws.getRow(3);
    expect(row.getCell(3).value).toBe('黑河片区');
    expect(String(row.getCell(11).value)).toMatch(/^第三批复制推广自贸试验区制度创新成果典型案例（序号11）$/u);
    expect(String(row.getCell(12).value)).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  });
});

describe.skipIf(!hasRenderer())('LibreOffice Calc', () => {
  it('converts the workbook to PDF on a sensible number of A4 pages', () => {
    const file = path.join(tempDir('xlsx-'), 's.xlsx');
    fs.writeFileSync(file, bytes);
    const sizes = pageSizes(renderPdf(file));
    expect(sizes.length).toBeGreaterThanOrEqual(3); // at least a page per sheet
    expect(sizes.length).toBeLessThanOrEqual(6);
    for (const s of sizes) expect([Math.round(s.width), Math.round(s.height)].sort()).toEqual([595, 842]);
  }, 240_000);
});
