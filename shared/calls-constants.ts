import { CASE_TYPES, type CaseType } from './domain-constants';

// The enums of 征集 and their labels, without zod: shared/calls.ts re-exports them with the schemas, and the
// command line's `calls list` and `calls show` import them from here so they do not load zod (issue 13).

export const CALL_KINDS = CASE_TYPES;
export type CallKind = CaseType;
export const CALL_KIND_LABELS: Record<CallKind, string> = { replication: '复制推广', innovation: '创新实践' };

export const SUBMISSION_STATES = ['pending_unit', 'received', 'returned'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  pending_unit: '待确认单位',
  received: '已收到',
  returned: '已退回',
};

/** The longest original kept with a submission: submitted case files are a few hundred KB at most. */
export const SUBMISSION_MAX_BYTES = 20 * 1024 * 1024;
/** Scores are entered on a 0–100 scale per criterion; weights are relative. */
export const SCORE_MAX = 100;
