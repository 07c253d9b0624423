import { headingLine, printBlocks } from '../../../../shared/body';
import type { BodyNode, Case, SummaryLayout } from '../../../../shared/domain';
import { breakTitle } from '../../../../shared/title-lines';
import type { Fonts } from './fonts';
import { paragraph, runProperties, textRun, type Alignment, type ParagraphOptions, type Spacing } from './ooxml/paragraph';
import { table, tableCell, tableRow } from './ooxml/table';
import { BODY_CHAR_SPACING, CHAR_3, FIRST_LINE_INDENT, LINE_PITCH, SIZE, TABLE_LINE, TYPE_AREA } from './standard';

// Paragraph builders shared by the circular, the attachment and a case on its own.

export interface RunStyle {
  font: string;
  size?: number;
  color?: string;
  scale?: number;
  /** Runs not in 3号 leave the character grid, or Word spreads them over grid cells. */
  offGrid?: boolean;
  /** A soft line break (w:br) before the text. */
  breakBefore?: boolean;
  /** Letter spacing in twentieths of a point, instead of the body's tightening. */
  characterSpacing?: number;
}

/** Each run style's w:rPr, written once: a document has a handful of styles and thousands of runs. */
const RUN_PROPERTIES = new Map<string, string>();

/** A run whose every font slot is the Chinese font, so “ ” — … are drawn full-width in it, never in a Latin face. */
export function run(text: string, style: RunStyle): string {
  const { font, size = SIZE.三号, color, scale, offGrid, breakBefore, characterSpacing } = style;
  const tighten = size === SIZE.三号 && !offGrid;
  const spacing = characterSpacing || (tighten ? BODY_CHAR_SPACING : undefined);
  const key = `${font}|${size}|${color}|${scale}|${offGrid}|${spacing}`;
  let properties = RUN_PROPERTIES.get(key);
  if (!properties) {
    if (RUN_PROPERTIES.size >= 256) RUN_PROPERTIES.clear(); // bounded: fonts and sizes come from a few profiles
    properties = runProperties({ font, size, eastAsiaHint: true, color, scale, offGrid, characterSpacing: spacing });
    RUN_PROPERTIES.set(key, properties);
  }
  return textRun(tighten ? breakAfterStops(text) : text, properties, breakBefore);
}

/**
 * A zero-width space after ，、。 where a half-width word follows («问题。2022年»): LibreOffice otherwise may hang
 * the mark past the margin at a line end and not draw it. It is a break opportunity, invisible on paper.
 */
export const breakAfterStops = (text: string) => text.replace(/([，、。；：！？])(?=[0-9A-Za-z])/gu, '$1\u200b');

export const exactLine = (line = LINE_PITCH, before = 0): Spacing => ({ line, lineRule: 'exact', before, after: 0 });

export function blankLine(): string {
  return paragraph({ spacing: exactLine() });
}

/** 正文: 3号仿宋, indented two characters, justified, on the 28.95 pt grid. */
export function bodyParagraph(text: string, fonts: Fonts, extra: Partial<ParagraphOptions> = {}): string {
  return paragraph({
    alignment: 'both',
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: exactLine(),
    children: [run(text, { font: fonts.body })],
    ...extra,
  });
}

/** How many half-character columns of 2号 text fit the 版心. */
export const TITLE_COLUMNS = Math.floor(TYPE_AREA.width / (SIZE.二号 * 10)) * 2;

/** 标题: 2号小标宋, centred, broken into lines that keep their meaning and form a 梯形. */
export function titleParagraph(text: string, fonts: Fonts, extra: Partial<ParagraphOptions> = {}): string {
  return paragraph({
    alignment: 'center',
    spacing: exactLine(),
    children: breakTitle(text, TITLE_COLUMNS).map((line, i) => run(line, { font: fonts.title, size: SIZE.二号, offGrid: true, breakBefore: i > 0 })),
    ...extra,
  });
}

/** Whether the node at `path` has paragraphs or sub-items under it. */
export function hasChildren(body: readonly BodyNode[], path: readonly number[]): boolean {
  let nodes = body;
  let node: BodyNode | undefined;
  for (const i of path) {
    node = nodes[i];
    if (!node) return false;
    nodes = node.items;
  }
  return !!node && (node.paragraphs.length > 0 || node.items.length > 0);
}

/** The case: title, «（XX提供）», lead and its numbered sections, each ordinal generated from the structure. */
export function caseParagraphs(c: Case, fonts: Fonts, options: { newPage: boolean }): string[] {
  const out: string[] = [
    titleParagraph(c.title, fonts, options.newPage ? { pageBreakBefore: true } : {}),
    paragraph({ alignment: 'center', spacing: exactLine(), children: [run(`（${c.unitName}提供）`, { font: fonts.heading2 })] }),
    blankLine(),
    ...c.lead.map((t) => bodyParagraph(t, fonts)),
  ];
  for (const b of printBlocks(c.body)) {
    if (b.kind === 'paragraph') {
      out.push(bodyParagraph(b.text, fonts));
      continue;
    }
    // A 1. or （1） with nothing under it is an item of a list, not a heading («（1）……下降50%。»): a sentence,
    // printed with its final stop, and not kept with the next line (a run of them chained keep-with-next left
    // empty lines at the foot of a page).
    const listItem = b.level >= 3 && !b.text && !hasChildren(c.body, b.path);
    const { heading: h, rest } = headingLine(b.heading, b.text);
    const heading = listItem && !/[。！？；…”’）]$/u.test(h) ? `${h}。` : h;
    // 一、 in 黑体; （一） in 楷体; 1. and （1） in 仿宋. Run-in text after a heading is 正文 (仿宋).
    const headingFont = b.level === 1 ? fonts.heading1 : b.level === 2 ? fonts.heading2 : fonts.body;
    const isHeading = !rest && !listItem;
    out.push(
      paragraph({
        alignment: 'both',
        indent: { firstLine: FIRST_LINE_INDENT },
        spacing: exactLine(),
        ...(isHeading ? { keepNext: true } : {}),
        children: [run(`${b.ordinal}${heading}`, { font: headingFont }), ...(rest ? [run(rest, { font: fonts.body })] : [])],
      }),
    );
  }
  return out;
}

/** Cell borders: 0.5 pt black lines. */
const THIN = { size: 4, color: '000000' } as const;

function cell(text: string, width: number, font: string, align: Alignment): string {
  return tableCell({
    width,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    border: THIN,
    children: [paragraph({ alignment: align, spacing: exactLine(TABLE_LINE), children: [run(text, { font, size: SIZE.四号, offGrid: true })] })],
  });
}

export interface SummaryOptions {
  /** The source's own 汇总表 (caption, extra columns, rows' wording), when the batch was imported with one. */
  layout?: SummaryLayout;
}

const SEQ_WIDTH = 900;
const UNIT_WIDTH = 2000;
/** An extra column (所属领域 …) is as wide as its longest cell or heading, within these bounds. */
const EXTRA_WIDTH = { min: 1400, max: 2400 } as const;

/** A cell of an extra column: 所属领域 follows the case's field (the clerk may have changed it), others as imported. */
function extraCell(column: string, c: Case, imported: string | undefined): string {
  if (/领域/u.test(column)) return c.fieldName ?? imported ?? '';
  return imported ?? '';
}

/** The 汇总表's headings, cells and column widths: 序号 / 案例名称 / 提供单位 and the source's other columns. */
export function summaryColumns(items: { seq: number; case: Case }[], options: SummaryOptions = {}): { headers: string[]; rows: string[][]; widths: number[] } {
  const layout = options.layout;
  const columns = layout?.columns ?? [];
  const rows = items.map(({ seq, case: c }) => {
    const own = layout?.rows[String(c.id)];
    return [String(seq), own?.title ?? c.title, c.unitName, ...columns.map((col, k) => extraCell(col, c, own?.cells[k]))];
  });
  const extraWidths = columns.map((col, k) => {
    const longest = Math.max(textWidth(col, 280), ...rows.map((r) => textWidth(r[3 + k]!, 280))) + 160;
    return Math.min(EXTRA_WIDTH.max, Math.max(EXTRA_WIDTH.min, longest));
  });
  const titleWidth = TYPE_AREA.width - SEQ_WIDTH - UNIT_WIDTH - extraWidths.reduce((a, b) => a + b, 0);
  return { headers: ['序号', '案例名称', '提供单位', ...columns], rows, widths: [SEQ_WIDTH, titleWidth, UNIT_WIDTH, ...extraWidths] };
}

/** The 汇总表: 序号 / 案例名称 / 提供单位 and the source's other columns, the header repeated on every page, rows never split. */
export function summaryTable(items: { seq: number; case: Case }[], fonts: Fonts, options: SummaryOptions = {}): string {
  const { headers, rows, widths } = summaryColumns(items, options);
  const align = (i: number): Alignment => (i === 1 ? 'left' : 'center');
  const header = tableRow(headers.map((h, i) => cell(h, widths[i]!, fonts.heading1, 'center')), true);
  const body = rows.map((r) => tableRow(r.map((text, i) => cell(text, widths[i]!, fonts.body, align(i)))));
  return table([header, ...body], { width: TYPE_AREA.width, columnWidths: widths, borderSize: THIN.size });
}

/**
 * 附件 pages: «附件» on line 1 (3号黑体, flush left), the title on line 3, then the 汇总表 under its caption
 * when the source had one («…汇总表»), and every case under its own title.
 */
export function attachmentChildren(title: string, items: { seq: number; case: Case }[], fonts: Fonts, newPage: boolean, summary: SummaryOptions = {}): string[] {
  const caption = summary.layout?.caption;
  return [
    paragraph({ spacing: exactLine(), pageBreakBefore: newPage, children: [run('附件', { font: fonts.heading1 })] }),
    blankLine(),
    titleParagraph(title, fonts),
    blankLine(),
    ...(caption && caption !== title ? [paragraph({ alignment: 'center', spacing: exactLine(), keepNext: true, children: [run(caption, { font: fonts.heading1 })] })] : []),
    summaryTable(items, fonts, summary),
    ...items.flatMap((i) => caseParagraphs(i.case, fonts, { newPage: true })),
  ];
}

/** Width of a line of 3号 text in twips: a CJK character is one 字, a half-width character half of one. */
export function textWidth(text: string, charWidth = CHAR_3): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0); // a character beyond the BMP starts with a surrogate: full width
    w += code >= 0x20 && code <= 0x7e ? charWidth / 2 : charWidth;
  }
  return w;
}

