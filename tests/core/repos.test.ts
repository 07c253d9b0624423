import { describe, expect, it } from 'vitest';
import type { CaseContent } from '../../shared/domain';
import * as batches from '../../electron/core/repos/batches';
import * as cases from '../../electron/core/repos/cases';
import { getSettings, updateSettings } from '../../electron/core/repos/settings';
import * as vocab from '../../electron/core/repos/vocab';
import { tempCasebook } from '../helpers/tmp';

function content(unitId: number, patch: Partial<CaseContent> = {}): CaseContent {
  return {
    title: '“测试事项”复制推广典型案例',
    type: 'replication',
    unitId,
    fieldId: null,
    sourceId: null,
    year: 2024,
    contactName: '张三',
    contactPhone: '0451-12345678',
    honours: [],
    status: 'draft',
    returnReason: '',
    lead: ['导语段落。'],
    body: [
      { heading: '复制推广事项介绍', text: '', paragraphs: ['介绍。'], items: [] },
      { heading: '主要做法', text: '', paragraphs: [], items: [{ heading: '建立机制', text: '', paragraphs: ['冰雪经济。'], items: [] }] },
    ],
    ...patch,
  };
}

describe('repositories', () => {
  it('starts with the default units in official order and the default fields', () => {
    const { db } = tempCasebook({ seed: false });
    const units = vocab.listUnits(db);
    expect(units.slice(0, 2).map((u) => u.name)).toEqual(['哈尔滨市', '齐齐哈尔市']);
    expect(units.filter((u) => u.kind === 'area').map((u) => u.name)).toEqual(['哈尔滨片区', '黑河片区', '绥芬河片区']);
    expect(vocab.listFields(db).map((f) => f.name)).toContain('政府职能转变');
    expect(batches.listBatches(db)).toEqual([]);
  });

  it('keeps units unique and ordered, and refuses to delete one in use', () => {
    const { db } = tempCasebook({ seed: false });
    const u = vocab.createUnit(db, '省商务厅');
    expect(u.kind).toBe('department');
    expect(() => vocab.createUnit(db, '省商务厅')).toThrow(/已存在/);
    const reordered = vocab.reorderUnits(db, [u.id]);
    expect(reordered[0]!.name).toBe('省商务厅');
    cases.createCase(db, content(u.id));
    expect(() => vocab.deleteUnit(db, u.id)).toThrow(/不能删除/);
  });

  it('saves cases with a revision per save, detects stale saves, restores revisions', () => {
    const { db } = tempCasebook({ seed: false });
    const unit = vocab.findUnitByName(db, '大庆市')!;
    const c = cases.createCase(db, content(unit.id));
    expect(c).toMatchObject({ revision: 1, unitName: '大庆市', status: 'draft' });
    const v2 = cases.updateCase(db, c.id, { ...content(unit.id), title: '“改名事项”复制推广典型案例' }, { expectedRevision: 1 });
    expect(v2.revision).toBe(2);
    expect(() => cases.updateCase(db, c.id, content(unit.id), { expectedRevision: 1 })).toThrow(/已被修改/);
    // an unchanged save writes nothing
    expect(cases.updateCase(db, c.id, cases.contentOf(v2)).revision).toBe(2);
    const revs = cases.listRevisions(db, c.id);
    expect(revs.map((r) => r.revision)).toEqual([2, 1]);
    expect(revs[1]!.content.title).toBe('“测试事项”复制推广典型案例');
    const restored = cases.restoreRevision(db, c.id, 1);
    expect(restored).toMatchObject({ revision: 3, title: '“测试事项”复制推广典型案例' });
    expect(cases.listRevisions(db, c.id)[0]!.note).toBe('恢复到版本 1');
  });

  it('coalesces autosaves into one history entry (the revision still moves on every save)', () => {
    const { db } = tempCasebook({ seed: false });
    const unit = vocab.findUnitByName(db, '大庆市')!;
    const c = cases.createCase(db, content(unit.id));
    cases.updateCase(db, c.id, content(unit.id, { lead: ['一'] }), { autosave: true });
    const last = cases.updateCase(db, c.id, content(unit.id, { lead: ['一二'] }), { autosave: true });
    expect(last.revision).toBe(3);
    expect(cases.listRevisions(db, c.id).map((r) => [r.revision, r.content.lead[0]])).toEqual([[3, '一二'], [1, '导语段落。']]);
  });

  it('keeps the search text in step with the case, in the same transaction', () => {
    const { db } = tempCasebook({ seed: false });
    const unit = vocab.findUnitByName(db, '大庆市')!;
    const c = cases.createCase(db, content(unit.id));
    const fts = (q: string) => (db.prepare('SELECT rowid FROM case_fts WHERE case_fts MATCH ?').all(q) as { rowid: number }[]).map((r) => r.rowid);
    expect(fts('"冰雪经济"')).toEqual([c.id]);
    cases.updateCase(db, c.id, content(unit.id, { body: [] }));
    expect(fts('"冰雪经济"')).toEqual([]);
    expect(fts('"大庆市"')).toEqual([c.id]);
    const ghost = db.prepare('SELECT COUNT(*) AS n FROM case_text').get() as { n: number };
    expect(ghost.n).toBe(1);
  });

  it('moves deleted cases to a recycle bin from which they come back', () => {
    const { db } = tempCasebook({ seed: false });
    const unit = vocab.findUnitByName(db, '大庆市')!;
    const c = cases.createCase(db, content(unit.id));
    cases.deleteCase(db, c.id);
    expect(cases.listCases(db).map((r) => r.id)).not.toContain(c.id);
    expect(cases.listCases(db, { deleted: true }).map((r) => r.id)).toEqual([c.id]);
    cases.restoreCase(db, c.id);
    expect(cases.listCases(db).map((r) => r.id)).toContain(c.id);
    const dup = cases.duplicateCase(db, c.id);
    expect(dup.title).toBe('“测试事项”复制推广典型案例（副本）');
  });

  it('numbers batch items without gaps, sorts by unit order, and freezes at 印发', () => {
    const { db } = tempCasebook({ seed: false });
    const suihua = vocab.findUnitByName(db, '绥化市')!;
    const daqing = vocab.findUnitByName(db, '大庆市')!;
    const a = cases.createCase(db, content(suihua.id, { title: '“甲”复制推广典型案例' }));
    const b = cases.createCase(db, content(daqing.id, { title: '“乙”复制推广典型案例' }));
    const batch = batches.createBatch(db, { kind: 'replication', ordinal: 4 });
    expect(batch.title).toBe('第四批复制推广自贸试验区制度创新成果典型案例');
    expect(batch.circular).toMatchObject({ docCode: getSettings(db).docCode, docSeq: 1, title: '关于印发我省第四批复制推广自贸试验区制度创新成果典型案例的通知' });
    expect(() => batches.createBatch(db, { kind: 'replication', ordinal: 4 })).toThrow(/已存在/);
    expect(batches.nextDocSeq(db, batch.circular.docCode, batch.circular.docYear!)).toBe(2);

    let detail = batches.setBatchItems(db, batch.id, [a.id, b.id]);
    expect(detail.items.map((i) => [i.seq, i.caseId])).toEqual([[1, a.id], [2, b.id]]);
    detail = batches.sortBatchByUnit(db, batch.id);
    expect(detail.items.map((i) => [i.seq, i.case.unitName])).toEqual([[1, '大庆市'], [2, '绥化市']]);
    expect(() => batches.setBatchItems(db, batch.id, [a.id, a.id])).toThrow(/两次/);

    expect(() => batches.issueBatch(db, batch.id)).toThrow(/成文日期/);
    batches.updateBatch(db, batch.id, { circular: { date: '2024-05-08' } });
    const issued = batches.issueBatch(db, batch.id);
    expect(issued.status).toBe('issued');
    expect(issued.items.every((i) => i.frozen)).toBe(true);

    expect(cases.getCase(db, b.id).status).toBe('selected');
    cases.updateCase(db, b.id, content(daqing.id, { title: '“乙（改）”复制推广典型案例' }));
    const after = batches.getBatch(db, batch.id);
    expect(after.items[0]!.case.title).toBe('“乙”复制推广典型案例');
    expect(() => batches.setBatchItems(db, batch.id, [a.id])).toThrow(/已印发/);
    expect(() => batches.updateBatch(db, batch.id, { title: 'x' })).toThrow(/已印发/);
    expect(() => batches.deleteBatch(db, batch.id)).toThrow(/已印发/);
  });

  it('refuses a 文号 already used by another batch', () => {
    const { db } = tempCasebook({ seed: false });
    const one = batches.createBatch(db, { kind: 'replication', ordinal: 1, circular: { docYear: 2024, docSeq: 7 } });
    expect(one.circular.docSeq).toBe(7);
    expect(() => batches.createBatch(db, { kind: 'replication', ordinal: 2, circular: { docYear: 2024, docSeq: 7 } })).toThrow(/已被/);
  });

  it('stores settings by key over the defaults', () => {
    const { db } = tempCasebook({ seed: false });
    expect(getSettings(db).fontProfile).toBe('gb');
    updateSettings(db, { fontProfile: 'system' });
    expect(getSettings(db)).toMatchObject({ fontProfile: 'system', layout: 'letter' });
    expect(() => updateSettings(db, { layout: 'poster' as never })).toThrow();
  });
});
