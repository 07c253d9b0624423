import fs from 'node:fs';
import path from 'node:path';
import { openRawDatabase, quickCheck, schemaVersion, type Db } from '../db/raw';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { removeOrphanTemps, tempNameFor } from '../orphan-temps';
import { UserError } from '../util';

// Automatic and manual copies of the casebook in `backups/` beside the database file: one a day, one before
// every migration and before every restore, the newest KEEP_BACKUPS kept. Each is a complete SQLite file made
// by VACUUM INTO (consistent while the app keeps writing), written under a temporary name and renamed.

export const BACKUP_DIR_NAME = 'backups';
export const KEEP_BACKUPS = 10;
export const BACKUP_REASONS = ['daily', 'migration', 'manual', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = { daily: '每日自动', migration: '升级前', manual: '手动', restore: '恢复前' };

export interface BackupInfo {
  file: string;
  name: string;
  /** Local time the copy was made, ISO-like without zone (the name carries it). */
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

const NAME = /^(.+)-(\d{8})-(\d{6})-(\d{3})-(daily|migration|manual|restore)\.db$/u;

export function backupDirOf(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), BACKUP_DIR_NAME);
}

function stamp(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}-${p(now.getMilliseconds(), 3)}`;
}

export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupDirOf(dbFile);
  if (!fs.existsSync(dir)) return [];
  const stem = path.basename(dbFile, path.extname(dbFile));
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m || m[1] !== stem) continue;
    const [, , d, t, ms, reason] = m;
    const file = path.join(dir, name);
    const createdAt = `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4)}.${ms}`;
    out.push({ file, name, createdAt, reason: reason as BackupReason, bytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)); // newest first: the stamp sorts
}

/** Copies the open database into the backups folder and prunes the oldest beyond `keep`. */
export function createBackup(db: Db, dbFile: string, reason: BackupReason, options: { now?: Date; keep?: number } = {}): BackupInfo {
  const dir = backupDirOf(dbFile);
  fs.mkdirSync(dir, { recursive: true });
  removeOrphanTemps(dir);
  const stem = path.basename(dbFile, path.extname(dbFile));
  let now = options.now ?? new Date();
  let target = path.join(dir, `${stem}-${stamp(now)}-${reason}.db`);
  while (fs.existsSync(target)) {
    now = new Date(now.getTime() + 1);
    target = path.join(dir, `${stem}-${stamp(now)}-${reason}.db`);
  }
  const tmp = tempNameFor(target);
  fs.rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  pruneBackups(dbFile, options.keep ?? KEEP_BACKUPS, target);
  return listBackups(dbFile).find((b) => b.file === target)!;
}

/** Keeps the newest `keep` (by the time in their names) and `protect`, the one just made even if the clock went back. */
export function pruneBackups(dbFile: string, keep = KEEP_BACKUPS, protect?: string): void {
  const all = listBackups(dbFile);
  const kept = new Set(all.slice(0, keep).map((b) => b.file));
  if (protect && !kept.has(protect)) kept.delete(all[keep - 1]?.file ?? '');
  for (const old of all) if (!kept.has(old.file) && old.file !== protect) fs.rmSync(old.file, { force: true });
}

/** The day's automatic copy, unless one (of any kind) was already made today. */
export function dailyBackupIfDue(db: Db, dbFile: string, now = new Date()): BackupInfo | null {
  const today = stamp(now).slice(0, 8);
  if (listBackups(dbFile).some((b) => b.name.includes(`-${today}-`))) return null;
  return createBackup(db, dbFile, 'daily', { now });
}

/** Opens a backup read-only and checks it can be restored: sound, a casebook, not newer than the app. */
export function verifyBackup(file: string, like: Db | null, nativeBinding?: string): number {
  if (!fs.existsSync(file)) throw new UserError(`备份文件不存在：${file}`, 'not_found');
  let db: Db;
  try {
    db = openRawDatabase(file, like, { readonly: true, fileMustExist: true, nativeBinding });
  } catch {
    throw new UserError(`无法打开备份文件：${file}`, 'invalid');
  }
  try {
    let version: number;
    let problems: string[];
    try {
      version = schemaVersion(db);
      problems = quickCheck(db);
    } catch {
      throw new UserError(`备份文件已损坏或不是数据库：${path.basename(file)}`, 'corrupt');
    }
    if (problems.length) throw new UserError(`备份文件已损坏：${path.basename(file)}（${problems[0]}）`, 'corrupt');
    if (version < 1 || !db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'`).get()) {
      throw new UserError(`不是本程序的数据库备份：${path.basename(file)}`, 'invalid');
    }
    if (version > LATEST_SCHEMA_VERSION) throw new UserError(`备份来自更新版本的程序（数据库版本 ${version}），请先升级程序`, 'db_newer');
    return version;
  } finally {
    db.close();
  }
}

/**
 * Restores a backup into the open database (the running app): first a copy of the current state is kept
 * as a «恢复前» backup, then SQLite's online backup copies every page of the backup file into this file, which
 * the open connection then reads. The caller re-runs migrations when the backup is older.
 */
export async function restoreIntoOpen(db: Db, dbFile: string, backupFile: string): Promise<{ keptAs: BackupInfo }> {
  verifyBackup(backupFile, db);
  const keptAs = createBackup(db, dbFile, 'restore');
  const source = openRawDatabase(backupFile, db, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path.resolve(dbFile));
  } finally {
    source.close();
  }
  return { keptAs };
}

/**
 * Restores a backup when the database is not open (the command line, or a file that failed to open): the current
 * file and its -wal/-shm are moved aside (never overwritten or deleted) and the backup is copied into place.
 * Returns where the old file went (null when there was none). Close the app first.
 */
export function restoreFile(dbFile: string, backupFile: string, options: { nativeBinding?: string; now?: Date; label?: string } = {}): { movedAside: string | null } {
  verifyBackup(backupFile, null, options.nativeBinding);
  const movedAside = moveAside(dbFile, options.label ?? 'before-restore', options.now);
  const tmp = tempNameFor(dbFile);
  fs.copyFileSync(backupFile, tmp);
  fs.renameSync(tmp, dbFile);
  return { movedAside };
}

/** Moves a (damaged) database file and its -wal/-shm aside under a dated name; returns the new main file name. */
export function moveAside(dbFile: string, label: string, now = new Date()): string | null {
  const file = path.resolve(dbFile);
  if (!fs.existsSync(file)) return null;
  const target = `${file}.${label}-${stamp(now)}`;
  // the WAL belongs to the old file: left in place, SQLite would replay it into the new one
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  fs.renameSync(file, target);
  return target;
}
