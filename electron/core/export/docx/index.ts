import type { BatchDetail, Case, FontProfile } from '../../../../shared/domain';
import { attachmentDocument, caseDocument, circularDocument, type DocxOptions } from './document';
import { packDocx } from './pack';

export type BatchDocxPart = 'circular' | 'attachment';

export interface BatchDocxOptions extends DocxOptions {
  part?: BatchDocxPart;
}

/** The document's own date, so that exporting the same batch twice gives the same bytes. */
function stampOf(batch: BatchDetail): Date {
  return new Date(batch.circular.date ? `${batch.circular.date}T00:00:00Z` : batch.updatedAt);
}

export async function exportBatchDocx(batch: BatchDetail, options: BatchDocxOptions = {}): Promise<Buffer> {
  const doc = options.part === 'attachment' ? attachmentDocument(batch, options) : circularDocument(batch, options);
  return packDocx({ ...doc, title: batch.circular.title || batch.title }, stampOf(batch));
}

export async function exportCaseDocx(c: Case, options: { fonts?: FontProfile } = {}): Promise<Buffer> {
  return packDocx(caseDocument(c, options), new Date(c.updatedAt));
}
