import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../backup/backups';
import { localToday } from '../util';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { BUSY_TIMEOUT_MS, quickCheck, rememberBinding, schemaVersion, type Db } from './raw';

export type { Db };
export { BUSY_TIMEOUT_MS, openRawDatabase, quickCheck, schemaVersion } from './raw';

export class DatabaseNewerThanAppError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(`数据库版本（${fileVersion}）比本程序支持的版本（${appVersion}）新，请升级程序后再打开。`);
    this.name = 'DatabaseNewerThanAppError';
  }
}

/** The file cannot be read as a sound casebook: not a database, truncated, or failing SQLite's quick_check. */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`数据库文件已损坏或无法读取：${file}（${detail}）。原文件不会被改动；可以从备份恢复，或另建一个新文件。`);
    this.name = 'DatabaseCorruptError';
  }
}

export interface OpenOptions {
  /** Path of better_sqlite3.node built for the running runtime (Electron passes its own build). */
  nativeBinding?: string;
  /** Migrations to run; tests pass extra ones. */
  migrations?: readonly Migration[];
  readonly?: boolean;
  busyTimeoutMs?: number;
  /** Runs in the same transaction as the migrations of a new file, so a new file is complete or still empty. */
  initialize?: (db: Db) => void;
  /**
   * Refuses a new file with this error before any migration runs (the transaction then rolls back having done
   * nothing): an opener without `initialize`'s code declines a new file for one that has it, and the schema is
   * built once, by that one, not also built and rolled back by the first.
   */
  refuseNew?: () => Error;
  /** Copies the file before migrations change it; returns where. By default a «升级前» copy in backups/. */
  backupBeforeMigration?: (db: Db, fromVersion: number) => string | null;
}

export interface OpenedDatabase {
  db: Db;
  /** How the file was found sound: SQLite's quick_check, or unchanged since a clean close after one today. */
  checked: 'quick_check' | 'unchanged' | 'new';
  /** user_version before this open ran migrations (0 for a new file). */
  previousVersion: number;
  /** Where the file was copied before migrations changed it, if they did. */
  backupPath: string | null;
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Looked at before SQLite opens the file (opening creates the -wal); the stamp goes: from now on the file may change.
  const vouched = file !== ':memory:' && vouchedToday(file);
  if (file !== ':memory:') fs.rmSync(stampOf(file), { force: true });
  let db: Db;
  try {
    db = new Database(file, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
    });
  } catch (err) {
    throw asCorrupt(file, err);
  }
  rememberBinding(db, options.nativeBinding);
  immediateTransactions(db);
  try {
    // Refuse a newer or damaged file before anything (even the journal mode) is written to it.
    const latest = (options.migrations ?? MIGRATIONS).at(-1)?.version ?? 0;
    let version: number;
    try {
      version = schemaVersion(db);
      if (!vouched) assertSound(db, file);
    } catch (err) {
      throw asCorrupt(file, err);
    }
    if (version > latest) throw new DatabaseNewerThanAppError(version, latest);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON'); // not on by default
    const { previousVersion, backupPath } = migrate(db, file, options);
    checkedOn.set(db, vouched ? vouched : localToday());
    return { db, previousVersion, backupPath, checked: previousVersion === 0 ? 'new' : vouched ? 'unchanged' : 'quick_check' };
  } catch (err) {
    db.close();
    throw err;
  }
}


// quick_check reads every page: 50 ms of a command-line start on the demo file, seconds on a large library. A
// file closed cleanly (no -wal left) by this code after a passed check gets a stamp beside it, «FILE.checked»,
// with its size, inode and times; the next open skips quick_check when the file still matches it exactly and the
// last real check was today. Any write by anything (a crash mid-write leaves the -wal; a copy, a restore, damage
// by another program) changes the size, the inode or the ctime, which no program can set back, and the check
// runs again; so it does once a day regardless.
const stampOf = (file: string) => `${file}.checked`;
const checkedOn = new WeakMap<Db, string>();

interface Stamp {
  size: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
  checkedOn: string;
}

function identity(file: string): Omit<Stamp, 'checkedOn'> | null {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return st ? { size: st.size, ino: st.ino, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs } : null;
}

/** The day of the last quick_check when the file is exactly as a clean close left it that day; else null. */
function vouchedToday(file: string): string | null {
  try {
    if ((fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return null;
    const stamp = JSON.parse(fs.readFileSync(stampOf(file), 'utf8')) as Stamp;
    const now = identity(file);
    if (!now || stamp.checkedOn !== localToday()) return null;
    return now.size === stamp.size && now.ino === stamp.ino && now.mtimeMs === stamp.mtimeMs && now.ctimeMs === stamp.ctimeMs ? stamp.checkedOn : null;
  } catch {
    return null; // no stamp, or not one we wrote: check
  }
}

/** Closes the connection; when that left the file whole (no -wal), stamps it so the next open may skip quick_check. */
export function closeDatabase(db: Db, file: string): void {
  const day = checkedOn.get(db);
  db.close();
  if (!day || file === ':memory:' || (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return;
  const now = identity(file);
  if (now) fs.writeFileSync(stampOf(file), JSON.stringify({ ...now, checkedOn: day } satisfies Stamp));
}

function assertSound(db: Db, file: string): void {
  if (file === ':memory:') return;
  const problems = quickCheck(db);
  if (problems.length) throw new DatabaseCorruptError(file, problems.slice(0, 3).join('；'));
}

function asCorrupt(file: string, err: unknown): unknown {
  if (err instanceof DatabaseCorruptError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  if (/^SQLITE_(NOTADB|CORRUPT)/u.test(code)) return new DatabaseCorruptError(file, code === 'SQLITE_NOTADB' ? '不是数据库文件' : '结构损坏');
  return err;
}

/**
 * Every `db.transaction(fn)` of this connection begins IMMEDIATE: it takes the write lock at BEGIN, where the
 * busy timeout applies, instead of upgrading a read lock mid-way, which SQLite refuses at once (SQLITE_BUSY
 * without waiting) when another process wrote meanwhile. Repositories keep calling `db.transaction(fn)()`.
 * Nested calls still become savepoints (better-sqlite3 checks `inTransaction`).
 */
function immediateTransactions(db: Db): void {
  const original = db.transaction.bind(db);
  const immediate = <F extends (...args: never[]) => unknown>(fn: F) => original(fn).immediate;
  (db as { transaction: typeof immediate }).transaction = immediate;
}

function migrate(db: Db, file: string, options: OpenOptions) {
  const migrations = options.migrations ?? MIGRATIONS;
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) throw new Error('migrations must be numbered in increasing order');
  }
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const previousVersion = schemaVersion(db);
  if (previousVersion > latest) throw new DatabaseNewerThanAppError(previousVersion, latest);
  if (previousVersion === latest) return { previousVersion, backupPath: null };

  // Back up a file that already holds data before changing its schema; a new file has nothing to lose.
  const backup = options.backupBeforeMigration ?? ((d: Db) => (file === ':memory:' ? null : createBackup(d, file, 'migration').file));
  const backupPath = previousVersion > 0 ? backup(db, previousVersion) : null;
  let from = previousVersion;
  db.transaction(() => {
    // Read again under the write lock: another process may have migrated (or created) the file meanwhile.
    from = schemaVersion(db);
    if (from > latest) throw new DatabaseNewerThanAppError(from, latest);
    if (from === 0 && options.refuseNew) throw options.refuseNew();
    for (const m of migrations) if (m.version > from) m.up(db);
    if (from === 0) options.initialize?.(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return { previousVersion: from, backupPath };
}

/** Brings an open database up to date again (after a restore put an older file's pages in place). */
export function upgradeOpenDatabase(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): void {
  migrate(db, file, { migrations, backupBeforeMigration: () => null });
}

export { LATEST_SCHEMA_VERSION };
