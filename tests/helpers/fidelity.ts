import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { paragraphs } from './docx';
import { MM_PER_PT, type TextLine } from './pdf';

// Measures of a rendered circular that a 公文 reviewer checks (issue 10), shared by the render tests.

export const PT_PER_MM = 1 / MM_PER_PT;
const MARKS = ['，', '、', '。'] as const;

/** How many of each line-end mark the .docx holds (its document text) and how many the PDF draws (pdftotext). */
export function markCounts(docx: Uint8Array, pdf: string): Record<(typeof MARKS)[number], { text: number; pdf: number }> {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const text = paragraphs(xml).map((p) => p.text).join('');
  const drawn = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const count = (s: string, m: string) => s.split(m).length - 1;
  return Object.fromEntries(MARKS.map((m) => [m, { text: count(text, m), pdf: count(drawn, m) }])) as ReturnType<typeof markCounts>;
}

export const squash = (t: string) => t.replace(/\s/gu, '');

/** 2号 lines (titles): their boxes are about 1.3 × 22 pt high, a 3号 line's 1.3 × 16 pt. */
export const isTitleLine = (l: TextLine) => l.yMax - l.yMin > 24;

/** Titles broken over two lines: pairs of consecutive 2号 lines one grid line apart, with their character counts. */
export function twoLineTitles(pages: TextLine[][]): { page: number; top: string; bottom: string }[] {
  const out: { page: number; top: string; bottom: string }[] = [];
  pages.forEach((page, p) => {
    const titles = page.filter(isTitleLine).sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < titles.length; i++) {
      const group = [titles[i]!];
      while (i + 1 < titles.length && titles[i + 1]!.yMin - group[group.length - 1]!.yMin < 35) group.push(titles[++i]!);
      if (group.length === 2) out.push({ page: p + 1, top: squash(group[0]!.text), bottom: squash(group[1]!.text) });
    }
  });
  return out;
}
