import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

// The command line opens a file without the seeding code first (openExistingCasebook) and hands a new file to
// openCasebook. The first open used to build the whole schema and roll it back, so a first start ran every
// migration twice; it now declines the new file before any migration runs.
const runs = new Map<number, number>();
const originals = new Map<Migration, Migration['up']>();

/** Counts each migration's runs by wrapping the real migrations' `up` (the real SQL still runs, on a real file). */
function countMigrationRuns(): void {
  for (const m of MIGRATIONS) {
    const up = m.up;
    originals.set(m, up);
    (m as { up: Migration['up'] }).up = (db) => {
      runs.set(m.version, (runs.get(m.version) ?? 0) + 1);
      up.call(m, db);
    };
  }
}

afterEach(() => {
  for (const [m, up] of originals) (m as { up: Migration['up'] }).up = up;
  originals.clear();
  runs.clear();
});

describe('the first start on a new file', () => {
  it('runs each migration once, and none on the next start', async () => {
    countMigrationRuns();
    const db = path.join(tempDir(), 'first.db');
    const first = await cli('--db', db, 'list', 'batches', '--json');
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out).map((b: { caseCount: number }) => b.caseCount)).toEqual([28]); // the demo went in
    expect(Object.fromEntries(runs)).toEqual(Object.fromEntries(MIGRATIONS.map((m) => [m.version, 1])));
    runs.clear();
    const second = await cli('--db', db, 'list', 'batches');
    expect(second.code, second.err).toBe(0);
    expect(runs.size).toBe(0);
  });

  it('runs each migration once on an empty file too (a first start killed before its commit)', async () => {
    countMigrationRuns();
    const db = path.join(tempDir(), 'empty.db');
    fs.writeFileSync(db, '');
    const r = await cli('--db', db, '--no-seed', 'list', 'batches', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(Object.fromEntries(runs)).toEqual(Object.fromEntries(MIGRATIONS.map((m) => [m.version, 1])));
  });
});
