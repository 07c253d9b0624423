import type { ImportReport } from '../../shared/domain';
import demo from '../../seeds/demo.json' with { type: 'json' };
import { DEFAULT_FIELDS, DEFAULT_UNITS } from '../../seeds/defaults';
import { openDatabase, type Db, type OpenOptions } from './db/connection';
import { applyParsed } from './import/import-circular';
import type { ParsedCircular } from './import/parse-circular';

// Opening the casebook: the database file, its migrations, and the data a new file starts with.

export interface OpenCasebookOptions extends OpenOptions {
  /** Load the demo batch into a new file (default true). The default units and fields are always loaded. */
  seed?: boolean;
}

export interface Casebook {
  db: Db;
  file: string;
  created: boolean;
  backupPath: string | null;
  close(): void;
}

export function openCasebook(file: string, options: OpenCasebookOptions = {}): Casebook {
  const { db, previousVersion, backupPath } = openDatabase(file, options);
  const created = previousVersion === 0;
  if (created) {
    loadDefaults(db);
    if (options.seed !== false) loadDemo(db);
  }
  return {
    db,
    file,
    created,
    backupPath,
    close: () => {
      db.pragma('optimize');
      db.close();
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
  return applyParsed(db, demo.parsed as ParsedCircular, demo.fileName);
}
