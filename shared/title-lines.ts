import { displayWidth } from './width';

// Breaking a 2号 title into lines (GB/T 9704 §7.3.1): each line keeps its meaning (breaks fall between words,
// never inside a term in quotes or brackets that fits a line, even at the cost of a top-heavy shape or a line
// more), lines are of sensible length, and the shape is a 梯形 or 菱形, preferring 正梯形 (the shorter line on top).

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

/** A place where a line may break, and whether it is inside quotes or brackets. */
interface Break {
  offset: number;
  inside: boolean;
}

/**
 * The quoted terms of `title` (“…”, 《…》, 「…」 and the other paired marks): where each opens and where it ends,
 * after its closing mark. An opening mark never closed makes no term.
 */
function quotedTerms(title: string): [number, number][] {
  const terms: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < title.length; i++) {
    if (OPENERS.includes(title[i]!)) open.push(i);
    else if (CLOSERS.includes(title[i]!) && open.length > 0) terms.push([open.pop()!, i + 1]);
  }
  return terms;
}

/**
 * Offsets where a line may break: word boundaries, not inside a protected term, never before a closing mark,
 * punctuation or a space, nor right after an opening one. A quoted term is one word (词意完整): no break falls
 * inside one that fits on a line of `maxWidth`; inside a longer one, only at its own word boundaries (and outside
 * its inner terms that fit).
 */
function breakOffsets(title: string, maxWidth: number): Break[] {
  const protectedRanges: [number, number][] = [];
  for (const term of PROTECTED_TERMS) {
    for (let i = title.indexOf(term); i >= 0; i = title.indexOf(term, i + 1)) protectedRanges.push([i, i + term.length]);
  }
  const terms = quotedTerms(title);
  const whole = terms.filter(([a, b]) => displayWidth(title.slice(a, b)) <= maxWidth);
  const breaks: Break[] = [];
  for (const offset of segmentEnds(title)) {
    const next = title[offset];
    const prev = title[offset - 1]!;
    if (offset >= title.length || !next) continue;
    if (CLOSERS.includes(next) || OPENERS.includes(prev) || /[，。、；：！？\s]/u.test(next)) continue;
    const within = ([a, b]: [number, number]) => offset > a && offset < b;
    if (protectedRanges.some(within) || whole.some(within)) continue;
    breaks.push({ offset, inside: terms.some(within) });
  }
  return breaks;
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

/**
 * Lines tried beyond the fewest to keep every quoted term that fits a line whole (a term longer than the rest of
 * its line goes down whole), before such a term is split after all.
 */
const EXTRA_LINES = 2;

function splitTitle(title: string, maxWidth: number): string[] {
  const width = displayWidth(title);
  if (width <= maxWidth) return [title];
  const fewest = Math.ceil(width / maxWidth);
  const at = widthsAt(title);
  // First with the quoted terms that fit a line kept whole; then, only if no such split exists, without.
  for (const keepUpTo of [maxWidth, 0]) {
    const breaks = breakOffsets(title, keepUpTo);
    for (let lineCount = fewest; lineCount <= fewest + EXTRA_LINES; lineCount++) {
      const cuts = lineCount <= EXHAUSTIVE_LINES ? bestCuts(at, lineCount, maxWidth, breaks) : stepCuts(at, lineCount, maxWidth, breaks);
      if (cuts) return [0, ...cuts].map((start, i) => title.slice(start, cuts[i] ?? title.length));
    }
  }
  // No word break fits: fall back to even cuts by width.
  const lines: string[] = [];
  let line = '';
  for (const ch of title) {
    if (displayWidth(line + ch) > maxWidth) (lines.push(line), (line = ''));
    line += ch;
  }
  return line ? [...lines, line] : lines;
}

/** The display width of the title up to each of its offsets (UTF-16 code units). */
function widthsAt(title: string): number[] {
  const at = [0];
  for (const ch of title) {
    const w = at[at.length - 1]! + displayWidth(ch);
    for (let k = 0; k < ch.length; k++) at.push(w);
  }
  return at;
}

/** A break inside quotes costs this many half-columns of imbalance: taken only where it saves a bad shape. */
const INSIDE_QUOTES_COST = 6;
/** An inverted 梯形 (a line wider than the one below it, other than a 菱形's last line) or an hourglass. */
const BAD_SHAPE_COST = 1000;
/** Up to this many lines every split is weighed (bestCuts); beyond, line by line (stepCuts). */
const EXHAUSTIVE_LINES = 4;

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

/**
 * The best split into `lineCount` lines: a good shape first, then balanced lines, then breaks outside quotes.
 * Every split is weighed, but a line wider than `maxWidth`, or a rest too wide for the lines left, ends a branch
 * (`at`: widthsAt; the ends of the lines but the last returned).
 */
function bestCuts(at: readonly number[], lineCount: number, maxWidth: number, breaks: readonly Break[]): number[] | null {
  const total = at[at.length - 1]!;
  let best: { cuts: number[]; score: number } | null = null;
  const choose = (start: number, chosen: Break[]) => {
    const left = lineCount - 1 - chosen.length;
    if (left === 0) {
      const ends = [0, ...chosen.map((b) => b.offset), at.length - 1];
      const widths = ends.slice(1).map((end, i) => at[end]! - at[ends[i]!]!);
      if (widths[widths.length - 1]! > maxWidth) return;
      const spread = Math.max(...widths) - Math.min(...widths);
      const inside = chosen.filter((b) => b.inside).length;
      const score = shapeCost(widths) + spread + inside * INSIDE_QUOTES_COST;
      if (!best || score < best.score) best = { cuts: chosen.map((b) => b.offset), score };
      return;
    }
    for (const b of breaks) {
      if (b.offset <= start) continue;
      if (at[b.offset]! - at[start]! > maxWidth) break;
      if (total - at[b.offset]! <= left * maxWidth) choose(b.offset, [...chosen, b]);
    }
  };
  choose(0, []);
  return best ? (best as { cuts: number[] }).cuts : null;
}

/** The cost of a line below one `above` wide, in stepCuts. */
const step = (above: number, width: number) => (width >= above ? width - above : BAD_SHAPE_COST + above - width);

/**
 * The best split into `lineCount` lines for a title too long to weigh every split, scored line by line so that
 * each line's best start can be kept by its end and width: a line wider than the one above costs its extra width
 * (a 正梯形 then scores as bestCuts scores it), a narrower one BAD_SHAPE_COST and the difference; a break inside
 * quotes as there.
 */
function stepCuts(at: readonly number[], lineCount: number, maxWidth: number, breaks: readonly Break[]): number[] | null {
  const total = at[at.length - 1]!;
  type Step = { cost: number; next: number; width: number; end: number; from: Step | null };
  let layer: Step[] = [{ cost: 0, next: 0, width: 0, end: 0, from: null }];
  for (let line = 1; line < lineCount; line++) {
    const kept = new Map<number, Step>();
    for (const s of layer) {
      for (let i = s.next; i < breaks.length; i++) {
        const b = breaks[i]!;
        const width = at[b.offset]! - at[s.end]!;
        if (width > maxWidth) break;
        if (total - at[b.offset]! > (lineCount - line) * maxWidth) continue;
        const cost = s.cost + (line > 1 ? step(s.width, width) : 0) + (b.inside ? INSIDE_QUOTES_COST : 0);
        const key = b.offset * (maxWidth + 1) + width;
        const known = kept.get(key);
        if (!known || cost < known.cost) kept.set(key, { cost, next: i + 1, width, end: b.offset, from: s });
      }
    }
    layer = [...kept.values()];
  }
  let best: Step | null = null;
  let bestCost = Infinity;
  for (const s of layer) {
    const width = total - at[s.end]!;
    if (width > maxWidth) continue;
    const cost = s.cost + step(s.width, width);
    if (cost < bestCost) (best = s), (bestCost = cost);
  }
  const cuts: number[] = [];
  for (let s = best; s?.from; s = s.from) cuts.unshift(s.end);
  return best ? cuts : null;
}
