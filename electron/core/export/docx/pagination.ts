import { headingLine, printBlocks } from '../../../../shared/body';
import { formatChineseDate } from '../../../../shared/circular';
import type { BatchDetail, Case, Circular, Layout } from '../../../../shared/domain';
import { breakTitle } from '../../../../shared/title-lines';
import { hasChildren, summaryColumns, TITLE_COLUMNS } from './blocks';
import {
  BODY_CHAR_SPACING,
  CHAR_3,
  CHAR_4,
  DATE_PLACEHOLDER,
  FILE_MARK_OFFSET,
  FILE_RULE_SIZE,
  FILE_RULE_SPACE_PT,
  FIRST_LINE_INDENT,
  LETTER_BELOW_RULE,
  LETTER_MARK_Y,
  LETTER_RULE_GAP,
  LINE_PITCH,
  LINES_PER_PAGE,
  MARGIN,
  MARK_SIZE,
  TABLE_LINE,
  TITLE_GAP_LINES,
  TYPE_AREA,
} from './standard';

// On which page the 版记 falls (§7.4: the last side of a document printed on both sides, an even page). `docx`
// cannot paginate, but the layout is a fixed grid: every line of text is an exact 579-twip line of 28 characters
// of 3号 (less the body's tightening), the attachment's table has rows of 20 pt lines of 4号, each case starts on
// a new page. So the document is laid out here as LibreOffice and Word lay it out (line breaking with the marks
// that may not begin or end a line, keep-with-next chains, rows that never split and a header repeated on every
// page) and paged by height in twips. document.ts builds the same blocks in the same order; the render tests
// compare this estimate with LibreOffice's pages.

/** A paragraph: the height of each of its lines, and how it holds together. */
export interface FlowParagraph {
  kind: 'paragraph';
  lines: number[];
  before?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** Widow/orphan control, at least two lines on either side of a page break: on unless false. */
  widowControl?: boolean;
  /** What the paragraph is, for the estimate's report (a case's title, the 署名 …). */
  label?: string;
}

export interface FlowTable {
  kind: 'table';
  header: number;
  rows: number[];
}

export type FlowBlock = FlowParagraph | FlowTable;

/** Where a block landed: its first and last page, and the height used on the last page after it. */
export interface Placed {
  label?: string;
  firstPage: number;
  lastPage: number;
  usedAfter: number;
}

export interface Paged {
  pages: number;
  /** Height used on the last page, in twips. */
  used: number;
  placed: Placed[];
  /** The pages a page break (a new case, the attachment) or the end closes, with the lines of 22 used on each. */
  closed: { page: number; lines: number }[];
  /**
   * The fewest lines the estimate would have to be wrong by, on one of the pages that a page break or the end
   * closes, to change the page count: 1 means a page ends on its first or its 22nd line.
   */
  tightest: number;
}

// ———————————————————————————————— line breaking ————————————————————————————————

/** The code points of the characters of `marks`. */
const codes = (marks: string) => new Set([...marks].map((ch) => ch.codePointAt(0)!));
/** Marks that may not begin a line (GB/T 15834 practice, LibreOffice's zh-CN list). */
const NO_START = codes('，。、；：！？）》」』】〕〗’”…—·%‰℃:;,.!?)]}');
/** Marks that may not end a line. */
const NO_END = codes('（《「『【〔〖‘“([{');
/** Marks LibreOffice and Word let hang past the right margin instead of pushing a character down. */
const HANGING = codes('，。、．');

// Characters as code points, classed by number, not by a regular expression nor a string per character: the
// estimate reads every character of every case, and in a command-line process that code never gets hot enough
// to be compiled, so each string it makes costs its allocation and the collector's time (issue 13).
const isHalf = (c: number) => c >= 0x20 && c <= 0x7e;
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const WORD_MARKS = codes('.%-+/');
/** A word of half-width characters is never broken (a number, a year, a Latin term). */
const isWordChar = (c: number) => isHalf(c) && (isDigit(c) || isUpper(c) || (c >= 0x61 && c <= 0x7a) || WORD_MARKS.has(c));
const SPACE = 0x20;
const ZERO_WIDTH_SPACE = 0x200b;

export interface LineMetrics {
  /** Advance of a full-width character, twips. */
  full: number;
  /** Advance of a half-width character, twips. */
  half: number;
  /** Extra space between Chinese and a half-width run (the suites' autospace), twips. */
  autospace: number;
}

/** 3号 body text: a 16 pt character less the tightening of BODY_CHAR_SPACING. */
export const BODY_METRICS: LineMetrics = { full: CHAR_3 + BODY_CHAR_SPACING, half: CHAR_3 / 2 + BODY_CHAR_SPACING, autospace: CHAR_3 / 4 };
/** 4号 table and 版记 text, without tightening. */
export const SMALL_METRICS: LineMetrics = { full: CHAR_4, half: CHAR_4 / 2, autospace: CHAR_4 / 4 };

/**
 * How many lines a paragraph takes: `first` is where the first line starts (its indent), `rest` where the
 * others start, `width` the line's right edge, all in twips from the left of the 版心 or cell.
 */
export function countLines(text: string, width: number, metrics: LineMetrics = BODY_METRICS, first = 0, rest = 0): number {
  // the text's code points, zero-width spaces left out
  const chars: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text.codePointAt(k)!;
    if (c > 0xffff) k++;
    if (c !== ZERO_WIDTH_SPACE) chars.push(c);
  }
  if (chars.length === 0) return 1;
  const advance = (i: number) => {
    const ch = chars[i]!;
    const half = isHalf(ch);
    // Half-width glyphs are ½ 字 in the GB fonts; the free fonts that stand in for them have proportional Latin
    // (capitals about 0.7, digits 0.55): counted at the wider width, the estimate errs towards more lines.
    let w = half ? metrics.half * (isUpper(ch) ? 1.4 : isDigit(ch) ? 1.1 : 1) : metrics.full;
    if (i > 0 && isHalf(chars[i - 1]!) !== half && chars[i - 1] !== SPACE && ch !== SPACE) w += metrics.autospace;
    return w;
  };
  let lines = 1;
  let start = 0;
  let x = first;
  let i = 0;
  while (i < chars.length) {
    const w = advance(i);
    if (x + w <= width + 1 || i === start) {
      x += w;
      i++;
      continue;
    }
    // chars[i] does not fit: hang a hanging mark, otherwise break before i, moved back past marks that may
    // not begin a line, an opener that may not end one, and the half-width word i is in.
    if (HANGING.has(chars[i]!)) {
      i++;
      if (i >= chars.length) break;
    } else {
      let b = i;
      while (b > start + 1 && (NO_START.has(chars[b]!) || NO_END.has(chars[b - 1]!))) b--;
      while (b > start + 1 && isWordChar(chars[b]!) && isWordChar(chars[b - 1]!)) b--;
      i = b;
    }
    lines++;
    start = i;
    x = rest;
  }
  return lines;
}

// ———————————————————————————————— paging ————————————————————————————————

const PAGE_HEIGHT = TYPE_AREA.height;

/**
 * Widow and orphan control, unless a paragraph says otherwise: the styles' defaults ask for it (Word), LibreOffice
 * applies it anyway (two lines at least at the foot and at the top of a page), and the pages are estimated so.
 */
const widows = (p: FlowParagraph) => p.widowControl !== false;

/** Pages the blocks as the suites do: exact line heights, keep-with-next chains, unsplittable table rows. */
export function paginate(blocks: readonly FlowBlock[]): Paged {
  let page = 1;
  let y = 0;
  let tightest = Infinity;
  const placed: Placed[] = [];
  // A page closed by a page break (a new case) or by the end: with L of its 22 lines used, an error of L lines
  // (counted too many) or 23 − L (too few) changes the page count.
  const closed: { page: number; lines: number }[] = [];
  const closing = () => {
    const used = Math.ceil(y / LINE_PITCH - 0.05);
    closed.push({ page, lines: used });
    tightest = Math.min(tightest, used, LINES_PER_PAGE + 1 - used);
  };
  const newPage = () => {
    page++;
    y = 0;
  };
  const height = (p: FlowParagraph) => (p.before ?? 0) + p.lines.reduce((a, b) => a + b, 0);
  const sum = (hs: readonly number[]) => hs.reduce((a, b) => a + b, 0);
  // Lines that must open a paragraph together: two under widow control (a paragraph of three or fewer then does
  // not split at all), one without, all of them with keep-lines.
  const head = (p: FlowParagraph) => (p.keepLines ? p.lines.length : widows(p) ? (p.lines.length <= 3 ? p.lines.length : 2) : 1);

  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table') {
      const start = page;
      if (y + b.header + (b.rows[0] ?? 0) > PAGE_HEIGHT) newPage();
      y += b.header;
      for (const r of b.rows) {
        if (y + r > PAGE_HEIGHT) {
          newPage();
          y = b.header; // the header row repeats on every page
        }
        y += r;
      }
      placed.push({ firstPage: start, lastPage: page, usedAfter: y });
      continue;
    }
    if (b.pageBreakBefore && (y > 0 || page > 1)) {
      closing();
      newPage();
    }
    // A keep-with-next chain: this paragraph and those after it that keep with the next, up to the opening lines
    // of the paragraph that ends the chain. If the chain does not fit, it moves to the next page.
    if (b.keepNext && y > 0) {
      let chain = 0;
      let j = k;
      for (; j < blocks.length; j++) {
        const c = blocks[j]!;
        if (c.kind === 'table') {
          chain += c.header + (c.rows[0] ?? 0);
          break;
        }
        if (j > k && c.pageBreakBefore) break;
        const own = j === k ? 0 : height(c);
        if (c.keepNext && j < blocks.length - 1) chain += own;
        else {
          chain += j === k ? 0 : (c.before ?? 0) + sum(c.lines.slice(0, head(c)));
          break;
        }
      }
      const whole = height(b);
      const room = PAGE_HEIGHT - y;
      // The whole paragraph moves with what it keeps with, as LibreOffice does (Word would leave what fits of a
      // long one, and so sets no fewer lines on this page: the estimate errs towards more pages).
      if (whole + chain > room && whole + chain <= PAGE_HEIGHT) newPage();
    }
    const start = page;
    y += b.before ?? 0;
    let rest = b.lines;
    while (rest.length > 0) {
      let fit = 0;
      while (fit < rest.length && y + sum(rest.slice(0, fit + 1)) <= PAGE_HEIGHT) fit++;
      if (fit === rest.length) {
        y += sum(rest);
        break;
      }
      // A page break inside the paragraph: under widow control at least two lines stay and two go over, or the
      // whole paragraph goes; at the top of a page it breaks wherever it must.
      let stay = b.keepLines ? 0 : widows(b) ? Math.min(fit, rest.length - 2) : fit;
      if (widows(b) && stay < 2) stay = 0;
      if (stay === 0 && y === 0) stay = Math.max(1, fit);
      y += sum(rest.slice(0, stay));
      rest = rest.slice(stay);
      newPage();
    }
    placed.push({ label: b.label, firstPage: start, lastPage: page, usedAfter: y });
  }
  closing();
  return { pages: page, used: y, placed, closed, tightest };
}

// ———————————————————————————————— the circular as blocks ————————————————————————————————

const line = (n: number, height = LINE_PITCH) => Array.from({ length: n }, () => height);
const para = (lines: number, extra: Omit<FlowParagraph, 'kind' | 'lines'> = {}): FlowParagraph => ({ kind: 'paragraph', lines: line(lines), ...extra });
const bodyText = (text: string, extra: Omit<FlowParagraph, 'kind' | 'lines'> = {}) => para(countLines(text, TYPE_AREA.width, BODY_METRICS, FIRST_LINE_INDENT), extra);
const title = (text: string, extra: Omit<FlowParagraph, 'kind' | 'lines'> = {}) => para(breakTitle(text, TITLE_COLUMNS).length, extra);

/** The 版头 of either layout (document.ts masthead). */
function mastheadFlow(layout: Layout): FlowBlock[] {
  const markHeight = MARK_SIZE * 10;
  if (layout === 'letter') {
    const firstTop = LETTER_MARK_Y + markHeight + LETTER_RULE_GAP + LETTER_BELOW_RULE - MARGIN.top;
    return [para(1, { before: firstTop }), ...line(TITLE_GAP_LINES).map(() => para(1))];
  }
  // The number's bottom border (the red line) adds its space and its width to the paragraph.
  const rule = FILE_RULE_SPACE_PT * 20 + (FILE_RULE_SIZE / 8) * 20;
  return [
    { kind: 'paragraph', lines: [markHeight], before: FILE_MARK_OFFSET },
    para(1),
    para(1),
    { kind: 'paragraph', lines: [LINE_PITCH + rule] },
    ...line(TITLE_GAP_LINES).map(() => para(1)),
  ];
}

/** A case as caseParagraphs sets it (blocks.ts): title on a new page, «（XX提供）», a blank line, lead, body. */
export function caseFlow(c: Case): FlowBlock[] {
  const out: FlowBlock[] = [
    title(c.title, { pageBreakBefore: true, label: `case ${c.id}` }),
    para(countLines(`（${c.unitName}提供）`, TYPE_AREA.width)),
    para(1),
    ...c.lead.map((t) => bodyText(t)),
  ];
  for (const b of printBlocks(c.body)) {
    if (b.kind === 'paragraph') {
      out.push(bodyText(b.text));
      continue;
    }
    const listItem = b.level >= 3 && !b.text && !hasChildren(c.body, b.path);
    const { heading, rest } = headingLine(b.heading, b.text);
    out.push(bodyText(`${b.ordinal}${heading}${listItem ? '。' : ''}${rest}`, !rest && !listItem ? { keepNext: true } : {}));
  }
  return out;
}

/** Height of a table row of 4号 text at 20 pt lines: its tallest cell, plus the cell margins and the rule. */
export function tableRowHeight(cells: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(...cells.map((t, i) => countLines(t, widths[i]! - 160, SMALL_METRICS)));
  return lines * TABLE_LINE + 80 + 10;
}

export interface SummaryFlowInput {
  headers: string[];
  rows: string[][];
  widths: number[];
}

/** The attachment: «附件», a blank line, its title, a blank line, the caption, the 汇总表, then every case. */
export function attachmentFlow(title_: string, caption: string | undefined, table: SummaryFlowInput, cases: FlowBlock[][], newPage: boolean): FlowBlock[] {
  return [
    para(1, { pageBreakBefore: newPage, label: 'attachment' }),
    para(1),
    title(title_),
    para(1),
    ...(caption && caption !== title_ ? [para(1, { keepNext: true })] : []),
    { kind: 'table', header: tableRowHeight(table.headers, table.widths), rows: table.rows.map((r) => tableRowHeight(r, table.widths)) },
    ...cases.flat(),
  ];
}

/** The main text of the circular down to the 成文日期 (circularDocument in document.ts). */
export function circularMainFlow(c: Circular, layout: Layout, attachmentTitle: string | null, date: string): FlowBlock[] {
  const out: FlowBlock[] = [...mastheadFlow(layout), title(c.title), para(1)];
  if (c.addressees) out.push(para(countLines(`${c.addressees.replace(/[:：]$/u, '')}：`, TYPE_AREA.width)));
  c.body.forEach((t, i) => out.push(bodyText(t, i === c.body.length - 1 ? { keepNext: true, widowControl: true } : {})));
  out.push(para(1, { keepNext: true }));
  if (attachmentTitle !== null) {
    const hang = 3 * CHAR_3;
    out.push(para(countLines(`附件：${attachmentTitle}`, TYPE_AREA.width, BODY_METRICS, FIRST_LINE_INDENT, FIRST_LINE_INDENT + hang), { keepNext: true }));
  }
  out.push(para(1, { keepNext: true }));
  if (c.signature) out.push(para(1, { keepNext: true, label: 'signature' }));
  out.push(para(countLines(date, TYPE_AREA.width), { label: 'date' }));
  return out;
}

// ———————————————————————————————— where the 版记 goes ————————————————————————————————

/** Lines of the 版记 on the grid: 抄送 (wrapped at 4号 after «抄送：») and the 印发 line (always one line). */
export function colophonRows(c: Circular, layout: Layout): number {
  let rows = 0;
  if (c.cc) {
    const label = 3 * CHAR_4;
    rows += countLines(`抄送：${c.cc.replace(/[。.]$/u, '')}。`, TYPE_AREA.width - CHAR_4, SMALL_METRICS, CHAR_4, CHAR_4 + label);
  }
  if (layout === 'file' && c.printedBy && c.printedDate) rows += 1;
  return rows;
}

export type ColophonPlacement =
  /** At the foot of the last page of text, an even page: `gap` blank lines between the text and the 版记. */
  | 'below'
  /** The text ends on an odd page: the 版记 goes to the foot of the next page, an even one. */
  | 'next-even'
  /** The text ends on an even page without room for the 版记: a blank page, then the 版记 on the even page after. */
  | 'after-blank';

export interface ColophonPlan {
  placement: ColophonPlacement;
  /** Blank lines before the 版记 on its page (below the text, or from the top of its own page). */
  gap: number;
  rows: number;
  /** Estimated last page of the text (the attachment's last case when it is bound with the circular). */
  textPages: number;
  /** Estimated page of the 版记, and so the document's page count. */
  colophonPage: number;
  /** Lines of the 22 used on the last page of text. */
  usedLines: number;
  /** See Paged.tightest: 1 or less means a page break the estimate may have placed a line early or late. */
  tightest: number;
}

/**
 * Where the 版记 goes. Placed below the text only when the text's last page is even, has room for it, and no
 * page of the estimate is within a line of breaking elsewhere; otherwise the 版记 opens a section of its own
 * that starts on an even page (Word and LibreOffice put a blank page before it when the text ends on an even
 * page), so that an estimate a page out still gives an even page.
 */
export function planColophon(paged: Paged, rows: number): ColophonPlan {
  const usedLines = Math.min(LINES_PER_PAGE, Math.ceil(paged.used / LINE_PITCH - 0.05));
  const room = LINES_PER_PAGE - usedLines - rows;
  const even = paged.pages % 2 === 0;
  const base = { rows, textPages: paged.pages, usedLines, tightest: paged.tightest };
  if (even && room >= 0 && paged.tightest > 1) return { ...base, placement: 'below', gap: room, colophonPage: paged.pages };
  const gap = LINES_PER_PAGE - rows;
  if (!even) return { ...base, placement: 'next-even', gap, colophonPage: paged.pages + 1 };
  return { ...base, placement: 'after-blank', gap, colophonPage: paged.pages + 2 };
}

/** The whole circular as document.ts sets it, down to the text's end: main text, then the bound attachment. */
export function circularFlow(batch: BatchDetail, layout: Layout): FlowBlock[] {
  const c = batch.circular;
  const attachmentTitle = c.attachmentNote || batch.title;
  const hasAttachment = batch.items.length > 0 || c.attachmentNote.trim() !== '';
  const date = c.date ? formatChineseDate(c.date) : DATE_PLACEHOLDER;
  const main = circularMainFlow(c, layout, hasAttachment ? attachmentTitle : null, date);
  if (!hasAttachment) return main;
  const table = summaryColumns(batch.items, { layout: c.summary });
  return [...main, ...attachmentFlow(attachmentTitle, c.summary?.caption ?? undefined, table, batch.items.map((i) => caseFlow(i.case)), true)];
}

export type Estimate = { paged: Paged; colophon: ColophonPlan | null };

/**
 * The estimate for a batch's circular: its pages, and where its 版记 goes (null: it has none). An export makes it
 * once (buildBatchDocx) and hands it to the document and to the result's note.
 */
export function estimateCircular(batch: BatchDetail, layout: Layout = batch.circular.layout): Estimate {
  const paged = paginate(circularFlow(batch, layout));
  const rows = colophonRows(batch.circular, layout);
  return { paged, colophon: rows > 0 ? planColophon(paged, rows) : null };
}

/** What the export result says about where the 版记 went, when it is not simply below the text. */
export function colophonNote(plan: ColophonPlan | null): string | null {
  if (!plan || plan.placement === 'below') return null;
  const rule = '版记须在偶数页（双面印刷的最后一面，GB/T 9704-2012 §7.4）';
  const check = '分页按每页22行、每行28字估算，请在 Word 中核对';
  const E = plan.textPages;
  if (plan.placement === 'next-even') return `${rule}：正文和附件估计止于第${E}页（奇数页），版记已移至第${E + 1}页页脚，该页只有版记；${check}`;
  const why = plan.usedLines + plan.rows > LINES_PER_PAGE ? '，该页排不下版记' : '，但分页估算有一页恰好排满或只排一行，未必准确';
  return `${rule}：正文和附件估计止于第${E}页（偶数页）${why}，已在其后加一空白页，版记置于第${E + 2}页页脚；空白页和版记页不编页码（§7.5）；${check}`;
}
