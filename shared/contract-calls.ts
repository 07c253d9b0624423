import { z } from 'zod';
import {
  callDetailSchema,
  callInputSchema,
  callSchema,
  receiveFileSchema,
  receiveResultSchema,
  SCORE_MAX,
} from './calls';
import { batchDetailSchema, findingSchema, HONOURS } from './domain';

// The 征集/评选 methods of the API contract, spread into `API` in contract.ts (kept here so that the
// contract's one table does not grow a screen per feature). Same shape: name → input schema, output schema.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const id = z.number().int().positive();
const byId = z.object({ id }).strict();
const ids = z.array(id).max(10000);
const shortName = z.string().trim().min(1, '名称不能为空').max(50, '名称不能超过 50 个字');

export const CALLS_API = {
  'calls.list': method(z.object({}).strict(), z.array(callSchema)),
  'calls.get': method(byId, callDetailSchema),
  'calls.create': method(callInputSchema.strict(), callSchema),
  'calls.update': method(callInputSchema.extend({ id }).strict(), callSchema),
  'calls.delete': method(byId, z.object({ ok: z.literal(true) })),
  /** Files dropped onto a call; at most 200 at once, each within SUBMISSION_MAX_BYTES. */
  'calls.receive': method(z.object({ id, files: z.array(receiveFileSchema).min(1).max(200) }).strict(), z.array(receiveResultSchema)),
  'calls.assignUnit': method(z.object({ submissionId: id, unitId: id }).strict(), receiveResultSchema),
  'calls.return': method(
    z.object({ submissionId: id, reason: z.string().trim().min(1, '请填写退回理由').max(2000, '退回理由不能超过 2000 个字') }).strict(),
    z.object({ ok: z.literal(true) }),
  ),
  'calls.check': method(z.object({ submissionId: id }).strict(), z.array(findingSchema)),
  'calls.setPanel': method(
    z
      .object({
        id,
        reviewers: z.array(z.object({ id: id.optional(), name: shortName }).strict()).max(50),
        criteria: z.array(z.object({ id: id.optional(), name: shortName, weight: z.number().positive('权重应大于 0').max(1000) }).strict()).max(30),
      })
      .strict(),
    callDetailSchema,
  ),
  'calls.setScores': method(
    z
      .object({
        id,
        scores: z
          .array(z.object({ submissionId: id, reviewerId: id, criterionId: id, score: z.number().min(0, '分数不能小于 0').max(SCORE_MAX, `分数不能大于 ${SCORE_MAX}`).nullable() }).strict())
          .min(1)
          .max(100000),
      })
      .strict(),
    callDetailSchema,
  ),
  'calls.select': method(z.object({ id, submissionIds: ids.min(1), selected: z.boolean() }).strict(), callDetailSchema),
  'calls.makeBatch': method(z.object({ id, order: z.enum(['rank', 'unit']).optional() }).strict(), batchDetailSchema),
  'calls.honour': method(z.object({ id, submissionIds: ids.min(1), honour: z.enum(HONOURS) }).strict(), z.object({ changed: z.number().int() })),
  'calls.chaseText': method(byId, z.object({ text: z.string() })),
} as const;

