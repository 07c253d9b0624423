import { SOURCE_KINDS, SOURCE_KIND_LABELS, type SourceKind } from './domain-constants';
import { fromChineseNumeral, toChineseNumeral } from './numerals';

// The register's enums, labels and batch spelling, without zod: shared/register.ts re-exports them with the
// schemas; the migrations (run at every start, the command line's included) import them from here (issue 13).

export const EXPERIENCE_KINDS = SOURCE_KINDS;
export type ExperienceKind = SourceKind;
export const EXPERIENCE_KIND_LABELS: Record<ExperienceKind, string> = { ...SOURCE_KIND_LABELS, other_ftz: '其他自贸试验区创新成果' };

/** Kinds published by the State Council / MOFCOM in numbered batches; the others name their origin instead. */
const BATCHED: Partial<Record<ExperienceKind, string>> = { pilot: '改革试点经验', best_practice: '最佳实践案例' };

/**
 * The one spelling of a batch, computed from kind and number, so «国家第一批» and «自贸试验区第一批» cannot
 * become two labels again: «自贸试验区第六批改革试点经验», «自贸试验区第四批最佳实践案例».
 */
export function experienceBatchLabel(kind: ExperienceKind, batchNo: number | null): string {
  const what = BATCHED[kind];
  if (!what || batchNo === null) return '';
  return `自贸试验区第${toChineseNumeral(batchNo)}批${what}`;
}

/**
 * Reads a batch as clerks and circulars spell it: «国务院第6批», «第六批», «国家第一批最佳实践案例», «6».
 * Returns the number and, when the text says it, the kind.
 */
export function parseExperienceBatch(text: string): { batchNo: number; kind: ExperienceKind | null } | null {
  const s = text.replace(/\s+/gu, '');
  if (!s) return null;
  const kind: ExperienceKind | null = /最佳实践/u.test(s) ? 'best_practice' : /试点经验/u.test(s) ? 'pilot' : null;
  // A bare number is a batch only when nothing else is said («6»); otherwise «第…批» must be there.
  const m = /第([0-9]{1,3}|[一二三四五六七八九十百零]{1,6})批/u.exec(s) ?? /^([0-9]{1,3})$/u.exec(s);
  if (!m) return null;
  const n = /^[0-9]+$/u.test(m[1]!) ? Number(m[1]) : fromChineseNumeral(m[1]!);
  if (!n || n < 1 || n > 999) return null;
  return { batchNo: n, kind };
}

export const REPLICATION_STATUSES = ['planned', 'in_progress', 'copied', 'not_applicable'] as const;
export type ReplicationStatus = (typeof REPLICATION_STATUSES)[number];
export const REPLICATION_STATUS_LABELS: Record<ReplicationStatus, string> = {
  planned: '未启动',
  in_progress: '推进中',
  copied: '已复制',
  not_applicable: '不适用',
};

/** A case's levels, lowest first; both national outcomes rank alike (the later one is the current level). */
export const CASE_LEVELS = ['area', 'provincial_typical', 'provincial_excellent', 'national_best_practice', 'national_promoted'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];
export const CASE_LEVEL_LABELS: Record<CaseLevel, string> = {
  area: '片区级',
  provincial_typical: '省级典型案例',
  provincial_excellent: '省级优秀案例',
  national_best_practice: '全国最佳实践案例',
  national_promoted: '国家复制推广',
};
export const CASE_LEVEL_RANK: Record<CaseLevel, number> = {
  area: 1,
  provincial_typical: 2,
  provincial_excellent: 3,
  national_best_practice: 4,
  national_promoted: 4,
};
export const NO_LEVEL_LABEL = '未定级';

export const STAT_DIMS = ['unit', 'field', 'level', 'year', 'batch', 'kind'] as const;
export type StatDim = (typeof STAT_DIMS)[number];
export const STAT_DIM_LABELS: Record<StatDim, string> = {
  unit: '提供单位',
  field: '领域',
  level: '级别',
  year: '年份',
  batch: '批次',
  kind: '类型',
};

/** Bounds of what the register accepts at once. */
export const CATALOGUE_MAX_ROWS = 5000;
export const CATALOGUE_MAX_BYTES = 10 * 1024 * 1024;
export const LEDGER_MAX_CELLS = 20000;

/** A real day of 1990–2100 written YYYY-MM-DD (the register's dates; zod's schemas refine with it). */
export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100;
}

/** A 复制推广率 as printed: 33.3%, or — where no experience applies. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
