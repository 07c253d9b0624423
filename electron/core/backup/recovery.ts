import { listBackups, moveAside, restoreFile, type BackupInfo } from './backups';

// What the shells offer when the database cannot be opened (DatabaseCorruptError): restore the newest sound
// backup, or start a fresh file. Either way the damaged file is moved aside under a dated name, never
// overwritten or deleted, so it can still be sent for rescue.

export type RecoveryChoice = 'restore-newest' | 'fresh';

export interface RecoveryResult {
  choice: RecoveryChoice;
  restoredFrom: BackupInfo | null;
  damagedKeptAt: string | null;
}

export function newestBackup(dbFile: string): BackupInfo | null {
  return listBackups(dbFile)[0] ?? null;
}

export function recoverDatabase(dbFile: string, choice: RecoveryChoice, options: { nativeBinding?: string } = {}): RecoveryResult {
  if (choice === 'fresh') return { choice, restoredFrom: null, damagedKeptAt: moveAside(dbFile, 'damaged') };
  // the newest backup that is itself sound
  let lastError: unknown = null;
  for (const backup of listBackups(dbFile)) {
    try {
      const { movedAside } = restoreFile(dbFile, backup.file, { nativeBinding: options.nativeBinding, label: 'damaged' });
      return { choice, restoredFrom: backup, damagedKeptAt: movedAside };
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError ?? new Error('没有可用的备份');
}

/** The Chinese report for a file that failed to open, with what the clerk can do about it. */
export function corruptReport(dbFile: string, detail: string, via: 'dialog' | 'cli'): string {
  const newest = newestBackup(dbFile);
  const lines = [`数据库文件无法打开：${dbFile}`, `原因：${detail}`, '', '原文件不会被覆盖或删除：恢复或新建时它会改名保存在同一文件夹中。'];
  lines.push(newest ? `最新的备份：${newest.name}（${newest.createdAt.replace('T', ' ').slice(0, 19)}）` : '没有找到自动备份。');
  if (via === 'cli') {
    const db = `--db "${dbFile}"`;
    lines.push('', '可以在命令行中：');
    if (newest) lines.push(`  npm run cli -- ${db} restore --newest        从最新备份恢复`, `  npm run cli -- ${db} restore 备份文件         从指定备份恢复`);
    lines.push(`  npm run cli -- ${db} restore --fresh         另建一个新的数据库文件`);
  }
  return lines.join('\n');
}
