import { headingLine, printBlocks } from '../../../../shared/body';
import type { Case } from '../../../../shared/domain';
import { breakTitle } from '../../../../shared/title-lines';
import { CHARS_PER_LINE, LINES_PER_PAGE } from './standard';

// How many lines of the 22-line grid a case takes, for placing the 版记 at the foot of the last page. `docx`
// cannot paginate and LibreOffice ignores bottom-anchored floats, so the 版记 stays in the flow and is pushed
// down by blank lines counted here. Every line of a case is one exact grid line (3号 text and the 2号 title
// alike), and each case starts on a new page, so only the last case needs counting.

/** Width in characters: a CJK character is 1, a half-width one ½, plus the gap LibreOffice puts between scripts. */
export function charWidth(text: string): number {
  let w = 0;
  let prevHalf: boolean | null = null;
  for (const ch of text) {
    const half = /[\u0020-\u007e]/u.test(ch);
    w += half ? 0.5 : 1;
    if (prevHalf !== null && prevHalf !== half) w += 0.25; // autospace between Chinese and Latin/digits
    prevHalf = half;
  }
  return w;
}

/** Lines of a 正文 paragraph (first line indented 2 字); a little over-counted where line breaking shortens lines. */
export function paragraphLines(text: string, indent = 2): number {
  const w = indent + charWidth(text);
  return Math.max(1, Math.ceil(w / (CHARS_PER_LINE - 0.6)));
}

/** Grid lines of a case as caseParagraphs sets it: title lines, «（XX提供）», a blank line, lead and body. */
export function caseLines(c: Case, titleColumns: number): number {
  let n = breakTitle(c.title, titleColumns).length + 2;
  for (const t of c.lead) n += paragraphLines(t);
  for (const b of printBlocks(c.body)) {
    if (b.kind === 'paragraph') n += paragraphLines(b.text);
    else {
      const { heading, rest } = headingLine(b.heading, b.text);
      n += paragraphLines(`${b.ordinal}${heading}${rest}`);
    }
  }
  return n;
}

/**
 * Blank lines to put between the end of the text and a 版记 of `rows` lines so that its last line is the last
 * line of the page, less `margin` lines of safety; null when it does not fit below the text and goes to the foot
 * of the next page. paragraphLines counts lines of 27.4 characters for 28, so the count errs long: the 版记 may
 * end a line high, it is not pushed onto a page of its own.
 */
export function colophonGap(usedLines: number, rows: number, margin = 1): number | null {
  const onLastPage = usedLines % LINES_PER_PAGE === 0 && usedLines > 0 ? LINES_PER_PAGE : usedLines % LINES_PER_PAGE;
  const gap = LINES_PER_PAGE - onLastPage - rows - margin;
  return gap >= 0 ? gap : null;
}
