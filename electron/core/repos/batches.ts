import { batchTitle, defaultCircular } from '../../../shared/circular';
import {
  circularSchema,
  type Batch,
  type BatchDetail,
  type BatchKind,
  type Circular,
} from '../../../shared/domain';
import type { Db } from '../db/connection';
import { UserError, notFound, nowIso } from '../util';
import { getSettings } from './settings';
import { getBatch, getBatchSummary } from './batch-reads';

// Reading batches is in batch-reads.ts (no zod, for the command line's start); its functions are exported here too.
export { getBatch, getBatchSummary, listBatches } from './batch-reads';

export function nextOrdinal(db: Db, kind: BatchKind): number {
  return (db.prepare('SELECT COALESCE(MAX(ordinal), 0) + 1 AS n FROM batches WHERE kind = ?').get(kind) as { n: number }).n;
}

/** The next free 文号 sequence of a 机关代字 and year. */
/**
 * The 文号 to propose: one past the highest held by another batch. The batch asking is left out, so that a draft
 * holding 〔2026〕1号 is offered 1 again rather than 2 (its own number is not taken by anyone else).
 */
export function nextDocSeq(db: Db, code: string, year: number, exceptBatchId: number | null = null): number {
  return (
    db.prepare('SELECT COALESCE(MAX(doc_seq), 0) + 1 AS n FROM batches WHERE doc_code = ? AND doc_year = ? AND id IS NOT ?').get(code, year, exceptBatchId) as {
      n: number;
    }
  ).n;
}

export interface NewBatch {
  kind: BatchKind;
  ordinal?: number;
  title?: string;
  circular?: Partial<Circular>;
  importHash?: string;
}

export function createBatch(db: Db, input: NewBatch): Batch {
  return db.transaction(() => {
    const ordinal = input.ordinal ?? nextOrdinal(db, input.kind);
    const clash = db.prepare('SELECT id FROM batches WHERE kind = ? AND ordinal = ?').get(input.kind, ordinal);
    if (clash) throw new UserError(`${batchTitle(input.kind, ordinal)}已存在`, 'conflict', 'ordinal');
    const title = input.title?.trim() || batchTitle(input.kind, ordinal);
    const settings = getSettings(db);
    const year = new Date().getFullYear();
    const base = defaultCircular(settings, title, year, null);
    const circular = circularSchema.parse({ ...base, ...input.circular });
    if (!input.circular?.docSeq && circular.docYear) circular.docSeq = nextDocSeq(db, circular.docCode, circular.docYear);
    assertDocNumberFree(db, circular, null);
    const now = nowIso();
    const info = db
      .prepare(
        `INSERT INTO batches (kind, ordinal, title, status, doc_code, doc_year, doc_seq, circular, import_hash, created_at, updated_at)
         VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.kind, ordinal, title, circular.docCode, circular.docYear, circular.docSeq, JSON.stringify(circular), input.importHash ?? null, now, now);
    return getBatchSummary(db, Number(info.lastInsertRowid));
  })();
}

function assertDraft(batch: Batch): void {
  if (batch.status === 'issued') throw new UserError(`「${batch.title}」已印发，不能修改`, 'frozen');
}

function assertDocNumberFree(db: Db, c: Circular, batchId: number | null): void {
  if (c.docYear == null || c.docSeq == null) return;
  const other = db
    .prepare('SELECT title FROM batches WHERE doc_code = ? AND doc_year = ? AND doc_seq = ? AND id IS NOT ?')
    .get(c.docCode, c.docYear, c.docSeq, batchId) as { title: string } | undefined;
  if (other) throw new UserError(`文号 ${c.docCode}〔${c.docYear}〕${c.docSeq}号 已被「${other.title}」使用`, 'conflict', 'circular.docSeq');
}

export interface BatchPatch {
  title?: string;
  ordinal?: number;
  kind?: BatchKind;
  circular?: Partial<Circular>;
}

export function updateBatch(db: Db, id: number, patch: BatchPatch): Batch {
  return db.transaction(() => {
    const batch = getBatchSummary(db, id);
    assertDraft(batch);
    const kind = patch.kind ?? batch.kind;
    const ordinal = patch.ordinal ?? batch.ordinal;
    if (kind !== batch.kind || ordinal !== batch.ordinal) {
      const clash = db.prepare('SELECT id FROM batches WHERE kind = ? AND ordinal = ? AND id <> ?').get(kind, ordinal, id);
      if (clash) throw new UserError(`${batchTitle(kind, ordinal)}已存在`, 'conflict', 'ordinal');
    }
    const circular = circularSchema.parse({ ...batch.circular, ...patch.circular });
    assertDocNumberFree(db, circular, id);
    db.prepare(
      `UPDATE batches SET kind = ?, ordinal = ?, title = ?, doc_code = ?, doc_year = ?, doc_seq = ?, circular = ?, updated_at = ? WHERE id = ?`,
    ).run(kind, ordinal, patch.title?.trim() || batch.title, circular.docCode, circular.docYear, circular.docSeq, JSON.stringify(circular), nowIso(), id);
    return getBatchSummary(db, id);
  })();
}

/** Replaces the items of a draft batch; 序号 follow the order given, 1…n with no gaps. */
/** Refuses case ids that do not exist or are deleted; called before a new batch is written, so a refusal writes nothing. */
export function assertCasesUsable(db: Db, caseIds: number[]): void {
  const check = db.prepare('SELECT title, deleted_at FROM cases WHERE id = ?');
  for (const caseId of caseIds) {
    const c = check.get(caseId) as { title: string; deleted_at: string | null } | undefined;
    if (!c) throw notFound('案例', caseId);
    if (c.deleted_at) throw new UserError(`案例「${c.title}」已删除`, 'conflict');
  }
}

export function setBatchItems(db: Db, id: number, caseIds: number[]): BatchDetail {
  if (new Set(caseIds).size !== caseIds.length) throw new UserError('同一案例不能在批次中出现两次');
  db.transaction(() => {
    const batch = getBatchSummary(db, id);
    assertDraft(batch);
    assertCasesUsable(db, caseIds);
    db.prepare('DELETE FROM batch_items WHERE batch_id = ?').run(id);
    const insert = db.prepare('INSERT INTO batch_items (batch_id, case_id, seq) VALUES (?, ?, ?)');
    caseIds.forEach((caseId, i) => insert.run(id, caseId, i + 1));
    db.prepare('UPDATE batches SET updated_at = ? WHERE id = ?').run(nowIso(), id);
  })();
  return getBatch(db, id);
}

/** «按单位排序»: the official unit order, keeping the current order within a unit. */
export function sortBatchByUnit(db: Db, id: number): BatchDetail {
  const ids = db
    .prepare(
      `SELECT i.case_id FROM batch_items i JOIN cases c ON c.id = i.case_id JOIN units u ON u.id = c.unit_id
       WHERE i.batch_id = ? ORDER BY u.sort_order, u.id, i.seq`,
    )
    .all(id) as { case_id: number }[];
  return setBatchItems(db, id, ids.map((r) => r.case_id));
}

/** 印发: checks the circular is complete, then freezes the batch. */
export function issueBatch(db: Db, id: number, issuedAt = nowIso()): BatchDetail {
  db.transaction(() => {
    const batch = getBatch(db, id);
    assertDraft(batch);
    if (batch.items.length === 0) throw new UserError('批次中还没有案例');
    const c = batch.circular;
    const missing = [
      !c.title && '标题',
      (c.docYear == null || c.docSeq == null || !c.docCode) && '发文字号',
      !c.date && '成文日期',
      !c.organ && '发文机关',
    ].filter(Boolean);
    if (missing.length) throw new UserError(`印发前请填写：${missing.join('、')}`);
    freezeBatch(db, batch, issuedAt);
  })();
  return getBatch(db, id);
}

/** Each item keeps the case as published, so later edits never reach the issued document. */
export function freezeBatch(db: Db, batch: BatchDetail, issuedAt: string): void {
  const snap = db.prepare('UPDATE batch_items SET snapshot = ? WHERE batch_id = ? AND case_id = ?');
  const select = db.prepare(`UPDATE cases SET status = 'selected' WHERE id = ?`);
  for (const item of batch.items) {
    snap.run(JSON.stringify({ ...item.case, status: 'selected' }), batch.id, item.caseId);
    select.run(item.caseId);
  }
  db.prepare(`UPDATE batches SET status = 'issued', issued_at = ?, updated_at = ? WHERE id = ?`).run(issuedAt, nowIso(), batch.id);
}

export function deleteBatch(db: Db, id: number, options: { force?: boolean } = {}): void {
  const batch = getBatchSummary(db, id);
  if (batch.status === 'issued' && !options.force) throw new UserError(`「${batch.title}」已印发，不能删除`, 'frozen');
  db.prepare('DELETE FROM batches WHERE id = ?').run(id);
}
