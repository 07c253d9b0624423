import { parseDocNumber, formatDocNumber } from '../../../shared/docnumber';
import type { Severity } from '../../../shared/domain';

// The office's writing rules that read one piece of text (../shared/docs/domain.md, «规范检查»). Each hit says
// where it is, what is wrong and, where the fix is certain, the replacement.

export interface TextHit {
  rule: RuleId;
  severity: Severity;
  offset: number;
  length: number;
  message: string;
  suggestion: string | null;
  /** Only when replacing [offset, offset+length) with this is always right. */
  replacement: string | null;
}

export const RULES = {
  'halfwidth-punct': '中文标点应为全角',
  'paired-marks': '引号、括号应成对',
  'doc-number': '文号格式',
  'date-format': '日期写法',
  'stray-space': '多余空格',
  'ordinal-sequence': '序号连续',
  'ordinal-style': '序号括号全角',
  'typed-ordinal': '序号由结构生成',
  'required-section': '必备部分',
  'empty-item': '空的条目',
  'unit-line': '提供单位一致',
  'summary-table': '汇总表与正文一致',
} as const;
export type RuleId = keyof typeof RULES;

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’《》';
const cjk = (ch: string | undefined) => !!ch && new RegExp(`[${CJK}]`, 'u').test(ch);
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Half-width , ; : ? ! ( ) next to Chinese text (but not in numbers like 1,000 or times like 9:30). */
function halfwidthPunct(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!(ch in FULL)) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    if ((ch === ',' || ch === ':') && /\d/u.test(before ?? '') && /\d/u.test(after ?? '')) continue;
    let nearCjk = cjk(before) || cjk(after) || (after === ' ' && cjk(text[i + 2])) || (before === ' ' && cjk(text[i - 2]));
    if (!nearCjk && (ch === '(' || ch === ')')) {
      // a bracket pair around Chinese text: «(以下简称襄阳片区)»
      const inner = ch === '(' ? text.slice(i + 1, text.indexOf(')', i)) : text.slice(text.lastIndexOf('(', i) + 1, i);
      nearCjk = new RegExp(`[${CJK}]`, 'u').test(inner);
    }
    if (!nearCjk) continue;
    hits.push({
      rule: 'halfwidth-punct',
      severity: 'error',
      offset: i,
      length: 1,
      message: `中文中使用了半角“${ch}”`,
      suggestion: `改为全角“${FULL[ch]}”`,
      replacement: FULL[ch]!,
    });
  }
  return hits;
}

const PAIRS: [string, string][] = [['“', '”'], ['‘', '’'], ['（', '）'], ['《', '》'], ['〔', '〕']];

function pairedMarks(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (const [open, close] of PAIRS) {
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === open) stack.push(i);
      else if (text[i] === close) {
        if (stack.length) stack.pop();
        else hits.push({ rule: 'paired-marks', severity: 'warning', offset: i, length: 1, message: `“${close}”前面缺少“${open}”`, suggestion: null, replacement: null });
      }
    }
    for (const i of stack) hits.push({ rule: 'paired-marks', severity: 'warning', offset: i, length: 1, message: `“${open}”没有配对的“${close}”`, suggestion: null, replacement: null });
  }
  const straight = [...text.matchAll(/"/gu)];
  if (straight.length && new RegExp(`[${CJK}]`, 'u').test(text)) {
    for (const m of straight) hits.push({ rule: 'paired-marks', severity: 'warning', offset: m.index!, length: 1, message: '中文中使用了直引号"', suggestion: '改用弯引号“”', replacement: null });
  }
  return hits;
}

const DOC_NUMBER_CANDIDATE = /[\p{Script=Han}]{2,}\s*[〔\[【(（［]\s*\d{4}\s*[〕\]】)）］]\s*第?\s*\d+\s*号/gu;

function docNumbers(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (const m of text.matchAll(DOC_NUMBER_CANDIDATE)) {
    const parsed = parseDocNumber(m[0]);
    if (!parsed || parsed.strict) continue;
    const fixed = formatDocNumber(parsed);
    hits.push({
      rule: 'doc-number',
      severity: 'error',
      offset: m.index!,
      length: m[0].length,
      message: `文号“${m[0]}”不规范：年份用六角括号〔〕，序号不编虚位、不加“第”，不留空格`,
      suggestion: `改为“${fixed}”`,
      replacement: fixed,
    });
  }
  return hits;
}

function dates(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (const m of text.matchAll(/(?<!\d)(\d{2,4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/gu)) {
    const [all, y, mo, d] = m;
    if (y!.length === 3) continue;
    if (y!.length === 2) {
      hits.push({ rule: 'date-format', severity: 'error', offset: m.index!, length: all.length, message: `年份“${y}年”应写全四位`, suggestion: null, replacement: null });
      continue;
    }
    const fixed = `${y}年${Number(mo)}月${d ? `${Number(d)}日` : ''}`;
    if (fixed !== all && (/^0/u.test(mo!) || /^0/u.test(d ?? '') || /\s/u.test(all))) {
      hits.push({ rule: 'date-format', severity: 'error', offset: m.index!, length: all.length, message: `日期“${all}”不规范：月、日不编虚位，数字间不留空格`, suggestion: `改为“${fixed}”`, replacement: fixed });
    }
  }
  return hits;
}

/** A space between Chinese text and a number or Latin word, left over from scans and pasting. */
function straySpaces(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (const m of text.matchAll(/ +/gu)) {
    const before = text[m.index! - 1];
    const after = text[m.index! + m[0].length];
    if (!before || !after) continue;
    const mixed = (cjk(before) && /[0-9A-Za-z%]/u.test(after)) || (/[0-9A-Za-z%]/u.test(before) && cjk(after));
    const aroundMark = /[“”‘’（）《》，。、；：]/u.test(before) || /[“”‘’（）《》，。、；：]/u.test(after);
    if (!mixed && !aroundMark) continue;
    hits.push({ rule: 'stray-space', severity: 'info', offset: m.index!, length: m[0].length, message: '中文与数字、标点之间不应留空格', suggestion: '删除空格', replacement: '' });
  }
  return hits;
}

/** Every text rule over one piece of text, in reading order. */
export function checkText(text: string): TextHit[] {
  const all = [...docNumbers(text), ...dates(text), ...halfwidthPunct(text), ...pairedMarks(text), ...straySpaces(text)];
  // A hit inside a wider fix (a space inside a 文号 or a date) is already mended by it: one finding, one fix.
  const wide = all.filter((h) => h.replacement !== null && h.length > 1);
  const covered = (h: TextHit) => wide.some((w) => w !== h && h.offset >= w.offset && h.offset + h.length <= w.offset + w.length);
  return all.filter((h) => !covered(h)).sort((a, b) => a.offset - b.offset);
}
