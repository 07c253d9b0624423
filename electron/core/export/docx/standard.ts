// GB/T 9704-2012 as numbers (../shared/docs/gbt9704.md). Twips unless named otherwise; font sizes in
// half-points as w:sz takes them. Each constant says which clause or derivation it comes from.

/** §5: A4, written as Word writes it (11905.5 × 16837.8 rounded). */
export const PAGE = { width: 11906, height: 16838 } as const;

/** §5: 天头 37 mm, 订口 28 mm; right and bottom follow from the 156 × 225 mm 版心. */
export const MARGIN = { top: 2098, left: 1587, right: 1474, bottom: 1984, gutter: 0 } as const;

/** The 版心 (type area), 156 × 225 mm. */
export const TYPE_AREA = { width: PAGE.width - MARGIN.left - MARGIN.right, height: PAGE.height - MARGIN.top - MARGIN.bottom } as const;

/** §5: 22 lines of 28 characters. 12756 / 22 rounded down: 579 (28.95 pt); 580 would lose the 22nd line. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const LINE_PITCH = 579;
/**
 * 28 characters a line: 28 × 16 pt = 448 pt is wider than the 442.2 pt line, so 3号 runs are set tighter, the
 * digest's alternative to a character grid (a grid with charSpace −849 fits 28 in Word but LibreOffice gives
 * each 16 pt glyph two 15.79 pt cells, 14 a line). −0.25 pt (28 × 15.75 = 441 pt) leaves lines so exactly full
 * that LibreOffice hangs a line-end ，、。 past the margin and does not draw it (88 marks lost in the demo);
 * −0.3 pt (439.6 pt) still sets 28 and 29 never fit (455 pt), and every mark is drawn. In twentieths of a point.
 */
export const BODY_CHAR_SPACING = -6;

/** 号 → half-points (§1 of the digest). */
export const SIZE = { 一号: 52, 二号: 44, 三号: 32, 四号: 28 } as const;

/** 1 字 at 3号 (16 pt) and at 4号 (14 pt). */
export const CHAR_3 = 320;
export const CHAR_4 = 280;

/** §7.3.3: every paragraph indented two characters. */
export const FIRST_LINE_INDENT = 2 * CHAR_3;

/** §7.5: page number 一字线 7 mm below the 版心; an exact 14 pt footer line centred there (derived: 25.5 mm). */
export const FOOTER_DISTANCE = 1446;
export const FOOTER_LINE = 280;
/** Page numbers sit one character in from the outer edge. */
export const PAGE_NUMBER_INSET = CHAR_4;

export const RED = 'FF0000';

/** §7.2.4: 文件格式 mark's top edge 35 mm below the top of the 版心. */
export const FILE_MARK_OFFSET = 1984;
/** §7.2.7: the red line 4 mm below the 发文字号 (as paragraph border space, in points). */
export const FILE_RULE_SPACE_PT = 11;
/** Practice: 1.5 pt red line, 版心 wide. Border sizes are eighths of a point. */
export const FILE_RULE_SIZE = 12;

/** §10.1 信函格式: mark top 30 mm from the paper's top edge. */
export const LETTER_MARK_Y = 1701;
/** 170 mm double lines centred on the 版心: x = 28 + 78 − 85 = 21 mm. */
export const LETTER_RULE = { x: 1191, width: 9638, size: 18 } as const;
/** Upper line 4 mm below the mark; lower line 20 mm above the paper's bottom edge (277 mm). */
export const LETTER_RULE_GAP = 227;
export const LETTER_LOWER_RULE_Y = 15704;
/** The first element below the upper line is 7/8 of a 3号 height (4.94 mm) below it. */
export const LETTER_BELOW_RULE = 280;

/** The size the organ's mark is set in before it is squeezed horizontally to fit the 版心. */
export const MARK_SIZE = SIZE.一号;

/** §7.4: 版记 lines: first and last 0.35 mm (≈1 pt), those between 0.25 mm (0.75 pt). */
export const COLOPHON_THICK = 8;
export const COLOPHON_THIN = 6;

/** §7.3.1: the title sits two blank lines below the red line (文件格式) or the 发文字号 (信函格式, §10.1). */
export const TITLE_GAP_LINES = 2;

/**
 * 署名 and 成文日期, §7.3.5.2 (不加盖印章: the export prints no seal image). One blank line below the text; the
 * 署名 2 字 in from the right; the date on the next line, its first character 2 字 right of the 署名's first. A
 * date longer than the 署名 is itself 2 字 in from the right and the 署名 moves left to keep the 2 字 step.
 * Widths in twips; returns the right indents of both lines.
 */
export const SIGNATURE_RULE = {
  clause: 'GB/T 9704-2012 §7.3.5.2',
  gapLines: 1,
  rightIndent: 2 * CHAR_3,
  dateShift: 2 * CHAR_3,
  indents(signatureWidth: number, dateWidth: number): { signature: number; date: number } {
    const { rightIndent, dateShift } = SIGNATURE_RULE;
    // The date starts dateShift right of the 署名's start: its right indent is what is left of the line.
    const date = rightIndent + signatureWidth - dateShift - dateWidth;
    if (date >= rightIndent) return { signature: rightIndent, date };
    return { signature: rightIndent + dateShift + dateWidth - signatureWidth, date: rightIndent };
  },
} as const;

/** Shown where a circular has no 成文日期 yet, so that the gap is seen on paper, never silently left out. */
export const DATE_PLACEHOLDER = '××××年××月××日';

/** Tables in the attachment: 4号 text with a line of 20 pt. */
export const TABLE_LINE = 400;
