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
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) < Math.max(2, Math.min(row[0]!.size, it.size) * 0.5)) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((i) => i.size));
    let text = '';
    let end = -Infinity;
    for (const it of row) {
      const gap = it.x - end;
      // A gap of more than two characters inside a line separates table cells (or a 署名 from its date).
      if (text && gap > size * 2) text += '\t';
      else if (text && gap > size * 0.25 && /[A-Za-z0-9]$/u.test(text) && /^[A-Za-z0-9]/u.test(it.str)) text += ' ';
      text += it.str;
      end = Math.max(end, it.x + it.w);
    }
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
  for (const page of pages) {
    for (const l of page.lines) {
      if (PAGE_NUMBER.test(l.text) || RULE.test(l.text) || repeated(l)) continue;
      const char = l.size;
      const mid = (l.x + l.right) / 2;
      const centred = l.x > left + char * 1.5 && Math.abs(mid - (left + right) / 2) < char * 1.5;
      const table = l.text.includes('\t');
      const indented = !centred && l.x > left + char * 1.2;
      const prev = out[out.length - 1];
      // A line continues the paragraph before when it starts at the margin, the paragraph before ran to the right
      // margin (it was wrapped, not ended), and both are body text of one size.
      const continues = prev && prev.open && !centred && !indented && !table && !prev.table && !prev.centred && Math.abs(prev.size - l.size) < 0.5 && l.x < left + char * 0.6;
      // A title broken over two lines: two centred lines of one large size in a row.
      const titleGoesOn = prev && prev.centred && centred && prev.size === l.size && l.size > bodySize + 1;
      if (continues || titleGoesOn) prev.text += l.text;
      else out.push({ text: l.text, centred, size: l.size, open: false, table });
      out[out.length - 1]!.open = l.right > right - char * 1.5;
    }
  }
  return out.map((p) => p.text).join('\n\n');
}
