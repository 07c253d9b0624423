import { openCasebook } from '../../electron/core/casebook';
import type { Db } from '../../electron/core/db/connection';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { buildBatchXlsx, buildLibraryXlsx } from '../../electron/core/export/service';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { contentOf, createCase, getCase, listCases } from '../../electron/core/repos/cases';
import type { Figure } from './run';
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
  const letter = await timeAsync(() => exportBatchDocx(demo, { layout: 'letter' }));
  const file = await timeAsync(() => exportBatchDocx(demo, { layout: 'file' }));
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

// The benchmarks of each part of the app register here.
export const BENCHES: [string, () => Figure[] | Promise<Figure[]>][] = [['export', exportBench]];
