import type { Finding } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { checkCase } from '../proofread/check';
import { getCase } from '../repos/case-reads';
import { getSettings } from '../repos/settings';

// The 初审 of a call's submissions. Apart from receive.ts (the file readers: xmldom, fflate, pdf.js) so that the
// command line's `calls show` loads the proofreader only (issue 13); receive.ts re-exports these.

/** 初审: the proofreader's findings on every submission of a call that has its case. */
export function firstCheck(db: Db, callId: number): Map<number, Finding[]> {
  const settings = getSettings(db);
  const rows = db.prepare('SELECT id, case_id FROM call_submissions WHERE call_id = ? AND case_id IS NOT NULL').all(callId) as { id: number; case_id: number }[];
  const out = new Map<number, Finding[]>();
  for (const r of rows) {
    const c = getCase(db, r.case_id);
    out.set(r.id, checkCase({ ...c, unitName: c.unitName }, { caseId: c.id, caseSeq: null }, settings));
  }
  return out;
}

export function findingCounts(all: Map<number, Finding[]>): Map<number, { errors: number; warnings: number }> {
  return new Map([...all].map(([id, list]) => [id, { errors: list.filter((f) => f.severity === 'error').length, warnings: list.filter((f) => f.severity === 'warning').length }]));
}
