import type { ImportWarning } from '../../../shared/domain';
import { UserError } from '../util';
import { MAX_PDF_PAGES } from './limits';

// Circulars that arrive as PDF (issue 17.7), read with pdfjs-dist's Node build: the text of each page in reading
// order, lines put back into paragraphs by their indent (GB/T 9704 indents each paragraph by two characters), running
// headers and page numbers («— 3 —») dropped, a centred title broken over two lines joined, and the cells of a table
// (the 汇总表) separated by tabs, one line a row, as the text parser reads them. No OCR: a PDF without text says so.

interface Item {
  str: string;
  x: number;
  y: number; // from the page's top
  w: number;
  size: number;
}

interface Line {
  items: Item[];
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
  page: number;
}

const PAGE_NUMBER = /^[-—–－~\s]*\d{1,4}[-—–－~\s]*$|^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/u;
const RULE = /^[-—─━_＿=＝\s]+$/u;

function toLines(items: Item[], page: number): Line[] {
  // Spaces stay in the rows (a title may hold one: «推进信用信息应用 加强社会诚信管理») but never start one.
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) < Math.max(2, Math.min(row[0]!.size, it.size) * 0.5)) row.push(it);
    else if (it.str.trim()) rows.push([it]);
  }
  return rows.map((all) => {
    const row = all.filter((i) => i.str.trim());
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((i) => i.size));
    let text = '';
    let end = -Infinity;
    let space = false;
    for (const it of [...all].sort((a, b) => a.x - b.x)) {
      if (!it.str.trim()) {
        if (text && !text.endsWith('\t')) space = true;
        continue;
      }
      const gap = it.x - end;
      // A gap of more than two characters inside a line separates table cells (or a 署名 from its date).
      if (text && gap > size * 2) text += '\t';
      else if (text && (space || (gap > size * 0.25 && /[A-Za-z0-9]$/u.test(text) && /^[A-Za-z0-9]/u.test(it.str)))) text += ' ';
      space = false;
      text += it.str;
      end = Math.max(end, it.x + it.w);
    }
    // A justified line spread letter by letter comes with a space between every pair of characters: those go, a
    // single space written between two words stays.
    const cjkSpace = /(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])/gu;
    if ((text.match(cjkSpace) ?? []).length >= 3) text = text.replace(cjkSpace, '');
    return { items: row, x: row[0]!.x, right: end, y: row[0]!.y, size, text: text.replace(/[ \u3000]+$/u, '').replace(/^[ \u3000]+/u, ''), page };
  });
}

/** The most common value, rounded: the body's left margin, right margin and text size. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

export async function pdfToText(bytes: Uint8Array, fileName: string): Promise<{ text: string; notes: ImportWarning[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (err) {
    if ((err as { name?: string })?.name === 'PasswordException') {
      throw new UserError(`${fileName}设有密码（已加密），无法读取：请向发文单位索取未加密的 PDF 或 Word 文件`, 'bad_input');
    }
    throw new UserError(`${fileName}不是可读取的 PDF 文件（可能已损坏或不完整）：请重新获取文件后再导入`, 'bad_input');
  }
  const notes: ImportWarning[] = [];
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new UserError(`${fileName}共 ${doc.numPages} 页，超过导入上限 ${MAX_PDF_PAGES} 页：请拆分后再导入`, 'too_large');
    const pages: { lines: Line[]; width: number; height: number }[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a, b, , , e, f] = raw.transform as number[];
        const size = Math.hypot(a!, b!) || raw.height;
        items.push({ str: raw.str, x: e!, y: height - f!, w: raw.width, size });
      }
      pages.push({ lines: toLines(items, p), width, height });
      page.cleanup();
    }
    const all = pages.flatMap((p) => p.lines);
    if (all.length === 0 || all.reduce((n, l) => n + l.text.length, 0) < 20) {
      throw new UserError(`${fileName}没有文字层（像是扫描件或图片），无法读取：请向发文单位索取 Word 或可复制文字的 PDF；本程序不做文字识别（OCR）`, 'bad_input');
    }
    return { text: assemble(pages), notes };
  } finally {
    await doc.destroy();
  }
}

const HEADER = (l: Line) => /序号/u.test(l.text) && /名称/u.test(l.text) && l.text.includes('\t');

/**
 * A table (the 汇总表) back into rows: its columns are where its header's cells stand; a cell's wrapped lines sit
 * above and below the row's number (cells are centred vertically), so each line belongs to the nearest number.
 */
function tableRows(header: Line, lines: Line[]): string[] {
  // Each header cell is centred in its column: from where the first text column starts (its leftmost text), each
  // column ends as far right of its header's centre as it starts left of it.
  const centres = header.items.map((i) => i.x + i.w / 2);
  const isNumber = (it: Item) => /^\d+$/u.test(it.str.trim()) && it.x + it.w <= header.items[1]!.x;
  const firstText = Math.min(...lines.filter((l) => !HEADER(l)).flatMap((l) => l.items.filter((it) => !isNumber(it)).map((it) => it.x)), header.items[1]!.x);
  const bounds = [firstText];
  for (let k = 1; k < centres.length; k++) bounds.push(2 * centres[k]! - bounds[k - 1]!);
  const column = (it: Item) => {
    if (isNumber(it)) return 0; // 序号 holds only the number
    const mid = it.x + it.w / 2;
    const k = bounds.findIndex((b, i) => i > 0 && mid < b);
    return k < 0 ? centres.length - 1 : k;
  };
  const rows: { page: number; y: number; cells: Item[][] }[] = [];
  const body = lines.filter((l) => !HEADER(l));
  for (const l of body) {
    if (l.items.some((it) => column(it) === 0)) rows.push({ page: l.page, y: l.y, cells: centres.map(() => []) });
  }
  for (const l of body) {
    const candidates = rows.filter((r) => r.page === l.page);
    const row = candidates.length ? candidates.reduce((a, b) => (Math.abs(b.y - l.y) < Math.abs(a.y - l.y) ? b : a)) : rows.filter((r) => r.page < l.page).at(-1);
    if (!row) continue;
    for (const it of l.items) row.cells[column(it)]!.push({ ...it, y: l.y });
  }
  const text = (cell: Item[]) =>
    cell
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((i) => i.str)
      .join('')
      .trim();
  return [header.items.map((i) => i.str.trim()).join('\t'), ...rows.map((r) => r.cells.map(text).join('\t'))];
}

/** Lines back into paragraphs, one a line of the returned text. */
function assemble(pages: { lines: Line[]; width: number; height: number }[]): string {
  const all = pages.flatMap((p) => p.lines);
  const bodySize = mode(all.map((l) => l.size));
  const left = mode(all.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => l.x));
  const right = mode(all.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => l.right));
  // Running headers and footers: the same text at the same height on several pages.
  const seen = new Map<string, number>();
  for (const l of all) {
    const key = `${Math.round(l.y / 4)}|${l.text}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = (l: Line) => pages.length >= 3 && (seen.get(`${Math.round(l.y / 4)}|${l.text}`) ?? 0) >= Math.max(3, pages.length / 2);

  const out: { text: string; centred: boolean; size: number; open: boolean; table: boolean }[] = [];
  let table: { header: Line; lines: Line[] } | null = null;
  const endTable = () => {
    if (table) for (const row of tableRows(table.header, table.lines)) out.push({ text: row, centred: false, size: table.header.size, open: false, table: true });
    table = null;
  };
  for (const l of all) {
    if (PAGE_NUMBER.test(l.text) || RULE.test(l.text) || repeated(l)) continue;
    if (table && Math.abs(l.size - table.header.size) < 0.5) {
      table.lines.push(l);
      continue;
    }
    endTable();
    if (HEADER(l) && l.items.length >= 3) {
      table = { header: l, lines: [] };
      continue;
    }
    const gapLeft = l.x - left;
    const gapRight = right - l.right;
    // Centred: clear of both margins by about as much on each side (an indented first line reaches the right margin).
    // A title in a larger size may fill nearly the whole line and still be centred.
    const clear = l.size > bodySize + 1 ? Math.min(gapLeft, gapRight) > 2 : Math.min(gapLeft, gapRight) > bodySize * 0.9;
    const centred = clear && Math.abs(gapLeft - gapRight) < bodySize * 1.5;
    const indented = !centred && gapLeft > bodySize * 1.2;
    const tabbed = l.text.includes('\t');
    const prev = out[out.length - 1];
    // A line continues the paragraph before when it starts at the margin, the paragraph before ran to the right
    // margin (it was wrapped, not ended), and both are body text of one size.
    const continues = prev && prev.open && !centred && !indented && !tabbed && !prev.table && !prev.centred && Math.abs(prev.size - l.size) < 0.5 && gapLeft < bodySize * 0.6;
    // A title broken over two lines: two centred lines of one large size in a row.
    const titleGoesOn = prev && prev.centred && centred && Math.abs(prev.size - l.size) < 0.5 && l.size > bodySize + 1;
    if (continues || titleGoesOn) prev.text += l.text;
    else out.push({ text: l.text, centred, size: l.size, open: false, table: tabbed });
    out[out.length - 1]!.open = gapRight < bodySize * 1.5;
  }
  endTable();
  return out.map((p) => p.text).join('\n\n');
}
