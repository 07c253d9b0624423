import { describe, expect, it } from 'vitest';
import { computeStats } from '../../electron/core/stats/stats';
import { listBatches } from '../../electron/core/repos/batches';
import { contentOf, createCase, getCase } from '../../electron/core/repos/cases';
import { findFieldByName } from '../../electron/core/repos/vocab';
import { tempCasebook } from '../helpers/tmp';

describe('statistics', () => {
  it('counts the demo library by unit (official order), kind, field, type, status, year, batch and honour', () => {
    const { db } = tempCasebook();
    const s = computeStats(db);
    expect(s.total).toBe(28);
    expect(s.byUnit.map((u) => [u.label, u.count])).toEqual([
      ['大庆市', 1], ['伊春市', 1], ['双鸭山市', 1], ['鹤岗市', 1], ['绥化市', 1], ['哈尔滨片区', 5], ['黑河片区', 4], ['绥芬河片区', 14],
    ]);
    expect(s.byUnit.reduce((n, u) => n + u.count, 0)).toBe(28);
    expect(s.byUnitKind.map((k) => [k.label, k.count])).toEqual([['市（地）', 5], ['片区', 23]]);
    // The importer proposes a 领域 for each case from its text (the register, issue 11): every case is counted once.
    expect(s.byField.reduce((n, f) => n + f.count, 0)).toBe(28);
    expect(s.byField.find((f) => f.label === '金融开放创新')!.count).toBe(5);
    expect(s.byStatus.find((x) => x.key === 'selected')!.count).toBe(28);
    expect(s.byYear).toEqual([{ key: '2023', label: '2023年', count: 28 }]);
    expect(s.byBatch.map((b) => b.count)).toEqual([28]);
    expect(s.byHonour.map((h) => h.count)).toEqual([0, 0]);
  });

  it('follows new cases and scopes to one batch', () => {
    const { db } = tempCasebook();
    const base = contentOf(getCase(db, 1));
    const financeBefore = computeStats(db).byField.find((f) => f.label === '金融开放创新')!.count;
    createCase(db, { ...base, title: '“新”创新实践案例', type: 'innovation', year: 2024, fieldId: findFieldByName(db, '金融开放创新')!.id, honours: ['provincial_excellent'], status: 'draft' });
    const s = computeStats(db);
    expect(s.total).toBe(29);
    expect(s.byField.find((f) => f.label === '金融开放创新')!.count).toBe(financeBefore + 1);
    expect(s.byType.map((t) => t.count)).toEqual([28, 1]);
    expect(s.byHonour[0]!.count).toBe(1);
    expect(s.byYear.map((y) => y.label)).toEqual(['2023年', '2024年']);
    const batch = computeStats(db, { batchId: listBatches(db)[0]!.id });
    expect(batch.total).toBe(28);
    expect(batch.scope).toBe('第三批复制推广自贸试验区制度创新成果典型案例');
  });
});
