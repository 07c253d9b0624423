import type { Criterion, RankingRow, Reviewer, Score, Submission } from '../../../shared/calls';
import type { Db } from '../db/connection';
import { UserError } from '../util';

// 评选: reviewers score each submission on weighted criteria (0–100 each). A reviewer's score of a case is
// the weighted mean of the criteria they scored; the case's total is the mean over the reviewers who scored
// it. Ranks are standard competition ranks (1, 2, 2, 4): equal totals share a place.

export interface Panel {
  reviewers: Reviewer[];
  criteria: Criterion[];
  scores: Score[];
}

export function loadPanel(db: Db, callId: number): Panel {
  const reviewers = db.prepare('SELECT id, name FROM call_reviewers WHERE call_id = ? ORDER BY sort_order, id').all(callId) as Reviewer[];
  const criteria = db.prepare('SELECT id, name, weight FROM call_criteria WHERE call_id = ? ORDER BY sort_order, id').all(callId) as Criterion[];
  const scores = (
    db
      .prepare(
        `SELECT sc.submission_id, sc.reviewer_id, sc.criterion_id, sc.score FROM call_scores sc
         JOIN call_submissions s ON s.id = sc.submission_id WHERE s.call_id = ?`,
      )
      .all(callId) as { submission_id: number; reviewer_id: number; criterion_id: number; score: number }[]
  ).map((r) => ({ submissionId: r.submission_id, reviewerId: r.reviewer_id, criterionId: r.criterion_id, score: r.score }));
  return { reviewers, criteria, scores };
}

export interface PanelInput {
  reviewers: { id?: number; name: string }[];
  criteria: { id?: number; name: string; weight: number }[];
}

/** Replaces the call's reviewers and criteria; those left out go with their scores, those kept keep theirs. */
export function setPanel(db: Db, callId: number, input: PanelInput): Panel {
  const names = (list: { name: string }[], what: string) => {
    const seen = new Set<string>();
    for (const { name } of list) {
      if (seen.has(name)) throw new UserError(`${what}“${name}”重复`, 'invalid_input');
      seen.add(name);
    }
  };
  names(input.reviewers, '评审人');
  names(input.criteria, '评分项');
  db.transaction(() => {
    syncList(db, 'call_reviewers', callId, input.reviewers, (r) => [r.name], ['name']);
    syncList(db, 'call_criteria', callId, input.criteria, (c) => [c.name, c.weight], ['name', 'weight']);
  })();
  return loadPanel(db, callId);
}

function syncList<T extends { id?: number }>(db: Db, table: 'call_reviewers' | 'call_criteria', callId: number, list: T[], values: (t: T) => unknown[], cols: string[]): void {
  const existing = new Set((db.prepare(`SELECT id FROM ${table} WHERE call_id = ?`).all(callId) as { id: number }[]).map((r) => r.id));
  for (const t of list) if (t.id !== undefined && !existing.has(t.id)) throw new UserError(`${table === 'call_reviewers' ? '评审人' : '评分项'}不属于本次征集：${t.id}`, 'not_found');
  const keep = new Set(list.map((t) => t.id).filter((x): x is number => x !== undefined));
  for (const id of existing) if (!keep.has(id)) db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  // Names are unique per call: park the kept rows' names first so a swap of two names does not collide.
  for (const id of keep) db.prepare(`UPDATE ${table} SET name = char(1) || id WHERE id = ?`).run(id);
  list.forEach((t, i) => {
    const v = values(t);
    if (t.id !== undefined) db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')}, sort_order = ? WHERE id = ?`).run(...v, (i + 1) * 10, t.id);
    else db.prepare(`INSERT INTO ${table} (call_id, ${cols.join(', ')}, sort_order) VALUES (?, ${cols.map(() => '?').join(', ')}, ?)`).run(callId, ...v, (i + 1) * 10);
  });
}

/** Enters or clears scores (null clears); every reference must belong to the call. */
export function setScores(db: Db, callId: number, scores: { submissionId: number; reviewerId: number; criterionId: number; score: number | null }[]): Panel {
  const ids = (sql: string) => new Set((db.prepare(sql).all(callId) as { id: number }[]).map((r) => r.id));
  const subs = ids('SELECT id FROM call_submissions WHERE call_id = ? AND case_id IS NOT NULL');
  const revs = ids('SELECT id FROM call_reviewers WHERE call_id = ?');
  const crits = ids('SELECT id FROM call_criteria WHERE call_id = ?');
  for (const s of scores) {
    if (!subs.has(s.submissionId)) throw new UserError(`报送材料不属于本次征集或尚未确认单位：${s.submissionId}`, 'not_found');
    if (!revs.has(s.reviewerId)) throw new UserError(`评审人不属于本次征集：${s.reviewerId}`, 'not_found');
    if (!crits.has(s.criterionId)) throw new UserError(`评分项不属于本次征集：${s.criterionId}`, 'not_found');
  }
  const upsert = db.prepare(
    `INSERT INTO call_scores (submission_id, reviewer_id, criterion_id, score) VALUES (?, ?, ?, ?)
     ON CONFLICT (submission_id, reviewer_id, criterion_id) DO UPDATE SET score = excluded.score`,
  );
  const clear = db.prepare('DELETE FROM call_scores WHERE submission_id = ? AND reviewer_id = ? AND criterion_id = ?');
  db.transaction(() => {
    for (const s of scores) {
      if (s.score === null) clear.run(s.submissionId, s.reviewerId, s.criterionId);
      else upsert.run(s.submissionId, s.reviewerId, s.criterionId, s.score);
    }
  })();
  return loadPanel(db, callId);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Totals and ranks of the submissions that can be scored (unit confirmed, not returned), best first. */
export function rankSubmissions(submissions: Submission[], panel: Panel): RankingRow[] {
  const weight = new Map(panel.criteria.map((c) => [c.id, c.weight]));
  const byKey = new Map(panel.scores.map((s) => [`${s.submissionId}:${s.reviewerId}:${s.criterionId}`, s.score]));
  const rows = submissions
    .filter((s) => s.caseId !== null && s.state !== 'returned')
    .map((s, order) => {
      let entered = 0;
      const byReviewer = panel.reviewers.map((r) => {
        let sum = 0;
        let w = 0;
        for (const c of panel.criteria) {
          const v = byKey.get(`${s.id}:${r.id}:${c.id}`);
          if (v === undefined) continue;
          entered += 1;
          sum += v * weight.get(c.id)!;
          w += weight.get(c.id)!;
        }
        return { reviewerId: r.id, score: w > 0 ? round2(sum / w) : null };
      });
      const scored = byReviewer.map((b) => b.score).filter((x): x is number => x !== null);
      const total = scored.length ? round2(scored.reduce((a, b) => a + b, 0) / scored.length) : null;
      return {
        row: {
          submissionId: s.id,
          caseId: s.caseId,
          title: s.title,
          unitName: s.unitName,
          total,
          byReviewer,
          scoresEntered: entered,
          scoresExpected: panel.reviewers.length * panel.criteria.length,
          rank: null as number | null,
          selected: s.selected,
        },
        order,
      };
    });
  // Scored first, by total; ties and the unscored keep the submissions' order (the units' official order).
  rows.sort((a, b) => (b.row.total ?? -1) - (a.row.total ?? -1) || a.order - b.order);
  rows.forEach((r, i) => {
    if (r.row.total === null) return;
    const prev = rows[i - 1]?.row;
    r.row.rank = prev && prev.total === r.row.total ? prev.rank : i + 1;
  });
  return rows.map((r) => r.row);
}

export function setSelected(db: Db, callId: number, submissionIds: number[], selected: boolean): void {
  const own = new Set((db.prepare('SELECT id FROM call_submissions WHERE call_id = ? AND case_id IS NOT NULL').all(callId) as { id: number }[]).map((r) => r.id));
  const foreign = submissionIds.filter((id) => !own.has(id));
  if (foreign.length) throw new UserError(`报送材料不属于本次征集或尚未确认单位：${foreign.join('、')}`, 'not_found');
  const update = db.prepare('UPDATE call_submissions SET selected = ? WHERE id = ?');
  db.transaction(() => submissionIds.forEach((id) => update.run(selected ? 1 : 0, id)))();
}
