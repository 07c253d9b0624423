import { createBatch, getBatch, setBatchItems } from '../../electron/core/repos/batches';
import { listCases } from '../../electron/core/repos/cases';
import type { Db } from '../../electron/core/db/connection';
import type { BatchDetail } from '../../shared/domain';

/** A draft batch with every field of the circular filled, built from three demo cases. */
export function fullDraftBatch(db: Db): BatchDetail {
  const ids = listCases(db).slice(0, 3).map((c) => c.id);
  const batch = createBatch(db, {
    kind: 'replication',
    ordinal: 4,
    circular: { docYear: 2024, docSeq: 12, date: '2024-05-08', cc: '省委办公厅，省政府办公厅', printedDate: '2024-05-09', body: ['第一段正文。', '第二段正文。'] },
  });
  setBatchItems(db, batch.id, ids);
  return getBatch(db, batch.id);
}
