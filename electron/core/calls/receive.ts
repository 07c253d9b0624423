import { createHash } from 'node:crypto';
import { contentOf } from '../../../shared/case-content';
import { SUBMISSION_MAX_BYTES, type ReceiveResult } from '../../../shared/calls';
import type { CaseContent, Finding, Unit } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { readFileText } from '../import/file-text';
import { parseCircular, type ParsedCase } from '../import/parse-circular';
import { titleKey } from '../import/text';
import { getCase, insertCase, updateCase } from '../repos/cases';
import { listUnits } from '../repos/vocab';
import { UserError, notFound, nowIso, parseJson } from '../util';
import { getCall } from './calls';
import { unitFromFileName, unitFromText } from './unit-match';

// Receiving the files units send for a call: each case in a file becomes a draft case (已报送) tied to the call,
// with the original bytes kept. A file that cannot be read, or is not a case, is refused with the reason and
// the rest of the drop goes on. A unit is taken from the «（XX提供）» line or the file name only when certain;
// otherwise the submission waits for the clerk's choice and no case is made yet.
// The 初审 is in first-check.ts (without the file readers, for the command line's `calls show`); exported here too.
export { findingCounts, firstCheck } from './first-check';

/** Stands in for a missing «（XX提供）» line so that the case parser finds the case all the same. */
const NO_UNIT = '\u2063待确认单位\u2063';

export interface IncomingFile {
  fileName: string;
  bytes: Uint8Array;
  /** Why the file could not even be read (missing, no permission): it is refused with this. */
  unreadable?: string;
}

export async function receiveFiles(db: Db, callId: number, files: IncomingFile[], now: () => string = nowIso): Promise<ReceiveResult[]> {
  getCall(db, callId);
  const results: ReceiveResult[] = [];
  for (const f of files) {
    try {
      if (f.unreadable) throw new UserError(f.unreadable, 'bad_input');
      results.push(...(await receiveOne(db, callId, f, now())));
    } catch (err) {
      // One bad file never stops the others; what it was refused for is said against its name.
      const message = err instanceof UserError ? err.message : `无法读取：${err instanceof Error ? err.message : String(err)}`;
      results.push({ fileName: f.fileName, outcome: 'refused', message, submissionId: null, caseId: null });
    }
  }
  return results;
}

async function readCases(file: IncomingFile): Promise<ParsedCase[]> {
  if (file.bytes.length > SUBMISSION_MAX_BYTES) {
    throw new UserError(`文件过大（${Math.round(file.bytes.length / 1048576)} MB），报送材料不能超过 ${SUBMISSION_MAX_BYTES / 1048576} MB`, 'too_large');
  }
  if (!/\.(docx|txt|md|markdown|doc|wps|pdf)$/iu.test(file.fileName)) {
    throw new UserError(`不是案例文件（${file.fileName.replace(/^.*\./u, '.') || '无扩展名'}）：请报送 Word（.docx/.doc）、WPS（.wps）、PDF 或文本 .txt/.md`, 'bad_input');
  }
  // Word paragraphs are kept as the unit wrote them (never rejoined like wrapped PDF lines)
  const { text, exactParagraphs } = await readFileText(file.bytes, file.fileName);
  let parsed = parseCircular(text, { exactParagraphs });
  if (parsed.header?.docNumber) throw new UserError('这是一份带发文字号的通知，不是报送的案例；请在“导入与检查”中导入', 'bad_input');
  if (parsed.cases.length === 0) {
    // A case file without its «（XX提供）» line: the first line is the title, the unit comes from elsewhere.
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    if (first < 0) throw new UserError('文件没有文字内容', 'bad_input');
    lines.splice(first + 1, 0, `（${NO_UNIT}提供）`);
    parsed = parseCircular(lines.join('\n'), { exactParagraphs });
  }
  const cases = parsed.cases.filter((c) => c.title.trim() !== '');
  if (cases.length === 0 || cases.every((c) => c.lead.length === 0 && c.body.length === 0)) {
    throw new UserError('没有找到案例正文：需要案例名称，以及“一、……”等部分', 'bad_input');
  }
  return cases;
}

async function receiveOne(db: Db, callId: number, file: IncomingFile, receivedAt: string): Promise<ReceiveResult[]> {
  const cases = await readCases(file);
  const call = getCall(db, callId);
  const sha = createHash('sha256').update(file.bytes).digest('hex');
  const units = listUnits(db);
  const asked = new Set((db.prepare('SELECT unit_id FROM call_units WHERE call_id = ?').all(callId) as { unit_id: number }[]).map((r) => r.unit_id));
  const byFile = unitFromFileName(file.fileName, units, asked);

  return db.transaction(() =>
    cases.map((c, part): ReceiveResult => {
      const base = { fileName: cases.length > 1 ? `${file.fileName}（第${part + 1}个案例）` : file.fileName };
      const same = db.prepare('SELECT title FROM call_submissions WHERE call_id = ? AND file_sha256 = ? AND part = ?').get(callId, sha, part) as { title: string } | undefined;
      if (same) return { ...base, outcome: 'duplicate', message: `与已收到的“${same.title}”是同一文件，未重复接收`, submissionId: null, caseId: null };

      const named = c.unitName.replace(new RegExp(NO_UNIT, 'gu'), '');
      const byText = named ? unitFromText(named, units, asked) : null;
      const match = byText?.unit ? { unit: byText.unit, from: 'text' as const } : byFile.unit ? { unit: byFile.unit, from: 'file_name' as const } : null;
      const candidates = uniqueNames([...(byText?.candidates ?? []), ...byFile.candidates]);
      const key = titleKey(c.title);

      if (match) {
        const earlier = db
          .prepare(
            `SELECT s.id, s.case_id, c.status FROM call_submissions s JOIN cases c ON c.id = s.case_id
             WHERE s.call_id = ? AND s.unit_id = ? AND s.title_key = ? ORDER BY s.id DESC LIMIT 1`,
          )
          .get(callId, match.unit.id, key) as { id: number; case_id: number; status: string } | undefined;
        if (earlier && earlier.status === 'returned') return resubmit(db, earlier.id, earlier.case_id, c, file, sha, part, receivedAt, base.fileName);
        if (earlier) return { ...base, outcome: 'duplicate', message: `${match.unit.name}已报送同名案例“${c.title}”，未重复接收`, submissionId: earlier.id, caseId: earlier.case_id };
      }

      const caseId = match ? insertCase(db, caseContent(db, c, match.unit.id, call.kind, call.deadline), `报送：${file.fileName}（${call.title}）`) : null;
      const info = db
        .prepare(
          `INSERT INTO call_submissions (call_id, case_id, unit_id, unit_from, unit_candidates, title, title_key, parsed, file_name,
             file_sha256, part, file_bytes, received_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          callId,
          caseId,
          match?.unit.id ?? null,
          match?.from ?? 'none',
          JSON.stringify(match ? [] : candidates),
          c.title,
          key,
          match ? null : JSON.stringify(c),
          file.fileName,
          sha,
          part,
          Buffer.from(file.bytes),
          receivedAt,
        );
      const submissionId = Number(info.lastInsertRowid);
      if (!match) {
        const hint = candidates.length ? `可能是：${candidates.join('、')}` : '文件中没有“（××提供）”行，文件名也未写明单位';
        return { ...base, outcome: 'pending_unit', message: `未能确定报送单位（${hint}），请选择`, submissionId, caseId: null };
      }
      const outside = asked.has(match.unit.id) ? '' : '（该单位不在本次征集名单中）';
      const via = match.from === 'text' ? '按“提供”行' : '按文件名';
      return { ...base, outcome: 'received', message: `已收到：${match.unit.name}“${c.title}”（${via}识别单位）${outside}`, submissionId, caseId };
    }),
  )();
}

function uniqueNames(units: Unit[]): string[] {
  return [...new Set(units.map((u) => u.name))];
}

function caseContent(db: Db, c: ParsedCase, unitId: number, kind: CaseContent['type'], deadline: string): CaseContent {
  const source = c.source ? (db.prepare('SELECT id FROM source_experiences WHERE name = ?').get(c.source.name) as { id: number } | undefined) : undefined;
  return {
    title: c.title,
    type: kind,
    unitId,
    fieldId: null,
    sourceId: source?.id ?? null,
    year: Number(deadline.slice(0, 4)),
    contactName: '',
    contactPhone: '',
    honours: [],
    status: 'submitted',
    returnReason: '',
    lead: c.lead,
    body: c.body,
  };
}

/** A unit's revised file for a returned case replaces the draft as a new revision; the history keeps both. */
function resubmit(db: Db, submissionId: number, caseId: number, c: ParsedCase, file: IncomingFile, sha: string, part: number, receivedAt: string, label: string): ReceiveResult {
  const current = getCase(db, caseId);
  updateCase(db, caseId, { ...contentOf(current), title: c.title, lead: c.lead, body: c.body, status: 'submitted', returnReason: '' }, { note: `重新报送：${file.fileName}` });
  db.prepare(
    `UPDATE call_submissions SET file_name = ?, file_sha256 = ?, part = ?, file_bytes = ?, received_at = ?, resubmissions = resubmissions + 1, title = ?
     WHERE id = ?`,
  ).run(file.fileName, sha, part, Buffer.from(file.bytes), receivedAt, c.title, submissionId);
  return { fileName: label, outcome: 'resubmitted', message: `已收到修改稿，替换退回的“${c.title}”（保存为新版本）`, submissionId, caseId };
}

interface PendingRow {
  call_id: number;
  case_id: number | null;
  parsed: string | null;
  file_name: string;
  title_key: string;
}

/** The clerk names the unit of a submission that was not recognised; its draft case is made now. */
export function assignUnit(db: Db, submissionId: number, unitId: number): ReceiveResult {
  const row = db.prepare('SELECT call_id, case_id, parsed, file_name, title_key FROM call_submissions WHERE id = ?').get(submissionId) as PendingRow | undefined;
  if (!row) throw notFound('报送材料', submissionId);
  if (row.case_id !== null || !row.parsed) throw new UserError('该报送材料的单位已确定', 'conflict');
  const unit = listUnits(db).find((u) => u.id === unitId);
  if (!unit) throw notFound('单位', unitId);
  const call = getCall(db, row.call_id);
  const c = parseJson<ParsedCase>(row.parsed, null as never);
  return db.transaction(() => {
    const twin = db
      .prepare('SELECT id FROM call_submissions WHERE call_id = ? AND unit_id = ? AND title_key = ? AND id <> ?')
      .get(row.call_id, unitId, row.title_key, submissionId) as { id: number } | undefined;
    if (twin) throw new UserError(`${unit.name}已报送同名案例“${c.title}”`, 'conflict');
    const caseId = insertCase(db, caseContent(db, c, unitId, call.kind, call.deadline), `报送：${row.file_name}（${call.title}）`);
    db.prepare("UPDATE call_submissions SET case_id = ?, unit_id = ?, unit_from = 'clerk', unit_candidates = '[]', parsed = NULL WHERE id = ?").run(caseId, unitId, submissionId);
    return { fileName: row.file_name, outcome: 'received' as const, message: `已确认为${unit.name}报送`, submissionId, caseId };
  })();
}

function submissionCase(db: Db, submissionId: number): { callId: number; caseId: number } {
  const row = db.prepare('SELECT call_id, case_id FROM call_submissions WHERE id = ?').get(submissionId) as { call_id: number; case_id: number | null } | undefined;
  if (!row) throw notFound('报送材料', submissionId);
  if (row.case_id === null) throw new UserError('请先确认该报送材料的单位', 'conflict');
  return { callId: row.call_id, caseId: row.case_id };
}

/** Returns a submission for revision: the case's status and history keep the reason. */
export function returnSubmission(db: Db, submissionId: number, reason: string): void {
  const { caseId } = submissionCase(db, submissionId);
  const current = getCase(db, caseId);
  updateCase(db, caseId, { ...contentOf(current), status: 'returned', returnReason: reason }, { note: `退回：${reason}` });
  db.prepare('UPDATE call_submissions SET selected = 0 WHERE id = ?').run(submissionId);
}

/** The original file a unit sent, byte for byte. */
export function originalFile(db: Db, submissionId: number): { fileName: string; bytes: Buffer } {
  const row = db.prepare('SELECT file_name, file_bytes FROM call_submissions WHERE id = ?').get(submissionId) as { file_name: string; file_bytes: Buffer } | undefined;
  if (!row) throw notFound('报送材料', submissionId);
  return { fileName: row.file_name, bytes: row.file_bytes };
}
