// Dates as clerks type them into the circular's form: «2026-02-03», «2026/2/3», «2026.2.3», «2026年2月3日»,
// «20260203», with half- or full-width digits. Either an ISO date or a Chinese reason, never a silent drop.

export const DATE_YEAR_MIN = 1990;
export const DATE_YEAR_MAX = 2100;

export type ClerkDate = { ok: true; iso: string } | { ok: false; message: string };

const FORMS_HINT = '请按 2026-02-03、2026/2/3 或 2026年2月3日 的形式输入';

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads a typed date; null for an empty field (the date is simply not set). */
export function parseClerkDate(text: string): ClerkDate | null {
  const s = text
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, '')
    .replace(/[／－．]/gu, (c) => ({ '／': '/', '－': '-', '．': '.' })[c]!);
  if (!s) return null;
  const m = /^(\d{1,5})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/u.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/u.exec(s);
  if (!m) return { ok: false, message: `无法识别的日期「${text.trim().slice(0, 30)}」，${FORMS_HINT}` };
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  if (m[1]!.length !== 4 || year < DATE_YEAR_MIN || year > DATE_YEAR_MAX) return { ok: false, message: `年份应在 ${DATE_YEAR_MIN}—${DATE_YEAR_MAX} 之间` };
  if (month < 1 || month > 12) return { ok: false, message: `没有${month}月，月份应在 1—12 之间` };
  if (day < 1 || day > daysIn(year, month)) return { ok: false, message: `${year}年${month}月没有${day}日（该月共 ${daysIn(year, month)} 天）` };
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
