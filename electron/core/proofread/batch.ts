import type { Finding } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { getBatch, getBatchSummary } from '../repos/batches';
import { getSettings } from '../repos/settings';
import { UserError, nowIso } from '../util';
import { checkCase, checkCircular, SEVERITY_ORDER, uniqueKeys } from './check';

// A whole batch before 印发: every case as it will print, and the circular, with the clerk's waivers.

export function checkBatch(db: Db, batchId: number): Finding[] {
  const batch = getBatch(db, batchId);
  const settings = getSettings(db);
  const findings = uniqueKeys([
    ...checkCircular(batch.circular),
    ...batch.items.flatMap((i) => checkCase(i.case, { caseId: i.caseId, caseSeq: i.seq }, settings)),
  ]);
  const waived = new Set((db.prepare('SELECT finding_key FROM proofread_waivers WHERE batch_id = ?').all(batchId) as { finding_key: string }[]).map((r) => r.finding_key));
  return findings
    .map((f) => ({ ...f, waived: waived.has(f.key) }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.place.caseSeq ?? 0) - (b.place.caseSeq ?? 0));
}

export function waive(db: Db, batchId: number, keys: string[], reason: string): void {
  getBatchSummary(db, batchId);
  if (!reason.trim()) throw new UserError('请说明忽略的理由');
  const insert = db.prepare('INSERT OR REPLACE INTO proofread_waivers (batch_id, finding_key, reason, created_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => keys.forEach((k) => insert.run(batchId, k, reason.trim(), nowIso())))();
}

export function unwaive(db: Db, batchId: number, keys: string[]): void {
  const del = db.prepare('DELETE FROM proofread_waivers WHERE batch_id = ? AND finding_key = ?');
  db.transaction(() => keys.forEach((k) => del.run(batchId, k)))();
}

/** 印发 goes ahead only when every error is resolved or explicitly waived. */
export function assertReadyToIssue(db: Db, batchId: number): void {
  const open = checkBatch(db, batchId).filter((f) => f.severity === 'error' && !f.waived);
  if (open.length) {
    throw new UserError(`规范检查还有 ${open.length} 个错误未处理（修复或注明理由忽略后才能印发），例如：${open[0]!.place.label} ${open[0]!.message}`, 'unresolved_findings');
  }
}
