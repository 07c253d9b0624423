import { DEFAULT_TOC_THRESHOLD } from '../../../shared/newsletter-constants';
import type { Newsletter, NewsletterItem, NewsletterRow } from '../../../shared/newsletter';
import type { Db } from '../db/connection';
import { notFound, parseJson } from '../util';

// Reading issues of 《自贸动态》: the list, one issue, the 目录 threshold. Apart from repo.ts (which validates what it
// writes with the zod schemas) so that the command line's `newsletter list` and `show` start without loading zod
// (issue 13); repo.ts re-exports these.

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

export const TOC_KEY = 'newsletterTocThreshold';
export function getTocThreshold(db: Db): number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(TOC_KEY) as { value: string } | undefined;
  const n = row ? Number(JSON.parse(row.value)) : DEFAULT_TOC_THRESHOLD;
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_TOC_THRESHOLD;
}
