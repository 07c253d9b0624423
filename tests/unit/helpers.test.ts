import { describe, expect, it } from 'vitest';
import { fromChineseNumeral, toChineseNumeral } from '../../shared/numerals';
import { DOC_NUMBER_PATTERN, formatDocNumber, parseDocNumber } from '../../shared/docnumber';
import { ordinalFor, readOrdinal } from '../../shared/ordinals';
import { printBlocks, headingLine } from '../../shared/body';
import { batchTitle, circularTitle, formatChineseDate, unitPhrase } from '../../shared/circular';
import { displayWidth } from '../../shared/width';
import type { BodyNode } from '../../shared/domain';

describe('Chinese numerals', () => {
  it('writes 1–99 the way documents do', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 28, 55, 90, 99].map(toChineseNumeral)).toEqual([
      '一', '九', '十', '十一', '十九', '二十', '二十一', '二十八', '五十五', '九十', '九十九',
    ]);
  });
  it('reads back every number it writes', () => {
    for (let n = 1; n <= 99; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
  });
  it('rejects what is not a numeral of that range', () => {
    expect(() => toChineseNumeral(0)).toThrow();
    expect(() => toChineseNumeral(10000)).toThrow();
    expect(() => toChineseNumeral(2.5)).toThrow();
    for (const bad of ['', '一十一十', '十十', '百', 'abc', '一二']) expect(fromChineseNumeral(bad)).toBeNull();
  });
});

describe('文号', () => {
  it('formats in the standard form', () => {
    const s = formatDocNumber({ code: '黑自贸工办函', year: 2023, seq: 55 });
    expect(s).toBe('黑自贸工办函〔2023〕55号');
    expect(DOC_NUMBER_PATTERN.test(s)).toBe(true);
  });
  it('reads the forms clerks type, and says which were not standard', () => {
    expect(parseDocNumber('黑自贸工办函〔2023〕55号')).toEqual({ code: '黑自贸工办函', year: 2023, seq: 55, strict: true });
    for (const t of ['黑自贸工办函[2023]55号', '黑自贸工办函【2023】055号', '黑自贸工办函（2023）第55号', '黑自贸工办函 (2023) 55 号']) {
      expect(parseDocNumber(t)).toEqual({ code: '黑自贸工办函', year: 2023, seq: 55, strict: false });
    }
    for (const t of ['2023年55号', '黑自贸工办函〔23〕55号', '关于印发的通知', '黑自贸工办函〔2023〕0号']) expect(parseDocNumber(t)).toBeNull();
  });
});

describe('ordinals', () => {
  it('generates the four levels', () => {
    expect([1, 2, 3, 4].map((l) => ordinalFor(l, 1))).toEqual(['二、', '（二）', '2.', '（2）']);
    expect(ordinalFor(1, 10)).toBe('十一、');
    expect(() => ordinalFor(5, 0)).toThrow();
  });
  it('reads ordinals in both bracket widths and leaves 一是 paragraphs alone', () => {
    expect(readOrdinal('三、实践效果')).toMatchObject({ level: 1, number: 3, rest: '实践效果' });
    expect(readOrdinal('(二) 夯实基础')).toMatchObject({ level: 2, number: 2, rest: '夯实基础' });
    expect(readOrdinal('（十二）收尾')).toMatchObject({ level: 2, number: 12 });
    expect(readOrdinal('3.强化监管')).toMatchObject({ level: 3, number: 3, rest: '强化监管' });
    expect(readOrdinal('(4) 细则')).toMatchObject({ level: 4, number: 4 });
    expect(readOrdinal('一是建机制。')).toBeNull();
    expect(readOrdinal('一，实现数据调用')).toBeNull();
    expect(readOrdinal('2104.69 万条')).toBeNull();
    expect(readOrdinal('2022 年 3 月，海关总署')).toBeNull();
  });
  it('numbers a body from its structure', () => {
    const node = (heading: string, items: BodyNode[] = [], paragraphs: string[] = []): BodyNode => ({ heading, text: '', paragraphs, items });
    const blocks = printBlocks([node('甲'), node('乙', [node('丙', [node('丁', [node('戊')])])], ['段落'])]);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.ordinal + b.heading : ''))).toEqual([
      '一、甲', '二、乙', '（一）丙', '1.丁', '（1）戊',
    ]);
    expect(blocks[2]).toMatchObject({ kind: 'paragraph', text: '段落' });
  });
  it('ends a heading with 。 only when text runs in after it', () => {
    expect(headingLine('开办时间缩短', '改革前……')).toEqual({ heading: '开办时间缩短。', rest: '改革前……' });
    expect(headingLine('开办时间缩短', '')).toEqual({ heading: '开办时间缩短', rest: '' });
  });
});

describe('circular wording', () => {
  it('drafts titles and unit lists', () => {
    expect(batchTitle('replication', 3)).toBe('第三批复制推广自贸试验区制度创新成果典型案例');
    expect(circularTitle('第三批X')).toBe('关于印发我省第三批X的通知');
    expect(
      unitPhrase([
        { name: '大庆市', kind: 'city' },
        { name: '伊春市', kind: 'city' },
        { name: '哈尔滨片区', kind: 'area' },
        { name: '黑河片区', kind: 'area' },
      ]),
    ).toBe('大庆、伊春等市（地）及我省自贸试验区哈尔滨、黑河片区');
    expect(formatChineseDate('2023-06-05')).toBe('2023年6月5日');
  });
  it('counts a CJK character as two columns', () => {
    expect(displayWidth('序号')).toBe(4);
    expect(displayWidth('A1')).toBe(2);
    expect(displayWidth('“案例”')).toBe(8);
  });
});

describe('body edits by path', async () => {
  const ops = await import('../../shared/body-ops');
  const n = (heading: string, items: BodyNode[] = []): BodyNode => ({ heading, text: '', paragraphs: [], items });
  const body = [n('甲', [n('甲一'), n('甲二')]), n('乙')];
  it('moves, inserts, removes and nests without touching the original', () => {
    expect(ops.moveNode(body, [0, 1], -1)[0]!.items.map((x) => x.heading)).toEqual(['甲二', '甲一']);
    expect(ops.moveNode(body, [1], 1)).toEqual(body); // already last
    expect(ops.insertAfter(body, [0], n('新')).map((x) => x.heading)).toEqual(['甲', '新', '乙']);
    expect(ops.removeNode(body, [0, 0])[0]!.items.map((x) => x.heading)).toEqual(['甲二']);
    const deep = ops.addChild(ops.addChild(ops.addChild(body, [1], n('a')), [1, 0], n('b')), [1, 0, 0], n('c'));
    expect(ops.nodeAt(deep, [1, 0, 0, 0])!.heading).toBe('c');
    expect(ops.addChild(deep, [1, 0, 0, 0], n('d'))).toEqual(deep); // no fifth level
    expect(body[0]!.items.map((x) => x.heading)).toEqual(['甲一', '甲二']);
    expect(ops.bodyFromTemplate(['一', '二']).map((x) => [x.heading, x.paragraphs])).toEqual([['一', ['']], ['二', ['']]]);
  });
});
