import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  Footer,
  Header,
  HeightRule,
  OverlapType,
  PageNumber,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { formatChineseDate } from '../../../../shared/circular';
import { formatDocNumber } from '../../../../shared/docnumber';
import type { BatchDetail, Case, Circular, FontProfile, Layout } from '../../../../shared/domain';
import { attachmentChildren, blankLine, bodyParagraph, caseParagraphs, exactLine, run, textWidth, titleParagraph } from './blocks';
import { FONT_PROFILES, type Fonts } from './fonts';
import {
  CHAR_3,
  CHAR_4,
  COLOPHON_THICK,
  COLOPHON_THIN,
  DATE_RIGHT_INDENT,
  FILE_MARK_OFFSET,
  FILE_RULE_SIZE,
  FILE_RULE_SPACE_PT,
  FIRST_LINE_INDENT,
  FOOTER_DISTANCE,
  FOOTER_LINE,
  LETTER_BELOW_RULE,
  LETTER_LOWER_RULE_Y,
  LETTER_MARK_Y,
  LETTER_RULE,
  LETTER_RULE_GAP,
  LINE_PITCH,
  MARGIN,
  MARK_SIZE,
  PAGE,
  PAGE_NUMBER_INSET,
  RED,
  SIZE,
  TYPE_AREA,
} from './standard';

// Assembles whole documents: the circular with its attachment, the attachment alone, one case alone.

export interface DocxOptions {
  layout?: Layout;
  fonts?: FontProfile;
}

function pageNumberFooter(fonts: Fonts, side: 'right' | 'left'): Footer {
  const style = { font: fonts.pageNumber, size: SIZE.四号, offGrid: true };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        spacing: exactLine(FOOTER_LINE),
        children: [
          run('— ', style),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: { ascii: fonts.pageNumber, hAnsi: fonts.pageNumber, eastAsia: fonts.pageNumber, cs: fonts.pageNumber },
            size: SIZE.四号,
            snapToGrid: false,
          }),
          run(' —', style),
        ],
      }),
    ],
  });
}

/** Page setup shared by every section: A4, the 版心, 22 lines a page, odd pages numbered right, even left. */
function sectionBase(fonts: Fonts): Pick<ISectionOptions, 'properties' | 'footers'> {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { ...MARGIN, header: 851, footer: FOOTER_DISTANCE },
        pageNumbers: { start: 1 },
      },
      // Every paragraph has an exact line; a typed grid would only make LibreOffice snap spacing to it.
      grid: { linePitch: LINE_PITCH },
    },
    footers: { default: pageNumberFooter(fonts, 'right'), even: pageNumberFooter(fonts, 'left') },
  };
}

/** The organ's mark is set at 一号 and squeezed (character scale) until it fits the 156 mm 版心. */
function markRun(text: string, fonts: Fonts): TextRun {
  const width = textWidth(text, MARK_SIZE * 10);
  const scale = width > TYPE_AREA.width ? Math.floor((TYPE_AREA.width / width) * 100) : undefined;
  return run(text, { font: fonts.title, size: MARK_SIZE, color: RED, offGrid: true, ...(scale ? { scale } : {}) });
}

const markHeight = MARK_SIZE * 10; // half-points → twips: the exact line of the mark equals its size

export function docNumberText(c: Circular): string {
  return c.docYear != null && c.docSeq != null ? formatDocNumber({ code: c.docCode, year: c.docYear, seq: c.docSeq }) : '';
}

const frame = (y: number, x: number, width: number, height: number) => ({
  type: 'absolute' as const,
  position: { x, y },
  width,
  height,
  rule: HeightRule.EXACT,
  anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
});

/** A 170 mm red double line in a page-anchored frame. A top border's first named line is the inner (lower) one. */
const letterRule = (y: number, style: (typeof BorderStyle)[keyof typeof BorderStyle]) =>
  new Paragraph({
    frame: frame(y, LETTER_RULE.x, LETTER_RULE.width, 120),
    spacing: exactLine(120),
    border: { top: { style, size: LETTER_RULE.size, color: RED, space: 0 } },
    children: [],
  });

/** A frame must be followed by an ordinary paragraph, or LibreOffice keeps it in the flow of the header. */
const anchorParagraph = () => new Paragraph({ spacing: exactLine(20) });

/** 信函格式 page 1: the mark at 30 mm and the upper red line (上粗下细) 4 mm below it. */
function letterFirstHeader(c: Circular, fonts: Fonts): Header {
  return new Header({
    children: [
      new Paragraph({
        frame: frame(LETTER_MARK_Y, MARGIN.left, TYPE_AREA.width, markHeight),
        alignment: AlignmentType.CENTER,
        spacing: exactLine(markHeight),
        children: [markRun(c.organ, fonts)],
      }),
      letterRule(LETTER_MARK_Y + markHeight + LETTER_RULE_GAP, BorderStyle.THIN_THICK_SMALL_GAP),
      anchorParagraph(),
    ],
  });
}

/** 信函格式 page 1 shows no page number; its footer holds the lower red line (上细下粗) 20 mm above the edge. */
function letterFirstFooter(): Footer {
  return new Footer({ children: [letterRule(LETTER_LOWER_RULE_Y, BorderStyle.THICK_THIN_SMALL_GAP), anchorParagraph()] });
}

/** The 版头 as body paragraphs. */
function masthead(c: Circular, layout: Layout, fonts: Fonts): Paragraph[] {
  const number = docNumberText(c);
  if (layout === 'letter') {
    const upperY = LETTER_MARK_Y + markHeight + LETTER_RULE_GAP;
    const firstTop = upperY + LETTER_BELOW_RULE - MARGIN.top; // 4.94 mm below the upper line
    return [
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine(LINE_PITCH, firstTop), children: [run(number, { font: fonts.body })] }),
      blankLine(),
    ];
  }
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine(markHeight, FILE_MARK_OFFSET),
      children: [markRun(`${c.organ}文件`, fonts)],
    }),
    blankLine(),
    blankLine(),
    // The red line is the number's bottom border: 4 mm below it, as wide as the 版心 (no indents).
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine(),
      border: { bottom: { style: BorderStyle.SINGLE, size: FILE_RULE_SIZE, color: RED, space: FILE_RULE_SPACE_PT } },
      children: [run(number, { font: fonts.body })],
    }),
    blankLine(),
  ];
}

/** 署名 and 成文日期 of a sealed document: the date 4 字 from the right, the signature centred over it. */
function signatureBlock(c: Circular, fonts: Fonts): Paragraph[] {
  const date = c.date ? formatChineseDate(c.date) : '';
  const S = textWidth(c.signature);
  const D = textWidth(date);
  const signatureIndent = Math.max(0, DATE_RIGHT_INDENT + Math.round((D - S) / 2));
  const out = [blankLine(), blankLine()];
  if (c.signature) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: signatureIndent }, spacing: exactLine(), children: [run(c.signature, { font: fonts.body })] }));
  if (date) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: DATE_RIGHT_INDENT }, spacing: exactLine(), children: [run(date, { font: fonts.body })] }));
  return out;
}

/** 版记 at the foot of the last page: a table floated to the bottom of the 版心. */
function colophon(c: Circular, layout: Layout, fonts: Fonts): Table | null {
  const style = { font: fonts.body, size: SIZE.四号, offGrid: true };
  const rows: Paragraph[] = [];
  if (c.cc) {
    const label = '抄送：';
    const hang = label.length * CHAR_4;
    rows.push(
      new Paragraph({
        indent: { left: CHAR_4 + hang, hanging: hang, right: CHAR_4 },
        spacing: exactLine(LINE_PITCH),
        children: [run(`${label}${c.cc.replace(/[。.]$/u, '')}。`, style)],
      }),
    );
  }
  // 信函格式 has no 印发 line and no lines (§10.1).
  if (layout === 'file' && c.printedBy && c.printedDate) {
    rows.push(
      new Paragraph({
        indent: { left: CHAR_4, right: CHAR_4 },
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width - CHAR_4 }],
        spacing: exactLine(LINE_PITCH),
        children: [run(c.printedBy, style), new TextRun({ children: [new Tab()] }), run(`${formatChineseDate(c.printedDate)}印发`, style)],
      }),
    );
  }
  if (rows.length === 0) return null;
  const ruled = layout === 'file';
  const line = (size: number) => (ruled ? { style: BorderStyle.SINGLE, size, color: '000000' } : { style: BorderStyle.NONE, size: 0, color: 'auto' });
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: [TYPE_AREA.width],
    layout: TableLayoutType.FIXED,
    // docx gives tables single borders by default; here only the cells' own lines may show.
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    rows: rows.map(
      (p, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: TYPE_AREA.width, type: WidthType.DXA },
              margins: { left: 0, right: 0, top: 0, bottom: 0 },
              borders: {
                top: line(i === 0 ? COLOPHON_THICK : COLOPHON_THIN),
                bottom: line(i === rows.length - 1 ? COLOPHON_THICK : COLOPHON_THIN),
                left: none,
                right: none,
              },
              children: [p],
            }),
          ],
        }),
    ),
  });
}

function documentFor(title: string, fonts: Fonts, sections: ISectionOptions[]): Document {
  return new Document({
    creator: 'FTZ Casebook',
    lastModifiedBy: 'FTZ Casebook',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // Normal is 3号 (16 pt): the character grid's −849 assumes it.
          run: { font: { ascii: fonts.body, hAnsi: fonts.body, eastAsia: fonts.body, cs: fonts.body, hint: 'eastAsia' }, size: SIZE.三号 },
          paragraph: { spacing: exactLine() },
        },
      },
      // Normal carries the size itself too: LibreOffice reads the grid's character from Normal, not the defaults.
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', run: { font: { ascii: fonts.body, hAnsi: fonts.body, eastAsia: fonts.body, cs: fonts.body, hint: 'eastAsia' }, size: SIZE.三号 } },
      ],
    },
    sections,
  });
}

/** The circular (通知/函) of a batch, with its attachment: the 汇总表 and every case, each on a new page. */
export function circularDocument(batch: BatchDetail, options: DocxOptions = {}): Document {
  const c = batch.circular;
  const layout = options.layout ?? c.layout;
  const fonts = FONT_PROFILES[options.fonts ?? 'gb'];
  const base = sectionBase(fonts);
  const attachmentTitle = c.attachmentNote || batch.title;
  const hasAttachment = batch.items.length > 0 || c.attachmentNote.trim() !== '';
  const colophonTable = colophon(c, layout, fonts);
  const children = [
    ...masthead(c, layout, fonts),
    titleParagraph(c.title, fonts),
    blankLine(),
    ...(c.addressees ? [new Paragraph({ spacing: exactLine(), children: [run(`${c.addressees.replace(/[:：]$/u, '')}：`, { font: fonts.body })] })] : []),
    ...c.body.map((t) => bodyParagraph(t, fonts)),
    // A notice without an attachment (the 征集 notice) has no 附件说明 and no attachment pages.
    ...(hasAttachment
      ? [
          blankLine(),
          // 附件说明: the name's continuation lines align after «附件：».
          new Paragraph({
            indent: { left: FIRST_LINE_INDENT + 3 * CHAR_3, hanging: 3 * CHAR_3 },
            spacing: exactLine(),
            children: [run(`附件：${attachmentTitle}`, { font: fonts.body })],
          }),
        ]
      : []),
    ...signatureBlock(c, fonts),
    ...(hasAttachment ? attachmentChildren(attachmentTitle, batch.items, fonts, true) : []),
    ...(colophonTable ? [colophonTable, new Paragraph({ spacing: exactLine(20) })] : []),
  ];
  const section: ISectionOptions =
    layout === 'letter'
      ? {
          ...base,
          properties: { ...base.properties, titlePage: true },
          headers: { first: letterFirstHeader(c, fonts), default: new Header({ children: [] }), even: new Header({ children: [] }) },
          footers: { ...base.footers, first: letterFirstFooter() },
          children,
        }
      : { ...base, children };
  return documentFor(c.title, fonts, [section]);
}

/** The attachment alone: «附件», its title, the 汇总表 and the cases. */
export function attachmentDocument(batch: BatchDetail, options: DocxOptions = {}): Document {
  const fonts = FONT_PROFILES[options.fonts ?? 'gb'];
  const title = batch.circular.attachmentNote || batch.title;
  return documentFor(title, fonts, [{ ...sectionBase(fonts), children: attachmentChildren(title, batch.items, fonts, false) }]);
}

/** One case on its own, as a unit submits it. */
export function caseDocument(c: Case, options: Pick<DocxOptions, 'fonts'> = {}): Document {
  const fonts = FONT_PROFILES[options.fonts ?? 'gb'];
  return documentFor(c.title, fonts, [{ ...sectionBase(fonts), children: caseParagraphs(c, fonts, { newPage: false }) }]);
}

