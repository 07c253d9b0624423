// npm test: every suite (vitest, then Playwright over the loopback transport), counted together.
// The last line is "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.tmp');
fs.mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

// 0. The whole project typechecks (strict), counted as one check.
if (run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) === 0) totals.passed += 1;
else {
  console.error('typecheck failed');
  totals.failed += 1;
}

// 1. vitest: core, importer, exports, command line, main-process units.
const vitestJson = path.join(out, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vs = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const r = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (vs !== 0 && r.numFailedTests === 0) broken = true; // a file that failed to load
} else broken = true;

// 2. Playwright: the real UI in Chromium, driven over the loopback transport. Needs the built renderer.
const specs = fs.existsSync(path.join(root, 'tests/e2e')) && fs.readdirSync(path.join(root, 'tests/e2e')).some((f) => f.endsWith('.spec.ts'));
if (specs && !process.argv.includes('--unit')) {
  if (run(bin('electron-vite'), ['build']) !== 0) broken = true;
  const pwJson = path.join(out, 'playwright.json');
  fs.rmSync(pwJson, { force: true });
  const ps = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (fs.existsSync(pwJson)) {
    const s = JSON.parse(fs.readFileSync(pwJson, 'utf8')).stats;
    totals.passed += s.expected + (s.flaky ?? 0);
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
    if (ps !== 0 && s.unexpected === 0) broken = true;
  } else broken = true;
}

if (broken) totals.failed += totals.failed === 0 ? 1 : 0; // a suite that could not run counts as a failure
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
