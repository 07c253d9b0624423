import { BATCH_FIX_RULES, type BatchFixCase, type BatchFixChange, type BatchFixPlan, type BatchFixResult } from '../../../shared/batch-fixes';
import type { Case, CaseContent, Finding } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { getBatch } from '../repos/batches';
import { contentOf, getCase, updateCase } from '../repos/cases';
import { getSettings } from '../repos/settings';
import { UserError } from '../util';
import { checkBatch } from './batch';
import { checkCase } from './check';
import { applyFixes, textAt } from './fixes';
import { RULES, type RuleId } from './text-rules';

// «全部修复» on a batch. The clerk first sees a plan (count per rule, every change with its text before and
// after) and then applies it. The fixes always go to the live cases as new revisions: the snapshots of an
// issued batch are never touched, and a case that belongs to an issued batch changes only when the clerk
// confirmed that. A case saved after the plan was made is skipped, never overwritten.

/** How many changes the plan lists, per case and in all (the counts are always complete). */
export const MAX_LISTED_CHANGES = 200;
export const MAX_LISTED_CHANGES_IN_ALL = 3000;

export interface BatchFixOptions {
  rules?: readonly string[];
  keys?: readonly string[];
}

interface CasePlan {
  item: BatchFixCase;
  live: Case;
  findings: Finding[];
}

function issuedBatchesOf(db: Db, caseId: number): string[] {
  return (
    db
      .prepare(`SELECT b.title FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE i.case_id = ? AND b.status = 'issued' ORDER BY b.id`)
      .all(caseId) as { title: string }[]
  ).map((r) => r.title);
}

/** Context shown on each side of a change in the plan. */
const CONTEXT_CHARS = 10;

/**
 * The plan's rows: fixes of one text that lie close together (the two spaces around «2104.69») are shown as
 * one change, the text around them before and after, so the clerk reads the result rather than each step.
 */
function changesOf(content: CaseContent, findings: Finding[], limit: number): BatchFixChange[] {
  const rows: BatchFixChange[] = [];
  const slotOf = (f: Finding) => `${f.place.slot}|${f.place.path.join('.')}|${f.place.index ?? ''}`;
  let i = 0;
  while (i < findings.length && rows.length < limit) {
    const group = [findings[i]!];
    while (
      i + group.length < findings.length &&
      slotOf(findings[i + group.length]!) === slotOf(group[0]!) &&
      findings[i + group.length]!.fix!.offset - (group.at(-1)!.fix!.offset + group.at(-1)!.fix!.expected.length) <= CONTEXT_CHARS
    ) {
      group.push(findings[i + group.length]!);
    }
    i += group.length;
    const text = textAt(content, group[0]!.fix!.place);
    const first = group[0]!.fix!;
    const last = group.at(-1)!.fix!;
    const start = Math.max(0, first.offset - CONTEXT_CHARS);
    const end = Math.min(text.length, last.offset + last.expected.length + CONTEXT_CHARS);
    let after = '';
    let at = start;
    for (const f of group) {
      after += text.slice(at, f.fix!.offset) + f.fix!.replacement;
      at = f.fix!.offset + f.fix!.expected.length;
    }
    after += text.slice(at, end);
    const pre = start > 0 ? '…' : '';
    const post = end < text.length ? '…' : '';
    rows.push({
      label: group[0]!.place.label,
      ruleLabel: [...new Set(group.map((f) => f.ruleLabel))].join('、'),
      count: group.length,
      before: pre + text.slice(start, end) + post,
      after: pre + after + post,
    });
  }
  return rows;
}

/** Two fixes of one text that overlap cannot both apply: the later one waits for the next check. */
function withoutOverlaps(findings: Finding[]): Finding[] {
  const ends = new Map<string, number>();
  return findings.filter((f) => {
    const fix = f.fix!;
    const slot = `${fix.place.slot}|${fix.place.path.join('.')}|${fix.place.index ?? ''}`;
    if (fix.offset < (ends.get(slot) ?? -1)) return false;
    ends.set(slot, fix.offset + Math.max(fix.expected.length, 1));
    return true;
  });
}

function planCases(db: Db, batchId: number, options: BatchFixOptions): { plans: CasePlan[]; circularCount: number; issued: boolean } {
  const batch = getBatch(db, batchId);
  const settings = getSettings(db);
  const rules = new Set<string>(options.rules ?? BATCH_FIX_RULES);
  const keys = options.keys ? new Set(options.keys) : null;
  const checked = checkBatch(db, batchId);
  const waived = new Set(checked.filter((f) => f.waived).map((f) => f.key));
  const wanted = (f: Finding) => f.fix !== null && rules.has(f.rule) && !waived.has(f.key) && (!keys || keys.has(f.key));
  const circularCount = checked.filter((f) => f.place.caseId === null && wanted(f)).length;
  const plans: CasePlan[] = [];
  let listBudget = MAX_LISTED_CHANGES_IN_ALL;
  for (const item of batch.items) {
    // The live case, not the snapshot: a fix is a new revision of the case, whatever the batch's state.
    const live = getCase(db, item.caseId);
    if (live.deletedAt) continue;
    const findings = withoutOverlaps(checkCase(live, { caseId: live.id, caseSeq: item.seq }, settings).filter(wanted));
    if (!findings.length) continue;
    const content = contentOf(live);
    const changes = changesOf(content, findings, Math.max(0, Math.min(MAX_LISTED_CHANGES, listBudget)));
    listBudget -= changes.length;
    plans.push({
      live,
      findings,
      item: { caseId: live.id, seq: item.seq, title: live.title, revision: live.revision, count: findings.length, issuedIn: issuedBatchesOf(db, live.id), changes },
    });
  }
  return { plans, circularCount, issued: batch.status === 'issued' };
}

export function planBatchFixes(db: Db, batchId: number, options: BatchFixOptions = {}): BatchFixPlan {
  const { plans, circularCount, issued } = planCases(db, batchId, options);
  const perRule = new Map<string, number>();
  for (const p of plans) for (const f of p.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  return {
    batchId,
    batchIssued: issued,
    total: plans.reduce((n, p) => n + p.item.count, 0),
    rules: [...perRule].map(([rule, count]) => ({ rule, label: RULES[rule as RuleId] ?? rule, count })),
    cases: plans.map((p) => p.item),
    circularCount,
  };
}

export interface ApplyBatchFixOptions extends BatchFixOptions {
  expected: { caseId: number; revision: number }[];
  confirmIssued?: boolean;
}

/** Applies the plan the clerk saw, in one transaction; what could not be applied is reported, not forced. */
export function applyBatchFixes(db: Db, batchId: number, options: ApplyBatchFixOptions): BatchFixResult {
  return db.transaction(() => {
    const { plans } = planCases(db, batchId, options);
    const expected = new Map(options.expected.map((e) => [e.caseId, e.revision]));
    const result: BatchFixResult = { fixed: 0, cases: 0, skipped: [] };
    const skip = (p: CasePlan, reason: string) => result.skipped.push({ caseId: p.item.caseId, seq: p.item.seq, title: p.item.title, reason });
    for (const p of plans) {
      const seen = expected.get(p.item.caseId);
      if (seen === undefined) continue; // not in the plan the clerk confirmed
      if (seen !== p.live.revision) {
        skip(p, '预览后案例又被修改，请重新预览');
        continue;
      }
      if (p.item.issuedIn.length && !options.confirmIssued) {
        skip(p, `属于已印发的${p.item.issuedIn.map((t) => `「${t}」`).join('')}，未确认修改`);
        continue;
      }
      const note = p.item.issuedIn.length
        ? `规范检查批量修复 ${p.item.count} 处（已印发的${p.item.issuedIn.map((t) => `「${t}」`).join('')}存档不变）`
        : `规范检查批量修复 ${p.item.count} 处`;
      try {
        updateCase(db, p.live.id, applyFixes(contentOf(p.live), p.findings.map((f) => f.fix!)), { expectedRevision: p.live.revision, note: note.slice(0, 200) });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        skip(p, e.message);
        continue;
      }
      result.fixed += p.item.count;
      result.cases++;
    }
    return result;
  })();
}
