import type { Database } from 'better-sqlite3';
import { experienceBatchLabel, parseExperienceBatch } from '../../../shared/register-constants';
import type { Migration } from './migrations';

// The register (issue 11; reserved as 6, numbered 13 because files at 10 and 12 exist and would never run a 6):
// the experience catalogue grows out of `source_experiences` (cases keep pointing at
// the same ids), the ledger and the level history are new tables, and the two fixed honours of each case
// become its first level events. Every step checks before it acts, so the migration can run again on a file
// that already has it.

/** A name that is only a batch label («国家第一批最佳实践案例»), not one experience of it. */
const BATCH_LABEL = /^(?:国家|全国|国务院|自贸试验区|自由贸易试验区)?第[0-9一二三四五六七八九十百零]{1,6}批(?:“)?(?:改革试点经验|最佳实践案例)(?:”)?$/u;

function addColumn(db: Database, table: string, column: string, definition: string): void {
  const has = (db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) as unknown) !== undefined;
  if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
}

/** One spelling per batch: batch-label entries get the computed label; two spellings of one batch merge. */
function normaliseBatches(db: Database): void {
  const rows = db.prepare('SELECT id, name, kind, note FROM source_experiences ORDER BY id').all() as { id: number; name: string; kind: string; note: string }[];
  for (const r of rows) {
    const parsed = parseExperienceBatch(r.name);
    if (!parsed) continue;
    const kind = (parsed.kind ?? r.kind) as 'pilot' | 'best_practice';
    if (kind !== 'pilot' && kind !== 'best_practice') continue;
    db.prepare('UPDATE source_experiences SET batch_no = ?, kind = ? WHERE id = ? AND batch_no IS NULL').run(parsed.batchNo, kind, r.id);
    if (!BATCH_LABEL.test(r.name)) continue;
    const label = experienceBatchLabel(kind, parsed.batchNo);
    if (label === r.name) continue;
    const keep = db.prepare('SELECT id FROM source_experiences WHERE name = ?').get(label) as { id: number } | undefined;
    if (keep) {
      // The same batch under another spelling: its cases move to the one entry, the old spelling is noted there.
      db.prepare('UPDATE cases SET source_id = ? WHERE source_id = ?').run(keep.id, r.id);
      db.prepare(`UPDATE source_experiences SET note = trim(note || ?) WHERE id = ?`).run(`\n原名称：${r.name}`, keep.id);
      db.prepare('DELETE FROM source_experiences WHERE id = ?').run(r.id);
    } else {
      db.prepare(`UPDATE source_experiences SET name = ?, note = trim(note || ?) WHERE id = ?`).run(label, `\n原名称：${r.name}`, r.id);
    }
  }
}

/** Each honour a case carried becomes a level event (no date or body was ever recorded for them). */
function honoursToLevels(db: Database): void {
  const cases = db.prepare(`SELECT id, honours, created_at FROM cases WHERE honours NOT IN ('', '[]')`).all() as { id: number; honours: string; created_at: string }[];
  const has = db.prepare('SELECT 1 FROM case_levels WHERE case_id = ? AND level = ?');
  const insert = db.prepare(
    `INSERT INTO case_levels (case_id, level, awarded_by, date, doc_number, note, created_at) VALUES (?, ?, '', NULL, '', '由原“荣誉”迁移', ?)`,
  );
  for (const c of cases) {
    let honours: unknown;
    try {
      honours = JSON.parse(c.honours);
    } catch {
      continue;
    }
    if (!Array.isArray(honours)) continue;
    for (const h of honours) {
      if (h !== 'provincial_excellent' && h !== 'national_best_practice') continue;
      if (!has.get(c.id, h)) insert.run(c.id, h, c.created_at);
    }
  }
}

export const REGISTER_MIGRATION: Migration = {
  version: 13,
  name: 'register: experience catalogue, replication ledger, level history',
  up(db) {
    addColumn(db, 'source_experiences', 'batch_no', 'INTEGER CHECK (batch_no IS NULL OR batch_no > 0)');
    addColumn(db, 'source_experiences', 'area', `TEXT NOT NULL DEFAULT ''`);
    addColumn(db, 'source_experiences', 'year', 'INTEGER');
    addColumn(db, 'source_experiences', 'source_doc', `TEXT NOT NULL DEFAULT ''`);
    addColumn(db, 'source_experiences', 'note', `TEXT NOT NULL DEFAULT ''`);
    db.exec(`
      CREATE INDEX IF NOT EXISTS source_experiences_batch ON source_experiences(kind, batch_no);
      -- Every status change is kept, so the rates can be read for any date (the latest entry on or before it).
      CREATE TABLE IF NOT EXISTS replication_events (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        experience_id INTEGER NOT NULL REFERENCES source_experiences(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('planned','in_progress','copied','not_applicable')),
        date TEXT NOT NULL,
        responsible TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS replication_events_cell ON replication_events(unit_id, experience_id, date);
      CREATE TABLE IF NOT EXISTS case_levels (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        level TEXT NOT NULL CHECK (level IN ('area','provincial_typical','provincial_excellent','national_best_practice','national_promoted')),
        awarded_by TEXT NOT NULL DEFAULT '',
        date TEXT,
        doc_number TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS case_levels_case ON case_levels(case_id);
      -- The 片区 a department's case serves (seed 000: «省司法厅推动哈尔滨片区…»).
      CREATE TABLE IF NOT EXISTS case_served_areas (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE
      ) STRICT;
      -- What the importer proposed for a case (catalogue entry, 领域) until the clerk confirms or changes it.
      CREATE TABLE IF NOT EXISTS register_proposals (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        experience_id INTEGER REFERENCES source_experiences(id) ON DELETE SET NULL,
        field_id INTEGER REFERENCES fields(id) ON DELETE SET NULL,
        reason TEXT NOT NULL DEFAULT '',
        confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0,1)),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
    normaliseBatches(db);
    honoursToLevels(db);
  },
};
