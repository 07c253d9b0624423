import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseNewerThanAppError, openDatabase, schemaVersion } from '../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/tmp';
import { openCasebook } from '../../electron/core/casebook';
import { searchCases } from '../../electron/core/search/search';

describe('database and migrations', () => {
  it('creates a new file at the latest version with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), 'new.db');
    const { db, previousVersion, backupPath } = openDatabase(file);
    expect(previousVersion).toBe(0);
    expect(backupPath).toBeNull();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table')`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['units', 'fields', 'cases', 'case_revisions', 'batches', 'batch_items', 'case_fts']));
    expect(() => db.prepare(`INSERT INTO cases (title, type, unit_id, status, created_at, updated_at) VALUES ('x','replication',999,'draft','','')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database newer than the app and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseNewerThanAppError);
    expect(() => openDatabase(file)).toThrow(/比本程序支持的版本/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('upgrades a file with data: the character index of version 3 is built from the existing cases', () => {
    // A file as version 2 left it: the demo cases, and no character index yet.
    const file = path.join(tempDir(), 'v2.db');
    const made = openCasebook(file);
    made.db.exec('DROP TABLE case_fts_chars');
    made.db.pragma('user_version = 2');
    made.close();
    const v3 = openCasebook(file);
    expect(v3.backupPath).not.toBeNull();
    expect(schemaVersion(v3.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(searchCases(v3.db, '退税').results[0]!.title).toBe('“出口退税无纸化”复制推广典型案例');
    v3.close();
  });

  it('backs the file up before a migration changes it, and runs pending steps in one transaction', () => {
    const file = path.join(tempDir(), 'old.db');
    const first = openDatabase(file);
    first.db.prepare(`INSERT INTO units (name, kind, sort_order) VALUES ('大庆市', 'city', 10)`).run();
    first.db.close();

    const next: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'add note', up: (db) => db.exec('ALTER TABLE units ADD COLUMN note TEXT') };
    const second = openDatabase(file, { migrations: [...MIGRATIONS, next] });
    expect(second.previousVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(second.backupPath).not.toBeNull();
    expect(schemaVersion(second.db)).toBe(LATEST_SCHEMA_VERSION + 1);
    second.db.close();
    const backup = new Database(second.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT name FROM units').all()).toEqual([{ name: '大庆市' }]);
    backup.close();

    // A failing step rolls back every step of the run and the version with it.
    const ok: Migration = { version: LATEST_SCHEMA_VERSION + 2, name: 'ok', up: (db) => db.exec('CREATE TABLE t2 (x)') };
    const bad: Migration = { version: LATEST_SCHEMA_VERSION + 3, name: 'bad', up: (db) => db.exec('CREATE TABLE broken (') };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, next, ok, bad] })).toThrow();
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(after.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 't2'`).get()).toEqual({ n: 0 });
    after.close();
  });
  it('numbers migrations strictly upwards, so a file at any version runs every step it has not run', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('upgrades a file that the 征集 release left at version 10: every later table appears, the demo kept', () => {
    const file = path.join(tempDir(), 'v10.db');
    // the steps that release had: a step numbered below 10 added later would never run on this file
    const released = new Set([1, 2, 3, 5, 10]);
    const made = openDatabase(file, { migrations: MIGRATIONS.filter((m) => released.has(m.version)) });
    expect(schemaVersion(made.db)).toBe(10);
    made.db.close();
    const later = MIGRATIONS.filter((m) => !released.has(m.version));
    const { db } = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]));
    // what a fresh file has, the upgraded one has too
    const fresh = openDatabase(path.join(tempDir(), 'fresh.db'));
    const freshTables = fresh.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    fresh.db.close();
    expect(later.length).toBeGreaterThan(0);
    for (const t of freshTables) expect(tables.has(t), t).toBe(true);
    db.close();
  });
});
