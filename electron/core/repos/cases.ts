import { flattenCaseText } from '../../../shared/body';
import { contentOf } from '../../../shared/case-content';
import {
  caseContentSchema,
  type Case,
  type CaseContent,
  type Honour,
  type Revision,
} from '../../../shared/domain';
import type { Db } from '../db/connection';
import { UserError, notFound, nowIso } from '../util';
import { charTokens } from '../search/char-tokens';
import { isDestructiveEdit } from './destructive-edit';
import { getCase } from './case-reads';

// Reading cases is in case-reads.ts (no zod, for the command line's start); its functions are exported here too.
export { caseFilterClauses, getCase, listCases } from './case-reads';

export function createCase(db: Db, input: CaseContent, note = '新建', clientToken?: string): Case {
  if (!clientToken) return getCase(db, insertCase(db, input, note));
  // A retried create (a double click, Ctrl+S as the autosave fires, a resent request) returns the case it made.
  const id = db.transaction(() => {
    const made = db.prepare('SELECT case_id FROM case_create_tokens WHERE token = ?').get(clientToken) as { case_id: number } | undefined;
    if (made) return made.case_id;
    const created = insertCase(db, input, note);
    db.prepare('INSERT INTO case_create_tokens (token, case_id, created_at) VALUES (?, ?, ?)').run(clientToken, created, nowIso());
    return created;
  })();
  return getCase(db, id);
}

/** Inserts a case with its first revision and its search text; returns the id (bulk imports need no read-back). */
export function insertCase(db: Db, input: CaseContent, note = '新建'): number {
  const content = caseContentSchema.parse(input);
  return db.transaction(() => {
    const now = nowIso();
    const info = db
      .prepare(
        `INSERT INTO cases (title, type, unit_id, field_id, source_id, year, contact_name, contact_phone, honours, status,
           return_reason, lead, body, revision, created_at, updated_at)
         VALUES (@title, @type, @unitId, @fieldId, @sourceId, @year, @contactName, @contactPhone, @honours, @status,
           @returnReason, @lead, @body, 1, @now, @now)`,
      )
      .run({ ...columns(content), now });
    const id = Number(info.lastInsertRowid);
    saveRevision(db, id, 1, content, note, now);
    const unit = db.prepare('SELECT name FROM units WHERE id = ?').get(content.unitId) as { name: string };
    indexText(db, id, content.title, unit.name, flattenCaseText(content.lead, content.body));
    return id;
  })();
}

export interface UpdateOptions {
  /** The revision the editor started from; a different current revision means someone else saved first. */
  expectedRevision?: number;
  note?: string;
  /** An autosave replaces the previous autosave of the last few minutes instead of piling up revisions. */
  autosave?: boolean;
  /**
   * A write of the register's (the level history's 荣誉, a confirmed proposal), not the clerk's text: it takes the
   * honours it is given and reaches a case in the recycle bin too, as these wrote before they became revisions.
   * Every other save keeps the honours the case has now, whatever the editor or a restored version carries.
   */
  fromRegister?: boolean;
}

const AUTOSAVE_COALESCE_MS = 10 * 60 * 1000;
export const AUTOSAVE_NOTE = '自动保存';

/**
 * Saves a case. Every save that changes it takes the next revision number, autosaves included, so the
 * revision is what optimistic concurrency checks: two editors at one revision cannot both succeed.
 * The history is not flooded: an autosave within ten minutes of the previous autosave replaces that one's
 * row (the history then skips the merged numbers), unless the save removes structure or much text, in which
 * case the version before it is kept.
 */
export function updateCase(db: Db, id: number, input: CaseContent, options: UpdateOptions = {}): Case {
  const parsed = caseContentSchema.parse(input);
  return db.transaction(() => {
    const current = getCase(db, id);
    const content = options.fromRegister ? parsed : { ...parsed, honours: current.honours };
    if (current.deletedAt && !options.fromRegister) throw new UserError('案例已删除，请先恢复', 'conflict');
    if (options.expectedRevision !== undefined && options.expectedRevision !== current.revision && !onlyHonoursSince(db, id, options.expectedRevision, current)) {
      throw new UserError(`案例已被修改（当前版本 ${current.revision}），请刷新后再保存`, 'conflict');
    }
    if (JSON.stringify(contentOf(current)) === JSON.stringify(content)) return current;
    const now = nowIso();
    const last = db
      .prepare('SELECT revision, saved_at, note FROM case_revisions WHERE case_id = ? ORDER BY revision DESC LIMIT 1')
      .get(id) as { revision: number; saved_at: string; note: string } | undefined;
    const coalesce =
      options.autosave &&
      last &&
      last.revision === current.revision &&
      last.note === AUTOSAVE_NOTE &&
      Date.parse(now) - Date.parse(last.saved_at) < AUTOSAVE_COALESCE_MS &&
      !isDestructiveEdit(current, content);
    const revision = current.revision + 1;
    db.prepare(
      `UPDATE cases SET title=@title, type=@type, unit_id=@unitId, field_id=@fieldId, source_id=@sourceId, year=@year,
         contact_name=@contactName, contact_phone=@contactPhone, honours=@honours, status=@status, return_reason=@returnReason,
         lead=@lead, body=@body, revision=@revision, updated_at=@now WHERE id=@id`,
    ).run({ ...columns(content), revision, now, id });
    if (coalesce) db.prepare('DELETE FROM case_revisions WHERE case_id = ? AND revision = ?').run(id, last.revision);
    saveRevision(db, id, revision, content, options.autosave ? AUTOSAVE_NOTE : (options.note ?? '保存'), now);
    indexCase(db, id);
    return getCase(db, id);
  })();
}

/**
 * True when the case changed since `revision` only in its 荣誉: the level history wrote them (a step added while
 * the editor was open) and a save keeps them anyway, so the editor's save is no conflict.
 */
function onlyHonoursSince(db: Db, id: number, revision: number, current: Case): boolean {
  const row = db.prepare('SELECT content FROM case_revisions WHERE case_id = ? AND revision = ?').get(id, revision) as { content: string } | undefined;
  if (!row) return false;
  const withoutHonours = (c: CaseContent) => JSON.stringify({ ...caseContentSchema.parse(c), honours: [] });
  return withoutHonours(JSON.parse(row.content) as CaseContent) === withoutHonours(contentOf(current));
}

/** Writes the 荣誉 the level history gives a case, as a revision of its own (so a version restored keeps them). */
export function setHonours(db: Db, id: number, honours: Honour[], note: string): Case {
  return updateCase(db, id, { ...contentOf(getCase(db, id)), honours }, { note, fromRegister: true });
}

/** Moves a case to the recycle bin; it stays restorable. A case in an issued batch keeps its snapshot there. */
export function deleteCase(db: Db, id: number): Case {
  const c = getCase(db, id);
  if (c.deletedAt) return c;
  db.transaction(() => {
    const drafts = db
      .prepare(`SELECT b.title FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE i.case_id = ? AND b.status = 'draft'`)
      .all(id) as { title: string }[];
    if (drafts.length) throw new UserError(`案例在草稿批次「${drafts.map((d) => d.title).join('、')}」中，请先移出`, 'conflict');
    db.prepare('UPDATE cases SET deleted_at = ? WHERE id = ?').run(nowIso(), id);
  })();
  return getCase(db, id);
}

export function restoreCase(db: Db, id: number): Case {
  getCase(db, id);
  db.prepare('UPDATE cases SET deleted_at = NULL WHERE id = ?').run(id);
  return getCase(db, id);
}

export function duplicateCase(db: Db, id: number): Case {
  const source = getCase(db, id);
  return createCase(db, { ...contentOf(source), title: `${source.title}（副本）`, status: 'draft' }, `复制自案例 ${id}`);
}

export function listRevisions(db: Db, caseId: number): Revision[] {
  getCase(db, caseId);
  const rows = db
    .prepare('SELECT * FROM case_revisions WHERE case_id = ? ORDER BY revision DESC')
    .all(caseId) as { case_id: number; revision: number; saved_at: string; note: string; content: string }[];
  return rows.map((r) => ({ caseId: r.case_id, revision: r.revision, savedAt: r.saved_at, note: r.note, content: JSON.parse(r.content) }));
}

export function restoreRevision(db: Db, caseId: number, revision: number): Case {
  const row = db.prepare('SELECT content FROM case_revisions WHERE case_id = ? AND revision = ?').get(caseId, revision) as
    | { content: string }
    | undefined;
  if (!row) throw notFound('版本', `${caseId}#${revision}`);
  return updateCase(db, caseId, JSON.parse(row.content) as CaseContent, { note: `恢复到版本 ${revision}` });
}

/** Keeps the search text of a case in step with its record (same transaction as the change). */
export function indexCase(db: Db, id: number): void {
  const c = getCase(db, id);
  indexText(db, id, c.title, c.unitName, flattenCaseText(c.lead, c.body));
}

/** Writes a case's flattened text (its triggers keep the trigram index) and its character index. */
export function indexText(db: Db, id: number, title: string, unit: string, body: string): void {
  db.prepare(
    `INSERT INTO case_text (case_id, title, unit, body) VALUES (?, ?, ?, ?)
     ON CONFLICT(case_id) DO UPDATE SET title = excluded.title, unit = excluded.unit, body = excluded.body`,
  ).run(id, title, unit, body);
  db.prepare('DELETE FROM case_fts_chars WHERE rowid = ?').run(id);
  db.prepare('INSERT INTO case_fts_chars (rowid, title, unit, body) VALUES (?, ?, ?, ?)').run(id, charTokens(title), charTokens(unit), charTokens(body));
}

export function reindexCasesOfUnit(db: Db, unitId: number): void {
  for (const { id } of db.prepare('SELECT id FROM cases WHERE unit_id = ?').all(unitId) as { id: number }[]) indexCase(db, id);
}

function columns(c: CaseContent) {
  return {
    title: c.title,
    type: c.type,
    unitId: c.unitId,
    fieldId: c.fieldId,
    sourceId: c.sourceId,
    year: c.year,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    honours: JSON.stringify(c.honours),
    status: c.status,
    returnReason: c.returnReason,
    lead: JSON.stringify(c.lead),
    body: JSON.stringify(c.body),
  };
}

export { contentOf };

function saveRevision(db: Db, caseId: number, revision: number, content: CaseContent, note: string, savedAt: string): void {
  db.prepare('INSERT INTO case_revisions (case_id, revision, saved_at, note, content) VALUES (?, ?, ?, ?, ?)').run(
    caseId,
    revision,
    savedAt,
    note,
    JSON.stringify(content),
  );
}
