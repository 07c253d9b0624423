import { z } from 'zod';
import {
  CASE_LEVELS,
  CATALOGUE_MAX_BYTES,
  LEDGER_MAX_CELLS,
  STAT_DIMS,
  cataloguePreviewSchema,
  crossTableSchema,
  experienceInputSchema,
  experienceSchema,
  isoDate,
  ledgerSchema,
  levelEventInputSchema,
  levelEventSchema,
  rateReportSchema,
  replicationSetSchema,
  reportFiguresSchema,
} from './register';

// The register's methods of the API contract (issue 11), spread into `API` in contract.ts with one line.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const id = z.number().int().positive();
const none = z.object({}).strict();
const done = z.object({ ok: z.literal(true) });
/** A catalogue file as base64: 4 characters per 3 bytes. */
const upload = z.object({
  fileName: z.string().min(1).max(255),
  base64: z.string().max(Math.ceil(CATALOGUE_MAX_BYTES / 3) * 4 + 4, '文件过大'),
});
const range = z.object({ rows: z.enum(STAT_DIMS), cols: z.enum(STAT_DIMS), from: isoDate.nullable().optional(), to: isoDate.nullable().optional() });

export const caseLevelsSchema = z.object({
  events: z.array(levelEventSchema),
  current: z.enum(CASE_LEVELS).nullable(),
  servedArea: z.object({ unitId: id, name: z.string() }).nullable(),
});
export const proposalSchema = z.object({
  caseId: id,
  title: z.string(),
  experienceId: id.nullable(),
  experienceName: z.string().nullable(),
  fieldId: id.nullable(),
  fieldName: z.string().nullable(),
  reason: z.string(),
});

export const REGISTER_API = {
  'register.experiences': method(none, z.array(experienceSchema)),
  'register.saveExperience': method(experienceInputSchema.extend({ id: id.optional() }).strict(), experienceSchema),
  'register.deleteExperience': method(z.object({ id }).strict(), done),
  'register.previewCatalogue': method(upload.strict(), cataloguePreviewSchema.extend({ notice: z.string().nullable() })),
  'register.importCatalogue': method(
    upload.extend({ acceptGoodRows: z.boolean() }).strict(),
    z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() }),
  ),
  'register.ledger': method(z.object({ at: isoDate.optional() }).strict(), ledgerSchema),
  /** Statuses entered in the grid, all or none; returns the grid as it stands at `at`. */
  'register.setReplications': method(z.object({ cells: z.array(replicationSetSchema.strict()).min(1).max(LEDGER_MAX_CELLS), at: isoDate.optional() }).strict(), ledgerSchema),
  'register.rates': method(z.object({ at: isoDate.optional(), unitId: id.optional() }).strict(), rateReportSchema),
  'register.levels': method(z.object({ caseId: id }).strict(), caseLevelsSchema),
  'register.addLevel': method(levelEventInputSchema.extend({ caseId: id }).strict(), caseLevelsSchema),
  'register.deleteLevel': method(z.object({ id }).strict(), caseLevelsSchema),
  'register.currentLevels': method(none, z.array(z.object({ caseId: id, level: z.enum(CASE_LEVELS) }))),
  'register.setServedArea': method(z.object({ caseId: id, unitId: id.nullable() }).strict(), caseLevelsSchema),
  'register.crossTable': method(range.strict(), crossTableSchema),
  'register.figures': method(z.object({ to: isoDate }).strict(), reportFiguresSchema),
  'register.proposals': method(none, z.array(proposalSchema)),
  'register.confirmProposals': method(
    z.object({ items: z.array(z.object({ caseId: id, experienceId: id.nullable().optional(), fieldId: id.nullable().optional() }).strict()).min(1).max(10000) }).strict(),
    z.object({ confirmed: z.number().int() }),
  ),
} as const;

/** The register's exports, whose handlers live with the other exports (they share the save dialog). */
export const REGISTER_EXPORTS = {
  catalogue: none,
  ledger: z.object({ at: isoDate.optional() }).strict(),
  crossTable: range.strict(),
};
