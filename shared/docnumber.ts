// 发文字号: 机关代字 + 〔年份〕 + 序号 + 号 (GB/T 9704-2012 §7.2.5): 六角括号, full year, no leading zero, no 第.
export interface DocNumber {
  code: string; // 机关代字, e.g. 黑自贸工办函
  year: number;
  seq: number;
}

export const DOC_NUMBER_PATTERN = /^[\p{Script=Han}]+〔\d{4}〕[1-9]\d*号$/u;

export function formatDocNumber(d: DocNumber): string {
  return `${d.code}〔${d.year}〕${d.seq}号`;
}

/**
 * Reads a 文号 the way clerks type it: accepts 〔〕, [], 【】, (), （）, ［］ around the year, a leading zero
 * and 第 before the number. `strict` says whether the text was already in the standard form.
 */
export function parseDocNumber(text: string): (DocNumber & { strict: boolean }) | null {
  const s = text.trim().replace(/\s+/g, '');
  const m = /^([\p{Script=Han}]+?)[〔\[【(（［](\d{4})[〕\]】)）］]第?(\d+)号$/u.exec(s);
  if (!m) return null;
  const seq = Number(m[3]);
  if (seq < 1) return null;
  const parsed = { code: m[1]!, year: Number(m[2]), seq };
  return { ...parsed, strict: formatDocNumber(parsed) === s };
}
