import { beforeAll, describe, expect, it } from 'vitest';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { TITLE_COLUMNS } from '../../electron/core/export/docx/blocks';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import type { BatchDetail } from '../../shared/domain';
import { displayWidth } from '../../shared/width';
import { paragraphs, readDocx, type Para } from '../helpers/docx';
import { tempCasebook } from '../helpers/tmp';

// The titles' lines as the exported document holds them: one run per line, each after the first opened by a
// soft break (w:br). Issue 10 item 7: a 正梯形, the short line on top, breaking inside quotes where the break after
// the closing mark would be top-heavy (the rule itself: tests/unit/title-lines.test.ts).

const book = tempCasebook();
let demo: BatchDetail;
let ps: Para[];

beforeAll(async () => {
  demo = getBatch(book.db, listBatches(book.db)[0]!.id);
  ps = paragraphs(readDocx(await exportBatchDocx(demo, { layout: 'letter' })).document);
});

/** The title's paragraph: the lines (its runs) and whether each after the first starts with a soft break. */
function titleLines(title: string, pageBreakBefore: boolean): string[] {
  const p = ps.find((q) => q.text === title && q.pPr.includes('w:pageBreakBefore') === pageBreakBefore);
  expect(p, title).toBeDefined();
  const runs = [...p!.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)].map((r) => r[1]!);
  runs.forEach((r, i) => expect(r.includes('<w:br/>'), `${title}, line ${i + 1}`).toBe(i > 0));
  return p!.runs.map((r) => r.text);
}

/** The 28 case titles of the demo as they break (as on main before the title-break rework: case 10 included). */
const CASE_TITLES = [
  '“建设项目水、电、气、暖现场 / 一次联办模式”复制推广典型案例',
  '“以信用为核心的跨部门协同 / 监管平台”复制推广典型案例',
  '“涉税事项网上审批”复制推广典型案例',
  '“知识产权质押融资模式 / 创新”复制推广典型案例',
  '“出境竹木草制品检疫监管 / 新模式”复制推广典型案例',
  '“跨境电商监管新模式”复制推广典型案例',
  '“供电服务新模式”复制推广典型案例',
  '“多领域包容免罚事项 / 清单”复制推广典型案例',
  '“培育多元化知识产权金融 / 服务市场”复制推广典型案例',
  '“不动产登记业务便民 / 模式”复制推广典型案例',
  '“公证最多跑一次”复制推广典型案例',
  '“社会力量参与市场监督 / 制度”复制推广典型案例',
  '“出口退税无纸化”复制推广典型案例',
  '“创新不动产登记工作 / 模式”复制推广典型案例',
  '“进境粮食检疫全流程 / 监管”复制推广典型案例',
  '“批次进出、集中申报”复制推广典型案例',
  '“边境地区跨境人民币使用 / 改革创新”复制推广典型案例',
  '“外商投资企业外汇资本金 / 意愿结汇”复制推广典型案例',
  '“区内机构从境外借入 / 人民币资金”复制推广典型案例',
  '“推行‘全通版’食品药品 / 许可证”复制推广典型案例',
  '“商事主体信用修复制度”复制推广典型案例',
  '企业“套餐式”注销 / 服务模式复制推广典型案例',
  '“推进信用信息应用 加强 / 社会诚信管理”复制推广典型案例',
  '“四大机制打造京津冀协同 / 发展示范样板”复制推广典型案例',
  '“企业设立实行单一窗口”复制推广典型案例',
  '“创新涉外商事诉讼、仲裁与调解 / ‘一站式’纠纷解决机制”复制推广典型案例',
  '“以标准化助推现代农业 / 发展新模式”复制推广典型案例',
  '“优化涉税事项办理程序， / 压缩办理时限”复制推广典型案例',
];

describe('titles in the exported circular', () => {
  it('breaks case 10’s title as a 正梯形, inside its quoted term (the break after it would put 12 characters over 8)', () => {
    const ten = demo.items[9]!.case;
    expect(ten.title).toBe('“不动产登记业务便民模式”复制推广典型案例');
    expect(titleLines(ten.title, true)).toEqual(['“不动产登记业务便民', '模式”复制推广典型案例']);
    // and case 19's, where the more even split (13 / 11) would be top-heavy too
    expect(titleLines(demo.items[18]!.case.title, true)).toEqual(['“区内机构从境外借入', '人民币资金”复制推广典型案例']);
  });

  it('breaks every title (28 cases, the circular, the attachment) as a 正梯形 within the 版心, as before', () => {
    const report: string[] = [];
    for (const { case: c } of demo.items) {
      const lines = titleLines(c.title, true);
      expect(lines.join('')).toBe(c.title);
      const widths = lines.map(displayWidth);
      for (const w of widths) expect(w, lines.join(' / ')).toBeLessThanOrEqual(TITLE_COLUMNS);
      for (const l of lines) expect(l).not.toMatch(/^\s/u);
      expect(widths.every((w, i) => i === 0 || widths[i - 1]! <= w), `top-heavy: ${lines.join(' / ')}`).toBe(true);
      report.push(lines.join(' / '));
    }
    expect(report).toEqual(CASE_TITLES);
    expect(titleLines(demo.circular.title, false)).toEqual(['关于印发我省第三批复制推广', '自贸试验区制度创新成果典型案例的通知']);
    expect(titleLines(demo.circular.attachmentNote || demo.title, false)).toEqual(['第三批复制推广', '自贸试验区制度创新成果典型案例']);
  });
});
