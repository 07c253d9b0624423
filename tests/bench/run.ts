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
  /** At most this (a figure without a target is for information). */
  target?: number;
  note?: string;
  /** The same work done the plain way (pandoc, a LIKE scan, the previous build), side by side. */
  baseline?: number;
  baselineName?: string;
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

const num = (x: number) => x.toLocaleString('en', { maximumFractionDigits: x < 10 ? 2 : x < 100 ? 1 : 0 });

/** One table of every figure: its value, its baseline and the ratio, its target and whether it holds. */
export function table(rows: (Figure & { bench: string })[]): string {
  const head = ['bench', 'figure', 'value', 'baseline', 'ratio', 'target', 'holds'];
  const body = rows.map((f) => [
    f.bench,
    f.name + (f.note ? ` (${f.note})` : ''),
    `${num(f.value)} ${f.unit}`,
    f.baseline !== undefined ? `${num(f.baseline)} ${f.unit} (${f.baselineName})` : '',
    f.baseline ? `${num(f.value / f.baseline)}×` : '',
    f.target !== undefined ? `≤ ${num(f.target)} ${f.unit}` : '',
    f.target !== undefined ? (f.value <= f.target ? 'yes' : 'NO') : '',
  ]);
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/gu, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

async function main() {
  const only = process.argv[2];
  const benches: [string, () => Figure[] | Promise<Figure[]>][] = [['import', importBench], ...BENCHES];
  const rows: (Figure & { bench: string })[] = [];
  for (const [name, bench] of benches) {
    if (only && !name.includes(only)) continue;
    for (const f of await bench()) {
      rows.push({ bench: name, ...f });
      process.stderr.write(`${JSON.stringify({ bench: name, ...f })}\n`); // progress, while the slower benches run
    }
  }
  console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log(table(rows));
}

if (process.argv[1] && /tests[\\/]bench[\\/]run\.ts$/u.test(process.argv[1])) void main();
