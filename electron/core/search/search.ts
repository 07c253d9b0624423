import type { CaseFilter, SearchHit, SearchResult } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { charPhrase } from './char-tokens';
import { caseFilterClauses } from '../repos/cases';

// Chinese full-text search over titles, units and all case text. The FTS5 trigram index answers terms of three
// characters or more; shorter terms (退税, 通关) cannot form a trigram and are looked up in the character index
// (one token per Chinese character) as a phrase, which is exact. Both paths share filters, ranking and snippets.

const MIN_TRIGRAM = 3;
const SNIPPET_RADIUS = 40;

export function searchTerms(query: string): string[] {
  const terms = query
    .replace(/["“”'‘’]/gu, ' ')
    .split(/[\s,，;；、]+/u)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(terms)].slice(0, 8);
}

const ftsPhrase = (t: string) => `"${t.replace(/"/gu, '""')}"`;

/** Splits text into plain and matched segments, for safe highlighting. */
export function highlight(text: string, terms: string[]): { text: string; hit: boolean }[] {
  if (!terms.length || !text) return [{ text, hit: false }];
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'gu');
  const out: { text: string; hit: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

function snippet(body: string, terms: string[]): { text: string; hit: boolean }[] {
  let at = -1;
  for (const t of terms) {
    const i = body.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return highlight(body.slice(0, SNIPPET_RADIUS * 2).replace(/\n/gu, ' '), terms);
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(body.length, at + SNIPPET_RADIUS * 2);
  const text = `${start > 0 ? '…' : ''}${body.slice(start, end).replace(/\n/gu, ' ')}${end < body.length ? '…' : ''}`;
  return highlight(text, terms);
}

export function searchCases(db: Db, query: string, filter: CaseFilter = {}, limit = 50): SearchResult {
  const t0 = performance.now();
  const terms = searchTerms(query);
  if (!terms.length) return { query, terms, total: 0, results: [], tookMs: 0 };
  const long = terms.filter((t) => [...t].length >= MIN_TRIGRAM);
  const short = terms.filter((t) => [...t].length < MIN_TRIGRAM);

  const { where, params } = caseFilterClauses({ ...filter, deleted: false }); // the recycle bin is never searched

  // Each index is read once, in a materialized CTE (bm25 cannot share a query with the window function below, and
  // an inlined CTE would be re-run for every row of the other); bm25 is lower for
  // better matches, and the title weighs more than the unit, which weighs more than the text.
  const ctes: string[] = [];
  const joins: string[] = [];
  const scores: string[] = [];
  if (long.length) {
    params.long = long.map(ftsPhrase).join(' AND ');
    ctes.push(`l AS MATERIALIZED (SELECT rowid AS id, bm25(case_fts, 10.0, 5.0, 1.0) AS rank FROM case_fts WHERE case_fts MATCH @long)`);
    joins.push('JOIN l ON l.id = t.case_id');
    scores.push('-l.rank');
  }
  if (short.length) {
    params.short = short.map(charPhrase).join(' AND ');
    ctes.push(`s AS MATERIALIZED (SELECT rowid AS id, bm25(case_fts_chars, 10.0, 5.0, 1.0) AS rank FROM case_fts_chars WHERE case_fts_chars MATCH @short)`);
    joins.push('JOIN s ON s.id = t.case_id');
    scores.push('-s.rank');
  }
  const score = `(${scores.join(' + ')}) * 10`;
  const rows = db
    .prepare(
      `WITH ${ctes.join(', ')}
       SELECT c.id, t.title, t.unit, t.body, c.status, fl.name AS field_name, ${score} AS score, COUNT(*) OVER () AS total
       FROM case_text t ${joins.join(' ')} JOIN cases c ON c.id = t.case_id LEFT JOIN fields fl ON fl.id = c.field_id
       WHERE ${where.join(' AND ')}
       ORDER BY score DESC, c.id LIMIT @limit`,
    )
    .all({ ...params, limit }) as { id: number; title: string; unit: string; body: string; status: SearchHit['status']; field_name: string | null; score: number; total: number }[];
  const results: SearchHit[] = rows.map((r) => ({
    caseId: r.id,
    title: r.title,
    unitName: r.unit,
    fieldName: r.field_name,
    status: r.status,
    score: Math.round(r.score * 100) / 100,
    snippet: snippet(r.body, terms),
    titleHits: highlight(r.title, terms),
  }));
  return { query, terms, total: rows[0]?.total ?? 0, results, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
}
