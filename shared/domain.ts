import { z } from 'zod';
import { HEADING_LEVELS } from './ordinals';
import './zod-zh'; // Chinese validation messages wherever the schemas are used
import { BATCH_KINDS, BATCH_STATUSES, CASE_STATUSES, CASE_TYPES, DEFAULT_FONT_PROFILE, FONT_PROFILES, HONOURS, LAYOUTS, SEVERITIES, SOURCE_KINDS, UNIT_KINDS } from './domain-constants';

export * from './domain-constants';

// The records of the case library (see ../shared/docs/domain.md). Identifiers are English; the labels
// users see are in the *_LABELS maps next to each enum.

const text = z.string().max(20000);
const name = z.string().trim().min(1, '不能为空').max(200);
const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD');

export const unitSchema = z.object({ id, name, kind: z.enum(UNIT_KINDS), sortOrder: z.number().int() });
export type Unit = z.infer<typeof unitSchema>;

export const fieldSchema = z.object({ id, name, sortOrder: z.number().int() });
export type Field = z.infer<typeof fieldSchema>;

export const sourceSchema = z.object({
  id,
  name,
  kind: z.enum(SOURCE_KINDS),
  origin: z.string().max(200), // 原创新负责部门（单位）
});
export type SourceExperience = z.infer<typeof sourceSchema>;

/**
 * One heading of a case body at any level, with what follows it. Ordinals (一、（一）1.（1）) are never stored:
 * the level is the depth and the number the position. `text` is a run-in sentence on the heading's own line
 * («（一）开办时间进一步缩短。改革前……»).
 */
export interface BodyNode {
  heading: string;
  text: string;
  paragraphs: string[];
  items: BodyNode[];
}
/**
 * A body nests at most as deep as there are ordinal levels (一、（一）1.（1）). The schema is built level by level
 * rather than recursively, so a body nested thousands deep is refused at the last level without zod (or
 * anything after it) recursing into it.
 */
export const MAX_BODY_DEPTH = HEADING_LEVELS;
const bodyNodeAt = (level: number): z.ZodType<BodyNode> =>
  z.object({
    heading: z.string().max(500),
    text: text,
    paragraphs: z.array(text).max(500),
    items:
      level >= MAX_BODY_DEPTH
        ? (z.array(z.unknown()).max(0, `正文最多 ${MAX_BODY_DEPTH} 级标题（一、（一）1.（1）），这里不能再分下级`) as unknown as z.ZodType<BodyNode[]>)
        : z.array(bodyNodeAt(level + 1)).max(100),
  });
export const bodyNodeSchema: z.ZodType<BodyNode> = bodyNodeAt(1);
export const bodySchema = z.array(bodyNodeSchema).max(30);

export const caseContentSchema = z.object({
  title: name,
  type: z.enum(CASE_TYPES),
  unitId: id,
  fieldId: id.nullable(),
  sourceId: id.nullable(),
  year: z.number().int().min(1990).max(2100).nullable(),
  contactName: z.string().max(50),
  contactPhone: z.string().max(50),
  honours: z.array(z.enum(HONOURS)).max(HONOURS.length),
  status: z.enum(CASE_STATUSES),
  returnReason: z.string().max(2000),
  lead: z.array(text).max(50),
  body: bodySchema,
});
export type CaseContent = z.infer<typeof caseContentSchema>;

export const caseSchema = caseContentSchema.extend({
  id,
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  unitName: z.string(),
  fieldName: z.string().nullable(),
  sourceName: z.string().nullable(),
});
export type Case = z.infer<typeof caseSchema>;

export const caseRowSchema = z.object({
  id,
  title: z.string(),
  type: z.enum(CASE_TYPES),
  unitId: id,
  unitName: z.string(),
  fieldId: id.nullable(),
  fieldName: z.string().nullable(),
  sourceName: z.string().nullable(),
  year: z.number().int().nullable(),
  status: z.enum(CASE_STATUSES),
  honours: z.array(z.enum(HONOURS)),
  contactName: z.string(),
  updatedAt: z.string(),
  createdAt: z.string(),
  deletedAt: z.string().nullable(),
  batches: z.array(z.object({ id, title: z.string(), seq: z.number().int() })),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

export const caseFilterSchema = z.object({
  unitId: id.optional(),
  fieldId: id.optional(),
  type: z.enum(CASE_TYPES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  year: z.number().int().optional(),
  batchId: id.optional(),
  deleted: z.boolean().optional(), // true: the recycle bin
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

/**
 * The 汇总表 as an imported circular printed it: its caption, the columns after 序号/案例名称/提供单位 (所属领域 …)
 * and, by case id, the row's own wording of the title and its cells. The Word attachment follows it.
 */
export const summaryLayoutSchema = z.object({
  caption: z.string().max(500).nullable(),
  columns: z.array(z.string().max(50)).max(10),
  rows: z
    .record(z.string().regex(/^\d+$/u), z.object({ title: z.string().max(500), cells: z.array(z.string().max(500)).max(10) }))
    .refine((r) => Object.keys(r).length <= 1000, '汇总表行数过多'),
});
export type SummaryLayout = z.infer<typeof summaryLayoutSchema>;

/** The circular that publishes a batch: the fields of GB/T 9704-2012. */
export const circularSchema = z.object({
  organ: z.string().max(200), // 发文机关
  docCode: z.string().max(50), // 机关代字
  docYear: z.number().int().min(1990).max(2100).nullable(),
  docSeq: z.number().int().positive().nullable(),
  title: z.string().max(500),
  addressees: z.string().max(2000), // 主送机关, without the final colon
  body: z.array(text).max(100),
  attachmentNote: z.string().max(500), // the attachment's name, as in «附件：…»
  signature: z.string().max(200),
  date: isoDate.nullable(), // 成文日期
  cc: z.string().max(2000), // 抄送, without the final 。
  printedBy: z.string().max(200), // 印发机关
  printedDate: isoDate.nullable(),
  layout: z.enum(LAYOUTS),
  summary: summaryLayoutSchema.optional(), // only for an imported circular whose 汇总表 was read
});
export type Circular = z.infer<typeof circularSchema>;

export const batchSchema = z.object({
  id,
  kind: z.enum(BATCH_KINDS),
  ordinal: z.number().int().positive(),
  title: z.string(),
  status: z.enum(BATCH_STATUSES),
  issuedAt: z.string().nullable(),
  circular: circularSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  itemCount: z.number().int().nonnegative(),
});
export type Batch = z.infer<typeof batchSchema>;

export const batchItemSchema = z.object({
  seq: z.number().int().positive(),
  caseId: id,
  case: caseSchema, // the live case, or its snapshot once the batch is issued
  frozen: z.boolean(),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

export const batchDetailSchema = batchSchema.extend({ items: z.array(batchItemSchema) });
export type BatchDetail = z.infer<typeof batchDetailSchema>;

export const revisionSchema = z.object({
  caseId: id,
  revision: z.number().int().nonnegative(),
  savedAt: z.string(),
  note: z.string(),
  content: caseContentSchema,
});
export type Revision = z.infer<typeof revisionSchema>;

export const importWarningSchema = z.object({
  caseSeq: z.number().int().nullable(),
  /** The proofreader's rule this warning belongs to, if any (ordinal-sequence, summary-table, unit-line, doc-number). */
  rule: z.string().nullable(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

export const importReportSchema = z.object({
  fileName: z.string(),
  batchId: id.nullable(),
  batchTitle: z.string(),
  caseCount: z.number().int(),
  caseIds: z.array(id),
  duplicateOf: id.nullable(), // set when the same circular was imported before: nothing was written
  warnings: z.array(importWarningSchema),
  /** The proofreader's findings on the file's text (not blocking the import). */
  findings: z.lazy(() => z.array(findingSchema)),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const settingsSchema = z.object({
  organ: z.string().max(200),
  docCode: z.string().max(50),
  addressees: z.string().max(2000),
  cc: z.string().max(2000),
  printedBy: z.string().max(200),
  fontProfile: z.enum(FONT_PROFILES),
  layout: z.enum(LAYOUTS),
  sectionTemplates: z.record(z.enum(CASE_TYPES), z.array(z.string().max(100)).max(20)),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  organ: '中国（黑龙江）自由贸易试验区工作办公室',
  docCode: '黑自贸工办函',
  addressees: '各市（地）人民政府（行署），中省直有关部门，中国（黑龙江）自由贸易试验区哈尔滨、黑河、绥芬河片区管委会',
  cc: '',
  printedBy: '中国（黑龙江）自由贸易试验区工作办公室',
  fontProfile: DEFAULT_FONT_PROFILE,
  layout: 'letter',
  sectionTemplates: {
    replication: ['复制推广事项介绍', '主要做法', '实践效果', '下一步工作思路'],
    innovation: ['基本情况', '主要做法', '实践效果', '下一步工作思路'],
  },
};

/** Where a piece of text lives: a line of a raw file, or a slot of a structured case. */
export const textPlaceSchema = z.object({
  caseId: z.number().int().nullable(),
  caseSeq: z.number().int().nullable(), // 序号 in the batch or position in the file
  /** title | lead | heading | text | paragraph | circular | line */
  slot: z.enum(['title', 'lead', 'heading', 'text', 'paragraph', 'circular', 'line']),
  /** Path of the body node (indexes from the top), empty for title and lead. */
  path: z.array(z.number().int().nonnegative()),
  /** Index of the paragraph in its node or in the lead; line number (1-based) in a raw file. */
  index: z.number().int().nonnegative().nullable(),
  /** Human-readable place: «案例3 二、（一） 第2段». */
  label: z.string(),
});
export type TextPlace = z.infer<typeof textPlaceSchema>;

export const fixSchema = z.object({
  place: textPlaceSchema,
  offset: z.number().int().nonnegative(),
  /** The text that must still be there for the fix to apply. */
  expected: z.string().max(500),
  replacement: z.string().max(500),
});
export type Fix = z.infer<typeof fixSchema>;

export const findingSchema = z.object({
  key: z.string(), // stable across runs while the text is unchanged: what a waiver names
  rule: z.string(),
  ruleLabel: z.string(),
  severity: z.enum(SEVERITIES),
  place: textPlaceSchema,
  offset: z.number().int().nonnegative().nullable(),
  excerpt: z.string(),
  message: z.string(),
  suggestion: z.string().nullable(),
  fix: fixSchema.nullable(),
  waived: z.boolean(),
});
export type Finding = z.infer<typeof findingSchema>;

export const searchHitSchema = z.object({
  caseId: z.number().int(),
  title: z.string(),
  unitName: z.string(),
  fieldName: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  score: z.number(),
  /** The snippet as plain segments; `hit` marks the matched words (no markup to inject). */
  snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
  titleHits: z.array(z.object({ text: z.string(), hit: z.boolean() })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  query: z.string(),
  terms: z.array(z.string()),
  total: z.number().int(),
  /** The total is a lower bound: more cases match than the search read (see SEARCH_CANDIDATES). */
  totalApprox: z.boolean().optional(),
  results: z.array(searchHitSchema),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const statsSchema = z.object({
  scope: z.string(),
  total: z.number().int(),
  byUnit: z.array(countSchema),
  byUnitKind: z.array(countSchema),
  byField: z.array(countSchema),
  byType: z.array(countSchema),
  byStatus: z.array(countSchema),
  byYear: z.array(countSchema),
  byBatch: z.array(countSchema),
  byHonour: z.array(countSchema),
});
export type Stats = z.infer<typeof statsSchema>;
