import { ordinalFor } from './ordinals';

// 《自贸动态》's bounds and printed numbers, without zod: shared/newsletter.ts re-exports them with the schemas,
// and the command line's `newsletter list` and `show` import them from here so they do not load zod (issue 13).

export const NEWSLETTER_TITLE = '自贸动态';
/** Bounds of one issue: what a newsletter of a few dozen pages holds, with room to spare. */
export const NEWSLETTER_LIMITS = { sections: 20, items: 100, paragraphs: 400, parts: 30, paragraphChars: 20_000, titleChars: 300, issueNumber: 100_000 } as const;
/** An issue with more items than this gets a 本期目录 page, unless the office sets another number. */
export const DEFAULT_TOC_THRESHOLD = 8;

/** The printed number of every item, （一）… straight through the sections, in reading order. */
export function itemOrdinals(sections: readonly { items: readonly unknown[] }[]): string[][] {
  let n = 0;
  return sections.map((s) => s.items.map(() => ordinalFor(2, n++)));
}

/** The printed number of a section: 一、二、… */
export const sectionOrdinal = (index: number) => ordinalFor(1, index);

/** A sub-head's printed number inside its item: 1. 2. … */
export const partOrdinal = (index: number) => ordinalFor(3, index);

/** «第245期» */
export const issueNumberText = (n: number) => `第${n}期`;
