import type { Migration } from './migrations';

// 《自贸动态》: issues, their ordered sections and items, and what each item reports on (cases, source
// experiences). Every statement is idempotent: tests re-run migrations on files whose tables exist.
export const NEWSLETTER_MIGRATION: Migration = {
  version: 12,
  name: 'newsletter issues',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS newsletter_issues (
        id INTEGER PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE CHECK (number > 0),
        date TEXT NOT NULL,
        sponsor TEXT NOT NULL DEFAULT '',
        editor TEXT NOT NULL DEFAULT '',
        import_hash TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS newsletter_sections (
        id INTEGER PRIMARY KEY,
        issue_id INTEGER NOT NULL REFERENCES newsletter_issues(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq > 0),
        name TEXT NOT NULL,
        UNIQUE (issue_id, seq)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS newsletter_items (
        id INTEGER PRIMARY KEY,
        section_id INTEGER NOT NULL REFERENCES newsletter_sections(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq > 0),
        title TEXT NOT NULL,
        credit TEXT NOT NULL DEFAULT '',
        unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
        paragraphs TEXT NOT NULL DEFAULT '[]',
        parts TEXT NOT NULL DEFAULT '[]',
        UNIQUE (section_id, seq)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS newsletter_item_cases (
        item_id INTEGER NOT NULL REFERENCES newsletter_items(id) ON DELETE CASCADE,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        PRIMARY KEY (item_id, case_id)
      ) STRICT;
      CREATE INDEX IF NOT EXISTS newsletter_item_cases_case ON newsletter_item_cases(case_id);
      CREATE TABLE IF NOT EXISTS newsletter_item_sources (
        item_id INTEGER NOT NULL REFERENCES newsletter_items(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES source_experiences(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        PRIMARY KEY (item_id, source_id)
      ) STRICT;
    `);
  },
};
