import { displayWidth } from './width';

// Breaking a 2号 title into lines (GB/T 9704 §7.3.1, issue 10 item 7): the shape comes first, a 正梯形 (each line
// no longer than the next: the short line on top) or, for three lines and more, a balanced 菱形; among the splits of
// that shape, lines of even length, and breaks that keep a term in quotes or brackets whole (a break inside one
// costs a little, so it is taken only where the break after the closing mark would give a top-heavy title). Every
// break falls between words, outside the trade's protected terms, and no line begins with a space or a closing mark.

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
 * The terms of `title` in quotes or brackets (“…”, 《…》, 「…」, （…） and the other paired marks): where each
 * opens and where it ends, after its closing mark. An opening mark never closed makes no term.
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
 * Offsets where a line may break, each marked when it falls inside a quoted term: `words`, the word segmenter's
 * boundaries; `chars`, every character's, listed when asked (for a title where no word boundary fits). Never
 * before a closing mark, punctuation or a space (no line begins with one), nor right after an opening mark, nor
 * inside a protected term.
 */
function breakOffsets(title: string): { words: Break[]; chars: () => Break[] } {
  const protectedRanges: [number, number][] = [];
  for (const term of PROTECTED_TERMS) {
    for (let i = title.indexOf(term); i >= 0; i = title.indexOf(term, i + 1)) protectedRanges.push([i, i + term.length]);
  }
  const terms = quotedTerms(title);
  const at = (offset: number): Break | null => {
    const next = title[offset];
    const prev = title[offset - 1];
    if (offset <= 0 || offset >= title.length || !next || !prev) return null;
    if (CLOSERS.includes(next) || OPENERS.includes(prev) || /[，。、；：！？\s]/u.test(next)) return null;
    if (/[\uDC00-\uDFFF]/u.test(next)) return null; // inside a surrogate pair
    const within = ([a, b]: [number, number]) => offset > a && offset < b;
    if (protectedRanges.some(within)) return null;
    return { offset, inside: terms.some(within) };
  };
  const words = segmentEnds(title).map(at).filter((b) => b !== null);
  const chars = () => Array.from({ length: title.length }, (_, offset) => at(offset)).filter((b) => b !== null);
  return { words, chars };
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
 * Lines tried beyond the fewest when no split into the fewest at word boundaries has a good shape (a title nearly
 * two lines full has few places where its top line is not the longer), before a word is split to keep the shape.
 */
const EXTRA_LINES = 2;

function splitTitle(title: string, maxWidth: number): string[] {
  const width = displayWidth(title);
  if (width <= maxWidth) return [title];
  const fewest = Math.ceil(width / maxWidth);
  const at = widthsAt(title);
  const { words, chars } = breakOffsets(title); // one pass of the segmenter
  const lines = (split: Split) => [0, ...split.cuts].map((start, i) => title.slice(start, split.cuts[i] ?? title.length));
  // The fewest lines at word boundaries, as long as their shape is good; else a line or two more in a good shape;
  // else the fewest at word boundaries whatever their shape; only where no word boundary fits at all, words split
  // at characters (in the best shape there is, never before a closing mark or after an opening one).
  const first = search(at, fewest, maxWidth, words);
  if (first && first.score < BAD_SHAPE_COST) return lines(first);
  for (let lineCount = fewest + 1; lineCount <= fewest + EXTRA_LINES; lineCount++) {
    const more = search(at, lineCount, maxWidth, words);
    if (more && more.score < BAD_SHAPE_COST) return lines(more);
  }
  if (first) return lines(first);
  const everywhere = chars();
  for (let lineCount = fewest; lineCount <= fewest + EXTRA_LINES; lineCount++) {
    const split = search(at, lineCount, maxWidth, everywhere);
    if (split) return lines(split);
  }
  // No break fits at all: even cuts by width, a space left at the end of its line (where the line may overhang).
  const cut: string[] = [];
  let line = '';
  for (const ch of title) {
    if (displayWidth(line + ch) > maxWidth && !/\s/u.test(ch)) (cut.push(line), (line = ''));
    line += ch;
  }
  return line ? [...cut, line] : cut;
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

/**
 * A break inside quotes costs this many half-columns of imbalance: taken where it saves a bad shape, or lines more
 * than three characters less even («“证照分离”和“多证 / 合一”改革…» rather than «“证照分离”和 / “多证合一”改革…»).
 */
const INSIDE_QUOTES_COST = 6;
/** An inverted 梯形 (a line wider than the one below it, other than a 菱形's last line) or an hourglass. */
const BAD_SHAPE_COST = 1000;
/** Up to this many lines every split is weighed (bestCuts); beyond, line by line (stepCuts). */
const EXHAUSTIVE_LINES = 4;

/** The ends of the lines but the last, and what the split costs (BAD_SHAPE_COST or more: a bad shape). */
interface Split {
  cuts: number[];
  score: number;
}

const search = (at: readonly number[], lineCount: number, maxWidth: number, breaks: readonly Break[]): Split | null =>
  lineCount <= EXHAUSTIVE_LINES ? bestCuts(at, lineCount, maxWidth, breaks) : stepCuts(at, lineCount, maxWidth, breaks);

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
 * Every split is weighed (the first of equal cost wins), but a line wider than `maxWidth`, or a rest too wide for
 * the lines left, ends a branch (`at`: widthsAt).
 */
function bestCuts(at: readonly number[], lineCount: number, maxWidth: number, breaks: readonly Break[]): Split | null {
  const total = at[at.length - 1]!;
  let best: Split | null = null;
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
  return best;
}

/** The cost of a line below one `above` wide, in stepCuts. */
const step = (above: number, width: number) => (width >= above ? width - above : BAD_SHAPE_COST + above - width);

/**
 * The best split into `lineCount` lines for a title too long to weigh every split, scored line by line so that
 * each line's best start can be kept by its end and width: a line wider than the one above costs its extra width
 * (a 正梯形 then scores as bestCuts scores it), a narrower one BAD_SHAPE_COST and the difference; a break inside
 * quotes as there. (A 菱形 of five lines or more is not looked for: it scores as a bad shape.)
 */
function stepCuts(at: readonly number[], lineCount: number, maxWidth: number, breaks: readonly Break[]): Split | null {
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
  return best ? { cuts, score: bestCost } : null;
}
