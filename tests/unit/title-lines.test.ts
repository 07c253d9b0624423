import { describe, expect, it } from 'vitest';
import { breakTitle } from '../../shared/title-lines';
import { displayWidth } from '../../shared/width';

// GB/T 9704 §7.3.1: a title of several lines keeps its words and terms whole (词意完整). A term in quotation
// marks (“…”, ‘…’, 《…》, 「…」) is one term: it is never split across lines when it fits on one, even at the cost
// of a top-heavy shape or a line more; one longer than a line is split at a word boundary inside it.

/** 2号 across the 版心: 20 characters, 40 half-character columns (blocks.ts TITLE_COLUMNS). */
const COLUMNS = 40;

/** The quoted terms of a title, outermost and inner alike. */
function terms(title: string): string[] {
  const out: string[] = [];
  const open: number[] = [];
  [...title].forEach((ch, i, chars) => {
    if ('“‘《「'.includes(ch)) open.push(i);
    else if ('”’》」'.includes(ch) && open.length) out.push(chars.slice(open.pop()!, i + 1).join(''));
  });
  return out;
}

/** Every line fits, nothing is lost, and each term that fits a line is on one line. */
function expectWhole(title: string, lines: string[], columns = COLUMNS) {
  expect(lines.join('')).toBe(title);
  for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(columns);
  for (const t of terms(title).filter((t) => displayWidth(t) <= columns)) expect(lines.some((l) => l.includes(t)), `${t} in ${lines.join(' / ')}`).toBe(true);
}

describe('title lines', () => {
  it('keeps a quoted term near the end whole, on the line with what follows it', () => {
    const title = '关于在全省复制推广“不动产登记业务便民模式”的通知';
    expect(breakTitle(title, COLUMNS)).toEqual(['关于在全省复制推广', '“不动产登记业务便民模式”的通知']);
  });

  it('keeps the term whole when it leaves only a top-heavy shape (case 10 of the demo)', () => {
    expect(breakTitle('“不动产登记业务便民模式”复制推广典型案例', COLUMNS)).toEqual(['“不动产登记业务便民模式”', '复制推广典型案例']);
    // a term holding another
    expect(breakTitle('“推行‘全通版’食品药品许可证”复制推广典型案例', COLUMNS)).toEqual(['“推行‘全通版’食品药品许可证”', '复制推广典型案例']);
  });

  it('keeps two quoted terms whole, of every kind of mark', () => {
    expect(breakTitle('关于推广“证照分离”改革和“多证合一”登记制度创新经验的通知', COLUMNS)).toEqual([
      '关于推广“证照分离”改革和',
      '“多证合一”登记制度创新经验的通知',
    ]);
    expect(breakTitle('关于推广“证照分离”改革和“多证合一、一照一码”登记制度经验的通知', COLUMNS)).toEqual([
      '关于推广“证照分离”改革和',
      '“多证合一、一照一码”登记制度经验的通知',
    ]);
    expect(breakTitle('关于复制推广「一网通办」「一窗受理」改革经验的通知', COLUMNS)).toEqual(['关于复制推广「一网通办」', '「一窗受理」改革经验的通知']);
  });

  it('takes a line more rather than split a term that fits only a line of its own', () => {
    expect(breakTitle('关于推广“四大机制打造京津冀协同发展示范样板”经验的通知', COLUMNS)).toEqual([
      '关于推广',
      '“四大机制打造京津冀协同发展示范样板”',
      '经验的通知',
    ]);
    // 《…》 exactly as wide as the line
    expect(breakTitle('关于印发《中国（黑龙江）自由贸易试验区总体方案》实施细则的通知', COLUMNS)).toEqual([
      '关于印发',
      '《中国（黑龙江）自由贸易试验区总体方案》',
      '实施细则的通知',
    ]);
  });

  it('splits a term longer than a line at a word boundary inside it, its inner terms whole', () => {
    const title = '“创新涉外商事诉讼、仲裁与调解‘一站式’纠纷解决机制”复制推广典型案例';
    expect(breakTitle(title, COLUMNS)).toEqual(['“创新涉外商事诉讼、仲裁与调解', '‘一站式’纠纷解决机制”复制推广典型案例']);
    const longer = '“以信用为核心的跨部门协同监管平台建设和应用及数据共享”复制推广典型案例';
    expect(breakTitle(longer, COLUMNS)).toEqual(['“以信用为核心的跨部门协同监管平台', '建设和应用及数据共享”复制推广典型案例']);
    // the seed's spelling, with spaces: ‘一站式’ cannot stay whole on two lines, so there are three
    const spaced = '“创新涉外商事诉讼、仲裁与调解 ‘一站式’ 纠纷解决机制” 复制推广典型案例';
    const lines = breakTitle(spaced, COLUMNS);
    expect(lines).toHaveLength(3);
    expectWhole(spaced, lines);
    for (const l of lines) expect(l).not.toMatch(/^\s/u); // no line begins with a space
  });

  it('keeps every title of the seed circular’s cases whole, in as few lines as the terms allow', () => {
    const titles = [
      '“建设项目水、电、气、暖现场一次联办模式”复制推广典型案例',
      '“以信用为核心的跨部门协同监管平台”复制推广典型案例',
      '“知识产权质押融资模式创新”复制推广典型案例',
      '“培育多元化知识产权金融服务市场”复制推广典型案例',
      '“边境地区跨境人民币使用改革创新”复制推广典型案例',
      '企业“套餐式”注销服务模式复制推广典型案例',
      '“推进信用信息应用 加强社会诚信管理”复制推广典型案例',
      '“优化涉税事项办理程序，压缩办理时限”复制推广典型案例',
    ];
    for (const t of titles) {
      const lines = breakTitle(t, COLUMNS);
      expect(lines, t).toHaveLength(2);
      expectWhole(t, lines);
    }
    // a term longer than a line: split inside it, at a word boundary, as before
    expect(breakTitle(titles[0]!, COLUMNS)).toEqual(['“建设项目水、电、气、暖现场', '一次联办模式”复制推广典型案例']);
    expect(breakTitle(titles[5]!, COLUMNS)).toEqual(['企业“套餐式”注销', '服务模式复制推广典型案例']);
  });

  it('keeps terms whole at the newsletter’s width too', () => {
    const title = '（三）黑龙江自贸试验区哈尔滨片区“跨境电商监管新模式”和“供电服务新模式”获评全省制度创新最佳实践案例';
    const lines = breakTitle(title, 54);
    expectWhole(title, lines, 54);
  });

  it('breaks a title of the longest allowed length at once (the search no longer grows with the lines)', () => {
    const base = '关于印发我省第三批“复制推广自贸试验区”制度创新成果典型案例和第四批《省级创新实践案例汇编》的通知';
    for (const n of [120, 200, 500]) {
      const title = base.repeat(12).slice(0, n);
      const started = performance.now();
      const lines = breakTitle(title, COLUMNS);
      expect(performance.now() - started, `${n} characters`).toBeLessThan(1000); // was minutes beyond 120
      expectWhole(title, lines);
      expect(lines.length).toBeLessThanOrEqual(Math.ceil(displayWidth(title) / COLUMNS) + 2);
    }
  });
});
