// Chinese numerals as used in 序号 and 第N批: 一…九千九百九十九. 10–19 are 十X (never 一十X) on their own, but
// 一百一十 past a hundred; a zero place inside is one 零 (一百零一, 一千零一十).
const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

export const MAX_CHINESE_NUMERAL = 9999;

export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`只支持 1–${MAX_CHINESE_NUMERAL} 的序号：${n}`);
  }
  const places = String(n).split('').map(Number); // most significant first
  let out = '';
  let zero = false;
  places.forEach((d, i) => {
    const unit = UNITS[places.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += d === 1 && unit === '十' && out === '' ? '十' : DIGITS[d]! + unit;
  });
  return out;
}

/** Parses 一…九千九百九十九 as toChineseNumeral writes them (and 一十X). Returns null for anything else. */
export function fromChineseNumeral(text: string): number | null {
  const s = text.trim();
  if (s === '' || s.length > 12 || !/^[一二三四五六七八九十百千零]+$/u.test(s)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch as (typeof DIGITS)[number]);
    if (d > 0) {
      if (digit !== null) return null; // two digits in a row
      digit = d;
    } else if (ch === '零') {
      if (digit !== null) return null;
    } else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (digit ?? (unit === 10 ? 1 : NaN)) * unit;
      digit = null;
    }
  }
  total += digit ?? 0;
  if (!Number.isInteger(total) || total < 1 || total > MAX_CHINESE_NUMERAL) return null;
  // only the canonical spelling (or 一十X) of the value counts: this refuses 十十, 一二, 百, 一百零零一…
  const canonical = toChineseNumeral(total);
  return s === canonical || (total >= 10 && total < 20 && s === `一${canonical}`) ? total : null;
}
