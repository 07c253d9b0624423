import { z } from 'zod';
import { SOURCE_KINDS, SOURCE_KIND_LABELS, type SourceKind } from './domain';
import { fromChineseNumeral, toChineseNumeral } from './numerals';

// The register (登记簿): the catalogue of national and other-FTZ experiences, each unit's replication ledger,
// each case's level history and the cross-tables over them. Pure helpers and the API's shapes.

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

const id = z.number().int().positive();
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isValidDate(s), '不是有效的日期（1990–2100 年）');

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100;
}

export const experienceInputSchema = z.object({
  name: z.string().trim().min(1, '名称不能为空').max(200, '名称不能超过 200 个字'),
  kind: z.enum(EXPERIENCE_KINDS),
  batchNo: z.number().int().min(1).max(999).nullable(),
  area: z.string().trim().max(50),
  origin: z.string().trim().max(200),
  year: z.number().int().min(1990, '年份应在 1990–2100 之间').max(2100, '年份应在 1990–2100 之间').nullable(),
  sourceDoc: z.string().trim().max(300),
  note: z.string().max(2000).default(''),
});
export type ExperienceInput = z.input<typeof experienceInputSchema>;

export const experienceSchema = experienceInputSchema.extend({
  id,
  note: z.string(),
  batchLabel: z.string(),
  caseCount: z.number().int(),
});
export type Experience = z.infer<typeof experienceSchema>;

/** One row of a catalogue file, as read and checked before anything is written. */
export const catalogueRowSchema = z.object({
  line: z.number().int(), // the row number the clerk sees in Excel (header = 1)
  input: experienceInputSchema.nullable(),
  errors: z.array(z.string()),
  duplicateOf: id.nullable(), // an entry already in the catalogue with this name: it is updated
});
export type CatalogueRow = z.infer<typeof catalogueRowSchema>;
export const cataloguePreviewSchema = z.object({
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  rows: z.array(catalogueRowSchema),
  good: z.number().int(),
  bad: z.number().int(),
});
export type CataloguePreview = z.infer<typeof cataloguePreviewSchema>;

export const replicationCellSchema = z.object({
  unitId: id,
  experienceId: id,
  status: z.enum(REPLICATION_STATUSES),
  date: isoDate.nullable(),
  responsible: z.string().max(200),
  note: z.string().max(2000),
  contact: z.string().max(100),
});
export type ReplicationCell = z.infer<typeof replicationCellSchema>;
export const replicationSetSchema = replicationCellSchema.partial({ responsible: true, note: true, contact: true, date: true });
export type ReplicationSet = z.input<typeof replicationSetSchema>;

export const unitRateSchema = z.object({
  unitId: id,
  unitName: z.string(),
  applicable: z.number().int(),
  copied: z.number().int(),
  inProgress: z.number().int(),
  notApplicable: z.number().int(),
  rate: z.number().nullable(), // copied / applicable, null when nothing applies
});
export type UnitRate = z.infer<typeof unitRateSchema>;
export const rateReportSchema = z.object({
  at: z.string(),
  experiences: z.number().int(),
  units: z.array(unitRateSchema),
  total: unitRateSchema.omit({ unitId: true, unitName: true }),
});
export type RateReport = z.infer<typeof rateReportSchema>;

export const ledgerSchema = z.object({
  at: z.string(),
  units: z.array(z.object({ id, name: z.string(), kind: z.string() })),
  experiences: z.array(experienceSchema),
  cells: z.array(replicationCellSchema),
  rates: rateReportSchema,
});
export type Ledger = z.infer<typeof ledgerSchema>;

export const levelEventInputSchema = z.object({
  level: z.enum(CASE_LEVELS),
  awardedBy: z.string().trim().max(200),
  date: isoDate.nullable(),
  docNumber: z.string().trim().max(100),
  note: z.string().max(2000).default(''),
});
export type LevelEventInput = z.input<typeof levelEventInputSchema>;
export const levelEventSchema = levelEventInputSchema.extend({ id, caseId: id, note: z.string() });
export type LevelEvent = z.infer<typeof levelEventSchema>;

export const crossTableSchema = z.object({
  rows: z.enum(STAT_DIMS),
  cols: z.enum(STAT_DIMS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rowKeys: z.array(z.string()),
  colKeys: z.array(z.string()),
  cells: z.array(z.array(z.number().int())),
  rowTotals: z.array(z.number().int()),
  colTotals: z.array(z.number().int()),
  total: z.number().int(),
});
export type CrossTable = z.infer<typeof crossTableSchema>;

/** The figures a report asks for, in one step: cases by level (cumulative to the date), replication totals. */
export const reportFiguresSchema = z.object({
  to: z.string(),
  casesByLevel: z.array(z.object({ level: z.string(), count: z.number().int(), atLeast: z.number().int() })),
  replication: rateReportSchema.shape.total,
  experiences: z.number().int(),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
