import type { ImportReport } from '../../shared/domain';
import demo from '../../seeds/demo.json' with { type: 'json' };
import { DEFAULT_FIELDS, DEFAULT_UNITS } from '../../seeds/defaults';
import { openCasebookWith, type Casebook, type OpenCasebookOptions } from './casebook-open';
import type { Db } from './db/connection';
import { applyParsed } from './import/import-circular';
import { loadDemoExperiences } from './register/propose';
import type { ParsedCircular } from './import/parse-circular';

// Opening the casebook: the database file, its migrations, and the data a new file starts with.

export type { Casebook, OpenCasebookOptions };

export function openCasebook(file: string, options: OpenCasebookOptions = {}): Casebook {
  // A new file gets its schema, vocabularies and demo in the migrations' one transaction: a start killed
  // half-way leaves an empty file, which the next start fills completely.
  return openCasebookWith(file, options, (d) => {
    loadDefaults(d);
    if (options.seed !== false) loadDemo(d);
  });
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
