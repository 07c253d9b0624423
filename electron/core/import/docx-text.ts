import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { toChineseNumeral } from '../../../shared/numerals';
import { readOrdinal } from '../../../shared/ordinals';
import { UserError } from '../util';
import type { FileText } from './file-text';
import { isZip, readZipParts } from './zip';

// Word files as the units write them, read paragraph by paragraph from the document's XML (issue 17): a heading
// never fuses with the paragraph after it, a soft line break joins without a space, automatic numbering gets the
// label Word shows (computed from numbering.xml), heading styles give structure, tracked changes are read as
// accepted, tables are kept one line a row. The result is the same text a clerk would have typed, so the one text
// parser gives a Word file the structure of its typed twin.

export { isZip };

const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/comments.xml'];

/** Direct element children with the given local name (any prefix: Word, WPS and LibreOffice all write w:). */
function kids(el: Element | null | undefined, name?: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!name || (n as Element).localName === name)) out.push(n as Element);
  }
  return out;
}
const kid = (el: Element | null | undefined, name: string) => kids(el, name)[0];
const val = (el: Element | null | undefined, name = 'val') => el?.getAttribute(`w:${name}`) ?? null;
const num = (el: Element | null | undefined) => {
  const v = val(el);
  return v === null || !/^-?\d+$/u.test(v) ? null : Number(v);
};

function parseXml(bytes: Uint8Array | undefined, fileName: string): Element | null {
  if (!bytes) return null;
  try {
    return new DOMParser().parseFromString(new TextDecoder('utf-8').decode(bytes), 'text/xml').documentElement;
  } catch {
    throw new UserError(`${fileName}内容已损坏（XML 无法读取）：请在 Word 或 WPS 中重新保存后再导入`, 'bad_input');
  }
}

// ---------- styles ----------

interface StyleInfo {
  outline: number | null; // 0-based outline level of a heading style
  numId: number | null;
  ilvl: number;
}

function readStyles(root: Element | null): { styles: Map<string, StyleInfo>; defaultId: string | null } {
  const raw = new Map<string, { name: string; basedOn: string | null; outline: number | null; numId: number | null; ilvl: number | null }>();
  let defaultId: string | null = null;
  for (const s of kids(root, 'style')) {
    if (val(s, 'type') !== 'paragraph') continue;
    const id = val(s, 'styleId') ?? '';
    if (val(s, 'default') === '1' || val(s, 'default') === 'true') defaultId = id;
    const pPr = kid(s, 'pPr');
    const numPr = kid(pPr, 'numPr');
    raw.set(id, {
      name: val(kid(s, 'name')) ?? '',
      basedOn: val(kid(s, 'basedOn')),
      outline: num(kid(pPr, 'outlineLvl')),
      numId: numPr ? num(kid(numPr, 'numId')) : null,
      ilvl: numPr ? num(kid(numPr, 'ilvl')) : null,
    });
  }
  const resolved = new Map<string, StyleInfo>();
  const resolve = (id: string, depth = 0): StyleInfo => {
    const done = resolved.get(id);
    if (done) return done;
    const s = raw.get(id);
    if (!s || depth > 20) return { outline: null, numId: null, ilvl: 0 };
    const base = s.basedOn ? resolve(s.basedOn, depth + 1) : { outline: null, numId: null, ilvl: 0 };
    // «heading 1» (Word, the docx package), «标题 1» (WPS): the built-in heading styles, whatever their outline level says.
    const byName = /^(?:heading|标题)\s*([1-9])$/iu.exec(s.name.trim());
    const info: StyleInfo = {
      outline: s.outline ?? (byName ? Number(byName[1]) - 1 : base.outline),
      numId: s.numId ?? base.numId,
      ilvl: s.ilvl ?? (s.numId !== null ? 0 : base.ilvl),
    };
    resolved.set(id, info);
    return info;
  };
  for (const id of raw.keys()) resolve(id);
  return { styles: resolved, defaultId };
}

// ---------- numbering ----------

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  restart: number | null; // w:lvlRestart: restart after a level at most this (1-based) is used; 0 never
  isLgl: boolean;
}

interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<number, { abstractId: string; overrides: Map<number, { start: number | null; level: Level | null }> }>;
}

function readLevel(l: Element): Level {
  return {
    start: num(kid(l, 'start')) ?? 1,
    numFmt: val(kid(l, 'numFmt')) ?? 'decimal',
    lvlText: val(kid(l, 'lvlText')) ?? '',
    restart: num(kid(l, 'lvlRestart')),
    isLgl: kid(l, 'isLgl') !== undefined,
  };
}

function readNumbering(root: Element | null): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of kids(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of kids(a, 'lvl')) levels.set(Number(val(l, 'ilvl') ?? 0), readLevel(l));
    abstracts.set(val(a, 'abstractNumId') ?? '', levels);
  }
  const nums: Numbering['nums'] = new Map();
  for (const n of kids(root, 'num')) {
    const overrides = new Map<number, { start: number | null; level: Level | null }>();
    for (const o of kids(n, 'lvlOverride')) {
      const lvl = kid(o, 'lvl');
      overrides.set(Number(val(o, 'ilvl') ?? 0), { start: num(kid(o, 'startOverride')), level: lvl ? readLevel(lvl) : null });
    }
    nums.set(Number(val(n, 'numId') ?? -1), { abstractId: val(kid(n, 'abstractNumId')) ?? '', overrides });
  }
  return { abstracts, nums };
}

/** The largest counter spelled in letters or Roman numerals: ZZZZZ… of 40 letters, MMMCMXCIX. */
const MAX_SPELLED_COUNTER = 1000;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const STEMS = '甲乙丙丁戊己庚辛壬癸';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past Z: AA, BBB …
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/**
 * One counter in a level's format, as Word shows it. Full-width digits are given as ASCII: the label feeds the
 * ordinal reader, which knows «1.» and not «１．» (the typed twin of such a case has the ASCII ordinal too).
 */
export function formatCounter(n: number, fmt: string): string {
  if (n < 1) return String(n);
  // Roman numerals and repeated letters grow with the number (2^31 in upper letters is 82 million characters, a
  // start value a hostile numbering.xml may set): past the sizes a real list reaches they are given as digits.
  if (n > MAX_SPELLED_COUNTER && /Roman$|Letter$/u.test(fmt)) return String(n);
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographLegalTraditional':
      return n <= 9999 ? toChineseNumeral(n) : String(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/gu, (d) => '〇一二三四五六七八九'[Number(d)]!);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10]!;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n <= 20 ? CIRCLED[n - 1]! : String(n);
    case 'decimalEnclosedParen':
      return n <= 20 ? PAREN[n - 1]! : `(${n})`;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default: // decimal, decimalFullWidth, decimalHalfWidth, ordinal …
      return String(n);
  }
}

/** The list counters of a document as Word keeps them while laying out paragraphs in order. */
class ListCounters {
  // Word continues a list across w:num instances of one abstract numbering; a startOverride restarts it.
  private counters = new Map<string, (number | undefined)[]>();
  private started = new Set<number>();
  constructor(private readonly numbering: Numbering) {}

  private level(numId: number, ilvl: number): Level | null {
    const n = this.numbering.nums.get(numId);
    if (!n) return null;
    return n.overrides.get(ilvl)?.level ?? this.numbering.abstracts.get(n.abstractId)?.get(ilvl) ?? null;
  }

  /** The label of the next paragraph numbered (numId, ilvl), or '' for none and bullets. */
  next(numId: number, ilvl: number): string {
    const n = this.numbering.nums.get(numId);
    const def = this.level(numId, ilvl);
    if (!n || !def || numId === 0) return '';
    let c = this.counters.get(n.abstractId);
    if (!c) this.counters.set(n.abstractId, (c = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [lvl, o] of n.overrides) {
        if (o.start !== null) c[lvl] = o.start - 1;
        else if (o.level) c[lvl] = o.level.start - 1;
      }
    }
    c[ilvl] = (c[ilvl] ?? def.start - 1) + 1;
    for (let d = ilvl + 1; d < 9; d++) {
      const deeper = this.level(numId, d);
      const restart = deeper?.restart ?? null;
      if (restart === 0) continue;
      if (restart === null || ilvl < restart) c[d] = undefined;
    }
    if (def.numFmt === 'bullet' || def.numFmt === 'none') return '';
    return def.lvlText.replace(/%([1-9])/gu, (_, k: string) => {
      const at = Number(k) - 1;
      const lvl = this.level(numId, at);
      const value = c[at] ?? lvl?.start ?? 1;
      return formatCounter(value, def.isLgl ? 'decimal' : (lvl?.numFmt ?? 'decimal'));
    });
  }
}

// ---------- the document ----------

interface Paragraph {
  text: string;
  /** 0-based outline level when the paragraph is in a heading style. */
  outline: number | null;
  table?: boolean;
}

interface Marks {
  revisions: boolean;
  comments: boolean;
}

/**
 * How deeply runs and containers may nest. Word writes a handful of levels (hyperlink › smartTag › run); thousands
 * are a hostile file, and reading them recursively would overflow the stack instead of refusing with a message.
 */
const MAX_XML_DEPTH = 200;
/** Thrown deep inside the walk; docxToText turns it into the clerk's message naming the file. */
class TooDeep extends Error {}
const tooDeep = () => new TooDeep();

const SKIPPED = new Set(['del', 'moveFrom', 'instrText', 'delInstrText', 'rPr', 'pPr', 'fldData', 'footnoteReference', 'endnoteReference', 'commentReference']);
const REVISION = new Set(['ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange']);

/** The visible text of a paragraph with every tracked change accepted: insertions in, deletions out. */
function runText(el: Element, marks: Marks, depth = 0): string {
  if (depth > MAX_XML_DEPTH) throw tooDeep();
  let out = '';
  for (const c of kids(el)) {
    const name = c.localName ?? '';
    if (REVISION.has(name)) marks.revisions = true;
    if (name === 'commentRangeStart' || name === 'commentReference') marks.comments = true;
    if (name === 't') out += c.textContent ?? '';
    else if (name === 'tab') out += '\t';
    else if (name === 'br' || name === 'cr') out += ''; // a soft line break: Chinese text joins without a space
    else if (name === 'noBreakHyphen') out += '-';
    else if (name === 'sym') out += '';
    else if (SKIPPED.has(name)) {
      // rPrChange/pPrChange sit inside rPr/pPr: look there for revision marks only
      if ((name === 'rPr' || name === 'pPr') && kids(c).some((k) => REVISION.has(k.localName ?? ''))) marks.revisions = true;
    } else out += runText(c, marks, depth + 1);
  }
  return out;
}

function readBody(body: Element | null, styles: ReturnType<typeof readStyles>, counters: ListCounters, marks: Marks): Paragraph[] {
  const out: Paragraph[] = [];
  const paragraph = (p: Element): Paragraph => {
    const pPr = kid(p, 'pPr');
    const style = styles.styles.get(val(kid(pPr, 'pStyle')) ?? styles.defaultId ?? '') ?? null;
    const numPr = kid(pPr, 'numPr');
    const numId = numPr ? num(kid(numPr, 'numId')) : (style?.numId ?? null);
    const ilvl = numPr ? (num(kid(numPr, 'ilvl')) ?? style?.ilvl ?? 0) : (style?.ilvl ?? 0);
    const text = runText(p, marks).replace(/\t+/gu, ' ').trim();
    // An empty numbered paragraph shows no label in Word's flow of text that matters here, but it still counts.
    const label = numId ? counters.next(numId, ilvl) : '';
    const outline = num(kid(pPr, 'outlineLvl')) ?? style?.outline ?? null;
    return { text: text ? label + text : '', outline: outline !== null && outline < 9 ? outline : null };
  };
  const walk = (container: Element, depth = 0) => {
    if (depth > MAX_XML_DEPTH) throw tooDeep();
    for (const el of kids(container)) {
      if (el.localName === 'p') out.push(paragraph(el));
      else if (el.localName === 'tbl') {
        // One line a row, the cells separated by tabs: the text parser reads a 汇总表 written that way.
        for (const tr of kids(el, 'tr')) {
          const cells = kids(tr, 'tc').map((tc) =>
            kids(tc)
              .filter((k) => k.localName === 'p')
              .map((p) => paragraph(p).text)
              .filter(Boolean)
              .join(''),
          );
          if (cells.some(Boolean)) out.push({ text: cells.join('\t'), outline: null, table: true });
        }
      } else if (el.localName === 'sdt') walk(kid(el, 'sdtContent') ?? el, depth + 1);
      else if (el.localName === 'ins' || el.localName === 'moveTo' || el.localName === 'customXml') {
        marks.revisions ||= el.localName !== 'customXml';
        walk(el, depth + 1);
      } else if (el.localName === 'del' || el.localName === 'moveFrom') marks.revisions = true;
    }
  };
  if (body) walk(body);
  return out;
}

const UNIT_LINE = /^[（(]\s*.+?\s*提供\s*[)）]$/u;
const CASE_MARKER = /^案例\s*([0-9]+|[一二三四五六七八九十]+)\s*[:：]?$/u;
const SYNTHETIC = [(n: number) => `${toChineseNumeral(n)}、`, (n: number) => `（${toChineseNumeral(n)}）`, (n: number) => `${n}.`, (n: number) => `（${n}）`];

/**
 * Headings given by a heading style and no ordinal get the ordinal of their place (issue 17.3), computed from the
 * structure like every ordinal: the heading outline levels used inside the cases, shallowest first, are the levels
 * 一、（一）1.（1）; counting restarts with each case (its «（××提供）» line) and follows ordinals already written.
 */
function numberHeadings(paragraphs: Paragraph[]): string[] {
  const lines = paragraphs.filter((p) => p.text).map((p) => ({ ...p }));
  const isTitle = (i: number) => UNIT_LINE.test(lines[i + 1]?.text ?? '') || CASE_MARKER.test(lines[i]!.text) || UNIT_LINE.test(lines[i]!.text);
  const inCase: boolean[] = [];
  let seenUnit = false;
  lines.forEach((l, i) => {
    if (UNIT_LINE.test(l.text)) seenUnit = true;
    inCase[i] = seenUnit && !isTitle(i);
  });
  const outlines = [...new Set(lines.filter((l, i) => inCase[i] && l.outline !== null && !l.table).map((l) => l.outline!))].sort((a, b) => a - b).slice(0, 4);
  if (outlines.length === 0) return lines.map((l) => l.text);
  let counts = [0, 0, 0, 0];
  return lines.map((l, i) => {
    if (UNIT_LINE.test(l.text)) counts = [0, 0, 0, 0];
    const typed = readOrdinal(l.text);
    const rank = l.outline !== null && inCase[i] && !l.table ? outlines.indexOf(l.outline) : -1;
    if (rank < 0) {
      if (typed && typed.rest) counts = counts.map((c, k) => (k + 1 === typed.level ? typed.number : k + 1 > typed.level ? 0 : c));
      return l.text;
    }
    if (typed && typed.rest) {
      counts = counts.map((c, k) => (k + 1 === typed.level ? typed.number : k + 1 > typed.level ? 0 : c));
      return l.text;
    }
    counts = counts.map((c, k) => (k === rank ? c + 1 : k > rank ? 0 : c));
    return SYNTHETIC[rank]!(counts[rank]!) + l.text;
  });
}

export interface DocxRead extends FileText {}

/** The text of a .docx, one paragraph a line, with notes on what the clerk should know (revisions, tables). */
export function docxToText(bytes: Uint8Array, fileName: string): DocxRead {
  const parts = readZipParts(bytes, fileName, (name) => PARTS.includes(name));
  const document = parseXml(parts.get('word/document.xml'), fileName);
  if (!document) throw new UserError(`${fileName}不是 Word 文档（缺少正文部件）：请确认文件是 .docx 后再导入`, 'bad_input');
  const styles = readStyles(parseXml(parts.get('word/styles.xml'), fileName));
  const counters = new ListCounters(readNumbering(parseXml(parts.get('word/numbering.xml'), fileName)));
  const marks: Marks = { revisions: false, comments: parts.has('word/comments.xml') };
  let paragraphs: Paragraph[];
  try {
    paragraphs = readBody(kid(document, 'body') ?? null, styles, counters, marks);
  } catch (err) {
    if (!(err instanceof TooDeep)) throw err;
    throw new UserError(`${fileName}的内部结构嵌套过深（超过 ${MAX_XML_DEPTH} 层），不像 Word 正常保存的文件，已拒绝：请在 Word 或 WPS 中重新保存后再导入`, 'bad_input');
  }
  const text = numberHeadings(paragraphs).join('\n\n');
  if (!text.trim()) throw new UserError(`${fileName}中没有文字`, 'bad_input');
  const notes: FileText['notes'] = [];
  if (marks.revisions || marks.comments) {
    const what = [marks.revisions ? '未接受的修订' : '', marks.comments ? '批注' : ''].filter(Boolean).join('和');
    notes.push({ caseSeq: null, rule: null, message: `${fileName}含有${what}：已按接受全部修订读入（删除的文字不计，插入的文字计入），批注未导入，请核对` });
  }
  const tableRows = paragraphs.filter((p) => p.table);
  const summary = tableRows.length > 0 && /序号/u.test(tableRows[0]!.text) && /名称/u.test(tableRows[0]!.text);
  const others = summary ? tableRows.filter((p) => !/^\d+\t/u.test(p.text) && !/序号/u.test(p.text)) : tableRows;
  if (others.length > 0) {
    notes.push({ caseSeq: null, rule: null, message: `${fileName}含有表格：已按行读入（每行一段，单元格之间以制表符分隔），请核对表格内容` });
  }
  return { text, notes, exactParagraphs: true };
}
