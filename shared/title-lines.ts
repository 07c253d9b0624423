import { displayWidth } from './width';

// Breaking a 2号 title into lines (GB/T 9704 §7.3.1): each line keeps its meaning (breaks fall between words,
// never inside quotes or brackets), lines are of sensible length, and the shape is a 梯形 or 菱形, preferring
// 正梯形 (the shorter line on top).

const OPENERS = '“‘《（(〔【「';
const CLOSERS = '”’》）)〕】」';

/** Terms of the trade a line never splits, whatever the word segmenter says. */
const PROTECTED_TERMS = [
  '中国（黑龙江）自由贸易试验区',
  '自由贸易试验区',
  '自贸试验区',
  '复制推广',
  '典型案例',
  '制度创新',
  '创新成果',
  '最佳实践',
  '实践案例',
  '改革试点经验',
  '工作办公室',
  '的通知',
  '人民币',
];

let segmenter: Intl.Segmenter | null = null; // built on first use: it loads ICU's dictionary

/**
 * Where the segmenter's word ends of a title may be kept between processes: the first Intl object of a process
 * costs a command-line export a tenth of its time (ICU's start), for boundaries that depend only on the text and
 * ICU. The command line sets one (electron/core/export/segment-store.ts); elsewhere none, and ICU answers.
 */
export interface SegmentStore {
  get(text: string): readonly number[] | undefined;
  set(text: string, ends: readonly number[]): void;
}
let segmentStore: SegmentStore | null = null;
export function setSegmentStore(store: SegmentStore | null): void {
  segmentStore = store;
}

/** The offsets where the word segmenter's segments of `text` end. */
function segmentEnds(text: string): readonly number[] {
  const kept = segmentStore?.get(text);
  if (kept) return kept;
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const ends: number[] = [];
  let offset = 0;
  for (const { segment } of segmenter.segment(text)) ends.push((offset += segment.length));
  segmentStore?.set(text, ends);
  return ends;
}

/**
 * Offsets where a line may break: word boundaries, not inside a protected term, never before a closing mark
 * or punctuation, nor right after an opening one; `outside`: those of them not inside quotes or brackets.
 */
function breakOffsets(title: string): { all: number[]; outside: Set<number> } {
  const protectedRanges: [number, number][] = [];
  for (const term of PROTECTED_TERMS) {
    for (let i = title.indexOf(term); i >= 0; i = title.indexOf(term, i + 1)) protectedRanges.push([i, i + term.length]);
  }
  const all: number[] = [];
  const outside = new Set<number>();
  let depth = 0;
  let start = 0;
  for (const offset of segmentEnds(title)) {
    for (const ch of title.slice(start, offset)) {
      if (OPENERS.includes(ch)) depth++;
      else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    }
    start = offset;
    const next = title[offset];
    const prev = title[offset - 1]!;
    if (offset >= title.length || !next) continue;
    if (CLOSERS.includes(next) || OPENERS.includes(prev) || /[，。、；：！？]/u.test(next)) continue;
    if (protectedRanges.some(([a, b]) => offset > a && offset < b)) continue;
    all.push(offset);
    if (depth === 0) outside.add(offset);
  }
  return { all, outside };
}

/**
 * Titles already broken: an export breaks every case title twice (the page estimate and the document), and the
 * word segmenter is most of the cost. Bounded: emptied when it reaches BREAK_CACHE_SIZE entries.
 */
const broken = new Map<string, readonly string[]>();
const BREAK_CACHE_SIZE = 2000;

/** Splits a title into as few lines as fit `maxWidth` (in half-character columns), shaped as described above. */
export function breakTitle(title: string, maxWidth: number): string[] {
  const key = `${maxWidth}:${title}`;
  const known = broken.get(key);
  if (known) return [...known];
  if (broken.size >= BREAK_CACHE_SIZE) broken.clear();
  const lines = splitTitle(title, maxWidth);
  broken.set(key, lines);
  return [...lines];
}

function splitTitle(title: string, maxWidth: number): string[] {
  const width = displayWidth(title);
  if (width <= maxWidth) return [title];
  const lineCount = Math.ceil(width / maxWidth);
  const { all, outside } = breakOffsets(title); // one pass of the segmenter for both
  const best = bestSplit(title, lineCount, maxWidth, all, outside);
  if (best) return best;
  // No word break fits: fall back to even cuts by width.
  const lines: string[] = [];
  let line = '';
  for (const ch of title) {
    if (displayWidth(line + ch) > maxWidth) (lines.push(line), (line = ''));
    line += ch;
  }
  return line ? [...lines, line] : lines;
}

/** A break inside quotes costs this many half-columns of imbalance: taken only where it saves a bad shape. */
const INSIDE_QUOTES_COST = 6;
/** An inverted 梯形 (a line wider than the one below it, other than a 菱形's last line) or an hourglass. */
const BAD_SHAPE_COST = 1000;

/** How far the widths are from a 正梯形 (each line no wider than the next) or, for three lines and more, a 菱形. */
function shapeCost(widths: number[]): number {
  const rising = widths.every((w, i) => i === 0 || widths[i - 1]! <= w);
  if (rising) return 0;
  if (widths.length >= 3) {
    // 菱形: rises to a widest line in the middle, then falls; its ends about as wide as each other.
    const peak = widths.indexOf(Math.max(...widths));
    const diamond = peak > 0 && peak < widths.length - 1 && widths.every((w, i) => (i <= peak ? i === 0 || widths[i - 1]! <= w : widths[i - 1]! >= w));
    if (diamond) return Math.abs(widths[0]! - widths[widths.length - 1]!);
  }
  return BAD_SHAPE_COST;
}

function bestSplit(title: string, lineCount: number, maxWidth: number, offsets: number[], outside: Set<number>): string[] | null {
  let best: { lines: string[]; score: number } | null = null;
  const choose = (start: number, chosen: number[]) => {
    if (chosen.length === lineCount - 1) {
      const cuts = [0, ...chosen, title.length];
      const lines = cuts.slice(1).map((end, i) => title.slice(cuts[i], end));
      const widths = lines.map(displayWidth);
      if (widths.some((w) => w > maxWidth)) return;
      // A good shape first, then balanced lines, then breaks outside quotes.
      const spread = Math.max(...widths) - Math.min(...widths);
      const inside = chosen.filter((o) => !outside.has(o)).length;
      const score = shapeCost(widths) + spread + inside * INSIDE_QUOTES_COST;
      if (!best || score < best.score) best = { lines, score };
      return;
    }
    for (const o of offsets) if (o > start) choose(o, [...chosen, o]);
  };
  choose(0, []);
  return best ? (best as { lines: string[] }).lines : null;
}
