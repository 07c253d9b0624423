import { describe, expect, it } from 'vitest';
import { batchTitle } from '../../shared/circular';
import { fromChineseNumeral, MAX_CHINESE_NUMERAL, toChineseNumeral } from '../../shared/numerals';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { checkText } from '../../electron/core/proofread/text-rules';
import { parseCircular } from '../../electron/core/import/parse-circular';
import { seedText, tempCasebook } from '../helpers/tmp';

describe('Chinese numerals past 99 (batch ordinals, 序号)', () => {
  it('writes and reads every number to 9,999 the way a circular does', () => {
    expect([100, 101, 110, 111, 120, 205, 999, 1000, 1001, 1010, 1100, 2024, 9999].map(toChineseNumeral)).toEqual([
      '一百', '一百零一', '一百一十', '一百一十一', '一百二十', '二百零五', '九百九十九', '一千', '一千零一', '一千零一十', '一千一百', '二千零二十四', '九千九百九十九',
    ]);
    for (let n = 1; n <= MAX_CHINESE_NUMERAL; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
    for (const bad of ['百', '一百零零一', '一百十', '十百', '零', '一千千', '二十〇']) expect(fromChineseNumeral(bad)).toBeNull();
    expect(() => toChineseNumeral(MAX_CHINESE_NUMERAL + 1)).toThrow(/只支持/u);
  });

  it('a 第一百二十批 batch can be made, titled and drafted', async () => {
    const book = tempCasebook();
    const handlers = createHandlers({ db: book.db, dbFile: book.file, host: { transport: 'http', version: 't', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} } });
    const made = await dispatch(handlers, 'batches.create', { kind: 'replication', ordinal: 120, caseIds: [1, 2] });
    expect(made.ok).toBe(true);
    const id = (made as { value: { id: number } }).value.id;
    expect(((await dispatch(handlers, 'batches.get', { id })) as { value: { title: string } }).value.title).toBe(batchTitle('replication', 120));
    expect(batchTitle('replication', 120)).toContain('第一百二十批');
    const draft = (await dispatch(handlers, 'batches.draftBody', { id })) as { ok: boolean; value: string[] };
    expect(draft.ok).toBe(true);
    expect(draft.value.join('')).toContain('第一百二十批');
    book.close();
  });

  it('an imported circular of the 第一百零一批 keeps its ordinal', () => {
    const parsed = parseCircular(seedText().replaceAll('第三批', '第一百零一批'));
    expect(parsed.batch?.ordinal).toBe(101);
  });
});

describe('the proofreader on 100,000-character paragraphs', () => {
  // Quadratic rules took ~50 s here; a linear pass takes milliseconds. The bound is 50 times the benchmark's
  // target, so only a return to quadratic time (or worse) fails it, not a busy machine.
  const N = 100_000;
  const pathological: [string, string][] = [
    ['one paragraph of Chinese without a 文号 (the old 文号 pattern retried it from every position)', '汉'.repeat(N)],
    ['a run of Chinese before a bracketed year', `${'汉'.repeat(N - 12)}〔2023〕 5号`],
    ['runs of Chinese each ending in a bracket', `${'汉'.repeat(48)}〔2023〕`.repeat(N / 54)],
    ['spaces between 文号 parts', `黑自贸工办函〔2023〕${' '.repeat(N)}第`],
    ['half-width brackets', '('.repeat(N)],
    ['closing brackets', ')'.repeat(N)],
    ['many dates, 文号 and spaces', 'a(b)c 2023 年 01 月 5 日 黑自贸工办函[2023]第05号 ,中'.repeat(N / 40)],
  ];
  for (const [what, text] of pathological) {
    it(`finishes quickly: ${what}`, () => {
      const t0 = performance.now();
      checkText(text);
      expect(performance.now() - t0).toBeLessThan(5000);
    });
  }

  it('still finds what it found before', () => {
    const hits = checkText('根据黑自贸工办函 [2023] 第055号文件，于2023年01月05日印发(以下简称通知)。');
    const doc = hits.find((h) => h.rule === 'doc-number')!;
    expect(doc.replacement).toBe('根据黑自贸工办函〔2023〕55号');
    expect(hits.find((h) => h.rule === 'date-format')?.replacement).toBe('2023年1月5日');
    expect(hits.filter((h) => h.rule === 'halfwidth-punct').map((h) => h.replacement)).toEqual(['（', '）']);
    // the 机关代字 is read back at most 30 characters: a sentence before it is not part of the 文号
    const long = checkText(`${'很长的句子'.repeat(20)}黑自贸工办函[2023]5号`).find((h) => h.rule === 'doc-number')!;
    expect(long.length).toBeLessThanOrEqual(30 + '[2023]5号'.length);
    // a space inside a fixed 文号 is one finding, not two
    expect(checkText('黑自贸工办函 〔2023〕5号').filter((h) => h.rule === 'stray-space')).toEqual([]);
  });
});
