import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { checkRawText } from '../../electron/core/proofread/check';
import { readFileText } from '../../electron/core/import/file-text';
import { parseCircular } from '../../electron/core/import/parse-circular';
import { SAMPLE_CASES, wordFile } from '../helpers/word-samples';

// Issue 17.8: the proofreader is quiet on correct text. Three correct documents of different shapes (a unit's case
// file with whole-sentence list items, a letter-format circular with its 汇总表, a Word file with automatic
// numbering) give no warning and no error: a clerk who sees false alarms stops reading the checker.

const innovationCase = [
  '“跨境电商零售进口退货中心仓模式”创新实践案例',
  '（哈尔滨片区提供）',
  '一、基本情况',
  '哈尔滨片区推行跨境电商零售进口退货中心仓模式，企业退货更加便利。',
  '二、主要做法',
  '（一）优化退货流程',
  '1.推行“一窗受理、集成服务”。',
  '2.实行退货商品分类监管。',
  '3.建立退货商品快速通关机制。',
  '（二）强化风险防控',
  '片区管委会会同海关建立企业信用评价体系，对高信用企业实行便利措施。',
  '三、实践效果',
  '退货时间由原来的30天缩短至7天，企业物流成本明显下降。',
  '四、下一步工作思路',
  '继续扩大退货中心仓的覆盖范围。',
].join('\n\n');

const replication = (n: number, name: string, unit: string) => [
  `“${name}”复制推广典型案例`,
  `（${unit}提供）`,
  '一、复制推广事项介绍',
  `${name}是国务院印发的自贸试验区第六批改革试点经验，在全国范围内复制推广。`,
  '二、主要做法',
  '（一）健全工作机制',
  '成立工作专班，明确责任分工。',
  '（二）优化办理流程',
  `将${n + 2}个环节压缩为1个环节，实现一次办结。`,
  '三、实践效果',
  '企业办事时间大幅缩短，群众满意度明显提高。',
  '四、下一步工作思路',
  '持续优化服务，扩大复制推广范围。',
];

const circular = [
  '中国（黑龙江）自由贸易试验区工作办公室',
  '黑自贸工办函〔2026〕3号',
  '关于印发我省第九批复制推广自贸试验区制度创新成果典型案例的通知',
  '各市（地）人民政府（行署），中省直有关部门：',
  '为进一步发挥典型带动作用，现将我省第九批复制推广自贸试验区制度创新成果典型案例印发给你们，请结合实际学习借鉴。',
  '附件：第九批复制推广自贸试验区制度创新成果典型案例',
  '中国（黑龙江）自由贸易试验区工作办公室',
  '2026年2月3日',
  '附件',
  '第九批复制推广自贸试验区制度创新成果典型案例汇总表',
  '序号\t案例名称\t提供单位',
  '1\t“企业开办全程网办”复制推广典型案例\t大庆市',
  '2\t“工程建设项目联合验收”复制推广典型案例\t黑河片区',
  ...replication(1, '企业开办全程网办', '大庆市'),
  ...replication(2, '工程建设项目联合验收', '黑河片区'),
].join('\n\n');

/** A correct innovation case whose 主要做法 lists whole-sentence items. */
const wordCase = SAMPLE_CASES[1]!;

describe('the proofreader on correct documents', () => {
  it('a case file whose 主要做法 lists whole-sentence items', () => {
    expect(parseCircular(innovationCase).cases).toHaveLength(1);
    expect(checkRawText(innovationCase, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('a letter-format circular with its 汇总表 and two cases', () => {
    const parsed = parseCircular(circular);
    expect(parsed.cases).toHaveLength(2);
    expect(parsed.table).toHaveLength(2);
    expect(checkRawText(circular, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('a Word file with automatic numbering', async () => {
    const { text } = await readFileText(await wordFile('numbering', [wordCase]), '案例.docx');
    expect(checkRawText(text, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('still warns on a section with nothing under it and a lone short item', () => {
    const empty = innovationCase.replace('三、实践效果\n\n退货时间由原来的30天缩短至7天，企业物流成本明显下降。', '三、实践效果').replace('片区管委会会同海关建立企业信用评价体系，对高信用企业实行便利措施。\n\n', '');
    const messages = checkRawText(empty, DEFAULT_SETTINGS).map((f) => f.message);
    expect(messages).toContain('“实践效果”下面没有内容');
    expect(messages).toContain('“强化风险防控”下面没有内容');
  });
});
