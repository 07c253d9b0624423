import type { CaseFilter, SearchHit, SearchResult } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { charPhrase } from './char-tokens';
import { caseFilterClauses } from '../repos/case-reads';
import { SEARCH_SNIPPETS } from '../../../shared/domain-constants';

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
let lastPattern: { key: string; re: RegExp } | null = null;
/** One pattern for the terms, made once for the hundreds of titles and snippets of a search. */
function patternOf(terms: string[]): RegExp {
  const key = terms.join('\u0000');
  if (lastPattern?.key !== key) lastPattern = { key, re: new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'gu') };
  return lastPattern.re;
}

export function highlight(text: string, terms: string[]): { text: string; hit: boolean }[] {
  if (!terms.length || !text) return [{ text, hit: false }];
  const pattern = patternOf(terms);
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

/**
 * The snippet around the first hit in the body. The window is cut in SQL (a hit list of 500 would otherwise copy
 * every hit's whole text out of SQLite): `start` is the window's 1-based start, `at` the hit's (null: none).
 */
function snippet(window: string, start: number, at: number | null, bodyLength: number, terms: string[]): { text: string; hit: boolean }[] {
  if (at === null) return highlight(window.slice(0, SNIPPET_RADIUS * 2).replace(/\n/gu, ' '), terms);
  const end = start - 1 + window.length;
  return highlight(`${start > 1 ? '…' : ''}${window.replace(/\n/gu, ' ')}${end < bodyLength ? '…' : ''}`, terms);
}


type HitRow = { id: number; title: string; unit: string; status: SearchHit['status']; field_name: string | null; score: number };
const hitOf = (r: HitRow, snippet: SearchHit['snippet'], terms: string[]): SearchHit => ({
  caseId: r.id,
  title: r.title,
  unitName: r.unit,
  fieldName: r.field_name,
  status: r.status,
  score: Math.round(r.score * 100) / 100,
  snippet,
  titleHits: highlight(r.title, terms),
});

/**
 * How many of the best hits get a snippet (shared with the contract's limit of `search.snippets`). The snippet
 * needs the case's whole text, which SQLite reads from its overflow pages: for 500 hits that was most of a search's
 * time (about 20 ms of 25 at 5,000 cases). The library shows about ten rows at a time, best first, and asks for the
 * snippets of the hits past these once the list is shown.
 */
export { SEARCH_SNIPPETS };

/** The snippet around the first hit of `terms` in the body of each case of `ids`, by case id (cases not found: none). */
function snippetsOf(db: Db, ids: number[], terms: string[]): Map<number, SearchHit['snippet']> {
  const params: Record<string, unknown> = { ids: JSON.stringify(ids) };
  terms.forEach((t, i) => (params[`term${i}`] = t));
  // The first hit in the body (1-based), and the snippet's window around it: SNIPPET_RADIUS before, twice after,
  // cut in SQL so that only the window leaves SQLite.
  const at = `min(${terms.map((_, i) => `coalesce(nullif(instr(t.body, @term${i}), 0), 1e15)`).join(', ')}${terms.length === 1 ? ', 1e15' : ''})`;
  const from = `max(1, h.at - ${SNIPPET_RADIUS})`;
  const windows = db
    .prepare(
      `SELECT h.id, h.body_length, CASE WHEN h.at < 1e15 THEN h.at END AS at, CASE WHEN h.at < 1e15 THEN ${from} ELSE 1 END AS start,
         CASE WHEN h.at < 1e15 THEN substr(h.body, ${from}, h.at + ${SNIPPET_RADIUS * 2} - ${from}) ELSE substr(h.body, 1, ${SNIPPET_RADIUS * 2}) END AS window
       FROM (SELECT t.case_id AS id, t.body, length(t.body) AS body_length, ${at} AS at FROM case_text t WHERE t.case_id IN (SELECT value FROM json_each(@ids))) h`,
    )
    .all(params) as { id: number; window: string; start: number; at: number | null; body_length: number }[];
  return new Map(windows.map((w) => [w.id, snippet(w.window, w.start, w.at, w.body_length, terms)]));
}

/** The hits in their order, the first SEARCH_SNIPPETS with the snippet around the first hit in the body. */
function withSnippets(db: Db, rows: HitRow[], terms: string[]): SearchHit[] {
  const byId = snippetsOf(
    db,
    rows.slice(0, SEARCH_SNIPPETS).map((r) => r.id),
    terms,
  );
  return rows.map((r) => hitOf(r, byId.get(r.id) ?? [], terms));
}

/**
 * The snippets of hits past the first SEARCH_SNIPPETS, asked for by the library after the list is shown (at most
 * SEARCH_SNIPPETS cases a call): the same snippet the search gives, so the whole list reads alike.
 */
export function searchSnippets(db: Db, query: string, caseIds: number[]): { caseId: number; snippet: SearchHit['snippet'] }[] {
  const terms = searchTerms(query);
  if (!terms.length || !caseIds.length) return [];
  const byId = snippetsOf(db, caseIds, terms);
  return caseIds.flatMap((caseId) => (byId.has(caseId) ? [{ caseId, snippet: byId.get(caseId)! }] : []));
}

/**
 * How many matches, newest first, a search reads at most. A term found in most of a large library (税 in
 * 100,000 cases) would otherwise rank and count every match (1.6 s); past this many, the hits are ranked among
 * the newest matches and the total is given as «more than» (`totalApprox`). Below it, everything is exact.
 */
export const SEARCH_CANDIDATES = 1000;

export function searchCases(db: Db, query: string, filter: CaseFilter = {}, limit = 50): SearchResult {
  const t0 = performance.now();
  const terms = searchTerms(query);
  if (!terms.length) return { query, terms, total: 0, results: [], tookMs: 0 };
  const long = terms.filter((t) => [...t].length >= MIN_TRIGRAM);
  const short = terms.filter((t) => [...t].length < MIN_TRIGRAM);
  const { where, params } = caseFilterClauses({ ...filter, deleted: false }); // the recycle bin is never searched

  // One index drives, newest match first (FTS5 walks its rowids backwards without sorting), with the filters in
  // the same walk. The character index (one token per Chinese character) answers any Chinese term exactly as the
  // phrase of its characters, so a query with a short term (退税, 税) asks it for every term at once and FTS5
  // intersects the lists itself. The trigram index answers queries of long terms only; a long term with Latin
  // letters or digits (a word there is one token, not its substrings) sends a mixed query to the trigram index,
  // its short terms then checked in the case's text.
  const charsOnly = short.length > 0 && long.every((t) => !/[\p{L}\p{N}]/u.test(t.replace(/\p{Script=Han}/gu, '')));
  const [table, match, others] = charsOnly || !long.length
    ? (['case_fts_chars', terms.map(charPhrase).join(' AND '), []] as const)
    : (['case_fts', long.map(ftsPhrase).join(' AND '), short] as const);
  params.match = match;
  others.forEach((t, i) => {
    params[`other${i}`] = t;
    where.push(`(instr(t.title, @other${i}) OR instr(t.unit, @other${i}) OR instr(t.body, @other${i}))`);
  });
  terms.forEach((t, i) => (params[`term${i}`] = t));
  // Ranking: a term in the title weighs 10, in the unit's name 5, then the newest case first. bm25 would weigh
  // the text too, but it costs 15–20 µs a match: a common term's thousand candidates took 13–20 ms of the 20.
  const score = terms.map((_, i) => `(instr(t.title, @term${i}) > 0) * 10 + (instr(t.unit, @term${i}) > 0) * 5`).join(' + ');
  // Past `cap` matches the walk stops: the hits are the best among the newest `cap` matching cases, the total a
  // lower bound (`totalApprox`). Below it every match is ranked and counted.
  const cap = Math.max(SEARCH_CANDIDATES, limit + 1);
  const rows = db
    .prepare(
      `WITH m AS MATERIALIZED (
         SELECT f.rowid AS id, ${score} AS score
         FROM ${table} f JOIN cases c ON c.id = f.rowid JOIN case_text t ON t.case_id = f.rowid
         WHERE ${table} MATCH @match AND ${where.join(' AND ')}
         ORDER BY f.rowid DESC LIMIT @cap)
       , r AS (SELECT m.id, m.score, COUNT(*) OVER () AS total FROM m ORDER BY m.score DESC, m.id DESC LIMIT @limit)
       SELECT r.id, r.score, r.total, t.title, t.unit, c.status, fl.name AS field_name
       FROM r JOIN case_text t ON t.case_id = r.id JOIN cases c ON c.id = r.id LEFT JOIN fields fl ON fl.id = c.field_id
       ORDER BY r.score DESC, r.id DESC`,
    )
    .all({ ...params, cap, limit }) as (HitRow & { total: number })[];
  const results = withSnippets(db, rows, terms);
  const total = rows[0]?.total ?? 0;
  return { query, terms, total, ...(total >= cap ? { totalApprox: true } : {}), results, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
}
