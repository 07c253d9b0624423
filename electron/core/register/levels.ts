import { HONOURS, type Honour } from '../../../shared/domain';
import {
  CASE_LEVEL_LABELS,
  levelEventInputSchema,
  type CaseLevel,
  type LevelEvent,
  type LevelEventInput,
} from '../../../shared/register';
import type { Db } from '../db/connection';
import { setHonours } from '../repos/cases';
import { UserError, notFound, nowIso } from '../util';
import { parseHonours } from './level-reads';

// The level history of a case (片区级 → 省级优秀 / 省级典型 → 全国最佳实践 / 国家推广): each step with who awarded
// it, when and by which document. The case's current level is the highest reached by a date (level-reads.ts,
// apart for the command line's start; exported here too).
export { currentLevels, pickLevel } from './level-reads';

interface LevelRow {
  id: number;
  case_id: number;
  level: CaseLevel;
  awarded_by: string;
  date: string | null;
  doc_number: string;
  note: string;
}
const toEvent = (r: LevelRow): LevelEvent => ({
  id: r.id,
  caseId: r.case_id,
  level: r.level,
  awardedBy: r.awarded_by,
  date: r.date,
  docNumber: r.doc_number,
  note: r.note,
});

function requireCase(db: Db, caseId: number): void {
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) throw notFound('案例', caseId);
}

export function listLevels(db: Db, caseId: number): LevelEvent[] {
  requireCase(db, caseId);
  return (db.prepare(`SELECT * FROM case_levels WHERE case_id = ? ORDER BY date IS NOT NULL, date, id`).all(caseId) as LevelRow[]).map(toEvent);
}

/**
 * Keeps the `honours` column (which the editor's summary, the library and the exports read) in step with the
 * history, as a revision of the case named by `note`: a level reached adds its honour; a step removed takes its
 * honour away only when no other step of that level is left. An honour without a step counts as an undated step.
 */
function syncHonours(db: Db, caseId: number, note: string, removed: CaseLevel | null = null): void {
  const levels = new Set((db.prepare('SELECT level FROM case_levels WHERE case_id = ?').all(caseId) as { level: string }[]).map((r) => r.level));
  const row = db.prepare('SELECT honours FROM cases WHERE id = ?').get(caseId) as { honours: string };
  const had = new Set(parseHonours(row.honours));
  if (removed && !levels.has(removed)) had.delete(removed as Honour);
  // unchanged honours write nothing: the save finds the content as it is and keeps the revision
  setHonours(db, caseId, HONOURS.filter((h) => levels.has(h) || had.has(h)), note);
}

/** Adds one step; the same level, date and document twice is one step (a retried click). */
export function addLevel(db: Db, caseId: number, raw: LevelEventInput): LevelEvent {
  const input = levelEventInputSchema.parse(raw);
  requireCase(db, caseId);
  return db.transaction(() => {
    const same = db
      .prepare('SELECT * FROM case_levels WHERE case_id = ? AND level = ? AND date IS ? AND doc_number = ?')
      .get(caseId, input.level, input.date, input.docNumber) as LevelRow | undefined;
    if (same) return toEvent(same);
    const info = db
      .prepare('INSERT INTO case_levels (case_id, level, awarded_by, date, doc_number, note, created_at) VALUES (?,?,?,?,?,?,?)')
      .run(caseId, input.level, input.awardedBy, input.date, input.docNumber, input.note, nowIso());
    syncHonours(db, caseId, input.note || `级别沿革：${CASE_LEVEL_LABELS[input.level]}`);
    return toEvent(db.prepare('SELECT * FROM case_levels WHERE id = ?').get(info.lastInsertRowid) as LevelRow);
  })();
}

export function updateLevel(db: Db, id: number, raw: LevelEventInput): LevelEvent {
  const input = levelEventInputSchema.parse(raw);
  const row = db.prepare('SELECT * FROM case_levels WHERE id = ?').get(id) as LevelRow | undefined;
  if (!row) throw notFound('级别记录', id);
  db.transaction(() => {
    db.prepare('UPDATE case_levels SET level=?, awarded_by=?, date=?, doc_number=?, note=? WHERE id=?').run(input.level, input.awardedBy, input.date, input.docNumber, input.note, id);
    syncHonours(db, row.case_id, `级别沿革：改为${CASE_LEVEL_LABELS[input.level]}`, row.level);
  })();
  return toEvent(db.prepare('SELECT * FROM case_levels WHERE id = ?').get(id) as LevelRow);
}

export function deleteLevel(db: Db, id: number): void {
  const row = db.prepare('SELECT case_id, level FROM case_levels WHERE id = ?').get(id) as { case_id: number; level: CaseLevel } | undefined;
  if (!row) throw notFound('级别记录', id);
  db.transaction(() => {
    db.prepare('DELETE FROM case_levels WHERE id = ?').run(id);
    syncHonours(db, row.case_id, `级别沿革：删除${CASE_LEVEL_LABELS[row.level]}`, row.level);
  })();
}

/** The 片区 a department's case serves (seed 000), or none. */
export function setServedArea(db: Db, caseId: number, unitId: number | null): void {
  requireCase(db, caseId);
  if (unitId === null) {
    db.prepare('DELETE FROM case_served_areas WHERE case_id = ?').run(caseId);
    return;
  }
  const unit = db.prepare('SELECT kind, name FROM units WHERE id = ?').get(unitId) as { kind: string; name: string } | undefined;
  if (!unit) throw notFound('提供单位', unitId);
  if (unit.kind !== 'area') throw new UserError(`“${unit.name}”不是片区，服务片区只能选择片区`, 'invalid_input');
  db.prepare('INSERT INTO case_served_areas (case_id, unit_id) VALUES (?, ?) ON CONFLICT(case_id) DO UPDATE SET unit_id = excluded.unit_id').run(caseId, unitId);
}

export function servedArea(db: Db, caseId: number): { unitId: number; name: string } | null {
  const r = db.prepare('SELECT s.unit_id, u.name FROM case_served_areas s JOIN units u ON u.id = s.unit_id WHERE s.case_id = ?').get(caseId) as
    | { unit_id: number; name: string }
    | undefined;
  return r ? { unitId: r.unit_id, name: r.name } : null;
}
