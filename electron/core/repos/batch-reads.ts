import type { Batch, BatchDetail, BatchKind, Case, Circular } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { notFound, parseJson } from '../util';
import { getCase } from './case-reads';

// Reading batches. Apart from batches.ts (which validates what it writes with the zod schemas) so that the
// command line's `list batches` starts without loading zod (issue 13).

interface BatchRow {
  id: number;
  kind: BatchKind;
  ordinal: number;
  title: string;
  status: Batch['status'];
  issued_at: string | null;
  circular: string;
  created_at: string;
  updated_at: string;
  item_count: number;
}

const SELECT_BATCH = `SELECT b.*, (SELECT COUNT(*) FROM batch_items i WHERE i.batch_id = b.id) AS item_count FROM batches b`;

const toBatch = (r: BatchRow): Batch => ({
  id: r.id,
  kind: r.kind,
  ordinal: r.ordinal,
  title: r.title,
  status: r.status,
  issuedAt: r.issued_at,
  circular: parseJson(r.circular, {} as Circular),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  itemCount: r.item_count,
});

export function listBatches(db: Db): Batch[] {
  return (db.prepare(`${SELECT_BATCH} ORDER BY b.kind, b.ordinal DESC`).all() as BatchRow[]).map(toBatch);
}

export function getBatchSummary(db: Db, id: number): Batch {
  const row = db.prepare(`${SELECT_BATCH} WHERE b.id = ?`).get(id) as BatchRow | undefined;
  if (!row) throw notFound('批次', id);
  return toBatch(row);
}

/** A batch with its items: live cases while it is a draft, the snapshots taken at 印发 once issued. */
export function getBatch(db: Db, id: number): BatchDetail {
  const batch = getBatchSummary(db, id);
  const items = db.prepare('SELECT case_id, seq, snapshot FROM batch_items WHERE batch_id = ? ORDER BY seq').all(id) as {
    case_id: number;
    seq: number;
    snapshot: string | null;
  }[];
  return {
    ...batch,
    items: items.map((i) => ({
      seq: i.seq,
      caseId: i.case_id,
      case: i.snapshot ? (JSON.parse(i.snapshot) as Case) : getCase(db, i.case_id),
      frozen: i.snapshot !== null,
    })),
  };
}
