import type { BodyNode, SourceKind } from '../../../shared/domain';
import { experienceBatchLabel, parseExperienceBatch } from '../../../shared/register';
import { contentOf } from '../../../shared/case-content';
import type { Db } from '../db/connection';
import { getCase, updateCase } from '../repos/cases';
import { DEMO_EXPERIENCES } from '../../../seeds/experiences';
import { notFound, nowIso } from '../util';

// What the importer proposes for each case it reads: the catalogue entry the case copies and its 领域. Both
// are written on the case (so lists and statistics have them at once) and kept as proposals until the clerk
// confirms or changes them. Kept here, apart from the readers in ../import/, which call it in one place.

/** Words that mark a field in the seeds' cases (seed 000's six fields, seed 004's two). A custom field matches by its own name. */
const FIELD_WORDS: Record<string, string[]> = {
  政府职能转变: ['审批', '政务服务', '一网通办', '证照', '许可', '营商环境', '行政', '办事', '登记', '备案', '信用'],
  贸易转型升级: ['跨境电商', '外贸', '贸易', '进出口', '边民互市', '服务贸易', '加工'],
  金融开放创新: ['金融', '银行', '保险', '融资', '信贷', '结算', '贷款', '汇率', '外汇'],
  法律服务建设: ['法律', '仲裁', '调解', '司法', '公证', '律师', '法院', '诉讼'],
  知识产权保护: ['知识产权', '专利', '商标', '版权'],
  人才服务创新: ['人才', '引才', '就业', '职称', '社保', '培训'],
  投资自由化: ['投资', '外资', '准入', '负面清单', '招商'],
  贸易便利化: ['通关', '海关', '口岸', '查验', '检验检疫', '物流', '退税', '监管模式', '申报'],
};
/** Title words weigh more than body words; below this score nothing is proposed. */
const TITLE_WEIGHT = 3;
const MIN_SCORE = 3;

export interface CaseText {
  title: string;
  lead: string[];
  body: BodyNode[];
  source?: { name: string; kind: SourceKind } | null;
}

const flatten = (nodes: BodyNode[]): string => nodes.map((n) => [n.heading, n.text, ...n.paragraphs, flatten(n.items)].join('\n')).join('\n');
const occurrences = (text: string, word: string) => (word ? text.split(word).length - 1 : 0);

export function proposeField(db: Db, c: CaseText): { fieldId: number; name: string; score: number } | null {
  const fields = db.prepare('SELECT id, name FROM fields ORDER BY sort_order, id').all() as { id: number; name: string }[];
  const body = [...c.lead, flatten(c.body)].join('\n');
  let best: { fieldId: number; name: string; score: number } | null = null;
  for (const f of fields) {
    const words = FIELD_WORDS[f.name] ?? [f.name];
    const score = words.reduce((n, w) => n + TITLE_WEIGHT * occurrences(c.title, w) + occurrences(body, w), 0);
    if (score >= MIN_SCORE && (!best || score > best.score)) best = { fieldId: f.id, name: f.name, score };
  }
  return best;
}

/**
 * The catalogue entry a case copies: one named in its opening (an entry of the catalogue whose name the text
 * quotes), else the batch its opening names («第六批改革试点经验»), found or made under the batch's one spelling.
 */
export function proposeExperience(db: Db, c: CaseText): { experienceId: number; reason: string } | null {
  const opening = [c.title, ...c.lead, ...c.body.slice(0, 2).flatMap((n) => [n.text, ...n.paragraphs.slice(0, 2)])].join('');
  const named = (db.prepare(`SELECT id, name FROM source_experiences WHERE length(name) >= 4 ORDER BY length(name) DESC`).all() as { id: number; name: string }[]).find(
    (e) => opening.includes(e.name.replace(/^“|”$/gu, '')),
  );
  const batch = c.source ? parseExperienceBatch(c.source.name) : null;
  if (named) {
    // «按照自贸试验区第六批…改革试点经验中，…退货中心仓模式任务要求»: the text also tells the entry's batch.
    if (batch) db.prepare(`UPDATE source_experiences SET batch_no = ? WHERE id = ? AND batch_no IS NULL AND kind = ?`).run(batch.batchNo, named.id, batch.kind ?? c.source!.kind);
    return { experienceId: named.id, reason: `正文提到“${named.name}”` };
  }
  if (!c.source) return null;
  const kind = batch?.kind ?? c.source.kind;
  const name = batch && (kind === 'pilot' || kind === 'best_practice') ? experienceBatchLabel(kind, batch.batchNo) : c.source.name;
  const found = db.prepare('SELECT id FROM source_experiences WHERE name = ?').get(name) as { id: number } | undefined;
  const id =
    found?.id ??
    Number(
      db
        .prepare('INSERT INTO source_experiences (name, kind, origin, batch_no) VALUES (?, ?, ?, ?)')
        .run(name, kind, '', batch && (kind === 'pilot' || kind === 'best_practice') ? batch.batchNo : null).lastInsertRowid,
    );
  return { experienceId: id, reason: `正文提到“${name}”` };
}

export interface Proposal {
  experienceId: number | null;
  fieldId: number | null;
  reason: string;
  /** Keeps the proposal beside the case the importer just wrote; returns the case id. */
  record(caseId: number): number;
}

/** Both proposals for one parsed case; `record` keeps them once the case exists. */
export function proposeForCase(db: Db, c: CaseText): Proposal {
  const experience = proposeExperience(db, c);
  const field = proposeField(db, c);
  const reason = [experience?.reason, field ? `领域“${field.name}”（关键词 ${field.score} 处）` : null].filter(Boolean).join('；');
  return {
    experienceId: experience?.experienceId ?? null,
    fieldId: field?.fieldId ?? null,
    reason,
    record(caseId) {
      // What was written on the case (a 汇总表's 所属领域 wins over the proposed field) is what awaits confirmation.
      const written = db.prepare('SELECT source_id, field_id FROM cases WHERE id = ?').get(caseId) as { source_id: number | null; field_id: number | null };
      if (experience || field) {
        db.prepare(
          `INSERT INTO register_proposals (case_id, experience_id, field_id, reason, confirmed, created_at) VALUES (?, ?, ?, ?, 0, ?)
           ON CONFLICT(case_id) DO UPDATE SET experience_id = excluded.experience_id, field_id = excluded.field_id, reason = excluded.reason, confirmed = 0`,
        ).run(caseId, written.source_id, written.field_id, reason, nowIso());
      }
      return caseId;
    },
  };
}

export interface CaseProposal {
  caseId: number;
  title: string;
  experienceId: number | null;
  experienceName: string | null;
  fieldId: number | null;
  fieldName: string | null;
  reason: string;
}

/** The proposals still waiting for the clerk. */
export function pendingProposals(db: Db): CaseProposal[] {
  return db
    .prepare(
      `SELECT p.case_id AS caseId, c.title, c.source_id AS experienceId, e.name AS experienceName, c.field_id AS fieldId, f.name AS fieldName, p.reason
         FROM register_proposals p JOIN cases c ON c.id = p.case_id
         LEFT JOIN source_experiences e ON e.id = c.source_id LEFT JOIN fields f ON f.id = c.field_id
        WHERE p.confirmed = 0 AND c.deleted_at IS NULL ORDER BY p.case_id`,
    )
    .all() as CaseProposal[];
}

/**
 * Confirms what was proposed for cases; an id given corrects the case's link (null clears it), one left out
 * keeps what the case has now (the clerk may have changed it in the editor meanwhile).
 */
export function confirmProposals(db: Db, items: { caseId: number; experienceId?: number | null; fieldId?: number | null }[]): number {
  const pending = db.prepare('SELECT 1 FROM register_proposals WHERE case_id = ? AND confirmed = 0');
  const exists = (table: 'cases' | 'source_experiences' | 'fields', id: number) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  return db.transaction(() => {
    let n = 0;
    for (const it of items) {
      // an id that names nothing is refused (and the whole confirmation with it), never skipped in silence
      if (!exists('cases', it.caseId)) throw notFound('案例', it.caseId);
      if (it.experienceId != null && !exists('source_experiences', it.experienceId)) throw notFound('经验', it.experienceId);
      if (it.fieldId != null && !exists('fields', it.fieldId)) throw notFound('领域', it.fieldId);
      if (!pending.get(it.caseId)) continue; // already confirmed: confirming twice changes nothing
      if (it.experienceId !== undefined || it.fieldId !== undefined) {
        // a correction is a revision of the case like any other edit, so its history shows it and can undo it
        const c = getCase(db, it.caseId);
        updateCase(db, c.id, { ...contentOf(c), sourceId: it.experienceId === undefined ? c.sourceId : it.experienceId, fieldId: it.fieldId === undefined ? c.fieldId : it.fieldId }, { note: '确认经验来源与领域', fromRegister: true });
      }
      db.prepare(
        'UPDATE register_proposals SET experience_id = (SELECT source_id FROM cases WHERE id = ?), field_id = (SELECT field_id FROM cases WHERE id = ?), confirmed = 1 WHERE case_id = ?',
      ).run(it.caseId, it.caseId, it.caseId);
      n += 1;
    }
    return n;
  })();
}

/** The demo's catalogue (seed 003's experiences), before the demo circular so its cases can be linked to them. */
export function loadDemoExperiences(db: Db): void {
  const insert = db.prepare(`INSERT OR IGNORE INTO source_experiences (name, kind, origin, area, source_doc) VALUES (?, ?, ?, ?, ?)`);
  for (const e of DEMO_EXPERIENCES) insert.run(e.name, e.kind, e.origin, e.area, e.sourceDoc);
}
