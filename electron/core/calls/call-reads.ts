import type { Call, CallDetail, Submission, Tracker, TrackerRow } from '../../../shared/calls';
import type { CaseStatus } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { notFound, nowIso, parseJson } from '../util';
import { loadPanel, rankSubmissions } from './scoring';

// Reading calls: the list, one call with its submissions, the tracker and the 催报 text. Apart from calls.ts
// (which validates what it writes with the zod schemas) so that the command line's `calls list` and `calls show`
// start without loading zod (issue 13); calls.ts re-exports these.

interface CallDbRow {
  id: number;
  title: string;
  kind: Call['kind'];
  deadline: string;
  note: string;
  batch_id: number | null;
  created_at: string;
}

interface SubmissionDbRow {
  id: number;
  call_id: number;
  case_id: number | null;
  unit_id: number | null;
  unit_name: string | null;
  unit_from: Submission['unitFrom'];
  unit_candidates: string;
  title: string;
  file_name: string;
  size: number;
  received_at: string;
  resubmissions: number;
  selected: number;
  case_status: CaseStatus | null;
  return_reason: string | null;
  deadline: string;
}

/** The receiving day in the clerk's own time zone: a file that arrives at 23:30 on the deadline is on time. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const isLate = (receivedAt: string, deadline: string) => localDay(receivedAt) > deadline;

const CALL_SUMMARY = `
  SELECT c.*,
    (SELECT COUNT(*) FROM call_units cu WHERE cu.call_id = c.id) AS unit_count,
    (SELECT COALESCE(SUM(expected), 0) FROM call_units cu WHERE cu.call_id = c.id) AS expected,
    (SELECT COUNT(*) FROM call_submissions s WHERE s.call_id = c.id) AS received
  FROM calls c`;

type CallSummaryRow = CallDbRow & { unit_count: number; expected: number; received: number };

const toCall = (r: CallSummaryRow): Call => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  deadline: r.deadline,
  note: r.note,
  batchId: r.batch_id,
  createdAt: r.created_at,
  unitCount: r.unit_count,
  expected: r.expected,
  received: r.received,
});

export function listCalls(db: Db): Call[] {
  return (db.prepare(`${CALL_SUMMARY} ORDER BY c.deadline DESC, c.id DESC`).all() as CallSummaryRow[]).map(toCall);
}

export function getCall(db: Db, id: number): Call {
  const row = db.prepare(`${CALL_SUMMARY} WHERE c.id = ?`).get(id) as CallSummaryRow | undefined;
  if (!row) throw notFound('征集', id);
  return toCall(row);
}

export function listSubmissions(db: Db, callId: number, findings: Map<number, { errors: number; warnings: number }> = new Map()): Submission[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.call_id, s.case_id, s.unit_id, u.name AS unit_name, s.unit_from, s.unit_candidates, s.title,
         s.file_name, length(s.file_bytes) AS size, s.received_at, s.resubmissions, s.selected,
         c.status AS case_status, c.return_reason, k.deadline
       FROM call_submissions s
       JOIN calls k ON k.id = s.call_id
       LEFT JOIN units u ON u.id = s.unit_id
       LEFT JOIN cases c ON c.id = s.case_id
       WHERE s.call_id = ?
       ORDER BY COALESCE(u.sort_order, 1e9), s.received_at, s.id`,
    )
    .all(callId) as SubmissionDbRow[];
  return rows.map((r) => ({
    id: r.id,
    callId: r.call_id,
    caseId: r.case_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitFrom: r.unit_from,
    unitCandidates: parseJson<string[]>(r.unit_candidates, []),
    title: r.title,
    fileName: r.file_name,
    fileBytes: r.size,
    receivedAt: r.received_at,
    late: isLate(r.received_at, r.deadline),
    state: r.case_id === null ? 'pending_unit' : r.case_status === 'returned' ? 'returned' : 'received',
    caseStatus: r.case_status,
    returnReason: r.return_reason ?? '',
    resubmissions: r.resubmissions,
    selected: r.selected === 1,
    findings: findings.get(r.id) ?? { errors: 0, warnings: 0 },
  }));
}

/**
 * Per unit asked (and any other unit that sent something): expected, received, returned, late, missing.
 * A returned submission still counts as received: the unit did send it, and owes a revision, not a first file.
 */
export function computeTracker(db: Db, call: Call, submissions: Submission[], today = localDay(nowIso())): Tracker {
  const asked = db
    .prepare('SELECT cu.unit_id, cu.expected, u.name FROM call_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.call_id = ? ORDER BY u.sort_order, u.id')
    .all(call.id) as { unit_id: number; expected: number; name: string }[];
  const rows = new Map<number, TrackerRow>();
  for (const a of asked) rows.set(a.unit_id, { unitId: a.unit_id, unitName: a.name, expected: a.expected, received: 0, returned: 0, late: 0, missing: 0 });
  for (const s of submissions) {
    if (s.unitId === null) continue;
    const row = rows.get(s.unitId) ?? { unitId: s.unitId, unitName: s.unitName ?? '', expected: 0, received: 0, returned: 0, late: 0, missing: 0 };
    row.received += 1;
    if (s.state === 'returned') row.returned += 1;
    if (s.late) row.late += 1;
    rows.set(s.unitId, row);
  }
  const list = [...rows.values()].map((r) => ({ ...r, missing: Math.max(0, r.expected - r.received) }));
  const sum = (k: 'expected' | 'received' | 'returned' | 'late' | 'missing') => list.reduce((n, r) => n + r[k], 0);
  return {
    rows: list,
    totals: { expected: sum('expected'), received: sum('received'), returned: sum('returned'), late: sum('late'), missing: sum('missing') },
    chase: list.filter((r) => r.expected > 0 && r.received === 0).map((r) => ({ unitId: r.unitId, unitName: r.unitName })),
    overdue: today > call.deadline,
    pendingUnit: submissions.filter((s) => s.unitId === null).length,
  };
}

export function getCallDetail(db: Db, id: number, findings?: Map<number, { errors: number; warnings: number }>): CallDetail {
  const call = getCall(db, id);
  const units = db
    .prepare('SELECT cu.unit_id, cu.expected, u.name FROM call_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.call_id = ? ORDER BY u.sort_order, u.id')
    .all(id) as { unit_id: number; expected: number; name: string }[];
  const submissions = listSubmissions(db, id, findings);
  const panel = loadPanel(db, id);
  return {
    ...call,
    units: units.map((u) => ({ unitId: u.unit_id, expected: u.expected, unitName: u.name })),
    submissions,
    tracker: computeTracker(db, call, submissions),
    ...panel,
    ranking: rankSubmissions(submissions, panel),
  };
}

/** The 催报 list as text a clerk can paste into a message. */
export function chaseText(call: Call, tracker: Tracker): string {
  if (tracker.chase.length === 0) return `“${call.title}”：各单位均已报送。`;
  const names = tracker.chase.map((c) => c.unitName).join('、');
  return tracker.overdue
    ? `“${call.title}”报送截止日期（${call.deadline}）已过，以下单位尚未报送：${names}。请尽快报送。`
    : `“${call.title}”报送截止日期为${call.deadline}，以下单位尚未报送：${names}。`;
}
