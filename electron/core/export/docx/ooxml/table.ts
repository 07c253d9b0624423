import { empty } from './xml';

// Tables (ECMA-376 §17.4): a fixed layout of given column widths, thin borders, rows that never split.

export interface CellOptions {
  /** Twips; written on the cell as well as the grid (WPS reads cell and grid widths, Word the table's). */
  width: number;
  /** Twips inside the cell's borders. */
  margins: { top: number; left: number; bottom: number; right: number };
  /** The cell's four borders: a single line of this size (eighths of a point) and colour. */
  border: { size: number; color: string };
  /** Paragraphs, as ./paragraph writes them. */
  children: string[];
}

const SIDES = ['top', 'left', 'bottom', 'right'] as const;
const dxa = (name: string, w: number) => empty(name, { 'w:type': 'dxa', 'w:w': w });

/** A cell, its content centred vertically. */
export function tableCell(c: CellOptions): string {
  const borders = SIDES.map((s) => empty(`w:${s}`, { 'w:val': 'single', 'w:color': c.border.color, 'w:sz': c.border.size })).join('');
  const margins = SIDES.map((s) => dxa(`w:${s}`, c.margins[s])).join('');
  return `<w:tc><w:tcPr>${dxa('w:tcW', c.width)}<w:tcBorders>${borders}</w:tcBorders><w:tcMar>${margins}</w:tcMar><w:vAlign w:val="center"/></w:tcPr>${c.children.join('')}</w:tc>`;
}

/** A row that never splits across pages; a header row is repeated at the top of every page. */
export const tableRow = (cells: string[], header = false): string => `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`;

/** A table `width` wide; its own borders single lines of `borderSize`, in the automatic colour, around and between cells. */
export function table(rows: string[], { width, columnWidths, borderSize }: { width: number; columnWidths: number[]; borderSize: number }): string {
  const line = (side: string) => empty(`w:${side}`, { 'w:val': 'single', 'w:color': 'auto', 'w:sz': borderSize });
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(line).join('');
  const grid = columnWidths.map((w) => empty('w:gridCol', { 'w:w': w })).join('');
  return `<w:tbl><w:tblPr>${dxa('w:tblW', width)}<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}
