import { CASE_STATUS_LABELS, CASE_TYPE_LABELS, HONOUR_LABELS, UNIT_KIND_LABELS } from '../../../shared/domain-constants';
import type { Case, Stats } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { getBatch, listBatches } from '../repos/batch-reads';
import { listCases } from '../repos/case-reads';
import { listFields, listUnits } from '../repos/vocab';

// Counts of the library (or of one batch, as published) by every dimension the office reports on.

type Counted = Pick<Case, 'unitId' | 'fieldId' | 'type' | 'status' | 'year' | 'honours'> & { id: number };

function tally<K extends string | number>(items: Counted[], keyOf: (c: Counted) => K[], order: { key: K; label: string }[]): Stats['byUnit'] {
  const counts = new Map<K, number>();
  for (const c of items) for (const k of keyOf(c)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return order.map((o) => ({ key: String(o.key), label: o.label, count: counts.get(o.key) ?? 0 }));
}

export function computeStats(db: Db, options: { batchId?: number } = {}): Stats {
  let items: Counted[];
  let scope = '案例库';
  let memberships: Map<number, number[]>;
  if (options.batchId) {
    const batch = getBatch(db, options.batchId);
    scope = batch.title;
    items = batch.items.map((i) => ({ ...i.case, id: i.caseId })); // as published, for an issued batch
    memberships = new Map(items.map((c) => [c.id, [batch.id]]));
  } else {
    const rows = listCases(db);
    items = rows.map((r) => ({ id: r.id, unitId: r.unitId, fieldId: r.fieldId, type: r.type, status: r.status, year: r.year, honours: r.honours }));
    memberships = new Map(rows.map((r) => [r.id, r.batches.map((b) => b.id)]));
  }
  const units = listUnits(db);
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const years = [...new Set(items.map((c) => c.year).filter((y): y is number => y !== null))].sort();
  const drop0 = (xs: Stats['byUnit']) => xs.filter((x) => x.count > 0);
  return {
    scope,
    total: items.length,
    byUnit: drop0(tally(items, (c) => [c.unitId], units.map((u) => ({ key: u.id, label: u.name })))),
    byUnitKind: drop0(tally(items, (c) => [kindOf.get(c.unitId) ?? 'other'], Object.entries(UNIT_KIND_LABELS).map(([key, label]) => ({ key, label })))),
    byField: drop0([
      ...tally(items, (c) => (c.fieldId ? [c.fieldId] : []), listFields(db).map((f) => ({ key: f.id, label: f.name }))),
      { key: 'none', label: '未分类', count: items.filter((c) => c.fieldId === null).length },
    ]),
    byType: tally(items, (c) => [c.type], Object.entries(CASE_TYPE_LABELS).map(([key, label]) => ({ key, label }))),
    byStatus: tally(items, (c) => [c.status], Object.entries(CASE_STATUS_LABELS).map(([key, label]) => ({ key, label }))),
    byYear: drop0([
      ...tally(items, (c) => (c.year ? [c.year] : []), years.map((y) => ({ key: y, label: `${y}年` }))),
      { key: 'none', label: '未填年度', count: items.filter((c) => c.year === null).length },
    ]),
    byBatch: drop0(tally(items, (c) => memberships.get(c.id) ?? [], listBatches(db).map((b) => ({ key: b.id, label: b.title })))),
    byHonour: tally(items, (c) => c.honours, Object.entries(HONOUR_LABELS).map(([key, label]) => ({ key, label }))),
  };
}

