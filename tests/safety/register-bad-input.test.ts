import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
import { testHost } from '../helpers/host';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { apiOk, apiRefused } from './api-refused';

// The experience catalogue's import (issue 11) as a careless or hostile clerk feeds it: every file is read within
// bounds, every row the clerk typed is either imported or named with its line, and a refusal changes nothing.

const book = tempCasebook();
const { db } = book;
const handlers = createHandlers({ db, dbFile: book.file, host: testHost(tempDir()) });
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const names = () => (db.prepare('SELECT name FROM source_experiences').all() as { name: string }[]).map((r) => r.name);

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
type Preview = { rows: { line: number; input: { name: string; note: string; year: number | null } | null; errors: string[] }[]; good: number; bad: number };

describe('a catalogue .xlsx that is a zip bomb', () => {
  it('a real workbook whose sheet unpacks to 100 MB is refused before exceljs unpacks it', async () => {
    const real = unzipSync(await workbook((wb) => wb.addWorksheet('目录').addRow(['名称'])));
    const sheet = 'xl/worksheets/sheet1.xml';
    // 100 MB of blanks inside the sheet's XML: still a valid sheet, packed to about 100 KB
    const xml = new TextDecoder().decode(real[sheet]);
    real[sheet] = strToU8(xml.replace('<sheetData>', `<sheetData>${' '.repeat(100 * 1024 * 1024)}`));
    const bomb = zipSync(real, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await apiRefused(db, handlers, 'register.previewCatalogue', { fileName: '炸弹.xlsx', base64: b64(bomb) }, 3_000);
    expect(error.message).toMatch(/炸弹.xlsx解压后过大（100 MB）/u);
  });
});

describe('rows the clerk typed are imported or named with their line', () => {
  it('one name twice in a file, in two batches: the first imports, the second is named, nothing else fails', async () => {
    const csv = '名称,批次\n跨批次经验,第一批\n跨批次经验,第二批\n另一经验,第二批\n';
    const preview = await apiOk<Preview>(handlers, 'register.previewCatalogue', { fileName: '重复.csv', base64: b64(csv) });
    expect(preview.rows.map((r) => r.errors)).toEqual([[], ['第3行：与第2行重复（名称相同而批次或类别不同，目录中名称不能重复）'], []]);
    // before: the preview said all good and the import failed as a whole with «已有“跨批次经验”», no line named
    const result = await apiOk(handlers, 'register.importCatalogue', { fileName: '重复.csv', base64: b64(csv), acceptGoodRows: true });
    expect(result).toEqual({ created: 2, updated: 0, skipped: 1 });
    expect(names()).toEqual(expect.arrayContaining(['跨批次经验', '另一经验']));
  });

  it('the catalogue is the visible sheet, not a hidden one before it', async () => {
    const bytes = await workbook((wb) => {
      const old = wb.addWorksheet('旧版');
      old.state = 'hidden';
      old.addRow(['作废']);
      const sheet = wb.addWorksheet('目录');
      sheet.addRow(['名称', '年份']);
      sheet.addRow(['可见表中的经验', 2021]);
    });
    const preview = await apiOk<Preview>(handlers, 'register.previewCatalogue', { fileName: '隐藏.xlsx', base64: b64(bytes) });
    expect(preview.rows.map((r) => r.input?.name)).toEqual(['可见表中的经验']);
  });

  it('a formula error shows as Excel shows it, a date keeps its day, a date in 年份 gives the year', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('目录');
      sheet.addRow(['省自贸办经验目录']);
      sheet.mergeCells('A1:C1');
      sheet.addRow([]);
      sheet.addRow(['名称', '年份', '备注']);
      sheet.addRow([{ formula: 'CONCAT("公式","经验")', result: '公式经验' }, new Date(Date.UTC(2021, 5, 1)), { formula: '1/0', result: { error: '#DIV/0!' } }]);
      sheet.addRow(['日期经验', 2022, new Date(Date.UTC(2023, 2, 15))]);
    });
    const preview = await apiOk<Preview>(handlers, 'register.previewCatalogue', { fileName: '公式.xlsx', base64: b64(bytes) });
    expect(preview.rows.map((r) => [r.line, r.input?.name, r.input?.year, r.input?.note])).toEqual([
      [4, '公式经验', 2021, '#DIV/0!'], // before: «[object Object]»
      [5, '日期经验', 2022, '2023-03-15'], // before: «2023»
    ]);
  });

  it('a header of 10,000 columns without 名称 is refused with a message of bounded length', async () => {
    const csv = 'x' + ',列'.repeat(10_000) + '\n甲\n';
    const error = await apiRefused(db, handlers, 'register.previewCatalogue', { fileName: '宽表.csv', base64: b64(csv) });
    expect(error.message).toMatch(/宽表.csv的表头中没有“名称”列（找到：x、列.*等 10001 列）/u);
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('a catalogue with whole columns formatted (empty rows to the bottom of the sheet)', () => {
  it('an .xlsx whose sheet lists 700,000 empty rows and styled empty cells reads its names, fast', async () => {
    const real = unzipSync(
      await workbook((wb) => {
        const sheet = wb.addWorksheet('目录');
        sheet.addRow(['名称', '年份']);
        sheet.addRow(['格式化整列的经验', 2021]);
        sheet.addRow(['第二条经验', 2022]);
      }),
    );
    const sheet = 'xl/worksheets/sheet1.xml';
    const empty = Array.from({ length: 700_000 }, (_, i) => (i % 10 ? `<row r="${i + 4}"/>` : `<row r="${i + 4}" spans="1:2"><c r="A${i + 4}" s="0"/></row>`));
    real[sheet] = strToU8(new TextDecoder().decode(real[sheet]).replace('</sheetData>', `${empty.join('')}</sheetData>`));
    const bytes = zipSync(real, { level: 6 });
    const t0 = performance.now();
    const preview = await apiOk<Preview>(handlers, 'register.previewCatalogue', { fileName: '整列格式.xlsx', base64: b64(bytes) });
    // before: about 15 s, then «超过 5000 行» for a file of two names
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(preview.rows.map((r) => [r.line, r.input?.name, r.input?.year])).toEqual([
      [2, '格式化整列的经验', 2021],
      [3, '第二条经验', 2022],
    ]);
  });

  it('a .csv with thousands of «,,» lines after its rows reads them; 5,001 filled rows are refused, never cut', async () => {
    const csv = `名称,年份\n空行之前的经验,2021\n${',\n'.repeat(20_000)}`;
    const preview = await apiOk<Preview>(handlers, 'register.previewCatalogue', { fileName: '空行.csv', base64: b64(csv) });
    expect(preview.rows.map((r) => r.input?.name)).toEqual(['空行之前的经验']);
    const many = `名称\n${Array.from({ length: 5_001 }, (_, i) => `经验${i}\n,\n`).join('')}`;
    const error = await apiRefused(db, handlers, 'register.previewCatalogue', { fileName: '太多.csv', base64: b64(many) });
    expect(error.message).toBe('太多.csv超过 5000 行，请拆分后导入');
  });
});
