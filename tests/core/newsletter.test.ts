import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFigures, registerFigures, statedFigures } from '../../electron/core/newsletter/figures';
import { importNewsletterFile, importNewsletterText } from '../../electron/core/newsletter/import';
import { caseDocx } from '../helpers/submissions';
import { parseNewsletterText, tidySpaces } from '../../electron/core/newsletter/parse';
import { createNewsletter, getNewsletter, itemFromCase, listNewsletters, nextIssueNumber, updateNewsletter } from '../../electron/core/newsletter/repo';
import { listCases } from '../../electron/core/repos/cases';
import { itemOrdinals } from '../../shared/newsletter';
import { SHARED, tempCasebook } from '../helpers/tmp';

const SEED = fs.readFileSync(path.join(SHARED, 'seeds/004_cd0724b20db28bbc.txt'), 'utf8');
const squeeze = (s: string) => s.replace(/\s+/gu, '');

describe('importing 《自贸动态》 第245期 (seed 004)', () => {
  const book = tempCasebook();
  const { newsletter: n, warnings } = importNewsletterText(book.db, SEED);

  it('reads the header through the spaces of the scan', () => {
    expect(n.number).toBe(245);
    expect(n.date).toBe('2024-10-15');
    expect(n.sponsor).toBe('省自贸办');
    expect(warnings).toEqual([]);
  });

  it('has 4 sections and 10 items numbered straight through them', () => {
    expect(n.sections.map((s) => s.name)).toEqual(['龙江板块', '制度创新', '自贸建设', '自贸观察']);
    expect(n.sections.map((s) => s.items.length)).toEqual([6, 2, 1, 1]);
    expect(itemOrdinals(n.sections)).toEqual([
      ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'],
      ['（七）', '（八）'],
      ['（九）'],
      ['（十）'],
    ]);
    expect(n.sections[0]!.items[3]!.title).toBe('绥芬河聚焦四个统筹\u3000以创新助力向北开放');
  });

  it('keeps every word of every item, with the sub-heads as structure and the page-break cuts mended', () => {
    const all = n.sections.flatMap((s) => s.items);
    const printed = all.map((i) => squeeze([i.credit, ...i.paragraphs, ...i.parts.flatMap((p) => [p.heading, ...p.paragraphs])].join('')));
    // Every line of the seed's body is in the item it belongs to.
    const seedBody = SEED.slice(SEED.indexOf('（一）'));
    const chunks = seedBody.split(/\n\s*[（][一二三四五六七八九十]+[）].*\n/u).slice(1);
    expect(chunks).toHaveLength(9);
    const lines = SEED.split('\n').map(squeeze).filter((l) => l && !/^(自贸动态|第245期|主办：省自贸办|2024年10月15日|[一二三四]、.{4}|（[一二三四五六七八九十]）.*|\d\.聚焦.*)$/u.test(l));
    const text = printed.join('');
    for (const l of lines) expect(text).toContain(l.replace(/^新华社北京9月30日电/u, ''));
    const four = all[3]!;
    expect(four.parts.map((p) => p.heading)).toEqual([
      '聚焦贸易升级，开放领域全面拓展',
      '聚焦投资扩容，市场潜力不断释放',
      '聚焦通道畅通，口岸运能持续提升',
      '聚焦平台赋能，产业合作多元融合',
    ]);
    expect(four.paragraphs).toHaveLength(2);
    // «今年» / «上半年复制推广…» was one paragraph split by a page break
    expect(all[0]!.paragraphs.some((p) => p.includes('今年上半年复制推广'))).toBe(true);
    expect(all[0]!.paragraphs.some((p) => p.includes('累计完成74项试点任务'))).toBe(true);
    expect(all[0]!.paragraphs.every((p) => /[。！？”）]$/u.test(p))).toBe(true);
  });

  it('takes the wire credit off the head of item (十)', () => {
    const ten = n.sections[3]!.items[0]!;
    expect(ten.credit).toBe('新华社北京9月30日电');
    expect(ten.paragraphs[0]).toMatch(/^10月1日出版的第19期《求是》杂志/u);
  });

  it('names the unit an item concerns when the library knows it', () => {
    expect(n.sections[0]!.items[0]!.unitName).toBe('哈尔滨片区');
    expect(n.sections[0]!.items[3]!.unitName).toBe('绥芬河片区');
    expect(n.sections[1]!.items[0]!.unitName).toBeNull(); // 湖北省: not a unit of the office
  });

  it('refuses the same issue twice, and a re-spaced copy of it', () => {
    expect(() => importNewsletterText(book.db, SEED)).toThrow(/已经导入过/u);
    expect(() => importNewsletterText(book.db, SEED.replace(/ /gu, ''))).toThrow(/已经导入过/u);
    expect(() => importNewsletterText(book.db, SEED.replace('（十）《求是》', '（十）《 求是》').replace('5000多年来', '5000多年以来'))).toThrow(/第245期已经存在/u);
    expect(listNewsletters(book.db)).toHaveLength(1);
  });

  it('refuses text that is not a newsletter, the database unchanged', () => {
    expect(() => importNewsletterText(book.db, '关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知\n各市（地）：\n现将……')).toThrow(/不像一期《自贸动态》/u);
    expect(() => importNewsletterText(book.db, '自贸动态\n2024年1月1日\n一、龙江板块\n（一）标题\n正文。')).toThrow(/期号/u);
    expect(listNewsletters(book.db)).toHaveLength(1);
  });
});

describe('issues and items', () => {
  const book = tempCasebook();

  it('proposes the next free number, refuses one already used, and keeps item ids across saves', () => {
    expect(nextIssueNumber(book.db)).toBe(1);
    const a = createNewsletter(book.db, { number: 246, date: '2024-11-01', sponsor: '省自贸办', sections: [{ name: '龙江板块', items: [{ title: '甲' }, { title: '乙', paragraphs: ['正文。'] }] }] });
    expect(nextIssueNumber(book.db)).toBe(247);
    expect(() => createNewsletter(book.db, { number: 246, date: '2024-11-02', sections: [] })).toThrow(/第246期已经存在/u);
    const [x, y] = a.sections[0]!.items;
    const moved = updateNewsletter(book.db, a.id, { ...a, sections: [{ name: '龙江板块', items: [y!, x!] }, { name: '自贸观察', items: [] }] });
    expect(moved.sections[0]!.items.map((i) => [i.id, i.title])).toEqual([
      [y!.id, '乙'],
      [x!.id, '甲'],
    ]);
    expect(getNewsletter(book.db, a.id).sections).toHaveLength(2);
  });

  it('drafts an item from a library case: its title, lead, unit and a link back', () => {
    const c = listCases(book.db)[0]!;
    const item = itemFromCase(book.db, c.id);
    expect(item.caseIds).toEqual([c.id]);
    expect(item.unitId).toBe(c.unitId);
    expect(item.title.length).toBeGreaterThan(0);
    expect(item.paragraphs.length).toBeGreaterThan(0);
  });

  it('finds issues by number, section and title', () => {
    expect(listNewsletters(book.db, '246').map((r) => r.number)).toEqual([246]);
    expect(listNewsletters(book.db, '乙').map((r) => r.number)).toEqual([246]);
    expect(listNewsletters(book.db, '不存在的词')).toEqual([]);
  });
});

describe('the parser', () => {
  it('drops the spaces of a scan next to Chinese text and keeps those between Latin words', () => {
    expect(tidySpaces('累计完成 74 项试点任务')).toBe('累计完成74项试点任务');
    expect(tidySpaces('第 245 期')).toBe('第245期');
    expect(tidySpaces('SATware 柔性化 New York')).toBe('SATware柔性化New York');
  });
  it('reads a 来源 last line as the credit', () => {
    const p = parseNewsletterText('第1期\n2024年1月2日\n一、自贸观察\n（一）标题\n正文。\n（来源：黑龙江日报）');
    expect(p.sections[0]!.items[0]).toMatchObject({ credit: '来源：黑龙江日报', paragraphs: ['正文。'] });
  });
});

describe('figures beside the register', () => {
  const book = tempCasebook();
  const { newsletter: n } = importNewsletterText(book.db, SEED);

  it('finds the figures the items state and puts the register figure for the item’s unit beside each', () => {
    const held = registerFigures(book.db);
    const checks = checkFigures(book.db, n);
    const harbin = checks.filter((c) => c.ordinal === '（一）');
    expect(harbin.map((c) => [c.kind, c.stated])).toEqual([
      ['experiences_copied', 254],
      ['cases_total', 255],
      ['cases_provincial', 49],
    ]);
    const copied = held.find((f) => f.kind === 'experiences_copied' && f.unitName === '哈尔滨片区');
    expect(harbin[0]!.register).toBe(copied?.value ?? null);
    const sfh = checks.filter((c) => c.ordinal === '（四）').map((c) => [c.kind, c.stated]);
    expect(sfh).toEqual([
      ['cases_total', 230],
      ['cases_provincial', 48],
    ]);
  });

  it('reads the usual phrasings', () => {
    expect(statedFigures('截至目前，累计复制 254 项先进经验。').map((f) => f.value)).toEqual([254]);
    expect(statedFigures('没有数字的句子。')).toEqual([]);
  });
});

describe('importing an issue from Word', () => {
  it('reads the same issue from a .docx of the seed’s lines', async () => {
    const book = tempCasebook();
    const [title, ...lines] = SEED.split('\n').filter((l) => l.trim());
    const { newsletter } = await importNewsletterFile(book.db, await caseDocx(title!, null, lines), '自贸动态245.docx');
    expect(newsletter.number).toBe(245);
    expect(newsletter.sections.map((s) => s.items.length)).toEqual([6, 2, 1, 1]);
    // the text import of the same words is the same issue
    expect(() => importNewsletterText(book.db, SEED)).toThrow(/已经导入过|已经存在/u);
  });
});
