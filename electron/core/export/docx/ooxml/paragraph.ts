import { empty, escapeText } from './xml';

// Paragraphs and runs (ECMA-376 §17.3). Properties are written in the schema's order (CT_PPrBase, CT_RPr), the
// same elements and attributes the docx library wrote for the options the exports use.

export type Alignment = 'left' | 'right' | 'center' | 'both';
/** Border styles the exports draw: plain, and the 信函格式 double lines (上粗下细 / 上细下粗). */
export type BorderStyle = 'single' | 'thinThickSmallGap' | 'thickThinSmallGap';

export interface BorderLine {
  style: BorderStyle;
  /** Eighths of a point. */
  size: number;
  color: string;
  /** Points between the line and the text. */
  space?: number;
}

export interface Spacing {
  line: number;
  lineRule: 'exact';
  before: number;
  after: number;
}

export interface Indent {
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
}

/** A frame anchored to the page at an absolute position, of exact height (twips). */
export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ParagraphOptions {
  alignment?: Alignment;
  indent?: Indent;
  spacing?: Spacing;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  frame?: Frame;
  border?: { top?: BorderLine; bottom?: BorderLine };
  tabStops?: { type: 'right' | 'left'; position: number }[];
  /** Runs, as written by the functions below. */
  children?: string[];
}

const onOff = (name: string, value: boolean | undefined) => (value === undefined ? '' : value ? `<${name}/>` : `<${name} w:val="false"/>`);

const borderLine = (side: 'top' | 'bottom', b: BorderLine) => empty(`w:${side}`, { 'w:val': b.style, 'w:color': b.color, 'w:sz': b.size, 'w:space': b.space });

/** w:pPr's content; `sectPr` (a section's end) goes last. */
export function paragraphProperties(o: ParagraphOptions, sectPr = ''): string {
  let p = onOff('w:keepNext', o.keepNext) + onOff('w:keepLines', o.keepLines) + (o.pageBreakBefore ? '<w:pageBreakBefore/>' : '');
  if (o.frame) {
    const f = o.frame;
    p += empty('w:framePr', { 'w:w': f.width, 'w:h': f.height, 'w:x': f.x, 'w:y': f.y, 'w:hAnchor': 'page', 'w:vAnchor': 'page', 'w:hRule': 'exact' });
  }
  p += onOff('w:widowControl', o.widowControl);
  if (o.border) p += `<w:pBdr>${o.border.top ? borderLine('top', o.border.top) : ''}${o.border.bottom ? borderLine('bottom', o.border.bottom) : ''}</w:pBdr>`;
  if (o.tabStops?.length) p += `<w:tabs>${o.tabStops.map((t) => empty('w:tab', { 'w:val': t.type, 'w:pos': t.position })).join('')}</w:tabs>`;
  if (o.spacing) p += empty('w:spacing', { 'w:after': o.spacing.after, 'w:before': o.spacing.before, 'w:line': o.spacing.line, 'w:lineRule': o.spacing.lineRule });
  if (o.indent) {
    const i = o.indent;
    p += empty('w:ind', { 'w:left': i.left, 'w:right': i.right, 'w:firstLine': i.firstLine, 'w:hanging': i.hanging });
  }
  if (o.alignment) p += empty('w:jc', { 'w:val': o.alignment });
  return p + sectPr;
}

export const paragraph = (o: ParagraphOptions, sectPr = ''): string => `<w:p><w:pPr>${paragraphProperties(o, sectPr)}</w:pPr>${o.children?.join('') ?? ''}</w:p>`;

export interface RunProperties {
  font: string;
  /** Half-points; w:sz and w:szCs. */
  size: number;
  /** w:hint="eastAsia": the run's characters are East Asian ones where a character could be either. */
  eastAsiaHint?: boolean;
  color?: string;
  /** Character scale in per cent (w:w). */
  scale?: number;
  /** Off the document grid (w:snapToGrid false). */
  offGrid?: boolean;
  /** Letter spacing in twentieths of a point. */
  characterSpacing?: number;
}

/** w:rPr: the one font in every slot (ascii, cs, eastAsia, hAnsi), so “ ” — … are drawn in it. */
export function runProperties(r: RunProperties): string {
  return (
    '<w:rPr>' +
    empty('w:rFonts', { 'w:ascii': r.font, 'w:cs': r.font, 'w:eastAsia': r.font, 'w:hAnsi': r.font, 'w:hint': r.eastAsiaHint ? 'eastAsia' : undefined }) +
    (r.offGrid ? '<w:snapToGrid w:val="false"/>' : '') +
    (r.color ? empty('w:color', { 'w:val': r.color }) : '') +
    (r.characterSpacing ? empty('w:spacing', { 'w:val': r.characterSpacing }) : '') +
    (r.scale ? empty('w:w', { 'w:val': r.scale }) : '') +
    empty('w:sz', { 'w:val': r.size }) +
    empty('w:szCs', { 'w:val': r.size }) +
    '</w:rPr>'
  );
}

/** A run of text, after a soft line break (w:br) when `breakBefore`. */
export const textRun = (text: string, properties: string, breakBefore = false): string =>
  `<w:r>${properties}${breakBefore ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;

/** A tab character, in a run of its own without properties. */
export const TAB_RUN = '<w:r><w:tab/></w:r>';

/** The current page number as a PAGE field (begin, instruction, separate, end), each part a run of `properties`. */
export const pageNumberRuns = (properties: string): string =>
  ['<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve">PAGE</w:instrText>', '<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="end"/>']
    .map((c) => `<w:r>${properties}${c}</w:r>`)
    .join('');
