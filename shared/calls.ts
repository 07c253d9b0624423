import { z } from 'zod';
import { CALL_KINDS, SCORE_MAX, SUBMISSION_MAX_BYTES, SUBMISSION_STATES } from './calls-constants';
import { CASE_STATUSES, findingSchema } from './domain';

export * from './calls-constants';

// 征集 and 评选: a call for submissions sent to units before a batch exists, what each unit sent, the
// first check, returns for revision, reviewers' scores and the ranking that becomes the batch.

const id = z.number().int().positive();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100;
  }, '不是有效的日期');

export const callUnitSchema = z.object({ unitId: id, expected: z.number().int().min(0).max(99) });
export type CallUnit = z.infer<typeof callUnitSchema>;

export const callInputSchema = z.object({
  title: z.string().trim().min(1, '请填写征集名称').max(200, '征集名称不能超过 200 个字'),
  kind: z.enum(CALL_KINDS),
  deadline: isoDate,
  units: z.array(callUnitSchema).min(1, '请至少选择一个报送单位').max(500),
  note: z.string().max(2000).default(''),
});
export type CallInput = z.input<typeof callInputSchema>;

export const callSchema = z.object({
  id,
  title: z.string(),
  kind: z.enum(CALL_KINDS),
  deadline: z.string(),
  note: z.string(),
  batchId: id.nullable(),
  createdAt: z.string(),
  unitCount: z.number().int(),
  expected: z.number().int(),
  received: z.number().int(),
});
export type Call = z.infer<typeof callSchema>;

export const submissionSchema = z.object({
  id,
  callId: id,
  caseId: id.nullable(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  /** How the unit was recognised: the «（XX提供）» line, the file name, or the clerk's choice. */
  unitFrom: z.enum(['text', 'file_name', 'clerk', 'none']),
  /** Units the file name or text could mean when it was not recognised for certain. */
  unitCandidates: z.array(z.string()),
  title: z.string(),
  fileName: z.string(),
  fileBytes: z.number().int(),
  receivedAt: z.string(),
  late: z.boolean(),
  state: z.enum(SUBMISSION_STATES),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  returnReason: z.string(),
  resubmissions: z.number().int(),
  selected: z.boolean(),
  findings: z.object({ errors: z.number().int(), warnings: z.number().int() }),
});
export type Submission = z.infer<typeof submissionSchema>;

export const trackerRowSchema = z.object({
  unitId: id,
  unitName: z.string(),
  expected: z.number().int(),
  received: z.number().int(),
  returned: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
});
export type TrackerRow = z.infer<typeof trackerRowSchema>;

export const trackerSchema = z.object({
  rows: z.array(trackerRowSchema),
  totals: trackerRowSchema.omit({ unitId: true, unitName: true }),
  /** Units with nothing received; after the deadline these are the 催报 list. */
  chase: z.array(z.object({ unitId: id, unitName: z.string() })),
  overdue: z.boolean(),
  pendingUnit: z.number().int(),
});
export type Tracker = z.infer<typeof trackerSchema>;

export const reviewerSchema = z.object({ id, name: z.string() });
export type Reviewer = z.infer<typeof reviewerSchema>;
export const criterionSchema = z.object({ id, name: z.string(), weight: z.number() });
export type Criterion = z.infer<typeof criterionSchema>;
export const scoreSchema = z.object({ submissionId: id, reviewerId: id, criterionId: id, score: z.number().min(0).max(SCORE_MAX) });
export type Score = z.infer<typeof scoreSchema>;

export const rankingRowSchema = z.object({
  submissionId: id,
  caseId: id.nullable(),
  title: z.string(),
  unitName: z.string().nullable(),
  /** Weighted mean of the reviewers' scores, 0–100, two decimals; null before any score. */
  total: z.number().nullable(),
  /** Per reviewer: that reviewer's weighted score. */
  byReviewer: z.array(z.object({ reviewerId: id, score: z.number().nullable() })),
  scoresEntered: z.number().int(),
  scoresExpected: z.number().int(),
  rank: z.number().int().nullable(),
  selected: z.boolean(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const callDetailSchema = callSchema.extend({
  units: z.array(callUnitSchema.extend({ unitName: z.string() })),
  submissions: z.array(submissionSchema),
  tracker: trackerSchema,
  reviewers: z.array(reviewerSchema),
  criteria: z.array(criterionSchema),
  scores: z.array(scoreSchema),
  ranking: z.array(rankingRowSchema),
});
export type CallDetail = z.infer<typeof callDetailSchema>;

export const receiveFileSchema = z.object({ fileName: z.string().min(1).max(260), base64: z.string().max(Math.ceil((SUBMISSION_MAX_BYTES * 4) / 3) + 4) });

export const receiveResultSchema = z.object({
  fileName: z.string(),
  outcome: z.enum(['received', 'resubmitted', 'pending_unit', 'duplicate', 'refused']),
  message: z.string(),
  submissionId: id.nullable(),
  caseId: id.nullable(),
});
export type ReceiveResult = z.infer<typeof receiveResultSchema>;

export const firstCheckSchema = z.object({ submissionId: id, findings: z.array(findingSchema) });
