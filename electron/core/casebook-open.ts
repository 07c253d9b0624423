import { dailyBackupIfDue } from './backup/backups';
import { closeDatabase, openDatabase, type Db, type OpenOptions } from './db/connection';

// Opening a casebook file without the data a new file starts with (casebook.ts adds those): the command line
// opens an existing file through this alone, so a start does not load the demo batch and the import code.

export interface OpenCasebookOptions extends OpenOptions {
  /** Load the demo batch into a new file (default true). The default units and fields are always loaded. */
  seed?: boolean;
  /** Make the day's automatic backup if none exists yet (the app and the loopback server; not tests). */
  dailyBackup?: boolean;
}

export interface Casebook {
  db: Db;
  file: string;
  created: boolean;
  backupPath: string | null;
  close(): void;
}

/** Opens `file`; `initialize` fills a new file, in the migrations' one transaction (see openDatabase). */
export function openCasebookWith(file: string, options: OpenCasebookOptions, initialize: (db: Db) => void): Casebook {
  const { db, previousVersion, backupPath } = openDatabase(file, { ...options, initialize });
  const created = previousVersion === 0;
  if (options.dailyBackup && file !== ':memory:') {
    try {
      dailyBackupIfDue(db, file);
    } catch (err) {
      // a full or read-only backup folder must not keep the clerk from the data; the next start tries again
      process.stderr.write(`每日备份未能完成：${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return {
    db,
    file,
    created,
    backupPath,
    close: () => {
      db.pragma('optimize');
      closeDatabase(db, file); // stamps a cleanly closed file: the next open need not quick_check it
    },
  };
}

/** Thrown inside the migrations' transaction, before any runs, when the file turns out new: the file stays as it was. */
export class NewCasebookFile extends Error {
  constructor() {
    super('新数据库文件需要载入初始数据');
    this.name = 'NewCasebookFile';
  }
}

/**
 * Opens an existing casebook, or returns null (the file untouched) when it is new and needs casebook.ts's
 * openCasebook to fill it: the command line loads that code only then.
 */
export function openExistingCasebook(file: string, options: OpenCasebookOptions = {}): Casebook | null {
  try {
    // refused before the migrations run: openCasebook builds the schema of a new file, once
    return openCasebookWith(file, { ...options, refuseNew: () => new NewCasebookFile() }, () => {
      throw new NewCasebookFile();
    });
  } catch (err) {
    if (err instanceof NewCasebookFile) return null;
    throw err;
  }
}
