import { experienceBatchLabel, type ExperienceKind } from '../../../shared/register-constants';
import type { Experience } from '../../../shared/register';
import type { Db } from '../db/connection';
import { notFound } from '../util';

// Reading the experience catalogue. Apart from catalogue.ts (which validates what it writes with the zod schemas
// and reads .xlsx/.csv files) so that the command line's `experiences list` and `replication report` start
// without loading zod, fflate or the file readers (issue 13); catalogue.ts re-exports these.

interface ExperienceRow {
  id: number;
  name: string;
  kind: ExperienceKind;
  origin: string;
  batch_no: number | null;
  area: string;
  year: number | null;
  source_doc: string;
  note: string;
  case_count: number;
}

const toExperience = (r: ExperienceRow): Experience => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  batchNo: r.batch_no,
  batchLabel: experienceBatchLabel(r.kind, r.batch_no),
  area: r.area,
  origin: r.origin,
  year: r.year,
  sourceDoc: r.source_doc,
  note: r.note,
  caseCount: r.case_count,
});

const SELECT = `SELECT e.*, (SELECT COUNT(*) FROM cases c WHERE c.source_id = e.id AND c.deleted_at IS NULL) AS case_count FROM source_experiences e`;
const KIND_ORDER = `CASE e.kind WHEN 'pilot' THEN 1 WHEN 'best_practice' THEN 2 WHEN 'other_ftz' THEN 3 ELSE 4 END`;

export function listExperiences(db: Db): Experience[] {
  return (db.prepare(`${SELECT} ORDER BY ${KIND_ORDER}, e.batch_no IS NULL, e.batch_no, e.id`).all() as ExperienceRow[]).map(toExperience);
}

export function getExperience(db: Db, id: number): Experience {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as ExperienceRow | undefined;
  if (!row) throw notFound('经验', id);
  return toExperience(row);
}
