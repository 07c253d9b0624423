import type { CaseContent } from '../../shared/domain';

/** A draft case as the editor sends it: every field at its empty value; each test gives what it is about. */
export function draftCase(patch: Partial<CaseContent> = {}): CaseContent {
  return {
    title: '“测试事项”复制推广典型案例',
    type: 'replication',
    unitId: 1,
    fieldId: null,
    sourceId: null,
    year: 2024,
    contactName: '',
    contactPhone: '',
    honours: [],
    status: 'draft',
    returnReason: '',
    lead: [],
    body: [],
    ...patch,
  };
}
