import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export class DatabaseNewerThanAppError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(`数据库版本（${fileVersion}）比本程序支持的版本（${appVersion}）新，请升级程序后再打开。`);
    this.name = 'DatabaseNewerThanAppError';
  }
}

export interface OpenOptions {
  /** Path of better_sqlite3.node built for the running runtime (Electron passes its own build). */
  nativeBinding?: string;
  /** Migrations to run; tests pass extra ones. */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

export interface OpenedDatabase {
  db: Db;
  /** user_version before this open ran migrations (0 for a new file). */
  previousVersion: number;
  /** Where the file was copied before migrations changed it, if they did. */
  backupPath: string | null;
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    timeout: 10000,
  });
  try {
    // Refuse a newer file before anything (even the journal mode) is written to it.
    const latest = (options.migrations ?? MIGRATIONS).at(-1)?.version ?? 0;
    if (schemaVersion(db) > latest) throw new DatabaseNewerThanAppError(schemaVersion(db), latest);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON'); // not on by default
    const { previousVersion, backupPath } = migrate(db, file, options.migrations ?? MIGRATIONS);
    return { db, previousVersion, backupPath };
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string, migrations: readonly Migration[]) {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) throw new Error('migrations must be numbered in increasing order');
  }
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const previousVersion = schemaVersion(db);
  if (previousVersion > latest) throw new DatabaseNewerThanAppError(previousVersion, latest);
  const pending = migrations.filter((m) => m.version > previousVersion);
  if (pending.length === 0) return { previousVersion, backupPath: null };

  // Back up a file that already holds data before changing its schema; a new file has nothing to lose.
  let backupPath: string | null = null;
  if (previousVersion > 0 && file !== ':memory:') {
    backupPath = `${file}.v${previousVersion}-${timestamp()}.bak`;
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return { previousVersion, backupPath };
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

export { LATEST_SCHEMA_VERSION };
