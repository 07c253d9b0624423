import { Document, HeadingLevel, Packer, Paragraph } from 'docx';

// Case files as units send them, written by a real producer (the docx package), not by hand-made XML.

/** A .docx of one case: title, optional «（XX提供）» line, then the lines as paragraphs. */
export async function caseDocx(title: string, unitLine: string | null, lines: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          ...(unitLine ? [new Paragraph({ text: unitLine })] : []),
          ...lines.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const CASE_LINES = (topic: string) => [
  `${topic}是我市复制推广的重要改革事项。`,
  '一、复制推广事项介绍',
  `${topic}源自自贸试验区第六批改革试点经验。`,
  '二、主要做法',
  '（一）建立工作机制。',
  '成立工作专班，明确责任分工。',
  '（二）优化办理流程。',
  '压缩办理环节，实现一窗受理。',
  '三、实践效果',
  '办理时间由5个工作日压缩至1个工作日。',
  '四、下一步工作思路',
  '持续深化改革，扩大覆盖范围。',
];

/** A PNG's first bytes: an image a unit attached by mistake. */
export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
