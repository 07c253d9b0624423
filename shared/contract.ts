import { z } from 'zod';
import {
  batchDetailSchema,
  batchSchema,
  BATCH_KINDS,
  caseContentSchema,
  caseFilterSchema,
  caseRowSchema,
  caseSchema,
  circularSchema,
  fieldSchema,
  findingSchema,
  fixSchema,
  FONT_PROFILES,
  importReportSchema,
  LAYOUTS,
  revisionSchema,
  searchHitSchema,
  searchResultSchema,
  settingsSchema,
  statsSchema,
  sourceSchema,
  SOURCE_KINDS,
  unitSchema,
  UNIT_KINDS,
} from './domain';
import { batchFixApplySchema, batchFixOptionsSchema, batchFixPlanSchema, batchFixResultSchema } from './batch-fixes';
import { SEARCH_SNIPPETS } from './domain-constants';
import { CALLS_API } from './contract-calls';
import { NEWSLETTER_API } from './contract-newsletter';
import { IMPORT_API } from './contract-import';
import { REGISTER_API, REGISTER_EXPORTS } from './contract-register';

// The one API contract: every method's name, input schema and output schema. The preload's allow-list,
// the typed client of the renderer, the IPC and HTTP handlers and the tests are all derived from it.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const none = z.object({}).strict();
const byId = z.object({ id: z.number().int().positive() }).strict();
const done = z.object({ ok: z.literal(true) });
const ids = z.array(z.number().int().positive()).max(100000);

export const savedFileSchema = z.object({
  canceled: z.boolean(),
  path: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  tookMs: z.number().nonnegative(),
  /** Where a browser may fetch the file (loopback transport only). */
  downloadUrl: z.string().nullable(),
  /** What the clerk must know about the file: a placeholder printed (成文日期), a font Word will replace. */
  warnings: z.array(z.string()).optional(),
});
export type SavedFile = z.infer<typeof savedFileSchema>;

export const backupInfoSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(['daily', 'migration', 'manual', 'restore']),
  bytes: z.number().int().nonnegative(),
});
export type BackupSummary = z.infer<typeof backupInfoSchema>;
export const fontStatusSchema = z.object({
  method: z.enum(['windows', 'fontconfig', 'unknown']),
  profiles: z.array(
    z.object({
      profile: z.enum(FONT_PROFILES),
      label: z.string(),
      fonts: z.array(z.object({ font: z.string(), use: z.string(), installed: z.boolean() })),
      missing: z.array(z.string()),
    }),
  ),
  recommended: z.enum(FONT_PROFILES),
});
export type FontStatusView = z.infer<typeof fontStatusSchema>;

export const API = {
  'app.info': method(
    none,
    z.object({ version: z.string(), dbFile: z.string(), schemaVersion: z.number().int(), transport: z.enum(['ipc', 'http']) }),
  ),

  'units.list': method(none, z.array(unitSchema)),
  'units.save': method(
    z.object({ id: z.number().int().positive().optional(), name: z.string().trim().min(1).max(200), kind: z.enum(UNIT_KINDS) }).strict(),
    unitSchema,
  ),
  'units.reorder': method(z.object({ ids }).strict(), z.array(unitSchema)),
  'units.delete': method(byId, done),

  'fields.list': method(none, z.array(fieldSchema)),
  'fields.save': method(
    z.object({ id: z.number().int().positive().optional(), name: z.string().trim().min(1).max(200) }).strict(),
    fieldSchema,
  ),
  'fields.reorder': method(z.object({ ids }).strict(), z.array(fieldSchema)),
  'fields.delete': method(byId, done),

  'sources.list': method(none, z.array(sourceSchema)),
  'sources.save': method(
    z
      .object({
        id: z.number().int().positive().optional(),
        name: z.string().trim().min(1).max(200),
        kind: z.enum(SOURCE_KINDS),
        origin: z.string().max(200).default(''),
      })
      .strict(),
    sourceSchema,
  ),
  'sources.delete': method(byId, done),

  'cases.list': method(caseFilterSchema.strict(), z.array(caseRowSchema)),
  'cases.get': method(byId, caseSchema),
  'cases.create': method(
    // clientToken (safety-ui): the editor's id for this new case; a create retried with it returns the same case
    caseContentSchema.extend({ clientToken: z.string().min(8).max(64).optional() }).strict(),
    caseSchema,
  ),
  'cases.update': method(
    z
      .object({
        id: z.number().int().positive(),
        content: caseContentSchema,
        expectedRevision: z.number().int().nonnegative().optional(),
        autosave: z.boolean().optional(),
        note: z.string().max(200).optional(),
      })
      .strict(),
    caseSchema,
  ),
  'cases.delete': method(byId, caseSchema),
  'cases.restore': method(byId, caseSchema),
  'cases.duplicate': method(byId, caseSchema),
  'cases.revisions': method(byId, z.array(revisionSchema)),
  'cases.restoreRevision': method(z.object({ id: z.number().int().positive(), revision: z.number().int().positive() }).strict(), caseSchema),

  'batches.list': method(none, z.array(batchSchema)),
  'batches.get': method(byId, batchDetailSchema),
  'batches.create': method(
    z
      .object({
        kind: z.enum(BATCH_KINDS),
        ordinal: z.number().int().positive().optional(),
        title: z.string().max(300).optional(),
        caseIds: ids.optional(),
      })
      .strict(),
    batchDetailSchema,
  ),
  'batches.update': method(
    z
      .object({
        id: z.number().int().positive(),
        title: z.string().max(300).optional(),
        ordinal: z.number().int().positive().optional(),
        kind: z.enum(BATCH_KINDS).optional(),
        circular: circularSchema.partial().optional(),
      })
      .strict(),
    batchDetailSchema,
  ),
  'batches.setItems': method(z.object({ id: z.number().int().positive(), caseIds: ids }).strict(), batchDetailSchema),
  'batches.sortByUnit': method(byId, batchDetailSchema),
  'batches.draftBody': method(byId, z.array(z.string())),
  'batches.issue': method(byId, batchDetailSchema),
  'batches.delete': method(byId, done),
  'batches.nextDocNumber': method(
    z.object({ code: z.string().min(1).max(50), year: z.number().int().min(1990).max(2100), batchId: z.number().int().positive().optional() }).strict(),
    z.object({ seq: z.number().int().positive() }),
  ),

  'import.file': method(
    z.object({ fileName: z.string().min(1).max(260), base64: z.string().max(70_000_000) }).strict(),
    importReportSchema,
  ),

  'export.batchDocx': method(
    z
      .object({
        id: z.number().int().positive(),
        layout: z.enum(LAYOUTS).optional(),
        fonts: z.enum(FONT_PROFILES).optional(),
        part: z.enum(['circular', 'attachment']).default('circular'),
      })
      .strict(),
    savedFileSchema,
  ),
  'export.caseDocx': method(z.object({ id: z.number().int().positive(), fonts: z.enum(FONT_PROFILES).optional() }).strict(), savedFileSchema),
  'export.batchXlsx': method(byId, savedFileSchema),
  'export.libraryXlsx': method(caseFilterSchema.strict(), savedFileSchema),
  'files.open': method(z.object({ path: z.string().min(1).max(1000) }).strict(), done),
  'files.showInFolder': method(z.object({ path: z.string().min(1).max(1000) }).strict(), done),

  'search.query': method(
    z.object({ query: z.string().max(200), filter: caseFilterSchema.strict().optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    searchResultSchema,
  ),
  // The snippets of hits past the first SEARCH_SNIPPETS of a search (the library asks once the list is shown).
  'search.snippets': method(
    z.object({ query: z.string().max(200), caseIds: z.array(z.number().int().positive()).max(SEARCH_SNIPPETS) }).strict(),
    z.array(z.object({ caseId: z.number().int().positive(), snippet: searchHitSchema.shape.snippet })),
  ),
  'stats.get': method(z.object({ batchId: z.number().int().positive().optional() }).strict(), statsSchema),
  'export.statsXlsx': method(z.object({ batchId: z.number().int().positive().optional() }).strict(), savedFileSchema),

  // Export fidelity (issue 10): the circular as PDF through LibreOffice; which fonts of each profile are installed.
  'export.batchPdf': method(
    z
      .object({
        id: z.number().int().positive(),
        layout: z.enum(LAYOUTS).optional(),
        fonts: z.enum(FONT_PROFILES).optional(),
        part: z.enum(['circular', 'attachment']).default('circular'),
      })
      .strict(),
    savedFileSchema,
  ),
  'export.pdfAvailable': method(none, z.object({ available: z.boolean(), message: z.string() })),
  'fonts.status': method(none, fontStatusSchema),

  'proofread.case': method(
    z.object({ content: caseContentSchema, caseId: z.number().int().positive().nullable().optional() }).strict(),
    z.array(findingSchema),
  ),
  'proofread.batch': method(byId, z.array(findingSchema)),
  'proofread.text': method(z.object({ text: z.string().max(5_000_000) }).strict(), z.array(findingSchema)),
  'proofread.applyFixes': method(
    z.object({ caseId: z.number().int().positive(), fixes: z.array(fixSchema).min(1).max(5000), expectedRevision: z.number().int().optional() }).strict(),
    caseSchema,
  ),
  'proofread.waive': method(
    z.object({ batchId: z.number().int().positive(), keys: z.array(z.string().max(64)).min(1).max(5000), reason: z.string().trim().min(1, '请说明理由').max(500) }).strict(),
    done,
  ),
  'proofread.unwaive': method(z.object({ batchId: z.number().int().positive(), keys: z.array(z.string().max(64)).min(1).max(5000) }).strict(), done),

  'settings.get': method(none, settingsSchema),
  'settings.update': method(settingsSchema.partial().strict(), settingsSchema),

  // --- data safety (safety-core): backups in the data folder, restorable from 设置 ---
  'backup.list': method(none, z.object({ dir: z.string(), keep: z.number().int(), backups: z.array(backupInfoSchema) })),
  'backup.create': method(none, backupInfoSchema),
  'backup.restore': method(
    z.object({ name: z.string().min(1).max(200).regex(/^[^\\/]+\.db$/u, '只能选择备份文件夹中的备份') }).strict(),
    z.object({ restored: backupInfoSchema, keptAs: backupInfoSchema }),
  ),
  // --- safety-ui: a batch's «全部修复» previews, then applies as new revisions (issued snapshots never change) ---
  'proofread.batchFixPlan': method(batchFixOptionsSchema.strict(), batchFixPlanSchema),
  'proofread.batchFixApply': method(batchFixApplySchema.strict(), batchFixResultSchema),
  // 征集 and 评选 (calls for submissions): shared/contract-calls.ts
  ...CALLS_API,
  ...IMPORT_API,
  'export.callNoticeDocx': method(z.object({ id: z.number().int().positive(), fonts: z.enum(FONT_PROFILES).optional() }).strict(), savedFileSchema),
  'export.callXlsx': method(byId, savedFileSchema),
  // 《自贸动态》: shared/contract-newsletter.ts; its Word export beside the others
  ...NEWSLETTER_API,
  'export.newsletterDocx': method(z.object({ id: z.number().int().positive(), fonts: z.enum(FONT_PROFILES).optional() }).strict(), savedFileSchema),
  // the register (issue 11): shared/contract-register.ts
  ...REGISTER_API,
  'export.catalogueXlsx': method(REGISTER_EXPORTS.catalogue, savedFileSchema),
  'export.ledgerXlsx': method(REGISTER_EXPORTS.ledger, savedFileSchema),
  'export.crossTableXlsx': method(REGISTER_EXPORTS.crossTable, savedFileSchema),
} as const;

export type Api = typeof API;
export type ApiName = keyof Api;
export type ApiInput<N extends ApiName> = z.input<Api[N]['input']>;
export type ApiParsedInput<N extends ApiName> = z.output<Api[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<Api[N]['output']>;

export const API_NAMES = Object.keys(API) as ApiName[];
export const isApiName = (name: string): name is ApiName => Object.prototype.hasOwnProperty.call(API, name);

export interface ApiError {
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}
/** What crosses a transport: errors travel as data, never as rejections with lost detail. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type ApiClient = { [N in ApiName]: (input: ApiInput<N>) => Promise<ApiOutput<N>> };

/** The IPC channel of a method. */
export const channelOf = (name: ApiName) => `api:${name}`;
