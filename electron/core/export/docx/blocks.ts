import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { headingLine, printBlocks } from '../../../../shared/body';
import type { Case } from '../../../../shared/domain';
import { breakTitle } from '../../../../shared/title-lines';
import type { Fonts } from './fonts';
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
}

/** A run whose every font slot is the Chinese font, so “ ” — … are drawn full-width in it, never in a Latin face. */
export function run(text: string, style: RunStyle): TextRun {
  const { font, size = SIZE.三号, color, scale, offGrid, breakBefore } = style;
  const tighten = size === SIZE.三号 && !offGrid;
  return new TextRun({
    text,
    font: { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' },
    size,
    sizeComplexScript: size,
    ...(color ? { color } : {}),
    ...(scale ? { scale } : {}),
    ...(offGrid ? { snapToGrid: false } : {}),
    ...(tighten ? { characterSpacing: BODY_CHAR_SPACING } : {}),
    ...(breakBefore ? { break: 1 } : {}),
  });
}

export const exactLine = (line = LINE_PITCH, before = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after: 0 });

export function blankLine(): Paragraph {
  return new Paragraph({ spacing: exactLine() });
}

/** 正文: 3号仿宋, indented two characters, justified, on the 28.95 pt grid. */
export function bodyParagraph(text: string, fonts: Fonts, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: exactLine(),
    children: [run(text, { font: fonts.body })],
    ...extra,
  });
}

/** How many half-character columns of 2号 text fit the 版心. */
const TITLE_COLUMNS = Math.floor(TYPE_AREA.width / (SIZE.二号 * 10)) * 2;

/** 标题: 2号小标宋, centred, broken into lines that keep their meaning and form a 梯形. */
export function titleParagraph(text: string, fonts: Fonts, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exactLine(),
    children: breakTitle(text, TITLE_COLUMNS).map((line, i) => run(line, { font: fonts.title, size: SIZE.二号, offGrid: true, breakBefore: i > 0 })),
    ...extra,
  });
}

/** The case: title, «（XX提供）», lead and its numbered sections, each ordinal generated from the structure. */
export function caseParagraphs(c: Case, fonts: Fonts, options: { newPage: boolean }): Paragraph[] {
  const out: Paragraph[] = [
    titleParagraph(c.title, fonts, options.newPage ? { pageBreakBefore: true } : {}),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine(), children: [run(`（${c.unitName}提供）`, { font: fonts.heading2 })] }),
    blankLine(),
    ...c.lead.map((t) => bodyParagraph(t, fonts)),
  ];
  for (const b of printBlocks(c.body)) {
    if (b.kind === 'paragraph') {
      out.push(bodyParagraph(b.text, fonts));
      continue;
    }
    const { heading, rest } = headingLine(b.heading, b.text);
    // 一、 in 黑体; （一） in 楷体; 1. and （1） in 仿宋. Run-in text after a heading is 正文 (仿宋).
    const headingFont = b.level === 1 ? fonts.heading1 : b.level === 2 ? fonts.heading2 : fonts.body;
    out.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE_INDENT },
        spacing: exactLine(),
        keepNext: !rest,
        children: [run(`${b.ordinal}${heading}`, { font: headingFont }), ...(rest ? [run(rest, { font: fonts.body })] : [])],
      }),
    );
  }
  return out;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function cell(text: string, width: number, font: string, align: (typeof AlignmentType)[keyof typeof AlignmentType]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA }, // WPS reads cell and grid widths, Word the table's
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    borders: { top: thin, bottom: thin, left: thin, right: thin },
    children: [new Paragraph({ alignment: align, spacing: exactLine(TABLE_LINE), children: [run(text, { font, size: SIZE.四号, offGrid: true })] })],
  });
}

/** The 汇总表: 序号 / 案例名称 / 提供单位, the header row repeated on every page, rows never split. */
export function summaryTable(rows: { seq: number; title: string; unit: string }[], fonts: Fonts): Table {
  const widths = [900, TYPE_AREA.width - 900 - 2000, 2000];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['序号', '案例名称', '提供单位'].map((h, i) => cell(h, widths[i]!, fonts.heading1, AlignmentType.CENTER)),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(r.seq), widths[0]!, fonts.body, AlignmentType.CENTER),
          cell(r.title, widths[1]!, fonts.body, AlignmentType.LEFT),
          cell(r.unit, widths[2]!, fonts.body, AlignmentType.CENTER),
        ],
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}

/** 附件 pages: «附件» on line 1 (3号黑体, flush left), the title on line 3, then the 汇总表 and every case. */
export function attachmentChildren(title: string, items: { seq: number; case: Case }[], fonts: Fonts, newPage: boolean): (Paragraph | Table)[] {
  return [
    new Paragraph({ spacing: exactLine(), pageBreakBefore: newPage, children: [run('附件', { font: fonts.heading1 })] }),
    blankLine(),
    titleParagraph(title, fonts),
    blankLine(),
    summaryTable(items.map((i) => ({ seq: i.seq, title: i.case.title, unit: i.case.unitName })), fonts),
    ...items.flatMap((i) => caseParagraphs(i.case, fonts, { newPage: true })),
  ];
}

/** Width of a line of 3号 text in twips: a CJK character is one 字, a half-width character half of one. */
export function textWidth(text: string, charWidth = CHAR_3): number {
  let w = 0;
  for (const ch of text) w += /[\u0020-\u007e]/u.test(ch) ? charWidth / 2 : charWidth;
  return w;
}

