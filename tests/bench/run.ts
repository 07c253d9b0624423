// npm run bench: prints each figure as one JSON line. Targets are in the README; nothing here asserts them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCasebook } from '../../electron/core/casebook';
import { importText } from '../../electron/core/import/import-circular';
import { parseCircular } from '../../electron/core/import/parse-circular';
import { BENCHES } from './benches';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: number;
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function time(fn: () => void, runs = 7): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEED = path.resolve(here, '../../../shared/seeds/001_687212a8bc2a322c.txt');

export function tmpDb(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-')), name);
}

function importBench(): Figure[] {
  const text = fs.readFileSync(SEED, 'utf8');
  const parseMs = time(() => parseCircular(text));
  const importRuns: number[] = [];
  const openRuns: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const book = openCasebook(tmpDb('import.db'), { seed: false });
    const t1 = performance.now();
    importText(book.db, text, 'seed.txt');
    const t2 = performance.now();
    book.close();
    if (i > 0) (openRuns.push(t1 - t0), importRuns.push(t2 - t1)); // the first run warms up
  }
  const importMs = median(importRuns);
  return [
    { name: 'parse seed circular (28 cases)', value: round(parseMs), unit: 'ms' },
    { name: 'create and migrate a new database file', value: round(median(openRuns)), unit: 'ms' },
    { name: 'import seed circular in-process (parse + write 28 cases and the batch)', value: round(importMs), unit: 'ms', target: 100 },
  ];
}

export const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const only = process.argv[2];
  const benches: [string, () => Figure[] | Promise<Figure[]>][] = [['import', importBench], ...BENCHES];
  for (const [name, bench] of benches) {
    if (only && !name.includes(only)) continue;
    for (const f of await bench()) console.log(JSON.stringify({ bench: name, ...f }));
  }
}

if (process.argv[1] && /tests[\\/]bench[\\/]run\.ts$/u.test(process.argv[1])) void main();
