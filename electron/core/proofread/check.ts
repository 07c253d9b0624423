import { createHash } from 'node:crypto';
import { ordinalFor, readOrdinal } from '../../../shared/ordinals';
import type { BodyNode, CaseContent, CaseType, Circular, Finding, Settings, TextPlace } from '../../../shared/domain';
import { parseCircular, type ParsedCircular } from '../import/parse-circular';
import { checkText, RULES, type RuleId, type TextHit } from './text-rules';

// The proofreader over structured cases, a batch's circular, and the raw text of a file.

/** Headings a required section may go by in the office's practice (the seed uses all of these). */
const SECTION_ALIASES: Record<string, string[]> = {
  复制推广事项介绍: ['复制推广事项', '推广事项介绍', '复制推广介绍', '事项介绍', '复制推广事项介绍'],
  基本情况: ['基本情况', '改革背景', '背景情况'],
  主要做法: ['主要做法', '创新举措', '具体做法', '主要举措'],
  实践效果: ['实践效果', '实施效果', '实施成效', '实践成效', '取得成效', '工作成效'],
  下一步工作思路: ['下一步工作思路', '下步工作思路', '下一步打算', '下一步工作', '推广价值'],
};

const matchesSection = (heading: string, required: string) =>
  (SECTION_ALIASES[required] ?? [required]).some((alias) => heading.replace(/\s/gu, '').includes(alias));

/**
 * A waiver names a finding by this key. `part` tells apart findings that share a place and have no offset
 * (each missing section of one case); without it they shared one key, and waiving one waived all.
 * Keys without `part` are unchanged, so stored waivers still match (migration 5 moved the shared ones).
 */
export function findingKey(rule: string, place: Pick<TextPlace, 'caseId' | 'caseSeq' | 'slot' | 'path' | 'index'>, offset: number | null, excerpt: string, part?: string): string {
  const fields: (string | number)[] = [rule, place.caseId ?? '', place.caseSeq ?? '', place.slot, place.path.join('.'), place.index ?? '', offset ?? '', excerpt];
  if (part !== undefined) fields.push(part);
  return createHash('sha1').update(fields.join('|')).digest('hex').slice(0, 16);
}

/** Any findings that still collide get «~2», «~3»… in reading order, so a list never holds one key twice. */
export function uniqueKeys(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = (seen.get(f.key) ?? 0) + 1;
    seen.set(f.key, n);
    return n === 1 ? f : { ...f, key: `${f.key}~${n}` };
  });
}

function excerptOf(text: string, offset: number, length: number): string {
  const start = Math.max(0, offset - 8);
  const end = Math.min(text.length, offset + Math.max(length, 1) + 8);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

export function finding(
  rule: RuleId,
  severity: Finding['severity'],
  place: TextPlace,
  message: string,
  extra: { text?: string; offset?: number; length?: number; suggestion?: string | null; replacement?: string | null; keyPart?: string } = {},
): Finding {
  const { text = '', offset = null, length = 0, suggestion = null, replacement = null } = extra;
  const excerpt = offset === null ? text.slice(0, 30) : excerptOf(text, offset, length);
  return {
    key: findingKey(rule, place, offset, excerpt, extra.keyPart),
    rule,
    ruleLabel: RULES[rule],
    severity,
    place,
    offset,
    excerpt,
    message,
    suggestion,
    fix: replacement !== null && offset !== null ? { place, offset, expected: text.slice(offset, offset + length), replacement } : null,
    waived: false,
  };
}

const fromHit = (hit: TextHit, place: TextPlace, text: string) =>
  finding(hit.rule, hit.severity, place, hit.message, { text, offset: hit.offset, length: hit.length, suggestion: hit.suggestion, replacement: hit.replacement });

interface CaseRef {
  caseId: number | null;
  caseSeq: number | null;
}

const casePrefix = (ref: CaseRef) => (ref.caseSeq !== null ? `案例${ref.caseSeq}` : ref.caseId !== null ? `案例#${ref.caseId}` : '案例');

function nodeLabel(path: number[]): string {
  return path.map((i, depth) => ordinalFor(Math.min(depth + 1, 4), i)).join('');
}

function place(ref: CaseRef, slot: TextPlace['slot'], path: number[], index: number | null): TextPlace {
  const where =
    slot === 'title' ? '标题' : slot === 'lead' ? `导语第${(index ?? 0) + 1}段` : slot === 'heading' ? `${nodeLabel(path)}标题` : slot === 'text' ? `${nodeLabel(path)}标题后文字` : `${nodeLabel(path)}第${(index ?? 0) + 1}段`;
  return { caseId: ref.caseId, caseSeq: ref.caseSeq, slot, path, index, label: `${casePrefix(ref)} ${where}` };
}

/** Every rule over one structured case. */
export function checkCase(content: Pick<CaseContent, 'title' | 'type' | 'lead' | 'body'> & { unitName?: string }, ref: CaseRef, settings: Pick<Settings, 'sectionTemplates'>, options: { text?: boolean } = {}): Finding[] {
  const out: Finding[] = [];
  const text = (t: string, p: TextPlace) => {
    if (options.text !== false) for (const hit of checkText(t)) out.push(fromHit(hit, p, t));
  };
  text(content.title, place(ref, 'title', [], null));
  content.lead.forEach((t, i) => {
    const p = place(ref, 'lead', [], i);
    text(t, p);
    const unitLine = /^[（(]\s*(.+?)\s*提供\s*[)）]$/u.exec(t.trim());
    if (unitLine) {
      const agrees = !content.unitName || unitLine[1] === content.unitName;
      out.push(finding('unit-line', agrees ? 'warning' : 'error', p, agrees ? '“（××提供）”由程序按提供单位生成，正文中不必再写' : `正文写“${unitLine[0]}”，与提供单位“${content.unitName}”不一致`, { text: t, offset: 0, length: t.length }));
    }
  });
  const walk = (nodes: BodyNode[], parent: number[]) =>
    nodes.forEach((node, i) => {
      const path = [...parent, i];
      const hp = place(ref, 'heading', path, null);
      const typed = readOrdinal(node.heading);
      if (typed && typed.rest) {
        out.push(finding('typed-ordinal', 'warning', hp, `标题前手工输入了序号“${typed.text}”，序号由层级自动生成`, { text: node.heading, offset: 0, length: node.heading.length - typed.rest.length, suggestion: '删除手工序号', replacement: '' }));
      }
      if (!node.heading.trim()) out.push(finding('empty-item', 'error', hp, '条目没有标题'));
      else if (isEmptyNode(node) && !isContentItem(node, nodes, path.length)) {
        out.push(finding('empty-item', 'warning', hp, `“${node.heading}”下面没有内容`, { text: node.heading }));
      }
      text(node.heading, hp);
      if (node.text) text(node.text, place(ref, 'text', path, null));
      node.paragraphs.forEach((t, pi) => {
        const pp = place(ref, 'paragraph', path, pi);
        if (!t.trim()) out.push(finding('empty-item', 'warning', pp, '空段落'));
        const o = readOrdinal(t);
        if (o && o.rest && o.level <= 2) out.push(finding('typed-ordinal', 'warning', pp, `段落以序号“${o.text}”开头，应作为下一级条目录入`, { text: t, offset: 0, length: o.text.length }));
        text(t, pp);
      });
      walk(node.items, path);
    });
  walk(content.body, []);
  const required = settings.sectionTemplates[content.type as CaseType] ?? [];
  for (const r of required) {
    if (!content.body.some((s) => matchesSection(s.heading, r))) {
      out.push(finding('required-section', 'warning', place(ref, 'title', [], null), `缺少“${r}”部分`, { text: content.title, keyPart: r }));
    }
  }
  return uniqueKeys(out);
}

const isEmptyNode = (node: BodyNode) => !node.text.trim() && node.paragraphs.every((p) => !p.trim()) && node.items.length === 0;

/**
 * An item below a section that is itself the content (issue 17.8): a whole sentence («推行“一窗受理、集成服务”。»,
 * long or with inner punctuation) or one of a list of such items. A section, or a lone short item, with nothing
 * under it is a heading whose text is missing.
 */
function isContentItem(node: BodyNode, siblings: BodyNode[], depth: number): boolean {
  if (depth < 2) return false;
  const sentence = /[，；：,;]/u.test(node.heading) || [...node.heading].length >= 15;
  return sentence || (siblings.length >= 2 && siblings.every(isEmptyNode));
}

/** The circular's own fields: its text and the elements the standard requires. */
export function checkCircular(c: Circular): Finding[] {
  const out: Finding[] = [];
  const p = (label: string, index: number | null = null): TextPlace => ({ caseId: null, caseSeq: null, slot: 'circular', path: [], index, label });
  const fields: [string, string][] = [['标题', c.title], ['主送机关', c.addressees], ['附件说明', c.attachmentNote], ['署名', c.signature], ['抄送', c.cc]];
  for (const [label, value] of fields) for (const hit of checkText(value)) out.push(fromHit(hit, p(label), value));
  c.body.forEach((t, i) => {
    for (const hit of checkText(t)) out.push(fromHit(hit, p(`正文第${i + 1}段`, i), t));
  });
  if (c.docYear == null || c.docSeq == null) out.push(finding('doc-number', 'error', p('发文字号'), '还没有发文字号'));
  if (!c.date) out.push(finding('date-format', 'error', p('成文日期'), '还没有成文日期'));
  if (/[。.，,；;]$/u.test(c.attachmentNote)) out.push(finding('halfwidth-punct', 'error', p('附件说明'), '附件名称后不加标点', { text: c.attachmentNote, offset: c.attachmentNote.length - 1, length: 1, replacement: '' }));
  return uniqueKeys(out);
}

/** The raw text of a file, line by line, and the structure the importer reads from it (without importing). */
export function checkRawText(text: string, settings: Pick<Settings, 'sectionTemplates'>, parsed: ParsedCircular = parseCircular(text)): Finding[] {
  const out: Finding[] = [];
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\s*#{1,6}\s*/u, '');
    const p: TextPlace = { caseId: null, caseSeq: null, slot: 'line', path: [], index: i + 1, label: `第${i + 1}行` };
    const half = /^\(\s*([一二三四五六七八九十]+)\s*\)/u.exec(line);
    if (half) out.push(finding('ordinal-style', 'error', p, `二级序号应使用全角括号“（${half[1]}）”`, { text: line, offset: 0, length: half[0].length, suggestion: `改为“（${half[1]}）”`, replacement: `（${half[1]}）` }));
    for (const hit of checkText(line)) out.push(fromHit(hit, p, line));
  });
  for (const w of parsed.warnings) {
    const rule = (w.rule && w.rule in RULES ? w.rule : 'summary-table') as RuleId;
    const label = w.caseSeq ? `案例${w.caseSeq}` : '通知';
    out.push(finding(rule, rule === 'ordinal-sequence' || rule === 'doc-number' ? 'error' : 'warning', { caseId: null, caseSeq: w.caseSeq, slot: 'line', path: [], index: null, label }, w.message.replace(/^案例\d+：/u, '')));
  }
  parsed.cases.forEach((c, i) => {
    out.push(...checkCase({ ...c, unitName: c.unitName }, { caseId: null, caseSeq: i + 1 }, settings, { text: false }));
  });
  return uniqueKeys(out);
}

export const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
