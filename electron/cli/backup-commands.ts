import path from 'node:path';
import { BACKUP_REASON_LABELS, backupDirOf, createBackup, listBackups, restoreFile } from '../core/backup/backups';
import { recoverDatabase } from '../core/backup/recovery';
import { openCasebook } from '../core/casebook';
import { UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './main';
import { formatTable } from './table';

// Data safety on the command line. These run before the casebook is opened, so they also work on a file that
// no longer opens. Close the app before restoring: the file is replaced underneath it.
export const CLI_BACKUP_COMMANDS = `  backup [--list]                        备份数据库到备份文件夹（--list 列出已有备份）
  restore 文件|--newest|--fresh          从备份恢复（当前文件改名保留）；--fresh 另建新文件。请先关闭程序
`;

export async function runBackupCommand(dbFile: string, args: ParsedArgs): Promise<CommandResult | null> {
  const [command, target] = args.words;
  if (command === 'backup') {
    if (args.options.has('list')) {
      const rows = listBackups(dbFile);
      return {
        data: { dir: backupDirOf(dbFile), backups: rows },
        text: rows.length
          ? formatTable(['文件', '时间', '类型', '大小'], rows.map((b) => [b.name, b.createdAt.replace('T', ' ').slice(0, 19), BACKUP_REASON_LABELS[b.reason], `${Math.ceil(b.bytes / 1024)} KB`]))
          : `没有备份（${backupDirOf(dbFile)}）`,
      };
    }
    const book = openCasebook(dbFile, { seed: !args.options.has('no-seed') });
    try {
      const made = createBackup(book.db, book.file, 'manual');
      return { data: made, text: `已备份：${made.file}` };
    } finally {
      book.close();
    }
  }
  if (command === 'restore') {
    if (args.options.has('fresh') || args.options.has('newest')) {
      const result = recoverDatabase(dbFile, args.options.has('fresh') ? 'fresh' : 'restore-newest');
      const kept = result.damagedKeptAt ? `原文件已改名保留：${result.damagedKeptAt}` : '原来没有数据库文件';
      const what = result.restoredFrom ? `已从备份恢复：${result.restoredFrom.name}` : '下次打开时将新建数据库';
      return { data: result, text: `${what}\n${kept}` };
    }
    if (!target) throw new UsageError('restore 需要一个备份文件，或 --newest、--fresh');
    const { movedAside } = restoreFile(dbFile, path.resolve(target));
    return { data: { restoredFrom: path.resolve(target), movedAside }, text: `已从备份恢复：${path.resolve(target)}\n${movedAside ? `原文件已改名保留：${movedAside}` : '原来没有数据库文件'}` };
  }
  return null;
}
