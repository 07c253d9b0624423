// the constants and the catalogue's reads, not zod or the file readers: `replication report` starts light (issue 13)
import { LEDGER_MAX_CELLS, REPLICATION_STATUSES, REPLICATION_STATUS_LABELS, isValidDate, type ReplicationStatus } from '../../../shared/register-constants';
import type { Ledger, RateReport, ReplicationCell, ReplicationSet, UnitRate } from '../../../shared/register';
import type { Db } from '../db/connection';
import { listUnits } from '../repos/vocab';
import { UserError, localToday, nowIso } from '../util';
import { getExperience, listExperiences } from './catalogue-reads';

// The replication ledger (复制推广台账): per unit × experience, a status with its date. Every change is a new
// row, so the ledger and its rates can be read as they stood on any date.


function checkDate(date: string, what = '日期'): string {
  if (!isValidDate(date)) throw new UserError(`${what}“${date}”无效，应为 1990–2100 年间的 YYYY-MM-DD`, 'invalid_input');
  return date;
}

export function isReplicationStatus(s: string): s is ReplicationStatus {
  return (REPLICATION_STATUSES as readonly string[]).includes(s);
}

interface EventRow {
  unit_id: number;
  experience_id: number;
  status: ReplicationStatus;
  date: string;
  responsible: string;
  note: string;
  contact: string;
}
const toCell = (r: EventRow): ReplicationCell => ({
  unitId: r.unit_id,
  experienceId: r.experience_id,
  status: r.status,
  date: r.date,
  responsible: r.responsible,
  note: r.note,
  contact: r.contact,
});

/** Each cell as it stood at the end of `at`: its latest entry dated on or before that day. */
export function cellsAt(db: Db, at: string): ReplicationCell[] {
  const rows = db
    .prepare(
      `SELECT e.* FROM replication_events e
        WHERE e.id = (SELECT x.id FROM replication_events x
                       WHERE x.unit_id = e.unit_id AND x.experience_id = e.experience_id AND x.date <= ?
                       ORDER BY x.date DESC, x.id DESC LIMIT 1)
        ORDER BY e.unit_id, e.experience_id`,
    )
    .all(at) as EventRow[];
  return rows.map(toCell);
}

/**
 * Records statuses, all or none: a unit or experience that does not exist, or an unknown status, is an error
 * naming the cell. Fields left out (responsible, contact, note) carry over from the cell's previous entry.
 */
export function setReplications(db: Db, cells: ReplicationSet[], today = localToday()): number {
  if (cells.length > LEDGER_MAX_CELLS) throw new UserError(`一次最多录入 ${LEDGER_MAX_CELLS} 项`, 'invalid_input');
  const unitIds = new Set(listUnits(db).map((u) => u.id));
  const previous = db.prepare('SELECT * FROM replication_events WHERE unit_id = ? AND experience_id = ? ORDER BY date DESC, id DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO replication_events (unit_id, experience_id, status, date, responsible, note, contact, recorded_at) VALUES (?,?,?,?,?,?,?,?)',
  );
  return db.transaction(() => {
    cells.forEach((c, i) => {
      const where = cells.length > 1 ? `第${i + 1}项：` : '';
      if (!unitIds.has(c.unitId)) throw new UserError(`${where}提供单位不存在：${c.unitId}`, 'not_found');
      try {
        getExperience(db, c.experienceId);
      } catch {
        throw new UserError(`${where}经验不存在：${c.experienceId}`, 'not_found');
      }
      if (!isReplicationStatus(c.status)) {
        throw new UserError(`${where}状态“${String(c.status)}”无效，应为 ${REPLICATION_STATUSES.map((s) => `${s}（${REPLICATION_STATUS_LABELS[s]}）`).join('、')}`, 'invalid_input');
      }
      const date = checkDate(c.date ?? today);
      const before = previous.get(c.unitId, c.experienceId) as EventRow | undefined;
      insert.run(c.unitId, c.experienceId, c.status, date, c.responsible ?? before?.responsible ?? '', c.note ?? before?.note ?? '', c.contact ?? before?.contact ?? '', nowIso());
    });
    return cells.length;
  })();
}

/**
 * 复制推广率 at the end of `at`: per unit, the experiences that apply (those published by that year, less the
 * ones marked 不适用) and how many are 已复制. Units appear once they have any entry by that date.
 */
export function rateReport(db: Db, options: { at?: string; unitId?: number } = {}): RateReport {
  const at = checkDate(options.at ?? localToday());
  const year = Number(at.slice(0, 4));
  const experiences = listExperiences(db).filter((e) => e.year === null || e.year <= year);
  const applicableIds = new Set(experiences.map((e) => e.id));
  const cells = cellsAt(db, at).filter((c) => applicableIds.has(c.experienceId));
  const units = listUnits(db);
  if (options.unitId !== undefined && !units.some((u) => u.id === options.unitId)) throw new UserError(`提供单位不存在：${options.unitId}`, 'not_found');
  const inLedger = new Set(
    (db.prepare('SELECT DISTINCT unit_id FROM replication_events WHERE date <= ?').all(at) as { unit_id: number }[]).map((r) => r.unit_id),
  );
  const rows: UnitRate[] = units
    .filter((u) => (options.unitId !== undefined ? u.id === options.unitId : inLedger.has(u.id)))
    .map((u) => {
      const mine = cells.filter((c) => c.unitId === u.id);
      const count = (s: ReplicationStatus) => mine.filter((c) => c.status === s).length;
      const notApplicable = count('not_applicable');
      const applicable = experiences.length - notApplicable;
      const copied = count('copied');
      return { unitId: u.id, unitName: u.name, applicable, copied, inProgress: count('in_progress'), notApplicable, rate: applicable > 0 ? copied / applicable : null };
    });
  const sum = (k: 'applicable' | 'copied' | 'inProgress' | 'notApplicable') => rows.reduce((n, r) => n + r[k], 0);
  const applicable = sum('applicable');
  return {
    at,
    experiences: experiences.length,
    units: rows,
    total: { applicable, copied: sum('copied'), inProgress: sum('inProgress'), notApplicable: sum('notApplicable'), rate: applicable > 0 ? sum('copied') / applicable : null },
  };
}

/** The grid: every unit (official order) × every experience, the cells as they stood at `at`, and the rates. */
export function ledgerAt(db: Db, at = localToday()): Ledger {
  checkDate(at);
  return {
    at,
    units: listUnits(db).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    experiences: listExperiences(db),
    cells: cellsAt(db, at),
    rates: rateReport(db, { at }),
  };
}
