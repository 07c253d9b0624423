import { zipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatCounter } from '../../electron/core/import/docx-text';
import { readFileText } from '../../electron/core/import/file-text';
import { importFile } from '../../electron/core/import/import-circular';
import { parseCircular } from '../../electron/core/import/parse-circular';
import { getCase } from '../../electron/core/repos/cases';
import { tempCasebook } from '../helpers/tmp';
import { SAMPLE_CASES, typedText, wordFile } from '../helpers/word-samples';

// Issue 17.1–17.5: a Word file imports to the same structure as the typed text of the same cases, whether its
// ordinals come from automatic numbering, from heading styles or from a paragraph style's numbering.

const structure = (text: string) =>
  parseCircular(text).cases.map((c) => ({ title: c.title, unit: c.unitName, lead: c.lead, body: c.body }));

describe('Word files read paragraph by paragraph', () => {
  const typed = structure(typedText());

  it('the typed twin has the sample structure (the baseline)', () => {
    expect(typed).toHaveLength(2);
    expect(typed[0]!.body.map((s) => s.heading)).toEqual(['复制推广事项介绍', '主要做法', '实践效果']);
    expect(typed[0]!.body[1]!.items[0]!.items.map((i) => i.heading)).toEqual(['推行“一窗受理、集成服务”', '实行退货商品分类监管']);
  });

  it('automatic numbering (chineseCounting «%1、», «（%2）», decimal «%3.», a new list per case) reads as typed ordinals', async () => {
    const { text, notes } = await readFileText(await wordFile('numbering'), '编号.docx');
    expect(text).toContain('一、复制推广事项介绍\n\n跨境电商'); // a heading never fuses with its paragraph
    expect(text).toContain('（一）优化退货流程');
    expect(text).toContain('1.推行“一窗受理、集成服务”。');
    expect(text).toContain('一、基本情况'); // the second case's list starts again
    expect(structure(text)).toEqual(typed);
    expect(notes).toEqual([]);
  });

  it('heading styles without ordinals give the same structure', async () => {
    const { text } = await readFileText(await wordFile('headings'), '标题样式.docx');
    expect(structure(text)).toEqual(typed);
  });

  it('numbering that comes from the paragraph style gives the same structure', async () => {
    const one = SAMPLE_CASES.slice(0, 1);
    const { text } = await readFileText(await wordFile('style-numbering', one), '样式编号.docx');
    expect(structure(text)).toEqual(structure(typedText(one)));
  });

  it('a soft line break joins without a space; tracked changes are accepted and said; a table is kept with a warning', async () => {
    const { text, notes } = await readFileText(await wordFile('numbering', SAMPLE_CASES, { softBreak: true, revisions: true, table: true }), '修订.docx');
    const parsed = structure(text);
    expect(parsed[0]!.title).toBe(SAMPLE_CASES[0]!.title);
    expect(text).not.toContain('删去的字');
    expect(parsed[0]!.body[0]!.paragraphs).toEqual(SAMPLE_CASES[0]!.sections[0]!.paragraphs);
    expect(parsed[0]!.body[2]!.paragraphs).toContain('指标\t改革前\t改革后');
    expect(notes.map((n) => n.message).join('\n')).toMatch(/修订.docx含有未接受的修订：已按接受全部修订读入/u);
    expect(notes.map((n) => n.message).join('\n')).toMatch(/含有表格：已按行读入/u);
  });

  it('imports through importFile with the notes first among the warnings', async () => {
    const { db } = tempCasebook({ seed: false });
    const report = await importFile(db, await wordFile('numbering', SAMPLE_CASES, { revisions: true }), '两个案例.docx');
    expect(report.caseCount).toBe(2);
    expect(report.warnings[0]!.message).toMatch(/未接受的修订/u);
    const first = getCase(db, report.caseIds[0]!);
    expect(first.body.map((s) => s.heading)).toEqual(['复制推广事项介绍', '主要做法', '实践效果']);
  });

  it('startOverride and a level’s start are honoured', async () => {
    const bytes = await wordFile('numbering', SAMPLE_CASES.slice(0, 1));
    const parts = unzipSync(bytes);
    const numbering = new TextDecoder().decode(parts['word/numbering.xml']!);
    // start the first level at 三 by overriding the list instance the paragraphs use
    const patched = numbering.replace(/(<w:num w:numId="2">[\s\S]*?<w:lvlOverride w:ilvl="0"><w:startOverride w:val=")1(")/u, '$13$2');
    expect(patched).not.toBe(numbering);
    const { text } = await readFileText(zipSync({ ...parts, 'word/numbering.xml': new TextEncoder().encode(patched) }), '续号.docx');
    expect(text).toContain('三、复制推广事项介绍');
    expect(text).toContain('四、主要做法');
  });

  it('formats counters as Word shows them', () => {
    expect([1, 10, 11, 21].map((n) => formatCounter(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十一']);
    expect(formatCounter(3, 'chineseCountingThousand')).toBe('三');
    expect(formatCounter(2, 'ideographTraditional')).toBe('乙');
    expect(formatCounter(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatCounter(12, 'decimalFullWidth')).toBe('12');
    expect(formatCounter(4, 'lowerRoman')).toBe('iv');
  });
});
