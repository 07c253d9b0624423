import { describe, expect, it } from 'vitest';
import { breakTitle } from '../../shared/title-lines';
import { displayWidth } from '../../shared/width';

// Issue 10 item 7 (GB/T 9704 §7.3.1): a title breaks into a 正梯形 (the short line above the longer one) or, for
// three lines, a balanced 菱形, at word boundaries. A break inside quotes costs a little, so a quoted term stays
// whole wherever the shape allows, and is broken (at a word boundary inside it) where the break after its closing
// mark would give a top-heavy title. No line begins with a space.

/** 2号 across the 版心: 20 characters, 40 half-character columns (blocks.ts TITLE_COLUMNS). */
const COLUMNS = 40;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * The lines hold the title, fit, begin with no space, break at word boundaries, and make a 正梯形: two lines, the
 * top no wider than the second; three, rising or a 菱形 (widest in the middle).
 */
function expectShape(title: string, lines: string[], columns = COLUMNS) {
  const shown = lines.join(' / ');
  expect(lines.join('')).toBe(title);
  const widths = lines.map(displayWidth);
  for (const w of widths) expect(w, shown).toBeLessThanOrEqual(columns);
  for (const l of lines) expect(l, shown).not.toMatch(/^\s/u);
  const ends = new Set<number>();
  let offset = 0;
  for (const { segment } of segmenter.segment(title)) ends.add((offset += segment.length));
  let cut = 0;
  for (const l of lines.slice(0, -1)) expect(ends.has((cut += l.length)), `a break inside a word: ${shown}`).toBe(true);
  if (lines.length === 2) expect(widths[0], `top-heavy: ${shown}`).toBeLessThanOrEqual(widths[1]!);
  if (lines.length === 3) {
    const [a, b, c] = widths as [number, number, number];
    expect(a <= b && (b <= c || c >= a - 4), `neither 正梯形 nor 菱形: ${shown}`).toBe(true); // a 菱形's ends about even
  }
}

/** Breaks `title` and checks the lines against `expected` and the shape. */
function expectLines(title: string, expected: string[], columns = COLUMNS) {
  const lines = breakTitle(title, columns);
  expect(lines).toEqual(expected);
  expectShape(title, lines, columns);
}

describe('title lines', () => {
  it('puts the shorter line on top, breaking inside a quoted term where the break after it would be top-heavy (case 10)', () => {
    expectLines('“不动产登记业务便民模式”复制推广典型案例', ['“不动产登记业务便民', '模式”复制推广典型案例']);
    // the inner term stays whole, the outer one breaks at a word boundary
    expectLines('“推行‘全通版’食品药品许可证”复制推广典型案例', ['“推行‘全通版’食品药品', '许可证”复制推广典型案例']);
    expectLines('关于在全省复制推广“不动产登记业务便民模式”的通知', ['关于在全省复制推广“不动', '产登记业务便民模式”的通知']);
    // case 19: the more even split (13 / 11) would be top-heavy; the term whole (15 / 8) too
    expectLines('“区内机构从境外借入人民币资金”复制推广典型案例', ['“区内机构从境外借入', '人民币资金”复制推广典型案例']);
  });

  it('keeps quoted terms whole where the shape allows it, two of them too', () => {
    expectLines('关于复制推广「一网通办」「一窗受理」改革经验的通知', ['关于复制推广「一网通办」', '「一窗受理」改革经验的通知']);
    expectLines('企业“套餐式”注销服务模式复制推广典型案例', ['企业“套餐式”注销', '服务模式复制推广典型案例']);
    expectLines('“涉税事项网上审批”复制推广典型案例', ['“涉税事项网上审批”复制推广典型案例']);
    // a break inside quotes is taken only where it buys a shape or a balance worth more than the term whole
    expectLines('关于推广“证照分离”改革和“多证合一”登记制度创新经验的通知', ['关于推广“证照分离”改革和“多', '证合一”登记制度创新经验的通知']);
    expectLines('“证照分离”和“多证合一”改革复制推广典型案例', ['“证照分离”和“多证', '合一”改革复制推广典型案例']);
  });

  it('splits a quoted term longer than a line at a word boundary inside it, its inner term whole', () => {
    expectLines('“创新涉外商事诉讼、仲裁与调解‘一站式’纠纷解决机制”复制推广典型案例', [
      '“创新涉外商事诉讼、仲裁与调解',
      '‘一站式’纠纷解决机制”复制推广典型案例',
    ]);
    expectLines('“以信用为核心的跨部门协同监管平台建设和应用及数据共享”复制推广典型案例', [
      '“以信用为核心的跨部门协同监管平台',
      '建设和应用及数据共享”复制推广典型案例',
    ]);
    expectLines('“建设项目水、电、气、暖现场一次联办模式”复制推广典型案例', ['“建设项目水、电、气、暖现场', '一次联办模式”复制推广典型案例']);
    expectLines('“创新涉外商事诉讼、仲裁与调解‘一站式’纠纷解决机制”推广', ['“创新涉外商事诉讼、仲裁与', '调解‘一站式’纠纷解决机制”推广']);
    // the inner term split too where keeping it whole would be top-heavy (19 / 17)
    expectLines('“创新涉外商事诉讼、仲裁与调解‘一站式’纠纷解决机制和‘一窗受理’”典型案例', [
      '“创新涉外商事诉讼、仲裁与调解‘一站',
      '式’纠纷解决机制和‘一窗受理’”典型案例',
    ]);
  });

  it('begins no line with a space', () => {
    // the seed's spelling with spaces: two lines would be top-heavy (“…调解 ‘一站 / 式’…»), three make a 菱形
    expectLines('“创新涉外商事诉讼、仲裁与调解 ‘一站式’ 纠纷解决机制” 复制推广典型案例', [
      '“创新涉外商事诉讼、仲裁',
      '与调解 ‘一站式’ 纠纷解决',
      '机制” 复制推广典型案例',
    ]);
    expectLines('关于推广 “证照分离” 改革和 “多证合一” 登记制度创新经验的通知', ['关于推广 “证照分离” 改革和 ', '“多证合一” 登记制度创新经验的通知']);
    expectLines('“推进信用信息应用 加强社会诚信管理”复制推广典型案例', ['“推进信用信息应用 加强', '社会诚信管理”复制推广典型案例']);
  });

  it('takes a line more where no split at word boundaries gives a 正梯形 (a protected term, or no word end, in the way)', () => {
    // 中国（黑龙江）自由贸易试验区 is never split, so two lines could only be 19 / 12 characters
    expectLines('关于印发《中国（黑龙江）自由贸易试验区总体方案》实施细则的通知', ['关于印发', '《中国（黑龙江）自由贸易试验区总体方案》', '实施细则的通知']);
    expectLines('关于复制推广中国（黑龙江）自由贸易试验区“不动产登记业务便民模式”的通知', [
      '关于复制推广',
      '中国（黑龙江）自由贸易试验区',
      '“不动产登记业务便民模式”的通知',
    ]);
    // seed 004's tenth item at the newsletter's width: two lines would need a top line of 52 or 53 columns, where no
    // word ends (it was cut «…弘扬伟 / 大爱国…», 27 characters over 26)
    const item = '（一）《求是》杂志发表习近平总书记重要文章《大力弘扬伟大爱国主义精神，把强国建设、民族复兴伟业不断推向前进》';
    expectLines(item, ['（一）《求是》杂志发表习近平总书记', '重要文章《大力弘扬伟大爱国主义精神，', '把强国建设、民族复兴伟业不断推向前进》'], 54);
  });

  it('balances three lines, and the newsletter’s wider lines', () => {
    expectLines('关于印发我省第三批复制推广自贸试验区制度创新成果典型案例和第四批省级创新实践案例汇编的通知', [
      '关于印发我省第三批复制推广',
      '自贸试验区制度创新成果典型案例和',
      '第四批省级创新实践案例汇编的通知',
    ]);
    expectLines('（三）黑龙江自贸试验区哈尔滨片区“跨境电商监管新模式”和“供电服务新模式”获评全省制度创新最佳实践案例', [
      '（三）黑龙江自贸试验区哈尔滨片区“跨境电商监管新',
      '模式”和“供电服务新模式”获评全省制度创新最佳实践案例',
    ], 54);
  });

  it('breaks a title of the longest allowed length at once (500 characters, a circular’s bound)', () => {
    const bases = [
      '关于印发我省第三批“复制推广自贸试验区”制度创新成果典型案例和第四批《省级创新实践案例汇编》的通知',
      '“不动产登记业务便民模式”复制推广典型案例',
      '中国（黑龙江）自由贸易试验区哈尔滨片区“跨境电商＋中欧班列”出口新模式 RCEP原产地证书“智能审核＋自助打印”服务2024年推广',
    ];
    // the shortest of them first: three lines, a 正梯形 (and ICU's dictionary loaded before the clock starts)
    expectLines(bases[0]!, ['关于印发我省第三批“复制推广', '自贸试验区”制度创新成果典型案例和', '第四批《省级创新实践案例汇编》的通知']);
    for (const base of bases) {
      for (const n of [120, 200, 500]) {
        const title = base.repeat(20).slice(0, n);
        const started = performance.now();
        const lines = breakTitle(title, COLUMNS);
        expect(performance.now() - started, `${n} characters`).toBeLessThan(100); // was 7.7 s at 120, minutes beyond
        expect(lines.join('')).toBe(title);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(COLUMNS);
        for (const l of lines) expect(l).not.toMatch(/^\s/u);
        expect(lines.length).toBeLessThanOrEqual(Math.ceil(displayWidth(title) / COLUMNS) + 2);
      }
    }
    // a long title that can rise does: no line wider than the one below
    const rising = breakTitle(bases[1]!.repeat(4), COLUMNS).map(displayWidth);
    expect(rising.every((w, i) => i === 0 || rising[i - 1]! <= w), rising.join(',')).toBe(true);
  });
});
