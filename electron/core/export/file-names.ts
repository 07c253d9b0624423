import type { Batch, Case } from '../../../shared/domain';
import { docNumberText } from './docx/document';

// Default names for saved exports: what a clerk would type, minus what Windows forbids in a file name.
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '').replace(/\s+/gu, ' ').trim().slice(0, 120) || '导出';
}

export function batchDocxName(batch: Batch, part: 'circular' | 'attachment' = 'circular'): string {
  if (part === 'attachment') return safeFileName(`附件 ${batch.title}.docx`);
  const number = docNumberText(batch.circular);
  return safeFileName(`${number ? `${number} ` : ''}${batch.circular.title || batch.title}.docx`);
}

export const batchXlsxName = (batch: Batch) => safeFileName(`${batch.title}汇总表.xlsx`);
export const caseDocxName = (c: Case) => safeFileName(`${c.title}（${c.unitName}）.docx`);
export const libraryXlsxName = (date = new Date()) => safeFileName(`案例库 ${date.toISOString().slice(0, 10)}.xlsx`);
