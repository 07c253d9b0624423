// The office's vocabularies: 提供单位 (units, in official order) and 领域 (fields).
import type { Field, Unit, UnitKind } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { UserError, notFound } from '../util';

interface UnitRow { id: number; name: string; kind: UnitKind; sort_order: number }
const toUnit = (r: UnitRow): Unit => ({ id: r.id, name: r.name, kind: r.kind, sortOrder: r.sort_order });

/** Guesses a unit's kind from its name, for units first met in an import. */
export function guessUnitKind(name: string): UnitKind {
  if (/片区$/u.test(name)) return 'area';
  if (/(市|地区|行署|州|县)$/u.test(name)) return 'city';
  if (/(厅|局|委|办|公司|中心|海关|银行|部)$/u.test(name)) return 'department';
  return 'other';
}

export function listUnits(db: Db): Unit[] {
  return (db.prepare('SELECT * FROM units ORDER BY sort_order, id').all() as UnitRow[]).map(toUnit);
}

export function getUnit(db: Db, id: number): Unit {
  const row = db.prepare('SELECT * FROM units WHERE id = ?').get(id) as UnitRow | undefined;
  if (!row) throw notFound('提供单位', id);
  return toUnit(row);
}

export function findUnitByName(db: Db, name: string): Unit | null {
  const row = db.prepare('SELECT * FROM units WHERE name = ?').get(name.trim()) as UnitRow | undefined;
  return row ? toUnit(row) : null;
}

/** Inserts a unit at the end of its kind's block in the official order. */
export function createUnit(db: Db, name: string, kind: UnitKind = guessUnitKind(name)): Unit {
  const clean = name.trim();
  if (!clean) throw new UserError('单位名称不能为空');
  if (findUnitByName(db, clean)) throw new UserError(`单位已存在：${clean}`, 'conflict');
  const max = (db.prepare('SELECT COALESCE(MAX(sort_order), 0) AS m FROM units').get() as { m: number }).m;
  const info = db.prepare('INSERT INTO units (name, kind, sort_order) VALUES (?, ?, ?)').run(clean, kind, max + 10);
  return getUnit(db, Number(info.lastInsertRowid));
}

export function findOrCreateUnit(db: Db, name: string): Unit {
  return findUnitByName(db, name) ?? createUnit(db, name);
}

export function updateUnit(db: Db, id: number, patch: { name?: string; kind?: UnitKind }): Unit {
  const unit = getUnit(db, id);
  const name = patch.name?.trim() ?? unit.name;
  if (name !== unit.name && findUnitByName(db, name)) throw new UserError(`单位已存在：${name}`, 'conflict');
  db.prepare('UPDATE units SET name = ?, kind = ? WHERE id = ?').run(name, patch.kind ?? unit.kind, id);
  return getUnit(db, id);
}

/** Sets the official order: the given ids first, in that order, then any others as they were. */
export function reorderUnits(db: Db, ids: number[]): Unit[] {
  return reorder(db, 'units', ids, () => listUnits(db));
}

export function deleteUnit(db: Db, id: number): void {
  getUnit(db, id);
  const used = (db.prepare('SELECT COUNT(*) AS n FROM cases WHERE unit_id = ?').get(id) as { n: number }).n;
  if (used > 0) throw new UserError(`该单位有 ${used} 个案例，不能删除`, 'conflict');
  db.prepare('DELETE FROM units WHERE id = ?').run(id);
}

// Fields (领域): the same shape, their own table.
interface FieldRow { id: number; name: string; sort_order: number }
const toField = (r: FieldRow): Field => ({ id: r.id, name: r.name, sortOrder: r.sort_order });

export function listFields(db: Db): Field[] {
  return (db.prepare('SELECT * FROM fields ORDER BY sort_order, id').all() as FieldRow[]).map(toField);
}

export function getField(db: Db, id: number): Field {
  const row = db.prepare('SELECT * FROM fields WHERE id = ?').get(id) as FieldRow | undefined;
  if (!row) throw notFound('领域', id);
  return toField(row);
}

export function findFieldByName(db: Db, name: string): Field | null {
  const row = db.prepare('SELECT * FROM fields WHERE name = ?').get(name.trim()) as FieldRow | undefined;
  return row ? toField(row) : null;
}

export function createField(db: Db, name: string): Field {
  const clean = name.trim();
  if (!clean) throw new UserError('领域名称不能为空');
  if (findFieldByName(db, clean)) throw new UserError(`领域已存在：${clean}`, 'conflict');
  const max = (db.prepare('SELECT COALESCE(MAX(sort_order), 0) AS m FROM fields').get() as { m: number }).m;
  const info = db.prepare('INSERT INTO fields (name, sort_order) VALUES (?, ?)').run(clean, max + 10);
  return getField(db, Number(info.lastInsertRowid));
}

export function findOrCreateField(db: Db, name: string): Field {
  return findFieldByName(db, name) ?? createField(db, name);
}

export function renameField(db: Db, id: number, name: string): Field {
  const field = getField(db, id);
  const clean = name.trim();
  if (clean !== field.name && findFieldByName(db, clean)) throw new UserError(`领域已存在：${clean}`, 'conflict');
  db.prepare('UPDATE fields SET name = ? WHERE id = ?').run(clean, id);
  return getField(db, id);
}

export function reorderFields(db: Db, ids: number[]): Field[] {
  return reorder(db, 'fields', ids, () => listFields(db));
}

export function deleteField(db: Db, id: number): void {
  getField(db, id);
  db.prepare('DELETE FROM fields WHERE id = ?').run(id); // cases keep their text; field_id becomes NULL
}

function reorder<T extends { id: number }>(db: Db, table: 'units' | 'fields', ids: number[], list: () => T[]): T[] {
  db.transaction(() => {
    const rest = list().map((x) => x.id).filter((id) => !ids.includes(id));
    const update = db.prepare(`UPDATE ${table} SET sort_order = ? WHERE id = ?`);
    [...ids, ...rest].forEach((id, i) => {
      if (update.run((i + 1) * 10, id).changes !== 1) throw notFound(table === 'units' ? '提供单位' : '领域', id);
    });
  })();
  return list();
}
