import { HONOURS, type Honour } from '../../../shared/domain-constants';
import { CASE_LEVEL_RANK, type CaseLevel } from '../../../shared/register-constants';
import type { Db } from '../db/connection';

// Every case's current level, for the cross-tables and the figures. Apart from levels.ts (which validates the
// steps it writes with the zod schemas and writes the honours as revisions) so that the command line's
// `stats --rows … --cols …` starts without loading zod (issue 13); levels.ts re-exports these.

export function parseHonours(text: string): Honour[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v.filter((h) => (HONOURS as readonly unknown[]).includes(h)) as Honour[]) : [];
  } catch {
    return [];
  }
}

/** The highest level reached by the end of `at` (undated steps count always); on a tie the later step. */
export function pickLevel(events: { level: CaseLevel; date: string | null }[], at: string | null = null): CaseLevel | null {
  let best: { level: CaseLevel; date: string | null } | null = null;
  for (const e of events) {
    if (at !== null && e.date !== null && e.date > at) continue;
    if (!best || CASE_LEVEL_RANK[e.level] > CASE_LEVEL_RANK[best.level] || (CASE_LEVEL_RANK[e.level] === CASE_LEVEL_RANK[best.level] && (e.date ?? '') >= (best.date ?? ''))) best = e;
  }
  return best?.level ?? null;
}

/** Every case's current level at `at` (cases with no step are absent). */
export function currentLevels(db: Db, at: string | null = null): Map<number, CaseLevel> {
  const byCase = new Map<number, { level: CaseLevel; date: string | null }[]>();
  const add = (caseId: number, e: { level: CaseLevel; date: string | null }) => byCase.set(caseId, [...(byCase.get(caseId) ?? []), e]);
  for (const r of db.prepare('SELECT case_id, level, date FROM case_levels ORDER BY id').all() as { case_id: number; level: CaseLevel; date: string | null }[]) add(r.case_id, r);
  // An honour ticked in the editor with no step behind it still counts (undated).
  for (const r of db.prepare(`SELECT id, honours FROM cases WHERE honours NOT IN ('', '[]')`).all() as { id: number; honours: string }[]) {
    for (const h of parseHonours(r.honours)) if (!(byCase.get(r.id) ?? []).some((e) => e.level === h)) add(r.id, { level: h, date: null });
  }
  const out = new Map<number, CaseLevel>();
  for (const [caseId, events] of byCase) {
    const level = pickLevel(events, at);
    if (level) out.set(caseId, level);
  }
  return out;
}
