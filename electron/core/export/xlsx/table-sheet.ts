import type ExcelJS from 'exceljs';
import { displayWidth } from '../../../../shared/width';

// One print-ready table per sheet: a merged title row, a header row, data rows. Plain cells with borders
// rather than an Excel "table" (exceljs corrupts merges inside tables), the merge made last.

export const DATA_FONT: Partial<ExcelJS.Font> = { name: '仿宋', size: 11, charset: 134 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 11, charset: 134 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 16, charset: 134 };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface Column {
  header: string;
  /** Narrowest and widest width in Excel's character units (a Chinese character counts as two). */
  min?: number;
  max?: number;
  align?: 'left' | 'center' | 'right';
}

export type Cell = string | number | null | { formula: string; result: string | number };

const cellText = (v: Cell) => (v === null ? '' : typeof v === 'object' ? String(v.result) : String(v));
const LINE_HEIGHT_PT = 15;

// Excel's column width counts digits of the default font (Calibri 11: 7 px, plus 5 px of cell padding); an
// 11 pt Chinese character is about 15 px wide, a half-width one half of that. The same model sizes the columns
// and estimates how many lines a wrapped cell takes, so a row that fits one line is one line high.
const PX_PER_UNIT = 7;
const CELL_PADDING_PX = 5;
const PX_PER_HALF_WIDTH = 7.5;
const textPx = (text: string) => displayWidth(text) * PX_PER_HALF_WIDTH;
/** The narrowest column width (in Excel units) that shows the text on one line. */
const unitsFor = (text: string) => Math.ceil((textPx(text) + 2 - CELL_PADDING_PX) / PX_PER_UNIT);
/** Lines a wrapped cell of this width needs for the text. */
export function linesIn(text: string, width: number): number {
  if (!text) return 1;
  return Math.max(1, Math.ceil(textPx(text) / (width * PX_PER_UNIT + CELL_PADDING_PX - 2)));
}

/** Writes a titled table and sets it up to print on A4, fitted to the width, title and header on every page. */
export function writeTableSheet(
  ws: ExcelJS.Worksheet,
  title: string,
  columns: Column[],
  rows: Cell[][],
  options: { landscape?: boolean } = {},
): void {
  const widths = columns.map((c, i) => {
    const longest = Math.max(unitsFor(c.header), ...rows.map((r) => unitsFor(cellText(r[i] ?? null))));
    return Math.min(c.max ?? 60, Math.max(c.min ?? 6, longest + 1));
  });
  ws.columns = widths.map((width) => ({ width }));

  ws.addRow([title]);
  const titleRow = ws.getRow(1);
  titleRow.height = 32;
  titleRow.getCell(1).font = TITLE_FONT;
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const header = ws.addRow(columns.map((c) => c.header));
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (v === null ? '' : v)));
    // Excel does not grow wrapped rows by itself: estimate the lines each cell needs.
    const lines = Math.max(1, ...r.map((v, i) => linesIn(cellText(v), widths[i]!)));
    row.height = Math.max(20, lines * LINE_HEIGHT_PT + 5);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = DATA_FONT;
      cell.border = BORDER;
      cell.alignment = { horizontal: c.align ?? 'left', vertical: 'middle', wrapText: true };
    });
  }

  ws.mergeCells(1, 1, 1, columns.length);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2, activeCell: 'A3' }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: options.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '1:2',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}
