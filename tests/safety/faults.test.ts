import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCasebook } from '../../electron/core/casebook';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { listBatches } from '../../electron/core/repos/batches';
import { getCase, listCases } from '../../electron/core/repos/cases';
import { listFields, listUnits } from '../../electron/core/repos/vocab';
import { tempDir } from '../helpers/tmp';
import { killAfter, runWorker } from './spawn';

// Fault injection with real processes on real files: two writers at once, writers killed mid-transaction,
// and a first start killed at random points.

const integrity = (file: string) => {
  const db = new Database(file);
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

describe('two processes writing the same file', () => {
  it('wait for each other instead of failing: thousands of read-then-write updates, none lost', async () => {
    const file = path.join(tempDir(), 'two.db');
    openCasebook(file, { seed: false }).close();
    const N = 2500;
    const results = await Promise.all([runWorker(['counter', file, String(N)]), runWorker(['counter', file, String(N)])]);
    const reports = results.map((lines) => JSON.parse(lines.at(-1)!) as { failures: number; lockErrors: string[] });
    expect(reports.map((r) => r.lockErrors).flat()).toEqual([]);
    expect(reports.map((r) => r.failures)).toEqual([0, 0]);
    const book = openCasebook(file, { seed: false });
    expect(book.db.prepare(`SELECT value FROM settings WHERE key = 'safety.counter'`).pluck().get()).toBe(String(2 * N));
    book.close();
  });
});

describe('a writer killed with SIGKILL', () => {
  it('loses no case it reported committed, and the file stays sound (20 trials)', async () => {
    const file = path.join(tempDir(), 'killed.db');
    openCasebook(file, { seed: false }).close();
    let reported = 0;
    for (let trial = 0; trial < 20; trial++) {
      const ids = (await killAfter(['cases', file], 5 + Math.floor(Math.random() * 120))).map(Number);
      expect(integrity(file)).toBe('ok');
      const book = openCasebook(file, { seed: false }); // also replays the WAL the dead writer left
      for (const id of ids) expect(getCase(book.db, id).title).toMatch(/^故障注入案例\d+$/u);
      // the full-text index was written in the same transactions as the rows
      const rows = book.db.prepare('SELECT COUNT(*) FROM cases').pluck().get();
      expect(book.db.prepare('SELECT COUNT(*) FROM case_text').pluck().get()).toBe(rows);
      reported += ids.length;
      book.close();
    }
    expect(reported).toBeGreaterThan(20); // the kills did land in the middle of writing
  });
});

describe('a first start killed at random points', () => {
  it('leaves a file the next start completes: schema, vocabularies and the whole demo (12 trials)', async () => {
    const dir = tempDir();
    // how long the opening takes here (not the process start-up), so the kills spread over it
    const timing = await runWorker(['first-start', path.join(dir, 'timing.db')]);
    const whole = Number(timing.find((l) => l.startsWith('done '))!.slice(5));
    const reference = openCasebook(path.join(dir, 'timing.db'));
    const expected = { units: listUnits(reference.db).length, fields: listFields(reference.db).length, cases: listCases(reference.db).length };
    reference.close();
    expect(expected.cases).toBe(28);

    const outcomes = { killed: 0, finished: 0 };
    for (let trial = 0; trial < 12; trial++) {
      const file = path.join(dir, `first-${trial}.db`);
      // stratified over the opening (the timer starts at its «opening» line), so early trials surely land inside it
      const lines = await killAfter(['first-start', file], ((trial + Math.random()) / 12) * whole);
      outcomes[lines.some((l) => l.startsWith('done')) ? 'finished' : 'killed']++;
      expect(integrity(file)).toBe('ok');
      const book = openCasebook(file);
      expect(book.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect({ units: listUnits(book.db).length, fields: listFields(book.db).length, cases: listCases(book.db).length }).toEqual(expected);
      const [demo] = listBatches(book.db);
      expect(demo).toMatchObject({ ordinal: 3, status: 'issued', itemCount: 28 });
      expect(book.db.pragma('integrity_check', { simple: true })).toBe('ok');
      book.close();
    }
    expect(outcomes.killed).toBeGreaterThan(0);
  });
});
