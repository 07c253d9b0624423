import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, importText } from '../../electron/core/import/import-circular';
import { parseCircular, type ParsedCircular } from '../../electron/core/import/parse-circular';
import { titleKey } from '../../electron/core/import/text';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { getCase, listCases } from '../../electron/core/repos/cases';
import { exportCaseDocx } from '../../electron/core/export/docx';
import { listSources } from '../../electron/core/repos/sources';
import { listUnits } from '../../electron/core/repos/vocab';
import { seedText, tempCasebook } from '../helpers/tmp';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures', name));

describe('the seed circular 黑自贸工办函〔2023〕55号', () => {
  let parsed: ParsedCircular;
  beforeAll(() => {
    parsed = parseCircular(seedText());
  });

  it('reads the circular header', () => {
    expect(parsed.header).toMatchObject({
      docNumber: { code: '黑自贸工办函', year: 2023, seq: 55 },
      title: '关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知',
      layout: 'letter',
      attachmentNote: '第三批复制推广自贸试验区制度创新成果典型案例',
    });
    expect(parsed.header!.addressees).toMatch(/^各市（地）人民政府（行署）.*片区管委会$/u);
    expect(parsed.header!.body).toHaveLength(2);
    expect(parsed.batch).toEqual({ kind: 'replication', ordinal: 3, title: '第三批复制推广自贸试验区制度创新成果典型案例' });
  });

  it('finds all 28 cases with the titles and units of its 汇总表, in order', () => {
    const table = parsed.table!;
    expect(table).toHaveLength(28);
    expect(parsed.cases).toHaveLength(28);
    // The same titles, each case in its own wording (case 20 keeps ‘全通版’, case 22 企业“套餐式”: issue 10.10).
    expect(parsed.cases.map((c) => titleKey(c.title))).toEqual(table.map((r) => titleKey(r.title)));
    expect(parsed.cases[19]!.title).toBe('“推行‘全通版’食品药品许可证”复制推广典型案例');
    expect(parsed.cases[21]!.title).toBe('企业“套餐式”注销服务模式复制推广典型案例');
    expect(parsed.cases.map((c) => c.unitName)).toEqual(table.map((r) => r.unit));
    expect(table[0]).toMatchObject({ seq: 1, unit: '大庆市' });
    expect(table[27]).toMatchObject({ seq: 28, unit: '绥芬河片区' });
    expect(parsed.warnings.filter((w) => /汇总表/u.test(w.message))).toEqual([]);
  });

  it('finds cases 17, 21 and 28 although their «案例 N» lines are missing', () => {
    for (const n of [17, 21, 28]) {
      expect(parsed.cases[n - 1]!.declaredNumber).toBeNull();
      expect(titleKey(parsed.cases[n - 1]!.title)).toBe(titleKey(parsed.table![n - 1]!.title));
    }
    expect(parsed.cases[16]!.title).toBe('“边境地区跨境人民币使用改革创新”复制推广典型案例');
    expect(parsed.cases[15]!.body.at(-1)!.heading).toBe('下一步工作思路'); // case 16 does not swallow 17's title
  });

  it('keeps the structure of case 1: four sections, three sub-items under 二、', () => {
    const c = parsed.cases[0]!;
    expect(c.body.map((s) => s.heading)).toEqual(['复制推广事项介绍', '主要做法', '实践效果', '下一步工作思路']);
    expect(c.body[1]!.items.map((i) => i.heading)).toEqual([
      '推进线上联合报装，让企业用户“不跑路”',
      '设立线下联办窗口，让企业用户“避弯路”',
      '延伸联办服务渠道，让企业用户“抄近路”',
    ]);
    expect(c.lead).toHaveLength(1);
    expect(c.source).toEqual({ name: '自贸试验区第六批改革试点经验', kind: 'pilot' });
    // the paragraph cut by a page break («主动对» / «接”») is one paragraph again
    expect(c.body[1]!.paragraphs).toHaveLength(1);
    expect(c.body[1]!.paragraphs[0]).toContain('专营单位主动对接”，全力推进');
  });

  it('reads case 11 as three sections starting 一、主要做法', () => {
    expect(parsed.cases[10]!.body.map((s) => s.heading)).toEqual(['主要做法', '实践效果', '下一步工作思路']);
    expect(parsed.cases[10]!.body[0]!.items).toHaveLength(4);
  });

  it('keeps repeated section numbers as text and warns (cases 9 and 20)', () => {
    expect(parsed.cases[8]!.body.map((s) => s.heading)).toEqual(['复制推广事项介绍', '主要做法', '实践效果', '下一步工作思路']);
    expect(parsed.cases[19]!.body.map((s) => s.heading)).toEqual(['复制推广事项介绍', '主要做法', '实践效果', '下一步工作思路']);
    expect(parsed.warnings.map((w) => w.caseSeq)).toEqual(expect.arrayContaining([9, 20]));
    expect(parsed.warnings.find((w) => w.caseSeq === 9)!.message).toMatch(/“三、”重复/u);
  });

  it('splits run-in sub-item headings (case 20, 三、(一)…(四))', () => {
    const items = parsed.cases[19]!.body[2]!.items;
    expect(items).toHaveLength(4);
    expect(items[0]).toMatchObject({ heading: '开办时间进一步缩短' });
    expect(items[0]!.text).toMatch(/^“一业一证、证照联办”改革前/u);
  });

  it('rejoins a word split by a page break (case 14, «统» / «一，»)', () => {
    const c = parsed.cases[13]!;
    expect(c.body).toHaveLength(4);
    expect(c.body[2]!.paragraphs.join('')).toContain('统一，实现不动产登记中心可直接调用');
  });

  it('proposes source experiences from the opening sentences', () => {
    expect(parsed.cases[1]!.source).toEqual({ name: '国家第一批最佳实践案例', kind: 'best_practice' });
    expect(parsed.cases[3]!.source).toEqual({ name: '自贸试验区第七批改革试点经验', kind: 'pilot' });
  });
});

describe('importing into the database', () => {
  it('writes one issued batch of 28 cases in 汇总表 order, and refuses to duplicate it', () => {
    const { db } = tempCasebook({ seed: false });
    const report = importText(db, seedText(), 'seed.txt');
    expect(report).toMatchObject({ caseCount: 28, duplicateOf: null });
    const batch = getBatch(db, report.batchId!);
    expect(batch).toMatchObject({ status: 'issued', ordinal: 3, kind: 'replication' });
    expect(batch.circular).toMatchObject({ organ: '中国（黑龙江）自由贸易试验区工作办公室', docSeq: 55, docYear: 2023, layout: 'letter' });
    expect(batch.items.map((i) => i.seq)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    const rows = listCases(db, { batchId: batch.id });
    const table = parseCircular(seedText()).table!;
    expect(rows.map((r) => titleKey(r.title))).toEqual(table.map((r) => titleKey(r.title)));
    // the 汇总表 keeps the table's wording for the Word attachment (issue 10.10)
    expect(batch.items.map((i) => batch.circular.summary!.rows[String(i.caseId)]!.title)).toEqual(table.map((r) => r.title));
    expect(rows.map((r) => r.unitName)).toEqual(table.map((r) => r.unit));
    expect(listSources(db).map((s) => s.name)).toContain('自贸试验区第六批改革试点经验');

    const again = importText(db, seedText(), 'seed-again.txt');
    expect(again.duplicateOf).toBe(batch.id);
    expect(again.batchId).toBeNull();
    expect(listBatches(db)).toHaveLength(1);
    expect(listCases(db)).toHaveLength(28);
  });

  it('takes a 文件格式 circular of innovation cases in plain text with «案例1» lines and 1. sub-items', async () => {
    const { db } = tempCasebook({ seed: false });
    const report = await importFile(db, fixture('innovation-file-format.txt'), 'fourth.txt');
    expect(report.caseCount).toBe(2);
    const batch = getBatch(db, report.batchId!);
    expect(batch).toMatchObject({ kind: 'innovation', ordinal: 4, title: '第四批省级创新实践案例' });
    expect(batch.circular).toMatchObject({
      layout: 'file',
      organ: '中国（黑龙江）自由贸易试验区工作领导小组办公室',
      docCode: '黑自贸办发',
      docYear: 2024,
      docSeq: 7,
      date: '2024-03-08',
      signature: '中国（黑龙江）自由贸易试验区工作领导小组办公室',
      cc: '省委办公厅，省人大常委会办公厅',
      printedDate: '2024-03-08',
    });
    expect(report.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/发文字号.*不合规范/u)]));
    const [first, second] = batch.items.map((i) => i.case);
    expect(first).toMatchObject({ type: 'innovation', unitName: '黑河片区', fieldName: '贸易转型升级' });
    expect(first!.body.map((s) => s.heading)).toEqual(['基本情况', '主要做法', '实践效果', '推广价值']);
    expect(first!.body[0]!.paragraphs).toEqual(['黑河片区依托口岸优势，整合跨境物流资源，打造一站式服务平台。']);
    expect(first!.body[1]!.items.map((i) => [i.heading, i.text, i.paragraphs])).toEqual([
      ['整合口岸资源', '统一调度口岸运力，压缩通关时间。', []],
      ['建设信息平台', '', ['平台汇集物流、报关、结算等数据。']],
    ]);
    expect(second!.body[1]!.items.map((i) => [i.heading, i.text])).toEqual([
      ['建立快速通道', ''],
      ['引入调解机制', '联合行业协会设立调解室。'],
    ]);
    expect(second!.body.at(-1)!.paragraphs).toEqual(['结案周期缩短一半。']); // 版记 lines are not case text
  });

  it('imports a case submitted as a Word file: the project’s own case export reads back the same', async () => {
    const { db } = tempCasebook();
    const source = getCase(db, 11);
    const bytes = await exportCaseDocx(source);
    const fresh = tempCasebook({ seed: false });
    const report = await importFile(fresh.db, bytes, '公证最多跑一次.docx');
    expect(report).toMatchObject({ batchId: null, caseCount: 1 });
    const [back] = listCases(fresh.db);
    const c = getCase(fresh.db, back!.id);
    expect([c.title, c.unitName]).toEqual([source.title, source.unitName]); // the title's soft line break joins back
    expect(c.body).toEqual(source.body);
    expect(c.lead).toEqual(source.lead);
  });

  it('imports a file of cases without a circular as cases only', () => {
    const { db } = tempCasebook({ seed: false });
    const text = '“冰雪旅游一码通”创新实践案例\n(伊春市提供)\n一、基本情况\n伊春市推出一码通。\n二、主要做法\n（一）统一入口\n';
    const report = importText(db, text, 'case.md');
    expect(report).toMatchObject({ batchId: null, caseCount: 1 });
    expect(listCases(db)[0]).toMatchObject({ unitName: '伊春市', status: 'submitted', type: 'innovation' });
  });

  it('rejects bad input with a clear error and writes nothing', async () => {
    const { db } = tempCasebook({ seed: false });
    const count = () => (db.prepare('SELECT (SELECT COUNT(*) FROM cases) + (SELECT COUNT(*) FROM batches) AS n').get() as { n: number }).n;
    const units = listUnits(db).length;
    await expect(importFile(db, new Uint8Array(), 'empty.txt')).rejects.toThrow(/空文件/);
    await expect(importFile(db, Buffer.from('   \n\n'), 'blank.txt')).rejects.toThrow(/没有文字/);
    await expect(importFile(db, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]), 'x.zip')).rejects.toThrow(/不是文本文件/);
    await expect(importFile(db, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]), 'broken.docx')).rejects.toThrow(/不是可读取的 Word 文档/);
    await expect(importFile(db, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'old.doc')).rejects.toThrow(/另存为 \.docx/);
    await expect(importFile(db, fixture('gbk-circular.txt'), 'gbk.txt')).rejects.toThrow(/不是 UTF-8.*GBK/);
    expect(() => importText(db, '会议纪要\n今天开了会。\n', 'notes.txt')).toThrow(/没有找到案例/);
    expect(count()).toBe(0);
    expect(listUnits(db)).toHaveLength(units);
  });
});
