import { BATCH_FIX_RULES, type BatchFixCase, type BatchFixPlan, type BatchFixResult } from '../../../shared/batch-fixes';
import type { Case, Finding } from '../../../shared/domain';
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

function around(text: string, offset: number, length: number, replacement: string): { before: string; after: string } {
  const start = Math.max(0, offset - 10);
  const end = Math.min(text.length, offset + length + 10);
  const pre = `${start > 0 ? '…' : ''}${text.slice(start, offset)}`;
  const post = `${text.slice(offset + length, end)}${end < text.length ? '…' : ''}`;
  return { before: pre + text.slice(offset, offset + length) + post, after: pre + replacement + post };
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
    const listed = Math.max(0, Math.min(MAX_LISTED_CHANGES, listBudget));
    listBudget -= listed;
    const changes = findings.slice(0, listed).map((f) => ({
      label: f.place.label,
      ruleLabel: f.ruleLabel,
      ...around(textAt(content, f.fix!.place), f.fix!.offset, f.fix!.expected.length, f.fix!.replacement),
    }));
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
