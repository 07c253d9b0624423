import { describe, expect, it } from 'vitest';
import { flattenCaseText } from '../../shared/body';
import { SEARCH_CANDIDATES, SEARCH_SNIPPETS, searchCases, searchSnippets } from '../../electron/core/search/search';
import { getCase, listCases } from '../../electron/core/repos/cases';
import { cloneLibrary } from '../bench/benches';
import { tempCasebook } from '../helpers/tmp';
import { searchSummary } from '../../shared/search-summary';

// Past SEARCH_CANDIDATES matches (issue 13: 税 in 100,000 cases), a search reads the newest matches only: the
// total is then marked approximate, and every hit still contains every term.
const book = tempCasebook();
const { db } = book;
cloneLibrary(db, SEARCH_CANDIDATES + 400);
const text = (id: number) => {
  const c = getCase(db, id);
  return `${c.title}\n${c.unitName}\n${flattenCaseText(c.lead, c.body)}`;
};

describe('search in a library larger than it reads', () => {
  it.each(['税', '通关', '跨境电商', '绥芬河 退税', '黑河 口岸'])('«%s»: exact hits, an approximate total only past the cap', (q) => {
    const all = listCases(db).filter((c) => q.split(' ').every((t) => text(c.id).includes(t)));
    const r = searchCases(db, q, {}, 500);
    expect(r.results.length).toBe(Math.min(500, all.length));
    for (const h of r.results) for (const t of q.split(' ')) expect(text(h.caseId)).toContain(t);
    if (all.length >= SEARCH_CANDIDATES) {
      expect(r.totalApprox).toBe(true);
      expect(r.total).toBe(SEARCH_CANDIDATES);
    } else {
      expect(r.totalApprox).toBeUndefined();
      expect(r.total).toBe(all.length);
    }
  });

  it('gives snippets to the best hits only, each around a term when the text has one', () => {
    const r = searchCases(db, '税', {}, 500);
    expect(r.results.length).toBe(500);
    r.results.forEach((h, i) => {
      if (i >= SEARCH_SNIPPETS) return expect(h.snippet).toEqual([]);
      expect(h.snippet.length).toBeGreaterThan(0);
      if (flattenCaseText(getCase(db, h.caseId).lead, getCase(db, h.caseId).body).includes('税')) expect(h.snippet.some((s) => s.hit && s.text === '税')).toBe(true);
    });
    // the hits past them get the same kind of snippet when the library asks (search.snippets), a hundred a call,
    // and the best hits' snippets asked again are the search's own
    const rest = r.results.slice(SEARCH_SNIPPETS, 2 * SEARCH_SNIPPETS);
    const more = searchSnippets(db, '税', rest.map((h) => h.caseId));
    expect(more.map((m) => m.caseId)).toEqual(rest.map((h) => h.caseId));
    for (const { caseId, snippet } of more) {
      expect(snippet.length).toBeGreaterThan(0);
      if (flattenCaseText(getCase(db, caseId).lead, getCase(db, caseId).body).includes('税')) expect(snippet.some((s) => s.hit && s.text === '税')).toBe(true);
    }
    const best = r.results.slice(0, 5);
    expect(searchSnippets(db, '税', best.map((h) => h.caseId))).toEqual(best.map((h) => ({ caseId: h.caseId, snippet: h.snippet })));
    expect(searchSnippets(db, '税', [999_999])).toEqual([]); // no such case: nothing, not an error
    expect(searchSnippets(db, '  ', [1])).toEqual([]);
    // ranked: every hit with the term in its title before any without
    const inTitle = r.results.map((h) => h.title.includes('税'));
    expect(inTitle.indexOf(false) < 0 || inTitle.lastIndexOf(true) < inTitle.indexOf(false)).toBe(true);
  });

  it('keeps the filters in the walk: a filtered search finds old cases too', () => {
    const oldest = listCases(db).sort((a, b) => a.id - b.id)[0]!;
    const r = searchCases(db, '税', { year: oldest.year ?? undefined, unitId: oldest.unitId }, 2000);
    const expected = listCases(db, { year: oldest.year ?? undefined, unitId: oldest.unitId }).filter((c) => text(c.id).includes('税'));
    expect(r.results.map((h) => h.caseId).sort((a, b) => a - b)).toEqual(expected.map((c) => c.id).sort((a, b) => a - b));
  });
});

describe('the search line', () => {
  it('says when the total is a lower bound and when the list is cut', () => {
    expect(searchSummary({ total: 3, results: [{}, {}, {}] as never, tookMs: 2 })).toBe('找到 3 个（2 毫秒）');
    expect(searchSummary({ total: 1261, results: Array(500) as never, tookMs: 9 })).toBe('找到 1261 个，列出最相关的 500 个（9 毫秒）');
    expect(searchSummary({ total: 1000, totalApprox: true, results: Array(500) as never, tookMs: 9 })).toBe('找到 1000 个以上，列出最相关的 500 个（9 毫秒）');
  });
});
