import { z } from 'zod';
import { EXPERIENCE_KINDS, REPLICATION_STATUSES, CASE_LEVELS, STAT_DIMS, isValidDate } from './register-constants';

export * from './register-constants';

// The register (登记簿): the catalogue of national and other-FTZ experiences, each unit's replication ledger,
// each case's level history and the cross-tables over them. Pure helpers and the API's shapes.

const id = z.number().int().positive();
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isValidDate(s), '不是有效的日期（1990–2100 年）');

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

