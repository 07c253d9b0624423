import type { Case, CaseContent } from './domain';

/** What a clerk edits of a case: the record without its identity and bookkeeping. */
export function contentOf(c: Case): CaseContent {
  const { title, type, unitId, fieldId, sourceId, year, contactName, contactPhone, honours, status, returnReason, lead, body } = c;
  return { title, type, unitId, fieldId, sourceId, year, contactName, contactPhone, honours, status, returnReason, lead, body };
}
