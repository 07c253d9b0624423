import { Document, Packer, Paragraph, TextRun, DeletedTextRun, InsertedTextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
import { toChineseNumeral } from '../../shared/numerals';
import { testHost } from '../helpers/host';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { apiOk, apiRefused } from './api-refused';

// 《自贸动态》 imports (issue 12) as a careless or hostile clerk makes them: each is refused at the file with a
// Chinese message that names what to fix, or imported whole with what the reader noticed; a refusal writes nothing.

const book = tempCasebook();
const { db } = book;
const handlers = createHandlers({ db, dbFile: book.file, host: testHost(tempDir()) });
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
let next = 300;
/** An issue's text with a fresh 期号 (or the one given) and the items given after the first section. */
const issue = (items: string, number = `第${next++}期`) => `自贸动态\n${number}\n主办：省自贸办\n2024年10月15日\n一、龙江板块\n${items}`;
const refused = async (text: string) => (await apiRefused(db, handlers, 'newsletters.import', { fileName: '动态.txt', base64: b64(text) })).message;

describe('the head of an issue', () => {
  it('第0期, 第99999999期 and 第999999期 are refused as out of range, not «no number found»', async () => {
    for (const n of ['第0期', '第99999999期', '第999999期']) {
      // before: «没有找到期号» for eight digits, and zod's «number：期号应为正整数» for 第0期
      expect(await refused(issue('（一）标题\n正文。', n))).toBe(`期号“${n}”无效：应为 1 至 100000 之间的整数`);
    }
  });

  it('an impossible date is refused', async () => {
    expect(await refused(issue('（一）标题\n正文。').replace('10月15日', '2月30日'))).toBe('出刊日期无效：2024年2月30日');
  });
});

describe('the items of an issue', () => {
  it('a text whose items have no ordinal the parser knows is refused, not created empty with 20,000 warnings', async () => {
    const text = issue(Array.from({ length: 10_000 }, (_, i) => `（${i + 1}）标题\n正文。`).join('\n'));
    expect(await refused(text)).toMatch(/^没有找到文章/u);
  });

  it('an item too long is named with its number and title, not by a schema path', async () => {
    const two = '（一）第一篇\n正文。\n（二）超长的一篇\n';
    expect(await refused(issue(two + '正文。\n'.repeat(500)))).toBe('第 2 篇“超长的一篇”有一处连续 500 段，超过上限 400 段，未导入：请删减或分成几篇后再导入');
    expect(await refused(issue(two + Array.from({ length: 50 }, (_, i) => `${i + 1}. 小标题\n正文。`).join('\n')))).toMatch(/^第 2 篇“超长的一篇”有 50 个小标题，超过上限 30 个/u);
    expect(await refused(issue(two + '长'.repeat(30_000) + '。'))).toMatch(/^第 2 篇“超长的一篇”有一段 30001 个字/u);
  });

  it('10,000 items in Chinese ordinals are refused with the count', async () => {
    const text = issue(Array.from({ length: 10_000 }, (_, i) => `（${toChineseNumeral((i % 999) + 1)}）标题\n正文。`).join('\n'));
    expect(await refused(text)).toMatch(/^一期最多 100 篇，这里有 \d+ 篇/u);
  });

  it('a pasted item past the limits is refused, not handed to the composer to fail on save', async () => {
    const error = await apiRefused(db, handlers, 'newsletters.itemFromText', { text: '标题\n' + '正文。\n'.repeat(1_000) });
    expect(error.message).toMatch(/连续 1000 段，超过上限 400 段/u);
  });
});

describe('what the reader noticed reaches the clerk', () => {
  it('a .docx with tracked changes imports with the note that they were accepted', async () => {
    const date = '2024-10-15T00:00:00Z';
    const lines = ['自贸动态', '第400期', '主办：省自贸办', '2024年10月15日', '一、龙江板块', '（一）标题'];
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              ...lines.map((t) => new Paragraph(t)),
              new Paragraph({ children: [new TextRun('正文'), new InsertedTextRun({ text: '补充', id: 1, author: '编辑', date }), new DeletedTextRun({ text: '删去', id: 2, author: '编辑', date }), new TextRun('。')] }),
            ],
          },
        ],
      }),
    );
    const result = await apiOk<{ newsletter: { sections: { items: { paragraphs: string[] }[] }[] }; warnings: string[] }>(handlers, 'newsletters.import', { fileName: '修订.docx', base64: b64(bytes) });
    expect(result.newsletter.sections[0]!.items[0]!.paragraphs).toEqual(['正文补充。']);
    // before: the note was dropped and the clerk never learnt that «删去» had been a deletion
    expect(result.warnings[0]).toMatch(/修订.docx含有未接受的修订：已按接受全部修订读入/u);
  });
});

describe('references an item makes', () => {
  const withItem = (item: Record<string, unknown>) => ({
    number: next++,
    date: '2024-10-15',
    sections: [{ name: '龙江板块', items: [{ title: '第一篇', credit: '', unitId: null, paragraphs: ['正文。'], parts: [], caseIds: [], sourceIds: [], ...item }] }],
  });
  it('a unit, case or experience that does not exist is refused with the item named, not as a bare foreign-key failure', async () => {
    expect((await apiRefused(db, handlers, 'newsletters.create', withItem({ unitId: 9999 }))).message).toBe('第 1 篇“第一篇”的单位不存在（ID 9999）');
    expect((await apiRefused(db, handlers, 'newsletters.create', withItem({ caseIds: [9999] }))).message).toBe('第 1 篇“第一篇”关联的案例不存在（ID 9999）');
    expect((await apiRefused(db, handlers, 'newsletters.create', withItem({ sourceIds: [9999] }))).message).toBe('第 1 篇“第一篇”关联的经验不存在（ID 9999）');
    await apiOk(handlers, 'newsletters.create', withItem({ caseIds: [1] }));
  });

  it('a part nested inside a part, or a key the composer never sends, is refused, not dropped in silence', async () => {
    const nested = withItem({ parts: [{ heading: '小标题', paragraphs: ['正文。'], parts: [{ heading: '下级', paragraphs: ['会丢失的正文。'] }] }] });
    // before: saved without «会丢失的正文。»
    expect((await apiRefused(db, handlers, 'newsletters.create', nested)).message).toMatch(/不认识的字段：parts/u);
    expect((await apiRefused(db, handlers, 'newsletters.create', withItem({ body: ['正文'] }))).message).toMatch(/不认识的字段：body/u);
  });
});
