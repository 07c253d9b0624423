import { formatChineseDate } from '../../../../shared/circular';
import type { BatchDetail, Case, Circular, FontProfile, Layout } from '../../../../shared/domain';
import { estimateCircular, type ColophonPlan } from './pagination';
import { docNumberText } from '../file-names';
import { attachmentChildren, blankLine, bodyParagraph, caseParagraphs, exactLine, run, textWidth, titleParagraph } from './blocks';
import { FONT_PROFILES, type Fonts } from './fonts';
import type { DocumentOptions, SectionOptions } from './ooxml/package';
import { pageNumberRuns, paragraph, runProperties, TAB_RUN, type BorderStyle, type Frame, type ParagraphOptions } from './ooxml/paragraph';
import {
  CHAR_3,
  CHAR_4,
  COLOPHON_THICK,
  COLOPHON_THIN,
  DATE_PLACEHOLDER,
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
  SIGNATURE_RULE,
  SIZE,
  TITLE_GAP_LINES,
  TYPE_AREA,
} from './standard';

// Assembles whole documents: the circular with its attachment, the attachment alone, one case alone.

export interface DocxOptions {
  layout?: Layout;
  fonts?: FontProfile;
  /** Where the 版记 goes (null: none), when the caller estimated it already for its own note; else estimated here. */
  colophon?: ColophonPlan | null;
}

const titleGap = () => Array.from({ length: TITLE_GAP_LINES }, () => blankLine());

/** «— N —»: the number a PAGE field, in 4号宋体 off the grid. */
function pageNumberFooter(fonts: Fonts, side: 'right' | 'left'): string[] {
  const style = { font: fonts.pageNumber, size: SIZE.四号, offGrid: true };
  return [
    paragraph({
      alignment: side,
      indent: side === 'right' ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
      spacing: exactLine(FOOTER_LINE),
      children: [run('— ', style), pageNumberRuns(runProperties(style)), run(' —', style)],
    }),
  ];
}

/** A4 with the 版心. Every paragraph has an exact line; a typed character grid would only make LibreOffice snap spacing to it. */
const PAGE_SETUP: SectionOptions['page'] = { ...PAGE, margin: { ...MARGIN, header: 851, footer: FOOTER_DISTANCE }, linePitch: LINE_PITCH };

/** Page setup shared by every section: A4, the 版心, 22 lines a page, numbered from 1, odd pages numbered right, even left. */
export function sectionBase(fonts: Fonts): Pick<SectionOptions, 'page' | 'pageNumberStart' | 'footers'> {
  return { page: PAGE_SETUP, pageNumberStart: 1, footers: { default: pageNumberFooter(fonts, 'right'), even: pageNumberFooter(fonts, 'left') } };
}

/** The organ's mark is set at 一号 and squeezed (character scale) until it fits the 156 mm 版心. */
function markRun(text: string, fonts: Fonts): string {
  const width = textWidth(text, MARK_SIZE * 10);
  const scale = width > TYPE_AREA.width ? Math.floor((TYPE_AREA.width / width) * 100) : undefined;
  return run(text, { font: fonts.title, size: MARK_SIZE, color: RED, offGrid: true, ...(scale ? { scale } : {}) });
}

const markHeight = MARK_SIZE * 10; // half-points → twips: the exact line of the mark equals its size

export { docNumberText } from '../file-names'; // there, so a file name does not load docx

const frame = (y: number, x: number, width: number, height: number): Frame => ({ x, y, width, height });

/** A 170 mm red double line in a page-anchored frame. A top border's first named line is the inner (lower) one. */
const letterRule = (y: number, style: BorderStyle) =>
  paragraph({
    frame: frame(y, LETTER_RULE.x, LETTER_RULE.width, 120),
    spacing: exactLine(120),
    border: { top: { style, size: LETTER_RULE.size, color: RED, space: 0 } },
  });

/** A frame must be followed by an ordinary paragraph, or LibreOffice keeps it in the flow of the header. */
const anchorParagraph = () => paragraph({ spacing: exactLine(20) });

/** 信函格式 page 1: the mark at 30 mm and the upper red line (上粗下细) 4 mm below it. */
function letterFirstHeader(c: Circular, fonts: Fonts): string[] {
  return [
    paragraph({
      frame: frame(LETTER_MARK_Y, MARGIN.left, TYPE_AREA.width, markHeight),
      alignment: 'center',
      spacing: exactLine(markHeight),
      children: [markRun(c.organ, fonts)],
    }),
    letterRule(LETTER_MARK_Y + markHeight + LETTER_RULE_GAP, 'thinThickSmallGap'),
    anchorParagraph(),
  ];
}

/** 信函格式 page 1 shows no page number; its footer holds the lower red line (上细下粗) 20 mm above the edge. */
function letterFirstFooter(): string[] {
  return [letterRule(LETTER_LOWER_RULE_Y, 'thickThinSmallGap'), anchorParagraph()];
}

/** The 版头 as body paragraphs. */
function masthead(c: Circular, layout: Layout, fonts: Fonts): string[] {
  const number = docNumberText(c);
  if (layout === 'letter') {
    const upperY = LETTER_MARK_Y + markHeight + LETTER_RULE_GAP;
    const firstTop = upperY + LETTER_BELOW_RULE - MARGIN.top; // 4.94 mm below the upper line
    return [
      paragraph({ alignment: 'right', spacing: exactLine(LINE_PITCH, firstTop), children: [run(number, { font: fonts.body })] }),
      ...titleGap(),
    ];
  }
  return [
    paragraph({
      alignment: 'center',
      spacing: exactLine(markHeight, FILE_MARK_OFFSET),
      children: [markRun(`${c.organ}文件`, fonts)],
    }),
    blankLine(),
    blankLine(),
    // The red line is the number's bottom border: 4 mm below it, as wide as the 版心 (no indents).
    paragraph({
      alignment: 'center',
      spacing: exactLine(),
      border: { bottom: { style: 'single', size: FILE_RULE_SIZE, color: RED, space: FILE_RULE_SPACE_PT } },
      children: [run(number, { font: fonts.body })],
    }),
    ...titleGap(),
  ];
}

/**
 * 署名 and 成文日期 by SIGNATURE_RULE (§7.3.5.2). Every line keeps with the next, so the two never stand alone
 * on a page: the end of the text moves over with them. A missing date prints as a visible placeholder.
 */
function signatureBlock(c: Circular, fonts: Fonts): string[] {
  const date = c.date ? formatChineseDate(c.date) : DATE_PLACEHOLDER;
  const indents = SIGNATURE_RULE.indents(c.signature ? textWidth(c.signature) : 0, textWidth(date));
  const out = Array.from({ length: SIGNATURE_RULE.gapLines }, () => paragraph({ spacing: exactLine(), keepNext: true }));
  if (c.signature) {
    out.push(paragraph({ alignment: 'right', indent: { right: indents.signature }, spacing: exactLine(), keepNext: true, children: [run(c.signature, { font: fonts.body })] }));
  }
  out.push(paragraph({ alignment: 'right', indent: { right: c.signature ? indents.date : SIGNATURE_RULE.rightIndent }, spacing: exactLine(), children: [run(date, { font: fonts.body })] }));
  return out;
}

/** The paragraph that carries one 版记 rule: 1 pt high. */
const RULE_LINE = 20;
/**
 * Each 版记 line of 4号 text is a little less than a grid line, so that the rules (their paragraphs and their
 * own thickness) fit in what is saved and the last rule stays on the last grid line: 2 × 60 twips ≥ 3 × 20 + 55.
 */
const COLOPHON_LINE = LINE_PITCH - 60;

/**
 * The 印发 line: the organ 1 字 in from the left, the date 1 字 in from the right, on one line. A long organ
 * («…工作领导小组办公室», 23 字) with the date does not fit 4号 on one line, so its characters are set closer
 * by as much as it takes (never more than 2 pt each; beyond that the line may wrap).
 */
function printedLine(c: Circular, fonts: Fonts): ParagraphOptions {
  const date = `${formatChineseDate(c.printedDate!)}印发`;
  const available = TYPE_AREA.width - 2 * CHAR_4;
  const needed = textWidth(c.printedBy, CHAR_4) + textWidth(date, CHAR_4) + CHAR_4; // at least 1 字 between them
  const chars = [...c.printedBy, ...date].length;
  const tighten = needed > available ? Math.max(-40, Math.floor((available - needed) / chars)) : 0;
  const style = { font: fonts.body, size: SIZE.四号, offGrid: true, ...(tighten ? { characterSpacing: tighten } : {}) };
  return {
    indent: { left: CHAR_4 },
    tabStops: [{ type: 'right', position: TYPE_AREA.width - CHAR_4 }],
    spacing: exactLine(COLOPHON_LINE),
    children: [run(c.printedBy, style), TAB_RUN, run(date, style)],
  };
}

/**
 * 版记 at the foot of the last page (§7.4), after the attachment: 抄送 above 印发, a thick first rule, thin rules
 * between the lines, a thick last rule on the bottom edge of the 版心. That page must be even, the last side of a
 * document printed on both sides (./pagination estimates the pages). Below the text it stays in the flow, pushed
 * down by blank lines: LibreOffice set both a bottom-aligned floating table and a margin-anchored frame right
 * after the text. After a text that ends on an odd page it goes to the foot of the next page, in a section of its
 * own; after an even page without room, a blank page comes first, and neither that page nor the 版记 page carries
 * a number (§7.5).
 */
function colophon(c: Circular, layout: Layout, fonts: Fonts, plan: ColophonPlan | null): { flow: string[]; section: SectionOptions | null } {
  const base = sectionBase(fonts);
  const style = { font: fonts.body, size: SIZE.四号, offGrid: true };
  const lines: ParagraphOptions[] = [];
  if (c.cc) {
    const label = '抄送：';
    const hang = label.length * CHAR_4;
    lines.push({
      indent: { left: CHAR_4 + hang, hanging: hang, right: CHAR_4 },
      spacing: exactLine(COLOPHON_LINE),
      children: [run(`${label}${c.cc.replace(/[。.]$/u, '')}。`, style)],
    });
  }
  // 信函格式 has no 印发 line and no lines (§10.1).
  if (layout === 'file' && c.printedBy && c.printedDate) lines.push(printedLine(c, fonts));
  if (lines.length === 0 || !plan) return { flow: [], section: null };
  const ruled = layout === 'file';
  const rule = (size: number) => ({ style: 'single' as const, size, color: '000000', space: 0 });
  // Each rule is its own 1 pt paragraph without indents, so that it is as wide as the 版心 whatever the text's indents.
  const ruleLine = (size: number) => paragraph({ spacing: exactLine(RULE_LINE), keepNext: true, border: { top: rule(size) } });
  const out: string[] = Array.from({ length: plan.gap }, () => blankLine());
  lines.forEach((p, i) => {
    if (ruled) out.push(ruleLine(i === 0 ? COLOPHON_THICK : COLOPHON_THIN));
    out.push(paragraph({ ...p, keepNext: ruled || i < lines.length - 1, keepLines: true }));
  });
  if (ruled) out.push(ruleLine(COLOPHON_THICK));
  if (plan.placement === 'below') return { flow: out, section: null };
  // The same page, its numbers continued (no restart).
  const page = { page: base.page };
  // A blank page and the 版记 page after it carry no page number (§7.5): their footers are empty, one line of the
  // page number's height (a Normal 28.95 pt line would reach into the 版心 in LibreOffice and push the 版记 off).
  const empty = () => [paragraph({ spacing: exactLine(FOOTER_LINE) })];
  // Word starts an even-page section on the next even page and an odd-page one on the next odd page, adding a blank
  // page where needed, so that in Word the 版记 is on an even page even where the estimate is a page out.
  // LibreOffice takes both for a plain page break: there the estimate alone decides, and the blank page is a page
  // of the section holding one empty line.
  if (plan.placement === 'next-even') return { flow: [], section: { ...page, start: 'evenPage', footers: base.footers, children: out } };
  return {
    flow: [],
    section: {
      ...page,
      start: 'oddPage',
      footers: { default: empty(), even: empty() },
      children: [blankLine(), paragraph({ spacing: exactLine(), pageBreakBefore: true }), ...out.slice(1)],
    },
  };
}

/** A document before packing: everything but its date. */
export type WordDocument = Omit<DocumentOptions, 'stamp'>;

/** Normal (and the defaults) in 3号 仿宋 on the exact line; odd and even pages with their own footers. */
export function documentFor(title: string, fonts: Fonts, sections: SectionOptions[]): WordDocument {
  return { title, creator: 'FTZ Casebook', font: fonts.body, size: SIZE.三号, spacing: exactLine(), evenAndOddHeaders: true, sections };
}

/** The circular (通知/函) of a batch, with its attachment: the 汇总表 and every case, each on a new page. */
export function circularDocument(batch: BatchDetail, options: DocxOptions = {}): WordDocument {
  const c = batch.circular;
  const layout = options.layout ?? c.layout;
  const fonts = FONT_PROFILES[options.fonts ?? 'gb'];
  const base = sectionBase(fonts);
  const attachmentTitle = c.attachmentNote || batch.title;
  const closing = colophon(c, layout, fonts, options.colophon === undefined ? estimateCircular(batch, layout).colophon : options.colophon);
  const hasAttachment = batch.items.length > 0 || c.attachmentNote.trim() !== '';
  const children = [
    ...masthead(c, layout, fonts),
    titleParagraph(c.title, fonts),
    blankLine(),
    ...(c.addressees ? [paragraph({ spacing: exactLine(), children: [run(`${c.addressees.replace(/[:：]$/u, '')}：`, { font: fonts.body })] })] : []),
    // The last paragraph keeps with what follows (its last two lines at least, widow control), and so does
    // everything down to the date: the 署名 and 成文日期 never stand alone on a page (§7.3.5).
    ...c.body.map((t, i) => bodyParagraph(t, fonts, i === c.body.length - 1 ? { keepNext: true, widowControl: true } : {})),
    paragraph({ spacing: exactLine(), keepNext: true }),
    // 附件说明: the name's continuation lines align after «附件：».
    // A notice without an attachment (the 征集 notice) has no 附件说明 and no attachment pages.
    ...(hasAttachment
      ? [
          paragraph({
            indent: { left: FIRST_LINE_INDENT + 3 * CHAR_3, hanging: 3 * CHAR_3 },
            spacing: exactLine(),
            keepNext: true,
            children: [run(`附件：${attachmentTitle}`, { font: fonts.body })],
          }),
        ]
      : []),
    ...signatureBlock(c, fonts),
    ...(hasAttachment ? attachmentChildren(attachmentTitle, batch.items, fonts, true, { layout: c.summary }) : []),
    ...closing.flow,
  ];
  const section: SectionOptions =
    layout === 'letter'
      ? {
          ...base,
          titlePage: true,
          // An empty header still holds one empty paragraph, as Word writes it (a header part needs a block).
          headers: { first: letterFirstHeader(c, fonts) },
          footers: { ...base.footers, first: letterFirstFooter() },
          children,
        }
      : { ...base, children };
  return documentFor(c.title, fonts, closing.section ? [section, closing.section] : [section]);
}

/** The attachment alone: «附件», its title, the 汇总表 and the cases. */
export function attachmentDocument(batch: BatchDetail, options: DocxOptions = {}): WordDocument {
  const fonts = FONT_PROFILES[options.fonts ?? 'gb'];
  const title = batch.circular.attachmentNote || batch.title;
  return documentFor(title, fonts, [{ ...sectionBase(fonts), children: attachmentChildren(title, batch.items, fonts, false, { layout: batch.circular.summary }) }]);
}

/** One case on its own, as a unit submits it. */
export function caseDocument(c: Case, options: Pick<DocxOptions, 'fonts'> = {}): WordDocument {
  const fonts = FONT_PROFILES[options.fonts ?? 'gb'];
  return documentFor(c.title, fonts, [{ ...sectionBase(fonts), children: caseParagraphs(c, fonts, { newPage: false }) }]);
}

