// Chinese numerals 一…九十九 as used in 序号 and 第N批. 10–19 are 十X (never 一十X).
const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export const MAX_CHINESE_NUMERAL = 99;

export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`只支持 1–${MAX_CHINESE_NUMERAL} 的序号：${n}`);
  }
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  const head = tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return ones === 0 ? head : head + DIGITS[ones];
}

/** Parses 一…九十九 (also 两, 〇/零 in 二十〇 is not accepted). Returns null when the text is not such a numeral. */
export function fromChineseNumeral(text: string): number | null {
  const s = text.trim();
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '') return null;
  const [, a, ten, b] = m;
  const digit = (c: string | undefined) => (c ? DIGITS.indexOf(c as (typeof DIGITS)[number]) : 0);
  if (!ten) return a && !b ? digit(a) : null;
  return (a ? digit(a) : 1) * 10 + digit(b);
}
