import type { SourceExperience, SourceKind } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { UserError, notFound } from '../util';

// Source experiences (复制推广来源): the reforms replication cases copy.
interface SourceRow { id: number; name: string; kind: SourceKind; origin: string }
const toSource = (r: SourceRow): SourceExperience => ({ id: r.id, name: r.name, kind: r.kind, origin: r.origin });

export function listSources(db: Db): SourceExperience[] {
  return (db.prepare('SELECT * FROM source_experiences ORDER BY kind, name').all() as SourceRow[]).map(toSource);
}

export function getSource(db: Db, id: number): SourceExperience {
  const row = db.prepare('SELECT * FROM source_experiences WHERE id = ?').get(id) as SourceRow | undefined;
  if (!row) throw notFound('复制推广来源', id);
  return toSource(row);
}

export function findOrCreateSource(db: Db, name: string, kind: SourceKind, origin = ''): SourceExperience {
  const row = db.prepare('SELECT * FROM source_experiences WHERE name = ?').get(name) as SourceRow | undefined;
  if (row) return toSource(row);
  const info = db.prepare('INSERT INTO source_experiences (name, kind, origin) VALUES (?, ?, ?)').run(name, kind, origin);
  return getSource(db, Number(info.lastInsertRowid));
}

export function saveSource(db: Db, input: { id?: number; name: string; kind: SourceKind; origin: string }): SourceExperience {
  const name = input.name.trim();
  if (!name) throw new UserError('来源名称不能为空');
  const clash = db.prepare('SELECT id FROM source_experiences WHERE name = ? AND id IS NOT ?').get(name, input.id ?? null);
  if (clash) throw new UserError(`来源已存在：${name}`, 'conflict');
  if (input.id) {
    getSource(db, input.id);
    db.prepare('UPDATE source_experiences SET name = ?, kind = ?, origin = ? WHERE id = ?').run(name, input.kind, input.origin, input.id);
    return getSource(db, input.id);
  }
  const info = db.prepare('INSERT INTO source_experiences (name, kind, origin) VALUES (?, ?, ?)').run(name, input.kind, input.origin);
  return getSource(db, Number(info.lastInsertRowid));
}

export function deleteSource(db: Db, id: number): void {
  getSource(db, id);
  db.prepare('DELETE FROM source_experiences WHERE id = ?').run(id);
}
