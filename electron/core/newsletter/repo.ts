import {
  DEFAULT_TOC_THRESHOLD,
  newsletterInputSchema,
  type Newsletter,
  type NewsletterInput,
  type NewsletterItem,
  type NewsletterRow,
} from '../../../shared/newsletter';
import type { Db } from '../db/connection';
import { getCase } from '../repos/cases';
import { notFound, nowIso, parseJson, UserError } from '../util';

// Issues of 《自贸动态》. An issue is saved whole (its sections and items in order), as the composer edits it:
// order is the seq columns, the printed numbers come from them (shared/newsletter.ts).

interface IssueRow {
  id: number;
  number: number;
  date: string;
  sponsor: string;
  editor: string;
  created_at: string;
  updated_at: string;
}

export function listNewsletters(db: Db, query = ''): NewsletterRow[] {
  const issues = db.prepare('SELECT id, number, date, sponsor FROM newsletter_issues ORDER BY number DESC').all() as Pick<IssueRow, 'id' | 'number' | 'date' | 'sponsor'>[];
  const sections = db.prepare('SELECT id, issue_id, name FROM newsletter_sections ORDER BY issue_id, seq').all() as { id: number; issue_id: number; name: string }[];
  const items = db
    .prepare('SELECT i.title, s.issue_id FROM newsletter_items i JOIN newsletter_sections s ON s.id = i.section_id ORDER BY s.issue_id, s.seq, i.seq')
    .all() as { title: string; issue_id: number }[];
  const rows = issues.map((i) => ({
    ...i,
    sections: sections.filter((s) => s.issue_id === i.id).map((s) => s.name),
    titles: items.filter((t) => t.issue_id === i.id).map((t) => t.title),
  }));
  const q = query.replace(/\s+/gu, '');
  const hits = q
    ? rows.filter((r) => [String(r.number), `第${r.number}期`, r.date, r.sponsor, ...r.sections, ...r.titles].some((t) => t.replace(/\s+/gu, '').includes(q)))
    : rows;
  return hits.map((r) => ({ ...r, sectionCount: r.sections.length, itemCount: r.titles.length }));
}

export function getNewsletter(db: Db, id: number): Newsletter {
  const row = db.prepare('SELECT * FROM newsletter_issues WHERE id = ?').get(id) as IssueRow | undefined;
  if (!row) throw notFound('《自贸动态》', id);
  const sections = db.prepare('SELECT id, name FROM newsletter_sections WHERE issue_id = ? ORDER BY seq').all(id) as { id: number; name: string }[];
  const itemsOf = db.prepare(
    'SELECT i.*, u.name AS unit_name FROM newsletter_items i LEFT JOIN units u ON u.id = i.unit_id WHERE i.section_id = ? ORDER BY i.seq',
  );
  const casesOf = db.prepare('SELECT case_id FROM newsletter_item_cases WHERE item_id = ? ORDER BY seq');
  const sourcesOf = db.prepare('SELECT source_id FROM newsletter_item_sources WHERE item_id = ? ORDER BY seq');
  type ItemRow = { id: number; title: string; credit: string; unit_id: number | null; unit_name: string | null; paragraphs: string; parts: string };
  return {
    id: row.id,
    number: row.number,
    date: row.date,
    sponsor: row.sponsor,
    editor: row.editor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sections: sections.map((s) => ({
      name: s.name,
      items: (itemsOf.all(s.id) as ItemRow[]).map(
        (i): NewsletterItem => ({
          id: i.id,
          title: i.title,
          credit: i.credit,
          unitId: i.unit_id,
          unitName: i.unit_name,
          paragraphs: parseJson(i.paragraphs, []),
          parts: parseJson(i.parts, []),
          caseIds: (casesOf.all(i.id) as { case_id: number }[]).map((c) => c.case_id),
          sourceIds: (sourcesOf.all(i.id) as { source_id: number }[]).map((c) => c.source_id),
        }),
      ),
    })),
  };
}

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

const TOC_KEY = 'newsletterTocThreshold';
export function getTocThreshold(db: Db): number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(TOC_KEY) as { value: string } | undefined;
  const n = row ? Number(JSON.parse(row.value)) : DEFAULT_TOC_THRESHOLD;
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_TOC_THRESHOLD;
}
export function setTocThreshold(db: Db, n: number): number {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(TOC_KEY, JSON.stringify(n));
  return n;
}
