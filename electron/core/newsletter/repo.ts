import { newsletterInputSchema, type Newsletter, type NewsletterInput, type NewsletterItem } from '../../../shared/newsletter';
import type { Db } from '../db/connection';
import { getCase } from '../repos/case-reads';
import { notFound, nowIso, UserError } from '../util';
import { getNewsletter, TOC_KEY } from './repo-reads';

// Issues of 《自贸动态》. An issue is saved whole (its sections and items in order), as the composer edits it:
// order is the seq columns, the printed numbers come from them (shared/newsletter.ts).
// Reading issues is in repo-reads.ts (no zod, for the command line's start); its functions are exported here too.
export { getNewsletter, getTocThreshold, listNewsletters } from './repo-reads';

/** The next free 期号: numbers run on across years, so one past the highest. */
export function nextIssueNumber(db: Db): number {
  return ((db.prepare('SELECT MAX(number) AS n FROM newsletter_issues').get() as { n: number | null }).n ?? 0) + 1;
}

function assertNumberFree(db: Db, number: number, exceptId: number | null): void {
  const taken = db.prepare('SELECT id FROM newsletter_issues WHERE number = ?').get(number) as { id: number } | undefined;
  if (taken && taken.id !== exceptId) throw new UserError(`第${number}期已经存在（ID ${taken.id}），期号不能重复；下一个可用期号是第${nextIssueNumber(db)}期`, 'conflict');
}

/** Writes the sections and items of an issue, replacing what it had; item ids the issue already owned are kept. */
function writeContent(db: Db, issueId: number, input: ReturnType<typeof newsletterInputSchema.parse>): void {
  const owned = new Set(
    (db.prepare('SELECT i.id FROM newsletter_items i JOIN newsletter_sections s ON s.id = i.section_id WHERE s.issue_id = ?').all(issueId) as { id: number }[]).map((r) => r.id),
  );
  db.prepare('DELETE FROM newsletter_sections WHERE issue_id = ?').run(issueId); // items and links go with them
  const insertSection = db.prepare('INSERT INTO newsletter_sections (issue_id, seq, name) VALUES (?, ?, ?)');
  const insertItem = db.prepare(
    'INSERT INTO newsletter_items (id, section_id, seq, title, credit, unit_id, paragraphs, parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const linkCase = db.prepare('INSERT OR IGNORE INTO newsletter_item_cases (item_id, case_id, seq) VALUES (?, ?, ?)');
  const linkSource = db.prepare('INSERT OR IGNORE INTO newsletter_item_sources (item_id, source_id, seq) VALUES (?, ?, ?)');
  const seen = new Set<number>();
  // a reference that names nothing is refused with the item named, not as a bare foreign-key failure
  const exists = (table: 'units' | 'cases' | 'source_experiences', id: number) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  let n = 0;
  for (const section of input.sections) {
    for (const item of section.items) {
      n += 1;
      const which = `第 ${n} 篇“${item.title.slice(0, 30)}”`;
      if (item.unitId != null && !exists('units', item.unitId)) throw new UserError(`${which}的单位不存在（ID ${item.unitId}）`, 'not_found');
      for (const c of item.caseIds) if (!exists('cases', c)) throw new UserError(`${which}关联的案例不存在（ID ${c}）`, 'not_found');
      for (const e of item.sourceIds) if (!exists('source_experiences', e)) throw new UserError(`${which}关联的经验不存在（ID ${e}）`, 'not_found');
    }
  }
  input.sections.forEach((section, si) => {
    const sectionId = Number(insertSection.run(issueId, si + 1, section.name).lastInsertRowid);
    section.items.forEach((item, ii) => {
      // An id from another issue (or given twice) is not taken over: the item gets a new one.
      const keep = item.id !== undefined && owned.has(item.id) && !seen.has(item.id) ? item.id : null;
      if (keep) seen.add(keep);
      const itemId = Number(
        insertItem.run(keep, sectionId, ii + 1, item.title, item.credit, item.unitId, JSON.stringify(item.paragraphs.map((p) => p.trim()).filter(Boolean)), JSON.stringify(item.parts))
          .lastInsertRowid,
      );
      item.caseIds.forEach((c, k) => linkCase.run(itemId, c, k));
      item.sourceIds.forEach((s, k) => linkSource.run(itemId, s, k));
    });
  });
}

export function createNewsletter(db: Db, raw: NewsletterInput, importHash: string | null = null): Newsletter {
  const input = newsletterInputSchema.parse(raw);
  return db.transaction(() => {
    assertNumberFree(db, input.number, null);
    const now = nowIso();
    const id = Number(
      db
        .prepare('INSERT INTO newsletter_issues (number, date, sponsor, editor, import_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.number, input.date, input.sponsor, input.editor, importHash, now, now).lastInsertRowid,
    );
    writeContent(db, id, input);
    return getNewsletter(db, id);
  })();
}

export function updateNewsletter(db: Db, id: number, raw: NewsletterInput): Newsletter {
  const input = newsletterInputSchema.parse(raw);
  return db.transaction(() => {
    getNewsletter(db, id);
    assertNumberFree(db, input.number, id);
    db.prepare('UPDATE newsletter_issues SET number = ?, date = ?, sponsor = ?, editor = ?, updated_at = ? WHERE id = ?').run(
      input.number,
      input.date,
      input.sponsor,
      input.editor,
      nowIso(),
      id,
    );
    writeContent(db, id, input);
    return getNewsletter(db, id);
  })();
}

export function deleteNewsletter(db: Db, id: number): void {
  if (db.prepare('DELETE FROM newsletter_issues WHERE id = ?').run(id).changes === 0) throw notFound('《自贸动态》', id);
}

/** An item drafted from a library case: its title, its lead as the paragraphs, its unit, a link back to it. */
export function itemFromCase(db: Db, caseId: number): Omit<NewsletterItem, 'id'> {
  const c = getCase(db, caseId);
  const title = c.title.replace(/^“(.+)”(复制推广典型案例|典型案例|创新实践案例)$/u, '$1');
  // A case without a lead gives the first paragraph of its body, so the draft is never empty.
  const firstBody = c.body.flatMap((n) => [n.text, ...n.paragraphs]).find((t) => t.trim());
  const paragraphs = c.lead.length ? [...c.lead] : firstBody ? [firstBody] : [];
  return { title, credit: '', unitId: c.unitId, unitName: c.unitName, paragraphs, parts: [], caseIds: [c.id], sourceIds: c.sourceId ? [c.sourceId] : [] };
}

/** An item from pasted text: the first line is the title; lines of «1. …» without a final stop become sub-heads. */
export { itemFromText } from './parse';

export function setTocThreshold(db: Db, n: number): number {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(TOC_KEY, JSON.stringify(n));
  return n;
}
