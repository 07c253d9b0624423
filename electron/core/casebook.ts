import type { ImportReport } from '../../shared/domain';
import demo from '../../seeds/demo.json' with { type: 'json' };
import { DEFAULT_FIELDS, DEFAULT_UNITS } from '../../seeds/defaults';
import { dailyBackupIfDue } from './backup/backups';
import { closeDatabase, openDatabase, type Db, type OpenOptions } from './db/connection';
import { applyParsed } from './import/import-circular';
import { loadDemoExperiences } from './register/propose';
import type { ParsedCircular } from './import/parse-circular';

// Opening the casebook: the database file, its migrations, and the data a new file starts with.

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

export function openCasebook(file: string, options: OpenCasebookOptions = {}): Casebook {
  // A new file gets its schema, vocabularies and demo in the migrations' one transaction: a start killed
  // half-way leaves an empty file, which the next start fills completely.
  const { db, previousVersion, backupPath } = openDatabase(file, {
    ...options,
    initialize: (d) => {
      loadDefaults(d);
      if (options.seed !== false) loadDemo(d);
    },
  });
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

export function loadDefaults(db: Db): void {
  db.transaction(() => {
    const unit = db.prepare('INSERT OR IGNORE INTO units (name, kind, sort_order) VALUES (?, ?, ?)');
    DEFAULT_UNITS.forEach((u, i) => unit.run(u.name, u.kind, (i + 1) * 10));
    const field = db.prepare('INSERT OR IGNORE INTO fields (name, sort_order) VALUES (?, ?)');
    DEFAULT_FIELDS.forEach((f, i) => field.run(f, (i + 1) * 10));
  })();
}

export function loadDemo(db: Db): ImportReport {
  loadDemoExperiences(db); // the register's catalogue first, so the demo's cases can be linked to it
  return applyParsed(db, demo.parsed as ParsedCircular, demo.fileName);
}
