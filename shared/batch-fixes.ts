import { z } from 'zod';

// 规范检查 on a batch, «全部修复»: the plan the clerk sees before anything changes, and what applying it did.

/** The rules whose fixes are certain enough to apply to a whole batch at once. */
export const BATCH_FIX_RULES = ['halfwidth-punct', 'stray-space', 'doc-number', 'date-format', 'typed-ordinal'] as const;

const id = z.number().int().positive();

export const batchFixChangeSchema = z.object({
  label: z.string(), // «案例3 二、（一）第2段»
  ruleLabel: z.string(),
  /** How many fixes this row shows (close ones in one text are one row). */
  count: z.number().int().positive(),
  before: z.string(), // the text around the change, as it is
  after: z.string(), // the same text with the change
});
export type BatchFixChange = z.infer<typeof batchFixChangeSchema>;

export const batchFixCaseSchema = z.object({
  caseId: id,
  seq: z.number().int().positive(),
  title: z.string(),
  /** The revision the plan was made from; applying refuses a case saved since. */
  revision: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  /** Issued batches this case belongs to: their archived copies never change, the case gets a new revision. */
  issuedIn: z.array(z.string()),
  changes: z.array(batchFixChangeSchema), // the first changes of the case (rows bounded per case and per plan)
});
export type BatchFixCase = z.infer<typeof batchFixCaseSchema>;

export const batchFixPlanSchema = z.object({
  batchId: id,
  batchIssued: z.boolean(),
  total: z.number().int().nonnegative(),
  rules: z.array(z.object({ rule: z.string(), label: z.string(), count: z.number().int().nonnegative() })),
  cases: z.array(batchFixCaseSchema),
  /** Fixes in the circular itself, which the clerk makes in «通知». */
  circularCount: z.number().int().nonnegative(),
});
export type BatchFixPlan = z.infer<typeof batchFixPlanSchema>;

export const batchFixOptionsSchema = z.object({
  id,
  /** Only these rules (default: every rule of BATCH_FIX_RULES). */
  rules: z.array(z.enum(BATCH_FIX_RULES)).max(BATCH_FIX_RULES.length).optional(),
  /** Only the findings with these keys (a single «修复»). */
  keys: z.array(z.string().max(64)).max(5000).optional(),
});

export const batchFixApplySchema = batchFixOptionsSchema.extend({
  /** Each case's revision as the clerk saw it in the plan. */
  expected: z.array(z.object({ caseId: id, revision: z.number().int().nonnegative() })).max(5000),
  /** The clerk confirmed changing cases of issued batches (as new revisions; the archived copies stay). */
  confirmIssued: z.boolean().default(false),
});

export const batchFixResultSchema = z.object({
  fixed: z.number().int().nonnegative(),
  cases: z.number().int().nonnegative(),
  skipped: z.array(z.object({ caseId: id, seq: z.number().int(), title: z.string(), reason: z.string() })),
});
export type BatchFixResult = z.infer<typeof batchFixResultSchema>;
