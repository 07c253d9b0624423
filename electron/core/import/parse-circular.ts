import type { BatchKind, BodyNode, CaseType, ImportWarning, Layout, SourceKind } from '../../../shared/domain';
import { parseDocNumber, type DocNumber } from '../../../shared/docnumber';
import { fromChineseNumeral } from '../../../shared/numerals';
import { readOrdinal } from '../../../shared/ordinals';
import { endsSentence, normalizeTitle, tidyTitle, titleKey } from './text';

// Reads a circular (or a file of cases) pasted as text or markdown into structure. Pure: no database.
// Built to survive what scans and pasting do: random # marks, missing «案例 N» lines, both bracket widths,
// paragraphs cut by page breaks, repeated or skipped ordinals (kept, with a warning).

export interface ParsedCase {
  declaredNumber: number | null;
  title: string;
  unitName: string;
  type: CaseType;
  fieldName: string | null;
  source: { name: string; kind: SourceKind } | null;
  lead: string[];
  body: BodyNode[];
}

export interface SummaryRow {
  seq: number;
  title: string;
  unit: string;
  field: string | null;
  /** The cells of the columns other than 序号, 名称 and 单位 (所属领域 …), in the order of `tableHead.columns`. */
  cells: string[];
}

/** How the source printed its 汇总表: its caption and the columns after 序号/名称/单位, for the Word attachment. */
export interface TableHead {
  caption: string | null;
  columns: string[];
}

export interface ParsedHeader {
  organ: string;
  layout: Layout;
  docNumber: DocNumber | null;
  title: string;
  addressees: string;
  body: string[];
  attachmentNote: string;
  signature: string;
  date: string | null;
  cc: string;
  printedBy: string;
  printedDate: string | null;
}

export interface ParsedCircular {
  header: ParsedHeader | null;
  batch: { kind: BatchKind; ordinal: number | null; title: string } | null;
  table: SummaryRow[] | null;
  tableHead: TableHead | null;
  cases: ParsedCase[];
  warnings: ImportWarning[];
}

interface Line {
  text: string; // without # marks, trimmed
  index: number;
}

const UNIT_LINE = /^[（(]\s*(.+?)\s*提供\s*[)）]$/u;
const CASE_MARKER = /^案例\s*([0-9]+|[一二三四五六七八九十]+)\s*[:：]?$/u;
const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;
const PRINTED = /^(.*?)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发$/u;
const CC = /^抄\s*送\s*[:：]\s*(.*)$/u;

const isoDate = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

function toLines(text: string): Line[] {
  return text.split('\n').map((raw, index) => ({
    text: raw
      .replace(/^\s*#{1,6}\s*/u, '')
      .replace(/^\*\*(.*)\*\*$/u, '$1')
      .replace(/\s+$/u, '')
      .trim(),
    index,
  }));
}

function declared(marker: string): number | null {
  return /^\d+$/u.test(marker) ? Number(marker) : fromChineseNumeral(marker);
}

export interface ParseOptions {
  /**
   * The text's lines are the document's own paragraphs (a Word file read from its XML): none is joined to the one
   * before, where a text or PDF line that stops mid-sentence is taken for a paragraph cut by a page break.
   */
  exactParagraphs?: boolean;
}

export function parseCircular(text: string, options: ParseOptions = {}): ParsedCircular {
  const warnings: ImportWarning[] = [];
  const all = toLines(text);

  // 版记 lines can stand anywhere near the end; take them out of the flow first.
  let cc = '';
  let printedBy = '';
  let printedDate: string | null = null;
  const lines = all.filter((l) => {
    const c = CC.exec(l.text);
    if (c) return ((cc = c[1]!.replace(/。$/u, '')), false);
    const p = PRINTED.exec(l.text);
    if (p) return ((printedBy = p[1]!.trim()), (printedDate = isoDate(p[2]!, p[3]!, p[4]!)), false);
    return true;
  });
  const nonBlank = lines.filter((l) => l.text !== '');

  // Cases are anchored on their «（XX提供）» lines; the title is the line before, a «案例 N» line before that.
  const starts: { start: number; title: number; unit: number | null; marker: string | null }[] = [];
  nonBlank.forEach((l, i) => {
    if (!UNIT_LINE.test(l.text) || i === 0) return;
    const title = i - 1;
    if (CASE_MARKER.test(nonBlank[title]!.text)) return;
    const markerLine = title > 0 ? CASE_MARKER.exec(nonBlank[title - 1]!.text) : null;
    starts.push({ start: markerLine ? title - 1 : title, title, unit: i, marker: markerLine ? markerLine[1]! : null });
  });
  if (starts.length === 0) {
    // No unit lines at all: «案例 N» markers with the title on the next line.
    nonBlank.forEach((l, i) => {
      const m = CASE_MARKER.exec(l.text);
      if (m && i + 1 < nonBlank.length) starts.push({ start: i, title: i + 1, unit: null, marker: m[1]! });
    });
  }

  const front = nonBlank.slice(0, starts[0]?.start ?? nonBlank.length);
  const { header, batch, table, tableHead } = parseFront(front, warnings);

  const cases: ParsedCase[] = starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.start : nonBlank.length;
    const unitName = s.unit === null ? '' : UNIT_LINE.exec(nonBlank[s.unit]!.text)![1]!.replace(/\s+/gu, '');
    const position = k + 1;
    if (s.unit === null) warnings.push({ caseSeq: position, rule: 'unit-line', message: `案例${position}没有“（××提供）”行，请补填提供单位` });
    const declaredNumber = s.marker ? declared(s.marker) : null;
    if (declaredNumber !== null && declaredNumber !== position) {
      warnings.push({ caseSeq: position, rule: 'ordinal-sequence', message: `第${position}个案例标为“案例${s.marker}”，序号以实际顺序为准` });
    }
    const contentLines = nonBlank.slice((s.unit ?? s.title) + 1, end).map((l) => l.text);
    const { lead, body } = parseCaseBody(contentLines, position, warnings, options);
    // A title that quotes its own words (‘全通版’, 企业“套餐式”…) keeps that wording; one without any quotes gets
    // the usual “…” around the name. The 汇总表 keeps the table's own wording (applyParsed).
    const tidy = tidyTitle(nonBlank[s.title]!.text);
    const title = /[“”‘’]/u.test(tidy) ? tidy : normalizeTitle(tidy);
    const type: CaseType = /复制推广/u.test(title) ? 'replication' : /创新/u.test(title) ? 'innovation' : (batch?.kind ?? 'replication');
    return { declaredNumber, title, unitName, type, fieldName: null, source: proposeSource(lead, body), lead, body };
  });

  if (header) Object.assign(header, { cc, printedBy, printedDate });
  crossCheck(table, cases, warnings);
  return { header, batch, table, tableHead, cases, warnings };
}

function parseFront(front: Line[], warnings: ImportWarning[]) {
  const texts = front.map((l) => l.text);
  let header: ParsedHeader | null = null;
  let batch: ParsedCircular['batch'] = null;

  const docIdx = texts.findIndex((t) => parseDocNumber(t) !== null);
  const attachIdx = texts.findIndex((t) => /^附件\s*\d*$/u.test(t));
  const tableIdx = texts.findIndex((t) => /序号/u.test(t) && /(案例名称|名称)/u.test(t));

  if (docIdx >= 0 || texts.some((t) => /^关于.*(通知|函)$/u.test(t))) {
    const doc = docIdx >= 0 ? parseDocNumber(texts[docIdx]!) : null;
    if (doc && !doc.strict) warnings.push({ caseSeq: null, rule: 'doc-number', message: `发文字号“${texts[docIdx]}”不合规范，已按“${doc.code}〔${doc.year}〕${doc.seq}号”读入` });
    let organ = docIdx > 0 ? texts.slice(0, docIdx).join('') : '';
    const layout: Layout = /文件$/u.test(organ) ? 'file' : 'letter';
    organ = organ.replace(/文件$/u, '');
    let i = docIdx + 1;
    let title = '';
    while (i < texts.length && !title.endsWith('通知') && !title.endsWith('函') && i < docIdx + 4) title += texts[i++];
    const addressees = i < texts.length && /[:：]$/u.test(texts[i]!) ? texts[i++]!.replace(/[:：]$/u, '') : '';
    const body: string[] = [];
    let attachmentNote = '';
    let signature = '';
    let date: string | null = null;
    for (; i < texts.length && i !== attachIdx && i !== tableIdx; i++) {
      const t = texts[i]!;
      const note = /^附件\s*[:：]\s*(.*)$/u.exec(t);
      const d = DATE.exec(t);
      if (note) attachmentNote = note[1]!.replace(/[。.]$/u, '');
      else if (d) {
        date = isoDate(d[1]!, d[2]!, d[3]!);
        if (attachmentNote && body.length && signatureLike(texts[i - 1]!)) signature = texts[i - 1]!;
      } else if (!attachmentNote) appendParagraph(body, t);
      else if (signatureLike(t)) signature = t;
    }
    header = {
      organ,
      layout,
      docNumber: doc ? { code: doc.code, year: doc.year, seq: doc.seq } : null,
      title,
      addressees,
      body,
      attachmentNote,
      signature,
      date,
      cc: '',
      printedBy: '',
      printedDate: null,
    };
  }

  // The attachment's title names the batch: 第三批复制推广…典型案例 (its 汇总表 title says the same + 汇总表).
  const candidates = [
    ...(attachIdx >= 0 ? texts.slice(attachIdx + 1, attachIdx + 3) : []),
    header?.attachmentNote ?? '',
    header?.title.replace(/^关于印发(我省)?/u, '').replace(/的(通知|函)$/u, '') ?? '',
    ...texts.filter((t) => /汇总表$/u.test(t)),
  ].filter(Boolean);
  for (const c of candidates) {
    const m = /^(第([一二三四五六七八九十百千零]+)批.*?)(汇总表)?$/u.exec(c);
    if (m) {
      const title = m[1]!;
      batch = { kind: /创新实践/u.test(title) ? 'innovation' : 'replication', ordinal: fromChineseNumeral(m[2]!), title };
      break;
    }
  }
  if (!batch && header) {
    const title = candidates[0] ?? header.title;
    batch = { kind: /创新实践/u.test(title) ? 'innovation' : 'replication', ordinal: null, title };
  }

  const table = tableIdx >= 0 ? parseTable(texts.slice(tableIdx), warnings) : null;
  const tableHead = tableIdx >= 0 ? { caption: texts.slice(0, tableIdx).reverse().find((t) => /汇总表$/u.test(t)) ?? null, columns: extraColumns(splitCells(texts[tableIdx]!)).map((c) => c.name) } : null;
  return { header, batch, table, tableHead };
}

function signatureLike(t: string): boolean {
  return t.length <= 40 && !/[。，；]/u.test(t) && /(办公室|政府|委员会|厅|局|办|管委会|部|中心)$/u.test(t);
}

function splitCells(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  if (line.includes('|')) return line.replace(/^\||\|$/gu, '').split('|').map((c) => c.trim());
  return line.split(/\s{2,}|\u3000+/u).map((c) => c.trim());
}

/** Columns of the 汇总表 beyond 序号, 名称 and 单位, with their positions. */
function extraColumns(head: string[]): { name: string; index: number }[] {
  return head.map((name, index) => ({ name, index })).filter(({ name }) => name && !/序号|名称|单位/u.test(name));
}

function parseTable(texts: string[], warnings: ImportWarning[]): SummaryRow[] {
  const head = splitCells(texts[0]!);
  const extra = extraColumns(head);
  const col = (re: RegExp) => head.findIndex((h) => re.test(h));
  const seqCol = col(/序号/u);
  const titleCol = col(/名称/u);
  const unitCol = col(/单位/u);
  const fieldCol = col(/领域/u);
  const rows: SummaryRow[] = [];
  for (const line of texts.slice(1)) {
    if (/^[-|:\s]+$/u.test(line)) continue; // a markdown rule
    let cells = splitCells(line);
    if (cells.length < 3) {
      const m = /^(\d+)\s+(.+?)\s+(\S+)$/u.exec(line); // single spaces between the columns
      if (!m) break;
      cells = [m[1]!, m[2]!, m[3]!];
    }
    const seq = Number(cells[seqCol >= 0 ? seqCol : 0]);
    if (!Number.isInteger(seq) || seq < 1) break;
    rows.push({
      seq,
      title: normalizeTitle(cells[titleCol >= 0 ? titleCol : 1] ?? ''),
      unit: (cells[unitCol >= 0 ? unitCol : 2] ?? '').replace(/\s+/gu, ''),
      field: fieldCol >= 0 ? (cells[fieldCol] ?? '').trim() || null : null,
      cells: extra.map(({ index }) => (cells[index] ?? '').trim()),
    });
  }
  rows.forEach((r, i) => {
    if (r.seq !== i + 1) warnings.push({ caseSeq: i + 1, rule: 'summary-table', message: `汇总表第${i + 1}行序号为 ${r.seq}，应为 ${i + 1}` });
  });
  return rows;
}

/** Adds a line as a paragraph, or joins it to the previous one when a page break cut that one mid-sentence. */
function appendParagraph(paragraphs: string[], line: string): void {
  const last = paragraphs[paragraphs.length - 1];
  // A table row (cells separated by tabs) is a line of its own, whatever it ends with.
  if (last !== undefined && !endsSentence(last) && !/^[一二三四五六七八九十]是/u.test(line) && !last.includes('\t') && !line.includes('\t')) {
    paragraphs[paragraphs.length - 1] = last + line;
  } else paragraphs.push(line);
}

const LEVEL_NAMES = ['', '一级标题', '二级标题', '三级标题', '四级标题'];
const LONG_HEADING = 40;

/** «开办时间进一步缩短。改革前……» → heading and run-in text. A heading alone keeps no final 。. */
function splitHeading(rest: string): { heading: string; text: string } {
  const stop = rest.search(/[。！？]/u);
  if (stop >= 0 && stop < rest.length - 1 && (stop <= LONG_HEADING || rest.length > LONG_HEADING)) {
    return { heading: rest.slice(0, stop), text: rest.slice(stop + 1).trim() };
  }
  return { heading: rest.replace(/[。]$/u, ''), text: '' };
}

function parseCaseBody(contentLines: string[], caseSeq: number, warnings: ImportWarning[], options: ParseOptions) {
  const lead: string[] = [];
  const body: BodyNode[] = [];
  // The open path of nodes, each with the level its ordinal was written at and the number it carried.
  const stack: { node: BodyNode; level: number; lastNumber: number }[] = [];
  let lastSectionNumber = 0;
  let lastWasParagraph = false;

  for (const line of contentLines) {
    const ord = readOrdinal(line);
    if (!ord || !ord.rest) {
      const target = stack.length ? stack[stack.length - 1]!.node.paragraphs : lead;
      // Only a paragraph continues a paragraph: a heading line is complete without a final stop.
      if (lastWasParagraph && !options.exactParagraphs) appendParagraph(target, line);
      else target.push(line);
      lastWasParagraph = true;
      continue;
    }
    lastWasParagraph = false;
    const { heading, text } = splitHeading(ord.rest);
    const node: BodyNode = { heading, text, paragraphs: [], items: [] };
    if (ord.level === 1 || stack.length === 0) {
      if (ord.level !== 1) warnings.push({ caseSeq, rule: 'ordinal-sequence', message: `案例${caseSeq}：“${ord.text}${heading}”前没有一级标题，按一级标题读入` });
      const position = body.length + 1;
      if (ord.level === 1 && ord.number === lastSectionNumber) {
        warnings.push({ caseSeq, rule: 'ordinal-sequence', message: `案例${caseSeq}：一级标题序号“${ord.text}”重复（第${position}个一级标题“${heading}”），已按顺序重新编号` });
      } else if (ord.level === 1 && ord.number !== lastSectionNumber + 1) {
        warnings.push({ caseSeq, rule: 'ordinal-sequence', message: `案例${caseSeq}：一级标题序号“${ord.text}”不连续（第${position}个一级标题“${heading}”），已按顺序重新编号` });
      }
      lastSectionNumber = ord.level === 1 ? ord.number : position;
      body.push(node);
      stack.length = 0;
      stack.push({ node, level: 1, lastNumber: 0 });
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.level >= ord.level) stack.pop();
    const parent = stack[stack.length - 1]!;
    if (ord.number !== parent.lastNumber + 1) {
      const kind = ord.number === parent.lastNumber ? '重复' : '不连续';
      warnings.push({ caseSeq, rule: 'ordinal-sequence', message: `案例${caseSeq}：${LEVEL_NAMES[ord.level]}序号“${ord.text}”${kind}（“${heading}”），已按顺序重新编号` });
    }
    parent.lastNumber = ord.number;
    parent.node.items.push(node);
    stack.push({ node, level: ord.level, lastNumber: 0 });
  }
  return { lead, body };
}

/** Proposes the source experience from the opening sentences: «自贸试验区第六批改革试点经验», «国家第一批最佳实践案例». */
export function proposeSource(lead: string[], body: BodyNode[]): ParsedCase['source'] {
  const opening = [...lead, ...(body[0]?.paragraphs.slice(0, 1) ?? []), ...(body[1]?.paragraphs.slice(0, 1) ?? [])].join('');
  const m = /第([一二三四五六七八九十百千零]+)批[^，。；“”]{0,12}?(改革试点经验|最佳实践案例)/u.exec(opening);
  if (!m) return null;
  return m[2] === '最佳实践案例'
    ? { name: `国家第${m[1]}批最佳实践案例`, kind: 'best_practice' }
    : { name: `自贸试验区第${m[1]}批改革试点经验`, kind: 'pilot' };
}

function crossCheck(table: SummaryRow[] | null, cases: ParsedCase[], warnings: ImportWarning[]): void {
  if (!table) return;
  if (table.length !== cases.length) {
    warnings.push({ caseSeq: null, rule: 'summary-table', message: `汇总表列出 ${table.length} 个案例，正文中找到 ${cases.length} 个` });
  }
  const n = Math.max(table.length, cases.length);
  for (let i = 0; i < n; i++) {
    const row = table[i];
    const c = cases[i];
    if (!row || !c) continue;
    if (titleKey(row.title) !== titleKey(c.title)) {
      warnings.push({ caseSeq: i + 1, rule: 'summary-table', message: `汇总表第${i + 1}行名称“${row.title}”与正文标题“${c.title}”不一致，已采用正文标题` });
    }
    if (row.unit && c.unitName && row.unit !== c.unitName) {
      warnings.push({ caseSeq: i + 1, rule: 'unit-line', message: `汇总表第${i + 1}行提供单位“${row.unit}”与正文“（${c.unitName}提供）”不一致，已采用正文` });
    }
    if (!c.unitName && row.unit) c.unitName = row.unit;
    c.fieldName = row.field;
  }
}
