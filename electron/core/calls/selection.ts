import { type BatchDetail, type Honour } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { createBatch, nextOrdinal, setBatchItems } from '../repos/batches';
import { getCase } from '../repos/cases';
import { getSettings } from '../repos/settings';
import { addLevel } from '../register/levels';
import { localToday } from '../util';
import { UserError } from '../util';
import { getCallDetail } from './calls';

// From the 评选 to the batch: the selected cases (or, with none selected, every received case not returned)
// become a new draft batch of the call's kind, in ranked order or in the units' official order.

export type BatchOrder = 'rank' | 'unit';

export function batchFromCall(db: Db, callId: number, order?: BatchOrder): BatchDetail {
  const detail = getCallDetail(db, callId);
  if (detail.batchId !== null) {
    const existing = db.prepare('SELECT title FROM batches WHERE id = ?').get(detail.batchId) as { title: string } | undefined;
    if (existing) throw new UserError(`本次征集已生成批次“${existing.title}”，请在该批次中调整案例`, 'conflict');
  }
  const scorable = detail.submissions.filter((s) => s.caseId !== null && s.state !== 'returned');
  const selected = scorable.filter((s) => s.selected);
  let caseIds: number[];
  if (selected.length > 0) {
    const chosen = new Set(selected.map((s) => s.id));
    // Submissions are listed in the units' official order; the ranking puts the best first.
    caseIds =
      (order ?? 'rank') === 'rank'
        ? detail.ranking.filter((r) => chosen.has(r.submissionId)).map((r) => r.caseId!)
        : selected.map((s) => s.caseId!);
  } else {
    caseIds = (order === 'rank' ? detail.ranking.map((r) => r.caseId!) : scorable.map((s) => s.caseId!));
  }
  if (caseIds.length === 0) throw new UserError('本次征集还没有可入选的案例（已收到且未退回）', 'invalid_input');
  return db.transaction(() => {
    const batch = createBatch(db, { kind: detail.kind, ordinal: nextOrdinal(db, detail.kind) });
    const items = setBatchItems(db, batch.id, caseIds);
    db.prepare('UPDATE calls SET batch_id = ?, updated_at = ? WHERE id = ?').run(batch.id, new Date().toISOString(), callId);
    return items;
  })();
}

/** Records an honour the 评选 gave (省级优秀案例) on each chosen case; the case's history keeps the change. */
export function honourSubmissions(db: Db, callId: number, submissionIds: number[], honour: Honour): number {
  const rows = db
    .prepare(`SELECT id, case_id FROM call_submissions WHERE call_id = ? AND case_id IS NOT NULL AND id IN (${submissionIds.map(() => '?').join(',') || 'NULL'})`)
    .all(callId, ...submissionIds) as { id: number; case_id: number }[];
  if (rows.length !== new Set(submissionIds).size) throw new UserError('有报送材料不属于本次征集或尚未确认单位', 'not_found');
  let changed = 0;
  const call = db.prepare('SELECT title FROM calls WHERE id = ?').get(callId) as { title: string };
  db.transaction(() => {
    for (const r of rows) {
      const c = getCase(db, r.case_id);
      if (c.honours.includes(honour)) continue;
      // the register's level history, which gives the case its 荣誉 in a revision named for the 评选
      addLevel(db, c.id, { level: honour, awardedBy: getSettings(db).organ, date: localToday(), docNumber: '', note: `评选：${call.title}` });
      changed += 1;
    }
  })();
  return changed;
}

