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

function snippetOfBody(body: string, terms: string[]): { text: string; hit: boolean }[] {
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

/** Every match ranked by bm25 over both indexes: exact, and fast while the terms are not common (see searchCases). */
function searchAll(db: Db, query: string, terms: string[], long: string[], short: string[], where: string[], params: Record<string, unknown>, limit: number, t0: number): SearchResult {
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
  const all = db
    .prepare(
      `WITH ${ctes.join(', ')}
       SELECT c.id, t.title, t.unit, t.body, c.status, fl.name AS field_name, ${score} AS score, COUNT(*) OVER () AS total
       FROM case_text t ${joins.join(' ')} JOIN cases c ON c.id = t.case_id LEFT JOIN fields fl ON fl.id = c.field_id
       WHERE ${where.join(' AND ')}
       ORDER BY score DESC, c.id LIMIT @limit`,
    )
    .all({ ...params, limit }) as { id: number; title: string; unit: string; body: string; status: SearchHit['status']; field_name: string | null; score: number; total: number }[];

  const results = all.map((r) => hitOf(r, snippetOfBody(r.body, terms), terms));
  return { query, terms, total: all[0]?.total ?? 0, results, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
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

  // One index drives the search, newest match first (FTS5 walks its rowids backwards without sorting): the
  // trigram index for the terms of three characters or more, else the character index. The terms of the other
  // length, if any, are checked in the case's text itself, which is what «contains» means. The filters apply in
  // the same walk, so the first SEARCH_CANDIDATES rows are the newest matching cases.
  const [table, match, others] = long.length
    ? (['case_fts', long.map(ftsPhrase).join(' AND '), short] as const)
    : (['case_fts_chars', short.map(charPhrase).join(' AND '), []] as const);
  // Ranking every match is exact and fast while the driving index has fewer than SEARCH_CANDIDATES matches
  // (a walk of at most that many rowids tells, without ranking): then the old full search.
  const driverCount = (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ${SEARCH_CANDIDATES})`).get(match) as { n: number }).n;
  if (driverCount < SEARCH_CANDIDATES) return searchAll(db, query, terms, long, short, [...where], { ...params }, limit, t0);
  params.match = match;
  others.forEach((t, i) => {
    params[`other${i}`] = t;
    where.push(`(instr(t.title, @other${i}) OR instr(t.unit, @other${i}) OR instr(t.body, @other${i}))`);
  });
  const cap = Math.max(SEARCH_CANDIDATES, limit + 1);
  terms.forEach((t, i) => (params[`term${i}`] = t));
  // The first hit in the body (1-based), and the snippet's window around it: SNIPPET_RADIUS before, twice after.
  const at = `min(${terms.map((_, i) => `coalesce(nullif(instr(t.body, @term${i}), 0), 1e15)`).join(', ')}${terms.length === 1 ? ', 1e15' : ''})`;
  const from = `max(1, h.at - ${SNIPPET_RADIUS})`;
  // bm25 is lower for better matches; the title weighs more than the unit, which weighs more than the text.
  const rows = db
    .prepare(
      `WITH m AS MATERIALIZED (
         SELECT f.rowid AS id, bm25(${table}, 10.0, 5.0, 1.0) AS rank
         FROM ${table} f JOIN cases c ON c.id = f.rowid ${others.length ? 'JOIN case_text t ON t.case_id = f.rowid' : ''}
         WHERE ${table} MATCH @match AND ${where.join(' AND ')}
         ORDER BY f.rowid DESC LIMIT @cap)
       , r AS (SELECT m.id, -m.rank * 10 AS score, COUNT(*) OVER () AS total FROM m ORDER BY score DESC, m.id LIMIT @limit)
       , h AS (SELECT r.*, t.title, t.unit, length(t.body) AS body_length, ${at} AS at FROM r JOIN case_text t ON t.case_id = r.id)
       SELECT h.id, h.title, h.unit, h.score, h.total, h.body_length, c.status, fl.name AS field_name,
         CASE WHEN h.at < 1e15 THEN h.at END AS at, CASE WHEN h.at < 1e15 THEN ${from} ELSE 1 END AS start,
         CASE WHEN h.at < 1e15 THEN substr(t.body, ${from}, h.at + ${SNIPPET_RADIUS * 2} - ${from}) ELSE substr(t.body, 1, ${SNIPPET_RADIUS * 2}) END AS window
       FROM h JOIN case_text t ON t.case_id = h.id JOIN cases c ON c.id = h.id LEFT JOIN fields fl ON fl.id = c.field_id
       ORDER BY h.score DESC, h.id`,
    )
    .all({ ...params, cap, limit }) as {
    id: number;
    title: string;
    unit: string;
    window: string;
    start: number;
    at: number | null;
    body_length: number;
    status: SearchHit['status'];
    field_name: string | null;
    score: number;
    total: number;
  }[];
  const results = rows.map((r) => hitOf(r, snippet(r.window, r.start, r.at, r.body_length, terms), terms));
  const total = rows[0]?.total ?? 0;
  return { query, terms, total, ...(total >= cap ? { totalApprox: true } : {}), results, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
}
