import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCasebook } from '../../electron/core/casebook';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/connection';
import type { Db } from '../../electron/core/db/connection';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { buildBatchXlsx, buildLibraryXlsx } from '../../electron/core/export/service';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { contentOf, createCase, getCase, listCases } from '../../electron/core/repos/cases';
import { charTokens } from '../../electron/core/search/char-tokens';
import { searchCases, searchTerms } from '../../electron/core/search/search';
import type { Figure } from './run';
import { proofreadBench } from './proofread-bench';
import { cliBench } from './cli-bench';
import { liveCheckBench } from './live-check-bench';
import { firstWindowBench, typingBench } from './first-window';
import { median, round, tmpDb } from './run';

async function timeAsync(fn: () => Promise<unknown>, runs = 15, warmups = 3): Promise<number> {
  for (let i = 0; i < warmups; i++) await fn(); // let the JIT settle: a clerk exports more than once a session
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** A library of `n` cases made from the demo cases, with varied titles. */
export function growLibrary(db: Db, n: number): void {
  const base = listCases(db).map((r) => contentOf(getCase(db, r.id)));
  db.transaction(() => {
    for (let i = listCases(db).length; i < n; i++) {
      const c = base[i % base.length]!;
      createCase(db, { ...c, title: `${c.title.replace(/复制推广典型案例$/u, '')}（${i}）复制推广典型案例`, status: 'submitted', year: 2018 + (i % 8) });
    }
  })();
}

async function exportBench(): Promise<Figure[]> {
  const book = openCasebook(tmpDb('export.db'));
  const demo = getBatch(book.db, listBatches(book.db)[0]!.id);
  // A fresh batch object each run, as every export reads one: the page estimate is kept per object.
  const letter = await timeAsync(() => exportBatchDocx({ ...demo }, { layout: 'letter' }));
  const file = await timeAsync(() => exportBatchDocx({ ...demo }, { layout: 'file' }));
  const xlsx = await timeAsync(() => buildBatchXlsx(book.db, demo.id));
  const t0 = performance.now();
  growLibrary(book.db, 5000);
  const grow = performance.now() - t0;
  const library = await timeAsync(() => buildLibraryXlsx(book.db), 3, 1);
  book.close();
  return [
    { name: 'export demo circular .docx, 信函格式 (28 cases, in-process)', value: round(letter), unit: 'ms', target: 100 },
    { name: 'export demo circular .docx, 文件格式 (28 cases, in-process)', value: round(file), unit: 'ms', target: 100 },
    { name: 'export demo batch .xlsx (汇总表 + counts)', value: round(xlsx), unit: 'ms' },
    { name: 'create 4,972 cases in one transaction', value: round(grow), unit: 'ms' },
    { name: 'export library .xlsx (5,000 cases)', value: round(library), unit: 'ms' },
  ];
}

/**
 * Bulk rows for the big library: the demo cases again and again, each copy with its own title (its number) and year.
 * Written in bulk, in one transaction (issue 13: a row-by-row build of 100,000 cases took over 25 minutes): the
 * numbers come from a recursive CTE, the rows from INSERT…SELECT, the trigram index from case_text's own trigger
 * within that one statement, and the character index from the 28 source texts tokenised once (only titles vary).
 */
export function cloneLibrary(db: Db, n: number): void {
  const have = (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
  if (have >= n) return;
  db.function('clone_char_tokens', { deterministic: true }, (s: unknown) => charTokens(String(s)));
  const copied = (db.prepare('PRAGMA table_info(cases)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !['id', 'title', 'year', 'status', 'revision', 'deleted_at'].includes(c));
  const cache = db.pragma('cache_size', { simple: true });
  db.pragma('cache_size = -262144'); // 256 MB while the indexes are written: their merges read back what they wrote
  db.transaction(() => {
    db.exec(`DROP TABLE IF EXISTS temp.clone_src; DROP TABLE IF EXISTS temp.clone_ids;
      CREATE TEMP TABLE clone_src AS
        SELECT row_number() OVER (ORDER BY c.id) - 1 AS k, c.*, t.unit AS unit_name, t.body AS text,
          clone_char_tokens(t.unit) AS unit_tokens, clone_char_tokens(t.body) AS text_tokens,
          CASE WHEN c.title LIKE '%复制推广典型案例' THEN substr(c.title, 1, length(c.title) - 8) ELSE c.title END AS stem
        FROM cases c JOIN case_text t ON t.case_id = c.id WHERE c.deleted_at IS NULL ORDER BY c.id LIMIT 28;`);
    const m = (db.prepare('SELECT COUNT(*) AS n FROM temp.clone_src').get() as { n: number }).n;
    const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM cases').get() as { m: number }).m;
    db.prepare(
      `CREATE TEMP TABLE clone_ids AS WITH RECURSIVE seq(i) AS (SELECT @have UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < @n)
       SELECT i, @maxId + 1 + i - @have AS id, i % @m AS k FROM seq`,
    ).run({ have, n, maxId, m });
    db.exec(`
      INSERT INTO cases (id, title, year, status, revision, ${copied.join(', ')})
        SELECT r.id, s.stem || '（' || CAST(r.i AS INTEGER) || '）复制推广典型案例', 2018 + r.i % 8, 'submitted', 1, ${copied.map((c) => `s.${c}`).join(', ')}
        FROM temp.clone_ids r JOIN temp.clone_src s ON s.k = r.k ORDER BY r.id;
      INSERT INTO case_text (case_id, title, unit, body)
        SELECT r.id, c.title, s.unit_name, s.text FROM temp.clone_ids r JOIN temp.clone_src s ON s.k = r.k JOIN cases c ON c.id = r.id ORDER BY r.id;
      INSERT INTO case_fts_chars (rowid, title, unit, body)
        SELECT r.id, clone_char_tokens(c.title), s.unit_tokens, s.text_tokens
        FROM temp.clone_ids r JOIN temp.clone_src s ON s.k = r.k JOIN cases c ON c.id = r.id ORDER BY r.id;
      DROP TABLE temp.clone_src; DROP TABLE temp.clone_ids;`);
  })();
  db.pragma(`cache_size = ${cache}`);
}

const QUERIES = ['税', '退税', '通关', '跨境电商', '不动产登记', '绥芬河 退税', '知识产权质押融资'];

export function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/** What search would be without its indexes: a scan of every live case's text for every term. */
function likeScan(db: Db, query: string): number {
  const terms = searchTerms(query);
  const where = terms.map((_, i) => `(t.title LIKE @t${i} OR t.unit LIKE @t${i} OR t.body LIKE @t${i})`).join(' AND ');
  const params = Object.fromEntries(terms.map((t, i) => [`t${i}`, `%${t}%`]));
  return (db.prepare(`SELECT COUNT(*) AS n FROM case_text t JOIN cases c ON c.id = t.case_id WHERE c.deleted_at IS NULL AND ${where}`).get(params) as { n: number }).n;
}

/**
 * The search library of `size` cases, kept between runs in the temp folder (building 100,000 cases takes minutes of
 * CPU: the indexes' tokenising): made once by cloneLibrary, keyed by the schema version so a migration rebuilds it.
 */
function searchLibrary(size: number): { db: Db; close(): void; builtMs: number | null } {
  const file = path.join(os.tmpdir(), `casebook-bench-search-v${LATEST_SCHEMA_VERSION}-${size}.db`);
  if (fs.existsSync(file)) {
    const db = new Database(file, { readonly: true }); // read only: no open-time check of a 2 GB file, no writes
    if ((db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n >= size) return { db, close: () => db.close(), builtMs: null };
    db.close();
  }
  const building = `${file}.${process.pid}.tmp`;
  const book = openCasebook(building);
  const t0 = performance.now();
  cloneLibrary(book.db, size);
  const builtMs = performance.now() - t0;
  book.close(); // checkpoints the WAL into the file
  fs.renameSync(building, file);
  const db = new Database(file, { readonly: true });
  return { db, close: () => db.close(), builtMs };
}

function searchBench(): Figure[] {
  const figures: Figure[] = [];
  const sizes = (process.env.SEARCH_SIZES ?? '5000,100000').split(',').map(Number); // SEARCH_SIZES=5000 for a quick run
  for (const size of sizes) {
    const library = searchLibrary(size);
    const db = library.db as Db;
    if (library.builtMs !== null) figures.push({ name: `build the ${size.toLocaleString('en')}-case library (bulk rows + both indexes; kept for later runs)`, value: round(library.builtMs), unit: 'ms' });
    for (const q of QUERIES) {
      const ms: number[] = [];
      const cpu: number[] = [];
      let r = searchCases(db, q, {}, 500); // as the library asks: up to 500 hits
      for (let i = 0; i < 21; i++) {
        const c0 = process.cpuUsage();
        r = searchCases(db, q, {}, 500);
        const c = process.cpuUsage(c0);
        ms.push(r.tookMs);
        cpu.push((c.user + c.system) / 1000);
      }
      const like: number[] = [];
      for (let i = 0; i < (size > 10_000 ? 1 : 3); i++) {
        const l0 = performance.now();
        likeScan(db, q);
        like.push(performance.now() - l0);
      }
      const paths = r.terms.some((t) => [...t].length < 3) || r.terms.length === 0 ? 'character index' : 'FTS5 trigram';
      figures.push({
        name: `search «${q}» at ${size.toLocaleString('en')} cases, p95 (${paths}; ${r.totalApprox ? `${r.total}+` : r.total} found; CPU p95 ${round(p95(cpu.slice(1)))} ms)`,
        value: round(p95(ms.slice(1))),
        unit: 'ms',
        target: 20,
        baseline: round(median(like)),
        baselineName: 'LIKE scan',
      });
    }
    library.close();
  }
  return figures;
}

// The benchmarks of each part of the app register here.
export const BENCHES: [string, () => Figure[] | Promise<Figure[]>][] = [
  ['export', exportBench],
  ['search', searchBench],
  ['proofread', proofreadBench], // data safety: the rules are linear
  ['live-check', liveCheckBench], // speed: the editor's proofreader as the clerk types
  ['cli', cliBench], // speed: whole command-line processes beside pandoc
  ['first-window', firstWindowBench], // speed: the renderer in Chromium
  ['typing', typingBench], // speed: the body editor, keystroke by keystroke
];
