import type { Database } from 'better-sqlite3';
import { charTokens } from '../search/char-tokens';
import { moveSharedSectionWaivers } from './migrate-finding-keys';
import { NEWSLETTER_MIGRATION } from './migration-newsletter';

// Numbered migrations. Each runs once, in order, inside the one transaction that also sets user_version.
// Never edit a migration that has shipped: add the next number.
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'case library',
    up(db) {
      db.exec(`
        CREATE TABLE units (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL CHECK (kind IN ('city','area','department','other')),
          sort_order INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE fields (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          sort_order INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE source_experiences (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL CHECK (kind IN ('pilot','best_practice','other_ftz','other')),
          origin TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE cases (
          id INTEGER PRIMARY KEY,
          title TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('replication','innovation')),
          unit_id INTEGER NOT NULL REFERENCES units(id),
          field_id INTEGER REFERENCES fields(id) ON DELETE SET NULL,
          source_id INTEGER REFERENCES source_experiences(id) ON DELETE SET NULL,
          year INTEGER,
          contact_name TEXT NOT NULL DEFAULT '',
          contact_phone TEXT NOT NULL DEFAULT '',
          honours TEXT NOT NULL DEFAULT '[]',
          status TEXT NOT NULL CHECK (status IN ('draft','submitted','reviewing','selected','returned')),
          return_reason TEXT NOT NULL DEFAULT '',
          lead TEXT NOT NULL DEFAULT '[]',
          body TEXT NOT NULL DEFAULT '[]',
          revision INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        ) STRICT;
        CREATE INDEX cases_unit ON cases(unit_id);
        CREATE INDEX cases_field ON cases(field_id);
        CREATE INDEX cases_status ON cases(status);
        CREATE TABLE case_revisions (
          case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
          revision INTEGER NOT NULL,
          saved_at TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          content TEXT NOT NULL,
          PRIMARY KEY (case_id, revision)
        ) STRICT;
        CREATE TABLE batches (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('replication','innovation')),
          ordinal INTEGER NOT NULL CHECK (ordinal > 0),
          title TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('draft','issued')),
          issued_at TEXT,
          doc_code TEXT NOT NULL DEFAULT '',
          doc_year INTEGER,
          doc_seq INTEGER,
          circular TEXT NOT NULL,
          import_hash TEXT UNIQUE,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (kind, ordinal)
        ) STRICT;
        CREATE UNIQUE INDEX batches_doc_number ON batches(doc_code, doc_year, doc_seq)
          WHERE doc_year IS NOT NULL AND doc_seq IS NOT NULL;
        CREATE TABLE batch_items (
          batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
          case_id INTEGER NOT NULL REFERENCES cases(id),
          seq INTEGER NOT NULL CHECK (seq > 0),
          snapshot TEXT,
          PRIMARY KEY (batch_id, case_id),
          UNIQUE (batch_id, seq)
        ) STRICT;
        CREATE INDEX batch_items_case ON batch_items(case_id);
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
        -- The flattened text of each case: the row source of the full-text index and of short queries.
        CREATE TABLE case_text (
          case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
          title TEXT NOT NULL,
          unit TEXT NOT NULL,
          body TEXT NOT NULL
        ) STRICT;
        CREATE VIRTUAL TABLE case_fts USING fts5(
          title, unit, body, content='case_text', content_rowid='case_id', tokenize='trigram'
        );
        CREATE TRIGGER case_text_ai AFTER INSERT ON case_text BEGIN
          INSERT INTO case_fts(rowid, title, unit, body) VALUES (new.case_id, new.title, new.unit, new.body);
        END;
        CREATE TRIGGER case_text_ad AFTER DELETE ON case_text BEGIN
          INSERT INTO case_fts(case_fts, rowid, title, unit, body) VALUES ('delete', old.case_id, old.title, old.unit, old.body);
        END;
        CREATE TRIGGER case_text_au AFTER UPDATE ON case_text BEGIN
          INSERT INTO case_fts(case_fts, rowid, title, unit, body) VALUES ('delete', old.case_id, old.title, old.unit, old.body);
          INSERT INTO case_fts(rowid, title, unit, body) VALUES (new.case_id, new.title, new.unit, new.body);
        END;
      `);
    },
  },
  {
    version: 2,
    name: 'proofreader waivers',
    up(db) {
      // A finding the clerk decided to let stand in a batch, with the reason, so 印发 can go ahead.
      db.exec(`
        CREATE TABLE proofread_waivers (
          batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
          finding_key TEXT NOT NULL,
          reason TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (batch_id, finding_key)
        ) STRICT;
      `);
    },
  },
  {
    version: 3,
    name: 'character index for short queries',
    up(db) {
      // Trigrams cannot answer one- or two-character queries (退税, 税). This index has one token per Chinese
      // character, so such a query is an exact phrase lookup instead of a scan of every case's text.
      db.exec(`CREATE VIRTUAL TABLE case_fts_chars USING fts5(title, unit, body, content='', contentless_delete=1, tokenize='unicode61')`);
      const insert = db.prepare('INSERT INTO case_fts_chars (rowid, title, unit, body) VALUES (?, ?, ?, ?)');
      // .all(): better-sqlite3 cannot write while a statement is being iterated
      for (const r of db.prepare('SELECT case_id, title, unit, body FROM case_text').all() as { case_id: number; title: string; unit: string; body: string }[]) {
        insert.run(r.case_id, charTokens(r.title), charTokens(r.unit), charTokens(r.body));
      }
    },
  },
  // --- safety-ui: idempotent create, unique finding keys ---
  {
    version: 5,
    name: 'idempotent case create; one key per missing section',
    up(db) {
      // A create retried with the same client token (a double click, a resent request) returns the case it made.
      db.exec(`
        CREATE TABLE IF NOT EXISTS case_create_tokens (
          token TEXT PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
          created_at TEXT NOT NULL
        ) STRICT;
      `);
      moveSharedSectionWaivers(db);
    },
  },
  {
    version: 10,
    name: 'calls for submissions and their review',
    up(db) {
      // 征集: a call asks units for cases by a deadline; each file a unit sends is a submission that keeps the
      // original bytes and points to the draft case made from it (none while its unit waits for the clerk).
      // 评选: reviewers score each submission per weighted criterion.
      db.exec(`
        CREATE TABLE IF NOT EXISTS calls (
          id INTEGER PRIMARY KEY,
          title TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('replication','innovation')),
          deadline TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          batch_id INTEGER REFERENCES batches(id) ON DELETE SET NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS call_units (
          call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
          unit_id INTEGER NOT NULL REFERENCES units(id),
          expected INTEGER NOT NULL DEFAULT 1 CHECK (expected >= 0),
          PRIMARY KEY (call_id, unit_id)
        ) STRICT;
        CREATE TABLE IF NOT EXISTS call_submissions (
          id INTEGER PRIMARY KEY,
          call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
          case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
          unit_id INTEGER REFERENCES units(id),
          unit_from TEXT NOT NULL CHECK (unit_from IN ('text','file_name','clerk','none')),
          unit_candidates TEXT NOT NULL DEFAULT '[]',
          title TEXT NOT NULL,
          title_key TEXT NOT NULL,
          parsed TEXT,
          file_name TEXT NOT NULL,
          file_sha256 TEXT NOT NULL,
          part INTEGER NOT NULL DEFAULT 0,
          file_bytes BLOB NOT NULL,
          received_at TEXT NOT NULL,
          resubmissions INTEGER NOT NULL DEFAULT 0,
          selected INTEGER NOT NULL DEFAULT 0 CHECK (selected IN (0,1)),
          UNIQUE (call_id, file_sha256, part)
        ) STRICT;
        CREATE INDEX IF NOT EXISTS call_submissions_call ON call_submissions(call_id);
        CREATE TABLE IF NOT EXISTS call_reviewers (
          id INTEGER PRIMARY KEY,
          call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          sort_order INTEGER NOT NULL,
          UNIQUE (call_id, name)
        ) STRICT;
        CREATE TABLE IF NOT EXISTS call_criteria (
          id INTEGER PRIMARY KEY,
          call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          weight REAL NOT NULL CHECK (weight > 0),
          sort_order INTEGER NOT NULL,
          UNIQUE (call_id, name)
        ) STRICT;
        CREATE TABLE IF NOT EXISTS call_scores (
          submission_id INTEGER NOT NULL REFERENCES call_submissions(id) ON DELETE CASCADE,
          reviewer_id INTEGER NOT NULL REFERENCES call_reviewers(id) ON DELETE CASCADE,
          criterion_id INTEGER NOT NULL REFERENCES call_criteria(id) ON DELETE CASCADE,
          score REAL NOT NULL CHECK (score >= 0 AND score <= 100),
          PRIMARY KEY (submission_id, reviewer_id, criterion_id)
        ) STRICT;
      `);
    },
  },
  // A new migration always takes a number above every one that exists: a file already at 10 never runs a 7.
  NEWSLETTER_MIGRATION, // version 12
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
