import { fromChineseNumeral } from '../../../shared/numerals';
import { NEWSLETTER_LIMITS, type ItemPart } from '../../../shared/newsletter';
import { UserError } from '../util';

// Reading an issue of 《自贸动态》 from text as a scan or a Word copy gives it (seed 004): a header block
// (自贸动态 / 第 245 期 / 主办：省自贸办 / 2024 年 10 月 15 日), sections «一、龙江板块», items «（一）…», sub-heads
// «1. …» inside items. The mess it tolerates: spaces around digits and inside dates, paragraphs cut in two by
// a page break («今年» / «上半年复制推广…»), a wire-service credit run into the first paragraph.

export interface ParsedItem {
  title: string;
  credit: string;
  paragraphs: string[];
  parts: ItemPart[];
  /** The number the source printed, to compare with the generated one. */
  statedNumber: number | null;
}
export interface ParsedNewsletter {
  title: string;
  number: number;
  date: string;
  sponsor: string;
  editor: string;
  sections: { name: string; statedNumber: number | null; items: ParsedItem[] }[];
  warnings: string[];
}

/** A whole issue as text is at most this long (seed 004 is 40 KB). */
export const MAX_NEWSLETTER_TEXT = 2_000_000;

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’—…';
/** Spaces a scan puts next to Chinese text (around digits, inside dates) go; spaces between Latin words stay. */
export function tidySpaces(line: string): string {
  return line
    .replace(/[\u00a0\u3000]/gu, ' ')
    .replace(new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu'), '')
    .trim();
}

/**
 * A title keeps a gap between two phrases («…稳步破题　自贸试验区哈尔滨片区…») as one full-width space, the way
 * a newsletter sets it; the scan's other spaces go as in body text.
 */
export function tidyTitleSpaces(line: string): string {
  const gap = '\u0000';
  const marked = line.trim().replace(/(?<=[\p{Script=Han}”》])[ \t\u00a0\u3000]+(?=[\p{Script=Han}“《])/gu, gap);
  return tidySpaces(marked).replace(/\u0000/gu, '\u3000');
}

/** Whether a paragraph ends where a sentence ends; one that does not was cut by a page break. */
const endsSentence = (p: string) => /[。！？；…!?;]$|[。！？][”’」』)）]$/u.test(p);

const SECTION = /^([一二三四五六七八九十]{1,3})[、．.]\s*([^。，；：]{1,20})$/u;
const ITEM = /^[（(]\s*([一二三四五六七八九十百]{1,4})\s*[)）]\s*(.+)$/u;
const PART = /^(\d{1,2})\s*[.．、]\s*(?!\d)([^。！？]{1,60})$/u;
/** «新华社北京9月30日电», «人民网哈尔滨10月8日电»: a credit line run into the first paragraph. */
const WIRE_CREDIT = /^([\p{Script=Han}]{2,8}?(?:社|网|报|台)[\p{Script=Han}]{0,8}?\d{1,2}月\d{1,2}日电)\s*/u;
/** «（来源：黑龙江日报）» as an item's last line. */
const SOURCE_LINE = /^[（(]?\s*((?:来源|稿源|信息来源|转自)[:：].{1,80}?)\s*[)）]?$/u;

export function parseNewsletterText(raw: string): ParsedNewsletter {
  if (raw.length > MAX_NEWSLETTER_TEXT) throw new UserError(`文字过长（超过 ${MAX_NEWSLETTER_TEXT / 1_000_000} MB），不像一期《自贸动态》`, 'bad_input');
  const rawLines = raw.replace(/\r\n?/gu, '\n').split('\n');
  const lines = rawLines.map(tidySpaces);
  const warnings: string[] = [];
  const header: string[] = [];
  const sections: ParsedNewsletter['sections'] = [];
  let item: ParsedItem | null = null;
  let lastWasText = false; // the previous line was a body paragraph (not a heading) that a page break may have cut

  const target = () => (item!.parts.length ? item!.parts[item!.parts.length - 1]!.paragraphs : item!.paragraphs);
  for (const [index, line] of lines.entries()) {
    if (!line) continue;
    const section = SECTION.exec(line);
    if (section && !lastWasTextCut()) {
      sections.push({ name: section[2]!.trim(), statedNumber: fromChineseNumeral(section[1]!), items: [] });
      item = null;
      lastWasText = false;
      continue;
    }
    const itemLine = sections.length ? ITEM.exec(line) : null;
    if (itemLine && !lastWasTextCut()) {
      item = { title: ITEM.exec(tidyTitleSpaces(rawLines[index]!))![2]!.trim(), credit: '', paragraphs: [], parts: [], statedNumber: fromChineseNumeral(itemLine[1]!) };
      sections[sections.length - 1]!.items.push(item);
      lastWasText = false;
      continue;
    }
    if (!sections.length) {
      header.push(line);
      continue;
    }
    if (!item) {
      warnings.push(`栏目“${sections[sections.length - 1]!.name}”下、第一篇之前的文字未导入：${line.slice(0, 30)}`);
      continue;
    }
    const part = PART.exec(line);
    if (part && !lastWasTextCut()) {
      item.parts.push({ heading: part[2]!.trim(), paragraphs: [] });
      lastWasText = false;
      continue;
    }
    const paragraphs = target();
    if (lastWasTextCut()) paragraphs[paragraphs.length - 1] += line; // «今年» + «上半年…»: one paragraph
    else paragraphs.push(line);
    lastWasText = true;
  }

  function lastWasTextCut(): boolean {
    if (!lastWasText || !item) return false;
    const ps = target();
    const last = ps[ps.length - 1];
    return last !== undefined && !endsSentence(last);
  }

  const head = header.join('\n');
  // Any run of digits is read, so that «第99999999期» is refused as out of range rather than «not found».
  const number = /第\s*(\d+)\s*期/u.exec(head);
  if (!number && sections.length === 0) throw new UserError('这段文字不像一期《自贸动态》：既没有“第N期”期号，也没有“一、龙江板块”这样的栏目', 'bad_input');
  if (!number) throw new UserError('没有找到期号（文首应有“第N期”），请补上后再导入', 'bad_input');
  if (sections.length === 0) throw new UserError('没有找到栏目（如“一、龙江板块”），无法分栏导入', 'bad_input');
  const issueNumber = Number(number[1]);
  if (!(issueNumber >= 1 && issueNumber <= NEWSLETTER_LIMITS.issueNumber)) {
    throw new UserError(`期号“${number[0].replace(/\s+/gu, '')}”无效：应为 1 至 ${NEWSLETTER_LIMITS.issueNumber} 之间的整数`, 'bad_input');
  }
  const date = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(head);
  if (!date) throw new UserError('文首没有找到出刊日期（如“2024年10月15日”）', 'bad_input');
  const iso = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || !check.toISOString().startsWith(iso)) throw new UserError(`出刊日期无效：${date[0]}`, 'bad_input');
  const field = (label: RegExp) => label.exec(head)?.[1]?.replace(/\s*\d{4}年.*$/u, '').trim() ?? '';

  let n = 0;
  for (const [si, s] of sections.entries()) {
    if (s.statedNumber !== null && s.statedNumber !== si + 1) warnings.push(`栏目“${s.name}”原文编号与顺序不符，已按顺序重新编号`);
    if (s.items.length === 0) warnings.push(`栏目“${s.name}”下没有文章`);
    for (const it of s.items) {
      n++;
      if (it.statedNumber !== null && it.statedNumber !== n) warnings.push(`“${it.title.slice(0, 20)}”原文编号为（${it.statedNumber}），已按顺序编为第 ${n} 篇`);
      splitCredit(it);
      if (it.title.length > NEWSLETTER_LIMITS.titleChars) throw new UserError(`第 ${n} 篇的标题超过 ${NEWSLETTER_LIMITS.titleChars} 个字，像是正文被当成了标题：${it.title.slice(0, 30)}…`, 'bad_input');
      checkItemSize(it, n);
      if (it.paragraphs.length + it.parts.reduce((k, p) => k + p.paragraphs.length, 0) === 0) warnings.push(`“${it.title.slice(0, 20)}”没有正文`);
    }
  }
  // An issue whose every line fell before its first item would be created empty, its text only in the warnings.
  if (n === 0) throw new UserError('没有找到文章（栏目下应有“（一）标题”这样的文章），未导入：请检查文章标题前的序号', 'bad_input');
  if (n > NEWSLETTER_LIMITS.items) throw new UserError(`一期最多 ${NEWSLETTER_LIMITS.items} 篇，这里有 ${n} 篇`, 'bad_input');
  if (sections.length > NEWSLETTER_LIMITS.sections) throw new UserError(`一期最多 ${NEWSLETTER_LIMITS.sections} 个栏目，这里有 ${sections.length} 个`, 'bad_input');

  return {
    title: header.find((l) => /自贸动态/u.test(l))?.replace(/[《》]/gu, '') ?? '自贸动态',
    number: issueNumber,
    date: iso,
    sponsor: field(/主\s*办\s*[:：]\s*([^\n]+)/u),
    editor: field(/(?:责任编辑|编\s*辑)\s*[:：]\s*([^\n]+)/u),
    sections,
    warnings: boundedWarnings(warnings),
  };
}

/**
 * The limits of an item said with its number and title, before the issue's schema would name them by a path
 * («sections › 第 1 项 › parts：最多 30 项») that the clerk cannot find in the file.
 */
function checkItemSize(it: ParsedItem, n: number): void {
  const L = NEWSLETTER_LIMITS;
  const which = `第 ${n} 篇“${it.title.slice(0, 20)}”`;
  const too = (what: string) => new UserError(`${which}${what}，未导入：请删减或分成几篇后再导入`, 'bad_input');
  if (it.parts.length > L.parts) throw too(`有 ${it.parts.length} 个小标题，超过上限 ${L.parts} 个`);
  for (const list of [it.paragraphs, ...it.parts.map((p) => p.paragraphs)]) {
    if (list.length > L.paragraphs) throw too(`有一处连续 ${list.length} 段，超过上限 ${L.paragraphs} 段`);
    const long = list.find((p) => p.length > L.paragraphChars);
    if (long) throw too(`有一段 ${long.length} 个字（“${long.slice(0, 12)}…”），超过每段 ${L.paragraphChars} 个字的上限`);
  }
}

/** Most warnings listed one by one; a text that is all warnings (no item found for it) would list every line. */
const MAX_WARNINGS = 50;
function boundedWarnings(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [...warnings.slice(0, MAX_WARNINGS), `另有 ${warnings.length - MAX_WARNINGS} 条提示未列出，请核对原文`];
}

/** Moves a wire-service credit off the head of the first paragraph, or a «（来源：…）» last line, into `credit`. */
function splitCredit(it: ParsedItem): void {
  const first = it.paragraphs[0];
  const wire = first !== undefined ? WIRE_CREDIT.exec(first) : null;
  if (wire) {
    it.credit = wire[1]!;
    const rest = first!.slice(wire[0].length).trim();
    if (rest) it.paragraphs[0] = rest;
    else it.paragraphs.shift();
    return;
  }
  const list = it.parts.length ? it.parts[it.parts.length - 1]!.paragraphs : it.paragraphs;
  const source = list.length ? SOURCE_LINE.exec(list[list.length - 1]!) : null;
  if (source) {
    it.credit = source[1]!.replace(/\s+/gu, '');
    list.pop();
  }
}

/**
 * An item from pasted text: the first line is the title («（三）» before it is dropped: numbers are generated),
 * then paragraphs and «1. …» sub-heads as in an issue, page-break cuts mended the same way.
 */
export function itemFromText(text: string): ParsedItem {
  if (text.length > NEWSLETTER_LIMITS.paragraphChars * 20) throw new UserError('粘贴的文字过长，请分篇粘贴', 'bad_input');
  const lines = text.replace(/\r\n?/gu, '\n').split('\n').map(tidySpaces).filter(Boolean);
  if (lines.length === 0) throw new UserError('没有粘贴任何文字', 'bad_input');
  const [, ...rest] = lines;
  const first = tidyTitleSpaces(text.replace(/^\s+/u, '').split(/\r?\n|\r/u)[0]!);
  const title = (ITEM.exec(first)?.[2] ?? first).trim();
  if (title.length > NEWSLETTER_LIMITS.titleChars) throw new UserError(`第一行是标题，不能超过 ${NEWSLETTER_LIMITS.titleChars} 个字`, 'bad_input');
  // The issue parser does the rest: a header that names an issue, a section, then this item.
  const parsed = parseNewsletterText(['第1期', '2000年1月1日', '一、栏目', `（一）${title}`, ...rest].join('\n'));
  const it = parsed.sections[0]!.items[0]!;
  return { ...it, statedNumber: null };
}
