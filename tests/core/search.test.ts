import { describe, expect, it } from 'vitest';
import { flattenCaseText } from '../../shared/body';
import { searchCases, searchTerms } from '../../electron/core/search/search';
import { contentOf, createCase, deleteCase, getCase, listCases, updateCase } from '../../electron/core/repos/cases';
import { findUnitByName } from '../../electron/core/repos/vocab';
import { tempCasebook } from '../helpers/tmp';

const book = tempCasebook();
const { db } = book;

/** What a correct search must return: every live case whose title, unit or text contains every term. */
function bruteForce(query: string): number[] {
  const terms = searchTerms(query);
  return listCases(db)
    .map((r) => getCase(db, r.id))
    .filter((c) => terms.every((t) => `${c.title}\n${c.unitName}\n${flattenCaseText(c.lead, c.body)}`.includes(t)))
    .map((c) => c.id)
    .sort((a, b) => a - b);
}

describe('search', () => {
  it('finds 出口退税无纸化 for the two-character 退税, first', () => {
    const r = searchCases(db, '退税');
    expect(r.results[0]!.title).toBe('“出口退税无纸化”复制推广典型案例');
    expect(r.results[0]!.snippet.some((s) => s.hit && s.text === '退税')).toBe(true);
    expect(r.results[0]!.titleHits.filter((s) => s.hit).map((s) => s.text)).toEqual(['退税']);
  });

  it.each(['退税', '通关', '税', '信用', '跨境电商', '不动产登记', '绥芬河 退税', '哈尔滨片区', '知识产权 质押', '“一站式”'])(
    'returns exactly the cases that contain «%s»',
    (q) => {
      const r = searchCases(db, q, {}, 500);
      expect(r.results.map((h) => h.caseId).sort((a, b) => a - b)).toEqual(bruteForce(q));
      expect(r.total).toBe(r.results.length);
    },
  );

  it('ranks title matches above text matches and reports its time', () => {
    const r = searchCases(db, '信用');
    expect(r.results[0]!.title).toMatch(/信用/u);
    expect(r.tookMs).toBeGreaterThanOrEqual(0);
    expect(searchCases(db, '   ').results).toEqual([]);
    expect(searchCases(db, '完全不存在的词').total).toBe(0);
  });

  it('applies the library filters and follows edits and deletions', () => {
    const unit = findUnitByName(db, '黑河片区')!;
    const filtered = searchCases(db, '退税', { unitId: unit.id });
    expect(filtered.results.map((h) => h.unitName)).toEqual(['黑河片区']);
    expect(bruteForce('桦汁')).toEqual([]); // words the demo does not use
    const c = createCase(db, { ...contentOf(getCase(db, 1)), title: '“桦汁产业示范”复制推广典型案例', lead: ['发展桦汁产业。'] });
    expect(searchCases(db, '桦汁').results.map((h) => h.caseId)).toEqual([c.id]);
    expect(searchCases(db, '桦汁产业示范').results.map((h) => h.caseId)).toEqual([c.id]);
    updateCase(db, c.id, { ...contentOf(c), title: '“榛蘑产业”复制推广典型案例', lead: ['发展榛蘑产业。'] });
    expect(searchCases(db, '桦汁').total).toBe(0);
    expect(searchCases(db, '榛蘑产业').results.map((h) => h.caseId)).toEqual([c.id]);
    deleteCase(db, c.id);
    expect(searchCases(db, '榛蘑').total).toBe(0);
  });
});
