// the constants and the reads, not zod: `stats --rows … --cols …` starts light (issue 13)
import { CASE_TYPE_LABELS, type CaseType } from '../../../shared/domain-constants';
import { CASE_LEVELS, CASE_LEVEL_LABELS, CASE_LEVEL_RANK, NO_LEVEL_LABEL, STAT_DIMS, isValidDate, type StatDim } from '../../../shared/register-constants';
import type { CrossTable, ReportFigures } from '../../../shared/register';
import type { Db } from '../db/connection';
import { UserError } from '../util';
import { currentLevels } from './level-reads';
import { rateReport } from './ledger';

// Cross-tables over the case register: any two dimensions, the cases whose date falls in a range. Its level is the one reached by
// the end of the range, so a later award never changes an earlier year's table. A case's date is its issued
// circular's 成文日期, else the first day of its year (a circular imported without a date still has its 文号's
// year), else the day it was entered; the moment a batch was frozen may be an import years later.

interface CaseFacts {
  id: number;
  date: string;
  keys: Record<StatDim, { key: string; order: number }>;
  batchOrder: string | null; // batches sort by kind and number, not by title
}

const NONE_ORDER = 1e9; // «未…» rows and columns go last

function caseFacts(db: Db, to: string | null): CaseFacts[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.type, c.year, substr(c.created_at, 1, 10) AS created,
              u.name AS unit, u.sort_order AS unit_order, f.name AS field, f.sort_order AS field_order,
              (SELECT b.title FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE i.case_id = c.id
                ORDER BY b.status = 'issued' DESC, b.kind, b.ordinal LIMIT 1) AS batch,
              (SELECT b.kind || ':' || printf('%06d', b.ordinal) FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE i.case_id = c.id
                ORDER BY b.status = 'issued' DESC, b.kind, b.ordinal LIMIT 1) AS batch_order,
              (SELECT MIN(json_extract(b.circular, '$.date')) FROM batch_items i JOIN batches b ON b.id = i.batch_id
                WHERE i.case_id = c.id AND b.status = 'issued') AS issued
         FROM cases c JOIN units u ON u.id = c.unit_id LEFT JOIN fields f ON f.id = c.field_id
        WHERE c.deleted_at IS NULL`,
    )
    .all() as {
    id: number;
    type: CaseType;
    year: number | null;
    created: string;
    unit: string;
    unit_order: number;
    field: string | null;
    field_order: number | null;
    batch: string | null;
    batch_order: string | null;
    issued: string | null;
  }[];
  const levels = currentLevels(db, to);
  return rows.map((r): CaseFacts => {
    const date = r.issued && isValidDate(r.issued) ? r.issued : r.year ? `${r.year}-01-01` : r.created;
    const year = r.year ?? Number(date.slice(0, 4));
    const level = levels.get(r.id) ?? null;
    return {
      id: r.id,
      date,
      keys: {
        unit: { key: r.unit, order: r.unit_order },
        field: { key: r.field ?? '未分领域', order: r.field_order ?? NONE_ORDER },
        level: level ? { key: CASE_LEVEL_LABELS[level], order: CASE_LEVELS.indexOf(level) } : { key: NO_LEVEL_LABEL, order: -1 },
        year: { key: `${year}年`, order: year },
        batch: r.batch ? { key: r.batch, order: 0 } : { key: '未入批次', order: NONE_ORDER },
        kind: { key: CASE_TYPE_LABELS[r.type], order: r.type === 'replication' ? 0 : 1 },
      },
      batchOrder: r.batch_order,
    };
  });
}

function checkRange(from: string | null, to: string | null): void {
  for (const [d, what] of [
    [from, '起始日期'],
    [to, '截止日期'],
  ] as const) {
    if (d !== null && !isValidDate(d)) throw new UserError(`${what}“${d}”无效，应为 YYYY-MM-DD`, 'invalid_input');
  }
  if (from && to && from > to) throw new UserError(`起始日期 ${from} 晚于截止日期 ${to}`, 'invalid_input');
}

export function isStatDim(s: string): s is StatDim {
  return (STAT_DIMS as readonly string[]).includes(s);
}

export function crossTable(db: Db, options: { rows: StatDim; cols: StatDim; from?: string | null; to?: string | null }): CrossTable {
  const from = options.from ?? null;
  const to = options.to ?? null;
  checkRange(from, to);
  for (const d of [options.rows, options.cols]) if (!isStatDim(d)) throw new UserError(`统计维度“${String(d)}”无效，应为 ${STAT_DIMS.join('、')}`, 'invalid_input');
  const facts = caseFacts(db, to).filter((c) => (from === null || c.date >= from) && (to === null || c.date <= to));
  const orderOf = (dim: StatDim) => {
    const seen = new Map<string, string | number>();
    for (const f of facts) {
      const k = f.keys[dim];
      seen.set(k.key, dim === 'batch' && f.batchOrder ? f.batchOrder : k.order);
    }
    return [...seen.entries()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0].localeCompare(b[0], 'zh'))).map(([k]) => k);
  };
  const rowKeys = orderOf(options.rows);
  const colKeys = orderOf(options.cols);
  const cells = rowKeys.map(() => colKeys.map(() => 0));
  for (const f of facts) cells[rowKeys.indexOf(f.keys[options.rows].key)]![colKeys.indexOf(f.keys[options.cols].key)]! += 1;
  const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = colKeys.map((_, j) => cells.reduce((a, r) => a + r[j]!, 0));
  return { rows: options.rows, cols: options.cols, from, to, rowKeys, colKeys, cells, rowTotals, colTotals, total: facts.length };
}

/** What a report asks for in one step: cases by level up to a date (and how many reached at least each), the ledger's totals. */
export function reportFigures(db: Db, to: string): ReportFigures {
  checkRange(null, to);
  const facts = caseFacts(db, to).filter((c) => c.date <= to);
  const levels = currentLevels(db, to);
  const counts = CASE_LEVELS.map((level) => ({ level, count: facts.filter((f) => levels.get(f.id) === level).length }));
  const casesByLevel = [
    { level: NO_LEVEL_LABEL, count: facts.filter((f) => !levels.has(f.id)).length, atLeast: facts.length },
    ...counts.map(({ level, count }) => ({
      level: CASE_LEVEL_LABELS[level],
      count,
      atLeast: facts.filter((f) => {
        const l = levels.get(f.id);
        return l !== undefined && CASE_LEVEL_RANK[l] >= CASE_LEVEL_RANK[level];
      }).length,
    })),
  ];
  const rates = rateReport(db, { at: to });
  return { to, casesByLevel, replication: rates.total, experiences: rates.experiences };
}
