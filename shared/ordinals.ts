import { fromChineseNumeral as fromCN, toChineseNumeral } from './numerals';

// The four levels of structure ordinals (GB/T 9704-2012 §7.3.3): 一、 （一） 1. （1）.
export const HEADING_LEVELS = 4;

export function ordinalFor(level: number, index: number): string {
  const n = index + 1;
  switch (level) {
    case 1:
      return `${toChineseNumeral(n)}、`;
    case 2:
      return `（${toChineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
    default:
      throw new RangeError(`层级只有 1–${HEADING_LEVELS}：${level}`);
  }
}

/** Reads an ordinal written at the start of a line; returns its level and number, and the rest of the line. */
export function readOrdinal(line: string): { level: number; number: number; rest: string; text: string } | null {
  const l1 = /^([一二三四五六七八九十]{1,3})\s*[、．.]\s*(.*)$/u.exec(line);
  if (l1 && !/^[是要则]/u.test(l1[2] ?? '')) {
    const n = fromCN(l1[1]!);
    if (n) return { level: 1, number: n, rest: l1[2]!, text: l1[0].slice(0, l1[0].length - l1[2]!.length).trim() };
  }
  const l2 = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*[、，]?\s*(.*)$/u.exec(line);
  if (l2) {
    const n = fromCN(l2[1]!);
    if (n) return { level: 2, number: n, rest: l2[2]!, text: line.slice(0, line.length - l2[2]!.length).trim() };
  }
  const l3 = /^(\d{1,2})\s*[.．、]\s*(?!\d)(.+)$/u.exec(line);
  if (l3) return { level: 3, number: Number(l3[1]), rest: l3[2]!, text: line.slice(0, line.length - l3[2]!.length).trim() };
  const l4 = /^[（(]\s*(\d{1,2})\s*[)）]\s*(.+)$/u.exec(line);
  if (l4) return { level: 4, number: Number(l4[1]), rest: l4[2]!, text: line.slice(0, line.length - l4[2]!.length).trim() };
  return null;
}
