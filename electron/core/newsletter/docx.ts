import { formatChineseDate } from '../../../shared/circular';
import type { FontProfile } from '../../../shared/domain';
import { issueNumberText, itemOrdinals, NEWSLETTER_TITLE, partOrdinal, sectionOrdinal, type Newsletter } from '../../../shared/newsletter';
import { breakTitle } from '../../../shared/title-lines';
import { blankLine, bodyParagraph, exactLine, run } from '../export/docx/blocks';
import { documentFor, sectionBase } from '../export/docx/document';
import { FONT_PROFILES, type Fonts } from '../export/docx/fonts';
import { TAB_RUN, paragraph } from '../export/docx/ooxml/paragraph';
import { packDocx } from '../export/docx/pack';
import { CHARS_PER_LINE, FILE_RULE_SIZE, FILE_RULE_SPACE_PT, FIRST_LINE_INDENT, LINE_PITCH, RED, SIZE, TABLE_LINE, TYPE_AREA } from '../export/docx/standard';

// 《自贸动态》 as a 简报: the title in red across the top, 第N期, the 主办 and date line over a red rule, then the
// sections (黑体), the items numbered （一）… straight through them (小标宋), their text in 3号仿宋. Page setup,
// page numbers, fonts profile and packaging are the circular's (../export/docx), so the two look like one office's.

/** The newsletter's name is set in 初号 (42 pt), larger than a 文件格式 mark, as 简报 mastheads are. */
export const NEWSLETTER_TITLE_SIZE = 84;
/** It sits one grid line below the top of the 版心; its exact line is its own size. */
export const NEWSLETTER_TITLE_BEFORE = LINE_PITCH;
/** Letter-spaced so that four characters span about half the 版心 (in twentieths of a point: 12 pt). */
export const NEWSLETTER_TITLE_SPACING = 240;
/** The rule under 主办/date: thicker than the circular's (2.25 pt), red, 版心 wide. */
export const NEWSLETTER_RULE_SIZE = FILE_RULE_SIZE + 6;
/**
 * An item title in 3号 is broken into lines of at most this many half-character columns: the body's 28 字 a line
 * less one, so a title is wrapped by meaning (shared/title-lines) before Word would wrap it anywhere.
 */
export const ITEM_TITLE_COLUMNS = (CHARS_PER_LINE - 1) * 2;
/** 本期目录 lines are 4号 on a 20 pt line; a long list closes up to lines as high as the type (14 pt). */
export const TOC_SIZE = SIZE.四号;
export const TOC_LINE = TABLE_LINE;
export const TOC_LINE_MIN = TOC_SIZE * 10;
/** Item lines are 2 字 in, their text after the number (at most 5 字, （二十一）). */
const TOC_ITEM_INDENT = 2 * TOC_SIZE * 10;
const TOC_HANG = 5.5 * TOC_SIZE * 10;
/**
 * What page 1 has left for the list under the masthead and the 本期目录 heading: the 版心 less 6 grid lines, the
 * title's own line, the red rule with the space above it (a border adds to its paragraph's height), and one short
 * line to spare for the layout's rounding.
 */
export const TOC_SPACE =
  TYPE_AREA.height - 6 * LINE_PITCH - (NEWSLETTER_TITLE_SIZE * 10 + 120) - (FILE_RULE_SPACE_PT * 20 + Math.ceil((NEWSLETTER_RULE_SIZE * 20) / 8)) - TOC_LINE_MIN;

/**
 * The line height that keeps the list on one page: the lines it takes (titles wrapped at the 4号 line length) into
 * the space left, no higher than TOC_LINE and no lower than TOC_LINE_MIN (beyond that it runs on to a second page).
 */
export function tocLineHeight(n: Newsletter): number {
  const perLine = Math.floor((TYPE_AREA.width - TOC_ITEM_INDENT - TOC_HANG) / (TOC_SIZE * 10));
  const lines = n.sections.reduce((k, s) => k + 1 + s.items.reduce((m, i) => m + Math.ceil([...i.title].length / perLine), 0), 0);
  return Math.max(TOC_LINE_MIN, Math.min(TOC_LINE, Math.floor(TOC_SPACE / Math.max(1, lines))));
}

export interface NewsletterDocxOptions {
  fonts?: FontProfile;
  /** More items than this: a 本期目录 page after the masthead. */
  tocThreshold: number;
}

function masthead(n: Newsletter, fonts: Fonts): string[] {
  const meta = [n.sponsor ? `主办：${n.sponsor}` : '', n.editor ? `编辑：${n.editor}` : ''].filter(Boolean).join('　　');
  return [
    paragraph({
      alignment: 'center',
      spacing: exactLine(NEWSLETTER_TITLE_SIZE * 10 + 120, NEWSLETTER_TITLE_BEFORE),
      children: [run(NEWSLETTER_TITLE, { font: fonts.title, size: NEWSLETTER_TITLE_SIZE, color: RED, offGrid: true, characterSpacing: NEWSLETTER_TITLE_SPACING })],
    }),
    blankLine(),
    paragraph({ alignment: 'center', spacing: exactLine(), children: [run(issueNumberText(n.number), { font: fonts.body })] }),
    // 主办 flush left, the date flush right, the red rule as this line's bottom border (版心 wide: no indents).
    paragraph({
      spacing: exactLine(),
      tabStops: [{ type: 'right', position: TYPE_AREA.width }],
      border: { bottom: { style: 'single', size: NEWSLETTER_RULE_SIZE, color: RED, space: FILE_RULE_SPACE_PT } },
      children: [run(meta, { font: fonts.body }), TAB_RUN, run(formatChineseDate(n.date), { font: fonts.body })],
    }),
    blankLine(),
  ];
}

/** 本期目录: each section and its items with their numbers, on the first page; the text starts on the next. */
function contents(n: Newsletter, fonts: Fonts): string[] {
  const ordinals = itemOrdinals(n.sections);
  const height = tocLineHeight(n);
  // Titles align after the widest number (（二十一） is five characters): the hanging indent is its tab stop.
  // Half a character more, so that the widest number still leaves the tab somewhere to go.
  const hang = (Math.max(3, ...ordinals.flat().map((o) => [...o].length)) + 0.5) * TOC_SIZE * 10;
  const style = { size: TOC_SIZE, offGrid: true };
  const out = [paragraph({ alignment: 'center', spacing: exactLine(), children: [run('本期目录', { font: fonts.heading1 })] })];
  n.sections.forEach((s, si) => {
    out.push(paragraph({ spacing: exactLine(height), children: [run(`${sectionOrdinal(si)}${s.name}`, { font: fonts.heading1, ...style })] }));
    // A long title wraps under its own text, not under its number.
    for (const [ii, item] of s.items.entries()) {
      out.push(
        paragraph({
          spacing: exactLine(height),
          indent: { left: TOC_ITEM_INDENT + hang, hanging: hang },
          children: [run(ordinals[si]![ii]!, { font: fonts.body, ...style }), TAB_RUN, run(item.title, { font: fonts.body, ...style })],
        }),
      );
    }
  });
  return out;
}

function itemParagraphs(item: Newsletter['sections'][number]['items'][number], ordinal: string, fonts: Fonts, first: boolean): string[] {
  const out: string[] = [];
  if (!first) out.push(blankLine());
  // The whole title is printed: broken by meaning into lines of the column, never cut.
  // A line break between two phrases takes the place of the full-width space that separated them.
  const lines = breakTitle(`${ordinal}${item.title}`, ITEM_TITLE_COLUMNS).map((l) => l.replace(/^\u3000+|\u3000+$/gu, ''));
  out.push(
    paragraph({
      alignment: 'center',
      spacing: exactLine(),
      keepNext: true,
      keepLines: true,
      children: lines.map((l, i) => run(l, { font: fonts.title, breakBefore: i > 0 })),
    }),
  );
  const wire = item.credit && /电$/u.test(item.credit);
  item.paragraphs.forEach((p, i) => {
    if (i === 0 && wire) {
      // «新华社北京9月30日电　10月1日出版的…»: the dateline opens the first paragraph, in 楷体.
      out.push(
        paragraph({
          alignment: 'both',
          indent: { firstLine: FIRST_LINE_INDENT },
          spacing: exactLine(),
          children: [run(`${item.credit}　`, { font: fonts.heading2 }), run(p, { font: fonts.body })],
        }),
      );
    } else out.push(bodyParagraph(p, fonts));
  });
  if (wire && item.paragraphs.length === 0) out.push(bodyParagraph(item.credit, fonts));
  item.parts.forEach((part, pi) => {
    // Sub-heads are the third level under 一、 and （一）: 1. in 仿宋 (GB/T 9704 §7.3.3), kept with their text.
    out.push(paragraph({ alignment: 'both', indent: { firstLine: FIRST_LINE_INDENT }, spacing: exactLine(), keepNext: true, children: [run(`${partOrdinal(pi)}${part.heading}`, { font: fonts.body })] }));
    for (const p of part.paragraphs) out.push(bodyParagraph(p, fonts));
  });
  if (item.credit && !wire) {
    out.push(paragraph({ alignment: 'right', spacing: exactLine(), children: [run(`（${item.credit.replace(/^[（(]|[)）]$/gu, '')}）`, { font: fonts.heading2 })] }));
  }
  return out;
}

export function newsletterChildren(n: Newsletter, fonts: Fonts, tocThreshold: number): string[] {
  const ordinals = itemOrdinals(n.sections);
  const itemCount = n.sections.reduce((k, s) => k + s.items.length, 0);
  const toc = itemCount > tocThreshold;
  const out = [...masthead(n, fonts), ...(toc ? contents(n, fonts) : [])];
  n.sections.forEach((s, si) => {
    out.push(
      paragraph({
        indent: { firstLine: FIRST_LINE_INDENT },
        spacing: exactLine(),
        keepNext: true,
        // With a contents page the text starts on page 2; otherwise a section follows the one before after a blank line.
        ...(toc && si === 0 ? { pageBreakBefore: true } : {}),
        children: [run(`${sectionOrdinal(si)}${s.name}`, { font: fonts.heading1 })],
      }),
    );
    s.items.forEach((item, ii) => out.push(...itemParagraphs(item, ordinals[si]![ii]!, fonts, ii === 0)));
    if (si < n.sections.length - 1) out.push(blankLine());
  });
  return out;
}

/** The issue as .docx; the same issue always gives the same bytes (its date is the package's date). */
export async function exportNewsletterDocx(n: Newsletter, options: NewsletterDocxOptions): Promise<Buffer> {
  const fonts = FONT_PROFILES[options.fonts ?? 'gb'];
  const title = `${NEWSLETTER_TITLE}${issueNumberText(n.number)}`;
  const doc = documentFor(title, fonts, [{ ...sectionBase(fonts), children: newsletterChildren(n, fonts, options.tocThreshold) }]);
  return packDocx(doc, new Date(`${n.date}T00:00:00Z`));
}
