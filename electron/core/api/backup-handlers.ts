import path from 'node:path';
import type { BackupSummary } from '../../../shared/contract';
import { backupDirOf, createBackup, KEEP_BACKUPS, listBackups, restoreIntoOpen, type BackupInfo } from '../backup/backups';
import { upgradeOpenDatabase } from '../db/connection';
import { UserError } from '../util';
import type { HandlerTable } from './dispatch';
import type { HandlerContext } from './handlers';

// 设置 → 数据备份: list, make and restore the copies in backups/ beside the database. Only names inside that
// folder are accepted from the page, never a path.

const summary = (b: BackupInfo): BackupSummary => ({ name: b.name, createdAt: b.createdAt, reason: b.reason, bytes: b.bytes });

export function backupHandlers(ctx: HandlerContext): Pick<HandlerTable, 'backup.list' | 'backup.create' | 'backup.restore'> {
  const { db, dbFile } = ctx;
  return {
    'backup.list': () => ({ dir: backupDirOf(dbFile), keep: KEEP_BACKUPS, backups: listBackups(dbFile).map(summary) }),
    'backup.create': () => summary(createBackup(db, dbFile, 'manual')),
    'backup.restore': async ({ name }) => {
      const backup = listBackups(dbFile).find((b) => b.name === path.basename(name));
      if (!backup) throw new UserError(`备份不存在：${name}`, 'not_found');
      const { keptAs } = await restoreIntoOpen(db, dbFile, backup.file);
      upgradeOpenDatabase(db, dbFile); // a backup made before an upgrade is brought to this version
      return { restored: summary(backup), keptAs: summary(keptAs) };
    },
  };
}
