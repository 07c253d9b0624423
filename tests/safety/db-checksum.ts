import { createHash } from 'node:crypto';
import type { Db } from '../../electron/core/db/connection';

/** A hash of every row of every table (the full-text indexes' shadow tables included) and the schema version. */
export function dbChecksum(db: Db): string {
  const hash = createHash('sha256');
  hash.update(String(db.pragma('user_version', { simple: true })));
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).pluck().all() as string[];
  for (const t of tables) {
    hash.update(`\u0000${t}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]) {
      for (const v of row) {
        if (Buffer.isBuffer(v)) hash.update(v);
        else hash.update(v === null ? '\u0001' : typeof v === 'string' ? v : String(v));
        hash.update('\u0000');
      }
    }
  }
  return hash.digest('hex');
}

/** Rows this connection has inserted, updated or deleted since it opened: a cheap «did anything change». */
export const totalChanges = (db: Db): number => db.prepare('SELECT total_changes()').pluck().get() as number;
