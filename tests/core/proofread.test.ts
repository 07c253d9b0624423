import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CaseContent } from '../../shared/domain';
import { checkCase, checkCircular, checkRawText } from '../../electron/core/proofread/check';
import { applyFixes } from '../../electron/core/proofread/fixes';
import { checkText } from '../../electron/core/proofread/text-rules';
import { seedText } from '../helpers/tmp';
import { draftCase } from '../helpers/case-content';

const rules = (text: string) => checkText(text).map((h) => h.rule);
const fixed = (text: string) =>
  checkText(text)
    .filter((h) => h.replacement !== null)
    .sort((a, b) => b.offset - a.offset)
    .reduce((t, h) => t.slice(0, h.offset) + h.replacement + t.slice(h.offset + h.length), text);

function content(patch: Partial<CaseContent> = {}): CaseContent {
  return draftCase({
    title: '“测试”复制推广典型案例',
    body: ['复制推广事项介绍', '主要做法', '实践效果', '下一步工作思路'].map((heading) => ({ heading, text: '', paragraphs: ['内容。'], items: [] })),
    ...patch,
  });
}

describe('text rules: each must and must not trigger', () => {
  it('half-width punctuation next to Chinese', () => {
    expect(rules('中国(黑龙江)自由贸易试验区')).toEqual(['halfwidth-punct', 'halfwidth-punct']);
    expect(fixed('中国(黑龙江)自由贸易试验区,成立于2019年;')).toBe('中国（黑龙江）自由贸易试验区，成立于2019年；');
    expect(fixed('襄阳片区(以下简称襄阳片区)先行')).toBe('襄阳片区（以下简称襄阳片区）先行');
    expect(rules('共计1,509笔，时间9:30，版本v2.0 (beta)')).toEqual([]);
    expect(rules('中国（黑龙江）自由贸易试验区，成立。')).toEqual([]);
  });

  it('paired quotes and brackets', () => {
    expect(rules('推行“一站式服务')).toEqual(['paired-marks']);
    expect(rules('推行一站式”服务')).toEqual(['paired-marks']);
    expect(rules('《通知（试行）')).toEqual(['paired-marks']);
    expect(rules('推行"一站式"服务')).toEqual(['paired-marks', 'paired-marks']);
    expect(rules('推行“一站式”服务，印发《办法（试行）》')).toEqual([]);
  });

  it('文号 in the 〔2023〕55号 form', () => {
    expect(fixed('印发（伊政办规[2022]037号）')).toBe('印发（伊政办规〔2022〕37号）');
    expect(fixed('见黑自贸工办函【2023】第55号文')).toBe('见黑自贸工办函〔2023〕55号文');
    expect(fixed('（自贸司便函〔2022〕31 号 ）')).toBe('（自贸司便函〔2022〕31号）');
    expect(rules('黑自贸工办函〔2023〕55号')).toEqual([]);
  });

  it('dates with the full year and no leading zeros', () => {
    expect(fixed('于2023年06月05日印发')).toBe('于2023年6月5日印发');
    expect(rules('于23年6月5日印发')).toEqual(['date-format']);
    expect(fixed('2022 年 3 月，海关总署')).toBe('2022年3月，海关总署');
    expect(rules('于2023年6月5日印发，2024年10月')).toEqual([]);
  });

  it('stray spaces between Chinese and numbers or marks, but not between two phrases', () => {
    expect(fixed('归集信息 2104.69 万条')).toBe('归集信息2104.69万条');
    expect(rules('“屡禁不止 屡罚不改”')).toEqual([]);
    expect(rules('Microsoft Word 文档')).toEqual(['stray-space']);
  });
});

describe('structured rules', () => {
  const s = DEFAULT_SETTINGS;
  it('required sections, accepting the names the office uses', () => {
    expect(checkCase(content(), { caseId: 1, caseSeq: 1 }, s).filter((f) => f.rule === 'required-section')).toEqual([]);
    const renamed = content({ body: ['复制推广事项', '主要做法', '实施成效', '下一步打算'].map((heading) => ({ heading, text: '', paragraphs: ['内容。'], items: [] })) });
    expect(checkCase(renamed, { caseId: 1, caseSeq: 1 }, s).filter((f) => f.rule === 'required-section')).toEqual([]);
    const missing = checkCase(content({ body: content().body.slice(1) }), { caseId: 1, caseSeq: 1 }, s);
    expect(missing.filter((f) => f.rule === 'required-section').map((f) => f.message)).toEqual(['缺少“复制推广事项介绍”部分']);
  });

  it('empty sub-items and typed ordinals', () => {
    const body = content().body;
    body[1] = { heading: '主要做法', text: '', paragraphs: [], items: [{ heading: '（一）建立机制', text: '', paragraphs: [], items: [] }] };
    const f = checkCase(content({ body }), { caseId: 1, caseSeq: 2 }, s);
    expect(f.map((x) => x.rule).sort()).toEqual(['empty-item', 'typed-ordinal']);
    const typed = f.find((x) => x.rule === 'typed-ordinal')!;
    expect(typed.place.label).toBe('案例2 二、（一）标题');
    expect(applyFixes(content({ body }), [typed.fix!]).body[1]!.items[0]!.heading).toBe('建立机制');
  });

  it('a typed «（XX提供）» line that disagrees with the unit', () => {
    const f = checkCase({ ...content({ lead: ['（伊春市提供）'] }), unitName: '大庆市' }, { caseId: 1, caseSeq: 1 }, s);
    expect(f.find((x) => x.rule === 'unit-line')).toMatchObject({ severity: 'error' });
    const ok = checkCase({ ...content({ lead: ['（大庆市提供）'] }), unitName: '大庆市' }, { caseId: 1, caseSeq: 1 }, s);
    expect(ok.find((x) => x.rule === 'unit-line')).toMatchObject({ severity: 'warning' });
  });

  it('applies fixes only where the text is still what the fix expects', () => {
    const c = content({ lead: ['中国(黑龙江)自贸区'] });
    const f = checkCase(c, { caseId: 1, caseSeq: null }, s).filter((x) => x.fix);
    expect(applyFixes(c, f.map((x) => x.fix!)).lead[0]).toBe('中国（黑龙江）自贸区');
    const edited = content({ lead: ['中国黑龙江(自贸区)'] });
    expect(() => applyFixes(edited, f.map((x) => x.fix!))).toThrow(/已改变/u);
  });

  it('the circular: 文号, date and the attachment name', () => {
    const f = checkCircular({ organ: 'x', docCode: '黑', docYear: null, docSeq: null, title: '关于印发的通知', addressees: '各市', body: ['正文。'], attachmentNote: '第三批案例。', signature: 'x', date: null, cc: '', printedBy: '', printedDate: null, layout: 'letter' });
    expect(f.map((x) => x.rule).sort()).toEqual(['date-format', 'doc-number', 'halfwidth-punct']);
  });

  it('gives each finding a stable key', () => {
    const a = checkCase(content({ lead: ['中国(黑龙江)'] }), { caseId: 1, caseSeq: 1 }, s);
    const b = checkCase(content({ lead: ['中国(黑龙江)'] }), { caseId: 1, caseSeq: 1 }, s);
    expect(a.map((x) => x.key)).toEqual(b.map((x) => x.key));
    expect(new Set(a.map((x) => x.key)).size).toBe(a.length);
  });
});

describe('the seed circular’s own errors', () => {
  const findings = checkRawText(seedText(), DEFAULT_SETTINGS);
  it('finds the repeated ordinals of cases 9 and 20', () => {
    const seq = findings.filter((f) => f.rule === 'ordinal-sequence');
    expect(seq.map((f) => [f.place.caseSeq, f.severity])).toEqual([[9, 'error'], [20, 'error']]);
    expect(seq[0]!.message).toMatch(/“三、”重复/u);
    expect(seq[1]!.message).toMatch(/“二、”重复/u);
  });
  it('finds «中国(黑龙江)» and offers the full-width fix', () => {
    const organ = findings.find((f) => f.rule === 'halfwidth-punct' && f.place.index === 3)!;
    expect(organ.excerpt).toContain('中国(黑龙江)');
    expect(organ.fix!.replacement).toBe('（');
  });
  it('finds half-width (一) ordinals and the missing sections of cases 4 and 11', () => {
    expect(findings.filter((f) => f.rule === 'ordinal-style').length).toBeGreaterThan(10);
    expect(findings.filter((f) => f.rule === 'required-section').map((f) => f.place.caseSeq)).toEqual([4, 11]);
  });
});

describe('a clean circular', () => {
  it('produces no findings', () => {
    const clean = fs.readFileSync(path.join(__dirname, '../fixtures/clean-circular.txt'), 'utf8');
    expect(checkRawText(clean, DEFAULT_SETTINGS)).toEqual([]);
  });
});
