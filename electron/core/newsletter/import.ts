import { createHash } from 'node:crypto';
import type { Newsletter } from '../../../shared/newsletter';
import type { Db } from '../db/connection';
import { readFileText } from '../import/file-text';
import { listUnits } from '../repos/vocab';
import { UserError } from '../util';
import { parseNewsletterText } from './parse';
import { createNewsletter, nextIssueNumber } from './repo';

// Import of an issue's text into an issue with its sections and items. The same issue twice is refused:
// by its words (spaces and line breaks aside, so a re-scan of the same paper counts) and by its 期号.

export interface NewsletterImport {
  newsletter: Newsletter;
  warnings: string[];
}

/** The identity of an issue's text: its characters without any whitespace. */
export const textHash = (text: string) => createHash('sha256').update(text.replace(/\s+/gu, '')).digest('hex');

export function importNewsletterText(db: Db, text: string): NewsletterImport {
  const parsed = parseNewsletterText(text);
  const hash = textHash(text);
  const same = db.prepare('SELECT id, number FROM newsletter_issues WHERE import_hash = ?').get(hash) as { id: number; number: number } | undefined;
  if (same) throw new UserError(`这一期已经导入过（第${same.number}期，ID ${same.id}），未重复导入`, 'duplicate');
  const taken = db.prepare('SELECT id FROM newsletter_issues WHERE number = ?').get(parsed.number) as { id: number } | undefined;
  if (taken) throw new UserError(`第${parsed.number}期已经存在（ID ${taken.id}），未重复导入；下一个可用期号是第${nextIssueNumber(db)}期`, 'duplicate');
  // The unit an item concerns: the library's unit its text names most often (a title may name none).
  const units = listUnits(db);
  const unitOf = (text: string) => {
    let best: { id: number; count: number } | null = null;
    for (const u of units) {
      const count = text.split(u.name).length - 1;
      if (count > 0 && (!best || count > best.count)) best = { id: u.id, count };
    }
    return best?.id ?? null;
  };
  const newsletter = createNewsletter(
    db,
    {
      number: parsed.number,
      date: parsed.date,
      sponsor: parsed.sponsor,
      editor: parsed.editor,
      sections: parsed.sections.map((s) => ({
        name: s.name,
        items: s.items.map((i) => ({
          title: i.title,
          credit: i.credit,
          unitId: unitOf([i.title, ...i.paragraphs, ...i.parts.flatMap((p) => p.paragraphs)].join('\n')),
          paragraphs: i.paragraphs,
          parts: i.parts,
        })),
      })),
    },
    hash,
  );
  return { newsletter, warnings: parsed.warnings };
}

export async function importNewsletterFile(db: Db, bytes: Uint8Array, fileName: string): Promise<NewsletterImport> {
  const { text, notes } = await readFileText(bytes, fileName);
  const result = importNewsletterText(db, text);
  // What the reader noticed (tracked changes accepted, tables read as lines) is said first, as for circulars.
  return { ...result, warnings: [...notes.map((n) => n.message), ...result.warnings] };
}
