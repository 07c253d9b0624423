import type { Case, CaseFilter, CaseRow } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { notFound, parseJson } from '../util';

// Reading cases: a case, the library's list and its filters. Apart from cases.ts (which validates what it writes
// with the zod schemas) so that the command line's `list` and `show` start without loading zod (issue 13).

interface CaseDbRow {
  id: number;
  title: string;
  type: Case['type'];
  unit_id: number;
  unit_name: string;
  field_id: number | null;
  field_name: string | null;
  source_id: number | null;
  source_name: string | null;
  year: number | null;
  contact_name: string;
  contact_phone: string;
  honours: string;
  status: Case['status'];
  return_reason: string;
  lead: string;
  body: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const SELECT_CASE = `
  SELECT c.*, u.name AS unit_name, f.name AS field_name, s.name AS source_name
  FROM cases c
  JOIN units u ON u.id = c.unit_id
  LEFT JOIN fields f ON f.id = c.field_id
  LEFT JOIN source_experiences s ON s.id = c.source_id`;

type SummaryDbRow = Omit<CaseDbRow, 'lead' | 'body' | 'revision' | 'contact_phone' | 'return_reason' | 'source_id'>;

/** The columns a case and a row of the library share, mapped once for both. */
function summaryOf(r: SummaryDbRow): Omit<CaseRow, 'batches'> {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    unitId: r.unit_id,
    unitName: r.unit_name,
    fieldId: r.field_id,
    fieldName: r.field_name,
    sourceName: r.source_name,
    year: r.year,
    status: r.status,
    honours: parseJson(r.honours, []),
    contactName: r.contact_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

function toCase(r: CaseDbRow): Case {
  return {
    ...summaryOf(r),
    sourceId: r.source_id,
    contactPhone: r.contact_phone,
    returnReason: r.return_reason,
    lead: parseJson(r.lead, []),
    body: parseJson(r.body, []),
    revision: r.revision,
  };
}

export function getCase(db: Db, id: number): Case {
  const row = db.prepare(`${SELECT_CASE} WHERE c.id = ?`).get(id) as CaseDbRow | undefined;
  if (!row) throw notFound('案例', id);
  return toCase(row);
}

/** The library's filters as SQL over `cases c`: the case list and search select with the same rules. */
export function caseFilterClauses(filter: CaseFilter): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [filter.deleted ? 'c.deleted_at IS NOT NULL' : 'c.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const eq = (column: string, key: keyof CaseFilter) => {
    if (filter[key] === undefined) return;
    where.push(`c.${column} = @${key}`);
    params[key] = filter[key];
  };
  eq('unit_id', 'unitId');
  eq('field_id', 'fieldId');
  eq('type', 'type');
  eq('status', 'status');
  eq('year', 'year');
  if (filter.batchId) {
    where.push('c.id IN (SELECT case_id FROM batch_items WHERE batch_id = @batchId)');
    params.batchId = filter.batchId;
  }
  return { where, params };
}

export function listCases(db: Db, filter: CaseFilter = {}): CaseRow[] {
  const { where, params } = caseFilterClauses(filter);
  const order = filter.batchId ? 'bi.seq' : 'u.sort_order, c.id';
  const rows = db
    .prepare(
      `SELECT c.id, c.title, c.type, c.unit_id, u.name AS unit_name, c.field_id, f.name AS field_name, s.name AS source_name,
         c.year, c.status, c.honours, c.contact_name, c.updated_at, c.created_at, c.deleted_at
       FROM cases c JOIN units u ON u.id = c.unit_id
       LEFT JOIN fields f ON f.id = c.field_id
       LEFT JOIN source_experiences s ON s.id = c.source_id
       ${filter.batchId ? 'JOIN batch_items bi ON bi.case_id = c.id AND bi.batch_id = @batchId' : ''}
       WHERE ${where.join(' AND ')} ORDER BY ${order}`,
    )
    .all(params) as SummaryDbRow[];
  const memberships = new Map<number, CaseRow['batches']>();
  for (const m of db
    .prepare('SELECT i.case_id, i.seq, b.id, b.title FROM batch_items i JOIN batches b ON b.id = i.batch_id ORDER BY b.id')
    .all() as { case_id: number; seq: number; id: number; title: string }[]) {
    const list = memberships.get(m.case_id) ?? [];
    list.push({ id: m.id, title: m.title, seq: m.seq });
    memberships.set(m.case_id, list);
  }
  return rows.map((r) => ({ ...summaryOf(r), batches: memberships.get(r.id) ?? [] }));
}
