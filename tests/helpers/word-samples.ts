import { AlignmentType, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { ordinalFor } from '../../shared/ordinals';

// Cases as units write them, made by the real producer (the `docx` package) in the shapes that arrive: automatic
// numbering (chineseCounting «%1、», «（%2）», decimal «%3.»), heading styles without ordinals, numbering that comes
// from a paragraph style; and the same case typed as text, which is what each Word shape must import as.

export interface SampleItem {
  heading: string;
  paragraphs: string[];
  items: { heading: string; paragraphs: string[] }[];
}
export interface SampleCase {
  title: string;
  unit: string;
  sections: { heading: string; paragraphs: string[]; items: SampleItem[] }[];
}

export const SAMPLE_CASES: SampleCase[] = [
  {
    title: '“跨境电商零售进口退货中心仓模式”复制推广典型案例',
    unit: '哈尔滨片区',
    sections: [
      { heading: '复制推广事项介绍', paragraphs: ['跨境电商零售进口退货中心仓模式是海关总署推出的改革试点经验。'], items: [] },
      {
        heading: '主要做法',
        paragraphs: ['片区管委会会同海关制定工作方案。'],
        items: [
          {
            heading: '优化退货流程',
            paragraphs: ['企业在区内设立退货中心仓，统一分拣。'],
            items: [
              { heading: '推行“一窗受理、集成服务”。', paragraphs: [] },
              { heading: '实行退货商品分类监管。', paragraphs: [] },
            ],
          },
          { heading: '强化风险防控', paragraphs: ['建立企业信用评价体系。'], items: [] },
        ],
      },
      { heading: '实践效果', paragraphs: ['退货时间由原来的30天缩短至7天。', '企业物流成本下降约40%。'], items: [] },
    ],
  },
  {
    title: '“企业开办全程网办”创新实践案例',
    unit: '黑河片区',
    sections: [
      { heading: '基本情况', paragraphs: ['黑河片区推行企业开办全程网上办理。'], items: [] },
      {
        heading: '主要做法',
        paragraphs: [],
        items: [
          { heading: '整合办事环节', paragraphs: [], items: [{ heading: '将设立登记、公章刻制等事项合并办理。', paragraphs: [] }, { heading: '推行电子营业执照。', paragraphs: [] }] },
          { heading: '强化数据共享', paragraphs: ['打通部门之间的数据壁垒。'], items: [] },
        ],
      },
      { heading: '实践效果', paragraphs: ['企业开办时间压缩至半天以内。'], items: [] },
      { heading: '下一步工作思路', paragraphs: ['继续扩大网办范围。'], items: [] },
    ],
  },
];

/** The cases typed as a clerk would type them, ordinals and all. */
export function typedText(cases = SAMPLE_CASES): string {
  const out: string[] = [];
  for (const c of cases) {
    out.push(c.title, `（${c.unit}提供）`);
    c.sections.forEach((s, i) => {
      out.push(ordinalFor(1, i) + s.heading, ...s.paragraphs);
      s.items.forEach((it, j) => {
        out.push(ordinalFor(2, j) + it.heading, ...it.paragraphs);
        it.items.forEach((sub, k) => out.push(ordinalFor(3, k) + sub.heading, ...sub.paragraphs));
      });
    });
  }
  return out.join('\n\n');
}

const LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
];

export type WordShape = 'numbering' | 'headings' | 'style-numbering';

export interface WordExtras {
  /** A table of two rows inside the first case's 实践效果. */
  table?: boolean;
  /** A tracked deletion and insertion in the first paragraph. */
  revisions?: boolean;
  /** The first title broken over two lines with Shift+Enter. */
  softBreak?: boolean;
}

/** The cases as a Word file of the given shape, written by the `docx` package. */
export async function wordFile(shape: WordShape, cases = SAMPLE_CASES, extras: WordExtras = {}): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  const headingLevels = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
  const styleIds = ['CaseLevel1', 'CaseLevel2', 'CaseLevel3'];
  const heading = (text: string, level: number, instance: number) =>
    shape === 'numbering'
      ? new Paragraph({ text, numbering: { reference: 'case', level, instance } })
      : shape === 'headings'
        ? new Paragraph({ text, heading: headingLevels[level] })
        : new Paragraph({ text, style: styleIds[level] });
  cases.forEach((c, n) => {
    const [first, second] = [c.title.slice(0, 8), c.title.slice(8)];
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: extras.softBreak && n === 0 ? [new TextRun(first), new TextRun({ text: second, break: 1 })] : [new TextRun(c.title)],
      }),
      new Paragraph({ text: `（${c.unit}提供）`, alignment: AlignmentType.CENTER }),
    );
    c.sections.forEach((s, i) => {
      children.push(heading(s.heading, 0, n + 1));
      s.paragraphs.forEach((p, k) => {
        if (extras.revisions && n === 0 && i === 0 && k === 0) {
          children.push(
            new Paragraph({
              children: [
                new TextRun(p.slice(0, 6)),
                new DeletedTextRun({ id: 1, author: '审核人', date: '2026-01-05T10:00:00Z', text: '（删去的字）' }),
                new InsertedTextRun({ id: 2, author: '审核人', date: '2026-01-05T10:00:00Z', text: p.slice(6) }),
              ],
            }),
          );
        } else children.push(new Paragraph(p));
      });
      if (extras.table && n === 0 && s.heading === '实践效果') {
        const row = (cells: string[]) => new TableRow({ children: cells.map((t) => new TableCell({ children: [new Paragraph(t)] })) });
        children.push(new Table({ rows: [row(['指标', '改革前', '改革后']), row(['退货时间', '30天', '7天'])] }));
      }
      s.items.forEach((it) => {
        children.push(heading(it.heading, 1, n + 1), ...it.paragraphs.map((p) => new Paragraph(p)));
        it.items.forEach((sub) => children.push(heading(sub.heading, 2, n + 1), ...sub.paragraphs.map((p) => new Paragraph(p))));
      });
    });
  });
  const doc = new Document({
    numbering: { config: [{ reference: 'case', levels: LEVELS }] },
    styles: {
      paragraphStyles:
        shape === 'style-numbering'
          ? styleIds.map((id, level) => ({ id, name: `案例${level + 1}级`, basedOn: 'Normal', paragraph: { numbering: { reference: 'case', level } } }))
          : [],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
