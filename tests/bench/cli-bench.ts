import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './run';
import { median, round, SEED, tmpDb } from './run';

// The command line as a clerk runs it: whole processes, timed from spawn to exit, beside pandoc turning the seed
// circular's text into a .docx (the same kind of work: a 140 KB text to a Word file).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(root, 'scripts/cli.mjs');

function timeProcess(cmd: string, args: string[], runs = 7): number {
  const t: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
    if (i > 0) t.push(performance.now() - t0); // the first run warms the disk cache (and builds out/cli if stale)
  }
  return median(t);
}

/** pandoc, installed from Debian when missing and possible (root, apt-get); null when it cannot be had. */
function pandoc(): string | null {
  const which = () => spawnSync('sh', ['-c', 'command -v pandoc'], { encoding: 'utf8' }).stdout.trim() || null;
  if (which()) return which();
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) return null;
  try {
    process.stderr.write('installing pandoc from Debian for the comparison…\n');
    execFileSync('apt-get', ['install', '-y', '-qq', 'pandoc'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    try {
      execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq pandoc'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      return null;
    }
  }
  return which();
}

export function cliBench(): Figure[] {
  const db = tmpDb('cli.db');
  const out = path.join(path.dirname(db), 'demo.docx');
  const list = timeProcess(process.execPath, [CLI, '--db', db, 'list', 'batches']);
  const exportMs = timeProcess(process.execPath, [CLI, '--db', db, 'export', '1', '--docx', out]);
  const node = timeProcess(process.execPath, ['-e', '0']);
  const figures: Figure[] = [
    { name: 'CLI process: list batches', value: round(list), unit: 'ms', target: 300, baseline: round(node), baselineName: 'node -e 0' },
  ];
  const pandocBin = pandoc();
  if (!pandocBin) {
    figures.push({ name: 'CLI process: export demo --docx', value: round(exportMs), unit: 'ms', note: 'pandoc not installed and not installable here: no comparison' });
    return figures;
  }
  const p = timeProcess(pandocBin, ['-f', 'markdown', '-t', 'docx', '-o', path.join(path.dirname(db), 'pandoc.docx'), SEED]);
  figures.push({ name: 'CLI process: export demo --docx (28 cases)', value: round(exportMs), unit: 'ms', target: round(p), baseline: round(p), baselineName: 'pandoc, seed text → .docx' });
  return figures;
}
