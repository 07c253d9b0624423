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

// Every rule here runs in time linear in the text (a 100,000-character paragraph is pasted in one piece): no
// regex that can backtrack over an unbounded run, no rescan of the text from each position.
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’《》';
const CJK_CHAR = new RegExp(`^[${CJK}]$`, 'u');
/** Whether one character is Chinese text or a full-width mark; Latin and ASCII (most of the checks) answer at once. */
const cjk = (ch: string | undefined) => {
  if (!ch) return false;
  const code = ch.charCodeAt(0);
  if (code < 0x2000) return false;
  if (code >= 0x4e00 && code <= 0x9fff) return true; // the common ideographs
  return CJK_CHAR.test(ch);
};

/** prefix[i] = how many CJK characters text[0, i) holds, so «any CJK between a and b» is O(1). */
function cjkPrefix(text: string): Int32Array {
  const prefix = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) prefix[i + 1] = prefix[i]! + (cjk(text[i]) ? 1 : 0);
  return prefix;
}
const cjkBetween = (prefix: Int32Array, from: number, to: number) => to > from && prefix[to]! - prefix[from]! > 0;

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_MARK: boolean[] = [];
for (const ch of Object.keys(FULL)) HALF_MARK[ch.charCodeAt(0)] = true;

/** Half-width , ; : ? ! ( ) next to Chinese text (but not in numbers like 1,000 or times like 9:30). */
function halfwidthPunct(text: string): TextHit[] {
  const hits: TextHit[] = [];
  let prefix: Int32Array | null = null; // built on the first bracket that needs it
  let nextClose = -2; // index of the next ')' at or after i (-1: none), advanced as i grows
  let lastOpen = -1; // index of the last '(' before i
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x3f || !HALF_MARK[code]) continue;
    const ch = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    if ((ch === ',' || ch === ':') && /\d/u.test(before ?? '') && /\d/u.test(after ?? '')) {
      continue;
    }
    let nearCjk = cjk(before) || cjk(after) || (after === ' ' && cjk(text[i + 2])) || (before === ' ' && cjk(text[i - 2]));
    if (!nearCjk && (ch === '(' || ch === ')')) {
      // a bracket pair around Chinese text: «(以下简称襄阳片区)»
      prefix ??= cjkPrefix(text);
      if (ch === '(') {
        if (nextClose !== -1 && nextClose < i) nextClose = text.indexOf(')', i);
        nearCjk = cjkBetween(prefix, i + 1, nextClose === -1 ? text.length : nextClose);
      } else {
        nearCjk = cjkBetween(prefix, lastOpen + 1, i);
      }
    }
    if (ch === '(') lastOpen = i;
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
    const o = open.charCodeAt(0);
    const c = close.charCodeAt(0);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === o) stack.push(i);
      else if (code === c) {
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

// A 文号 is found from its bracketed year (〔2023〕55号), then its 机关代字 is read backwards: the former single
// pattern /[汉]{2,}\s*〔…/ retried the whole run of Chinese before every position (quadratic).
const DOC_NUMBER_TAIL = /[〔\[【(（［][ \t\u3000]*\d{4}[ \t\u3000]*[〕\]】)）］][ \t\u3000]*(?:第[ \t\u3000]*)?\d+[ \t\u3000]*号/gu;
/** No 机关代字 is longer; a longer run of Chinese before the year is a sentence, not part of the 文号. */
const MAX_DOC_CODE = 30;
const HAN = /^\p{Script=Han}$/u;
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\u3000';

function docNumberCandidates(text: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  let lastEnd = 0;
  for (const m of text.matchAll(DOC_NUMBER_TAIL)) {
    let start = m.index!;
    while (start > lastEnd && isSpace(text[start - 1])) start--;
    let codeStart = start;
    let chars = 0;
    while (codeStart > lastEnd && chars < MAX_DOC_CODE) {
      // surrogate pairs: Han outside the BMP (rare in codes) is two UTF-16 units
      const ch = text[codeStart - 1]!;
      const pair = codeStart >= 2 && /[\udc00-\udfff]/u.test(ch) ? text.slice(codeStart - 2, codeStart) : ch;
      if (!HAN.test(pair)) break;
      codeStart -= pair.length;
      chars++;
    }
    if (chars < 2) continue;
    const end = m.index! + m[0].length;
    out.push({ index: codeStart, text: text.slice(codeStart, end) });
    lastEnd = end;
  }
  return out;
}

function docNumbers(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (const m of docNumberCandidates(text)) {
    const parsed = parseDocNumber(m.text);
    if (!parsed || parsed.strict) continue;
    const fixed = formatDocNumber(parsed);
    hits.push({
      rule: 'doc-number',
      severity: 'error',
      offset: m.index,
      length: m.text.length,
      message: `文号“${m.text}”不规范：年份用六角括号〔〕，序号不编虚位、不加“第”，不留空格`,
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
  const covered = coveredBy(all.filter((h) => h.replacement !== null && h.length > 1));
  return all.filter((h) => !covered(h)).sort((a, b) => a.offset - b.offset);
}

/** Whether a hit lies inside one of the `wide` hits (other than itself), in O(log n) per question. */
function coveredBy(wide: TextHit[]): (h: TextHit) => boolean {
  const sorted = [...wide].sort((a, b) => a.offset - b.offset);
  // for each prefix of `sorted`: the widest reach (end) and the widest reach of any other hit than that one
  const best: { end: number; hit: TextHit | null; second: number }[] = [];
  let cur = { end: -1, hit: null as TextHit | null, second: -1 };
  for (const w of sorted) {
    const end = w.offset + w.length;
    cur = end > cur.end ? { end, hit: w, second: cur.end } : { ...cur, second: Math.max(cur.second, end) };
    best.push(cur);
  }
  return (h) => {
    let lo = 0;
    let hi = sorted.length; // first index with offset > h.offset
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.offset <= h.offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return false;
    const b = best[lo - 1]!;
    const reach = b.hit === h ? b.second : b.end;
    return reach >= h.offset + h.length;
  };
}
