import { formatDocNumber } from '../../../shared/docnumber';
import type { Batch, Case, Circular, Layout } from '../../../shared/domain';

/** 发文字号 as printed (〔2024〕3号), or '' while the circular has none. Here rather than in ./docx: no docx to load. */
export function docNumberText(c: Circular): string {
  return c.docYear != null && c.docSeq != null ? formatDocNumber({ code: c.docCode, year: c.docYear, seq: c.docSeq }) : '';
}

// Default names for saved exports: what a clerk would type, minus what Windows forbids in a file name.
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '').replace(/\s+/gu, ' ').trim().slice(0, 120) || '导出';
}

// The layout is in the name so that the 信函格式 and 文件格式 exports of one circular sit side by side under
// names that say which is which, not «…（2）.docx».
const LAYOUT_NAME: Record<Layout, string> = { letter: '信函格式', file: '文件格式' };

export function batchDocxName(batch: Batch, part: 'circular' | 'attachment' = 'circular', layout?: Layout): string {
  if (part === 'attachment') return safeFileName(`附件 ${batch.title}.docx`);
  const number = docNumberText(batch.circular);
  return safeFileName(`${number ? `${number} ` : ''}${batch.circular.title || batch.title}（${LAYOUT_NAME[layout ?? batch.circular.layout]}）.docx`);
}

export const batchXlsxName = (batch: Batch) => safeFileName(`${batch.title}汇总表.xlsx`);
export const caseDocxName = (c: Case) => safeFileName(`${c.title}（${c.unitName}）.docx`);
export const libraryXlsxName = (date = new Date()) => safeFileName(`案例库 ${date.toISOString().slice(0, 10)}.xlsx`);
