import type { Db } from '../db/connection';
import { checkFigures } from '../newsletter/figures';
import { importNewsletterFile } from '../newsletter/import';
import { itemFromText } from '../newsletter/parse';
import { createNewsletter, deleteNewsletter, getNewsletter, getTocThreshold, itemFromCase, listNewsletters, nextIssueNumber, setTocThreshold, updateNewsletter } from '../newsletter/repo';
import type { HandlerTable } from './dispatch';

// 《自贸动态》 (shared/contract-newsletter.ts). Its Word export is with the other exports (export-handlers.ts).
type NewsletterNames = Extract<keyof HandlerTable, `newsletters.${string}`>;

export function newsletterHandlers(db: Db): Pick<HandlerTable, NewsletterNames> {
  return {
    'newsletters.list': ({ query }) => listNewsletters(db, query ?? ''),
    'newsletters.get': ({ id }) => getNewsletter(db, id),
    'newsletters.nextNumber': () => ({ number: nextIssueNumber(db) }),
    'newsletters.create': (input) => createNewsletter(db, input),
    'newsletters.update': ({ id, ...input }) => updateNewsletter(db, id, input),
    'newsletters.delete': ({ id }) => (deleteNewsletter(db, id), { ok: true as const }),
    'newsletters.import': ({ fileName, base64 }) => importNewsletterFile(db, Buffer.from(base64, 'base64'), fileName),
    'newsletters.itemFromCase': ({ caseId }) => itemFromCase(db, caseId),
    'newsletters.itemFromText': ({ text }) => {
      const { statedNumber: _, ...item } = itemFromText(text);
      return { ...item, unitId: null, unitName: null, caseIds: [], sourceIds: [] };
    },
    'newsletters.figures': ({ id }) => checkFigures(db, getNewsletter(db, id)),
    'newsletters.settings': ({ tocThreshold }) => ({ tocThreshold: tocThreshold === undefined ? getTocThreshold(db) : setTocThreshold(db, tocThreshold) }),
  };
}
