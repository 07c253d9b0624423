import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCasebook } from '../../electron/core/casebook';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { DESTRUCTIVE_TEXT_LOSS, isDestructiveEdit } from '../../electron/core/repos/destructive-edit';
import { applyBatchFixes, planBatchFixes } from '../../electron/core/proofread/batch-fixes';
import { checkBatch, waive } from '../../electron/core/proofread/batch';
import { checkCase } from '../../electron/core/proofread/check';
import * as batches from '../../electron/core/repos/batches';
import * as cases from '../../electron/core/repos/cases';
import { getSettings } from '../../electron/core/repos/settings';
import * as vocab from '../../electron/core/repos/vocab';
import type { CaseContent } from '../../shared/domain';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { draftCase } from '../helpers/case-content';

// Everyday editing never loses or duplicates work (issue 9, items 1, 3, 4, 5, 6), on real database files.

function content(unitId: number, patch: Partial<CaseContent> = {}): CaseContent {
  return draftCase({
    unitId,
    body: [
      { heading: '复制推广事项介绍', text: '', paragraphs: ['介绍。'], items: [] },
      { heading: '主要做法', text: '', paragraphs: ['做法。'], items: [{ heading: '建立机制', text: '', paragraphs: ['冰雪经济。'], items: [] }] },
      { heading: '实践效果', text: '', paragraphs: ['效果。'], items: [] },
    ],
    ...patch,
  });
}

const caseCount = (db: ReturnType<typeof tempCasebook>['db']) => (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
const host = { transport: 'http' as const, version: 'test', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} };

describe('idempotent create', () => {
  it('a create retried with the same client token returns the same case and writes one row', async () => {
    const book = tempCasebook({ seed: false });
    const handlers = createHandlers({ db: book.db, dbFile: book.file, host });
    const unitId = vocab.findUnitByName(book.db, '大庆市')!.id;
    const input = { ...content(unitId), clientToken: 'editor-7f3a2c91' };
    const [a, b] = await Promise.all([dispatch(handlers, 'cases.create', input), dispatch(handlers, 'cases.create', input)]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.value).toEqual(b.ok && b.value);
    expect(caseCount(book.db)).toBe(1);
    // without a token every create is a new case, as before
    await dispatch(handlers, 'cases.create', content(unitId));
    expect(caseCount(book.db)).toBe(2);
  });
});

describe('optimistic concurrency, autosaves included', () => {
  it('two autosaves at the same expected revision: the second fails with a conflict, the first stays', () => {
    const { db } = tempCasebook({ seed: false });
    const unitId = vocab.findUnitByName(db, '大庆市')!.id;
    const c = cases.createCase(db, content(unitId));
    // an autosave first, so the next ones fall in the merge window
    const base = cases.updateCase(db, c.id, content(unitId, { lead: ['起点。'] }), { autosave: true, expectedRevision: c.revision });
    const mine = cases.updateCase(db, c.id, content(unitId, { lead: ['甲写的。'] }), { autosave: true, expectedRevision: base.revision });
    expect(mine.revision).toBeGreaterThan(base.revision);
    expect(() => cases.updateCase(db, c.id, content(unitId, { lead: ['乙写的。'] }), { autosave: true, expectedRevision: base.revision })).toThrow(/已被修改/);
    const now = cases.getCase(db, c.id);
    expect(now.lead).toEqual(['甲写的。']);
    expect(cases.listRevisions(db, c.id)[0]!.content.lead).toEqual(['甲写的。']);
  });

  it('the conflict travels as data with code conflict', async () => {
    const book = tempCasebook({ seed: false });
    const handlers = createHandlers({ db: book.db, dbFile: book.file, host });
    const unitId = vocab.findUnitByName(book.db, '大庆市')!.id;
    const c = cases.createCase(book.db, content(unitId));
    const first = await dispatch(handlers, 'cases.update', { id: c.id, content: content(unitId, { lead: ['一'] }), expectedRevision: c.revision, autosave: true });
    const second = await dispatch(handlers, 'cases.update', { id: c.id, content: content(unitId, { lead: ['二'] }), expectedRevision: c.revision, autosave: true });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('many autosaves do not flood the history', () => {
    const { db } = tempCasebook({ seed: false });
    const unitId = vocab.findUnitByName(db, '大庆市')!.id;
    const c = cases.createCase(db, content(unitId));
    let last = c;
    for (let i = 1; i <= 12; i++) last = cases.updateCase(db, c.id, content(unitId, { lead: ['字'.repeat(i)] }), { autosave: true, expectedRevision: last.revision });
    expect(last.revision).toBe(13);
    expect(cases.listRevisions(db, c.id).map((r) => r.note)).toEqual(['自动保存', '新建']);
  });
});

describe('a version before every destructive edit', () => {
  it('deleting a part inside the autosave window keeps the version that still had it', () => {
    const { db } = tempCasebook({ seed: false });
    const unitId = vocab.findUnitByName(db, '大庆市')!.id;
    const c = cases.createCase(db, content(unitId));
    const typed = cases.updateCase(db, c.id, content(unitId, { lead: ['导语。'] }), { autosave: true });
    const full = typed.body;
    const cut = cases.updateCase(db, c.id, content(unitId, { lead: ['导语。'], body: full.slice(0, 2) }), { autosave: true });
    cases.updateCase(db, c.id, content(unitId, { lead: ['导语，又改了。'], body: full.slice(0, 2) }), { autosave: true });
    const revs = cases.listRevisions(db, c.id);
    const before = revs.find((r) => r.revision === typed.revision);
    expect(before, 'the version before the deletion').toBeDefined();
    expect(before!.content.body.map((s) => s.heading)).toContain('实践效果');
    expect(revs.some((r) => r.revision === cut.revision)).toBe(false); // merged into the next autosave, not needed
    expect(revs.map((r) => r.revision)).toEqual([cut.revision + 1, typed.revision, c.revision]);
  });

  it('deleting a sub-item or a paragraph counts too, and it can be restored', () => {
    const { db } = tempCasebook({ seed: false });
    const unitId = vocab.findUnitByName(db, '大庆市')!.id;
    const c = cases.createCase(db, content(unitId));
    const a = cases.updateCase(db, c.id, content(unitId, { lead: ['甲'] }), { autosave: true });
    const noSub = structuredClone(a.body);
    noSub[1]!.items = [];
    cases.updateCase(db, c.id, { ...cases.contentOf(a), body: noSub }, { autosave: true });
    expect(cases.listRevisions(db, c.id).some((r) => r.revision === a.revision)).toBe(true);
    const back = cases.restoreRevision(db, c.id, a.revision);
    expect(back.body[1]!.items.map((i) => i.heading)).toEqual(['建立机制']);
  });
});

describe('what counts as destructive', () => {
  it('emptying a long paragraph keeps the version before it; typing a few characters merges', () => {
    const { db } = tempCasebook({ seed: false });
    const unitId = vocab.findUnitByName(db, '大庆市')!.id;
    const long = '长'.repeat(DESTRUCTIVE_TEXT_LOSS + 50);
    const c = cases.createCase(db, content(unitId));
    const full = cases.updateCase(db, c.id, content(unitId, { lead: [long] }), { autosave: true });
    const typed = cases.updateCase(db, c.id, content(unitId, { lead: [`${long}。`] }), { autosave: true });
    expect(cases.listRevisions(db, c.id).map((r) => r.revision)).toEqual([typed.revision, c.revision]); // merged
    cases.updateCase(db, c.id, content(unitId, { lead: [''] }), { autosave: true });
    expect(cases.listRevisions(db, c.id).find((r) => r.revision === typed.revision)?.content.lead).toEqual([`${long}。`]);
    expect(full.revision).toBeLessThan(typed.revision);
    expect(isDestructiveEdit({ lead: ['一二三'], body: [] }, { lead: ['一二'], body: [] })).toBe(false);
  });
});

describe('finding keys', () => {
  it('each missing section has its own key, and one waiver no longer waives the others', () => {
    const { db } = tempCasebook({ seed: false });
    const unitId = vocab.findUnitByName(db, '大庆市')!.id;
    const c = cases.createCase(db, content(unitId, { body: [{ heading: '主要做法', text: '', paragraphs: ['做法。'], items: [] }] }));
    const findings = checkCase(c, { caseId: c.id, caseSeq: 1 }, getSettings(db));
    const missing = findings.filter((f) => f.rule === 'required-section');
    expect(missing.map((f) => f.message)).toEqual(['缺少“复制推广事项介绍”部分', '缺少“实践效果”部分', '缺少“下一步工作思路”部分']);
    expect(new Set(missing.map((f) => f.key)).size).toBe(3);
    expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
  });

  it('migration 5 turns a stored waiver of the old shared key into one per section', () => {
    const file = path.join(tempDir(), 'old.db');
    let book = openCasebook(file, { seed: false });
    const db = book.db;
    const unitId = vocab.findUnitByName(db, '大庆市')!.id;
    const c = cases.createCase(db, content(unitId, { body: [{ heading: '主要做法', text: '', paragraphs: ['做法。'], items: [] }] }));
    const batch = batches.createBatch(db, { kind: 'replication', ordinal: 9 });
    batches.setBatchItems(db, batch.id, [c.id]);
    // the key as version 4 and earlier computed it for every missing section of this case
    const oldKey = createHash('sha1').update(['required-section', c.id, 1, 'title', '', '', '', c.title.slice(0, 30)].join('|')).digest('hex').slice(0, 16);
    db.prepare("INSERT INTO proofread_waivers (batch_id, finding_key, reason, created_at) VALUES (?, ?, '原文照录', '2024-01-01')").run(batch.id, oldKey);
    db.exec('DROP TABLE case_create_tokens');
    db.pragma('user_version = 4');
    book.close();

    book = openCasebook(file, { seed: false });
    expect(book.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const required = checkBatch(book.db, batch.id).filter((f) => f.rule === 'required-section');
    expect(required).toHaveLength(3);
    expect(required.every((f) => f.waived)).toBe(true);
    const keys = (book.db.prepare('SELECT finding_key, reason FROM proofread_waivers').all() as { finding_key: string; reason: string }[]);
    expect(keys.map((k) => k.finding_key)).not.toContain(oldKey);
    expect(keys.every((k) => k.reason === '原文照录')).toBe(true);
    // a new waiver names one section only
    const key = required[0]!.key;
    book.db.prepare('DELETE FROM proofread_waivers').run();
    waive(book.db, batch.id, [key], '已知');
    expect(checkBatch(book.db, batch.id).filter((f) => f.rule === 'required-section').map((f) => f.waived)).toEqual([true, false, false]);
    book.close();
  });
});

describe('a batch\'s 全部修复', () => {
  const snapshots = (db: ReturnType<typeof tempCasebook>['db'], batchId: number) =>
    (db.prepare('SELECT case_id, snapshot FROM batch_items WHERE batch_id = ? ORDER BY seq').all(batchId) as { case_id: number; snapshot: string }[]);

  it('plans with counts per rule and the changes, before changing anything', () => {
    const { db } = tempCasebook();
    const issued = batches.listBatches(db).find((b) => b.status === 'issued')!;
    const before = JSON.stringify(db.prepare('SELECT id, revision, body FROM cases ORDER BY id').all());
    const plan = planBatchFixes(db, issued.id);
    expect(plan.batchIssued).toBe(true);
    expect(plan.total).toBeGreaterThan(100);
    expect(plan.rules.map((r) => r.label)).toEqual(expect.arrayContaining(['中文标点应为全角', '多余空格']));
    expect(plan.rules.reduce((n, r) => n + r.count, 0)).toBe(plan.total);
    const change = plan.cases[0]!.changes[0]!;
    expect(change.before).not.toBe(change.after);
    // close fixes of one text are one row that reads as the result
    const grouped = plan.cases.flatMap((c) => c.changes).find((c) => c.before.includes('信息 2104.69 万条'))!;
    expect(grouped.after).toContain('信息2104.69万条');
    expect(grouped.count).toBeGreaterThanOrEqual(2);
    expect(plan.cases.every((c) => c.changes.reduce((n, ch) => n + ch.count, 0) === c.count)).toBe(true);
    expect(plan.cases.every((c) => c.issuedIn.includes(issued.title))).toBe(true);
    expect(JSON.stringify(db.prepare('SELECT id, revision, body FROM cases ORDER BY id').all())).toBe(before); // a plan writes nothing
  });

  it('never touches the snapshots of an issued batch; its cases change only when the clerk confirms, as new revisions', () => {
    const { db } = tempCasebook();
    const issued = batches.listBatches(db).find((b) => b.status === 'issued')!;
    const frozen = snapshots(db, issued.id);
    const plan = planBatchFixes(db, issued.id);
    const expected = plan.cases.map((c) => ({ caseId: c.caseId, revision: c.revision }));

    const refused = applyBatchFixes(db, issued.id, { expected });
    expect(refused.fixed).toBe(0);
    expect(refused.skipped).toHaveLength(plan.cases.length);
    expect(refused.skipped[0]!.reason).toMatch(/已印发/);

    const done = applyBatchFixes(db, issued.id, { expected, confirmIssued: true });
    expect(done.fixed).toBe(plan.total);
    expect(done.cases).toBe(plan.cases.length);
    expect(snapshots(db, issued.id)).toEqual(frozen); // byte-identical archive
    const one = plan.cases[0]!;
    const live = cases.getCase(db, one.caseId);
    expect(live.revision).toBe(one.revision + 1);
    expect(cases.listRevisions(db, one.caseId)[0]!.note).toMatch(/规范检查批量修复 \d+ 处（已印发的「.+」存档不变）/u);
    expect(cases.listRevisions(db, one.caseId).some((r) => r.revision === one.revision)).toBe(true); // the text before the fix
    // the live cases are clean now, but for the few a first fix uncovers (a space left beside a new full-width mark)
    expect(planBatchFixes(db, issued.id).total).toBeLessThan(plan.total / 10);
    expect(checkBatch(db, issued.id).filter((f) => f.rule === 'stray-space').length).toBeGreaterThan(0); // the archive still reads as issued
  });

  it('in a draft batch, a case that is also in an issued batch is skipped unless confirmed; a case saved since the plan is skipped', () => {
    const { db } = tempCasebook();
    const issued = batches.listBatches(db).find((b) => b.status === 'issued')!;
    const frozen = snapshots(db, issued.id);
    const unitId = vocab.findUnitByName(db, '大庆市')!.id;
    const mine = cases.createCase(db, content(unitId, { lead: ['大庆市推行 3 项改革,成效明显。'] }));
    const other = cases.createCase(db, content(unitId, { title: '“另一事项”复制推广典型案例', lead: ['另有 5 项措施。'] }));
    const fromIssued = planBatchFixes(db, issued.id).cases[0]!.caseId;
    const draft = batches.createBatch(db, { kind: 'replication', ordinal: 5 });
    batches.setBatchItems(db, draft.id, [mine.id, other.id, fromIssued]);
    const plan = planBatchFixes(db, draft.id);
    expect(plan.cases.find((c) => c.caseId === fromIssued)!.issuedIn).toEqual([issued.title]);
    expect(plan.cases.find((c) => c.caseId === mine.id)!.count).toBe(3);
    cases.updateCase(db, other.id, content(unitId, { title: '“另一事项”复制推广典型案例', lead: ['另有 6 项措施。'] })); // saved after the plan
    const result = applyBatchFixes(db, draft.id, { expected: plan.cases.map((c) => ({ caseId: c.caseId, revision: c.revision })) });
    expect(cases.getCase(db, mine.id).lead).toEqual(['大庆市推行3项改革，成效明显。']);
    expect(result.skipped.map((s) => s.caseId).sort()).toEqual([other.id, fromIssued].sort());
    expect(cases.getCase(db, other.id).lead).toEqual(['另有 6 项措施。']);
    expect(cases.getCase(db, fromIssued).revision).toBe(plan.cases.find((c) => c.caseId === fromIssued)!.revision);
    expect(snapshots(db, issued.id)).toEqual(frozen);
  });
});
