import { callInputSchema, type Call, type CallInput } from '../../../shared/calls';
import type { Db } from '../db/connection';
import { listUnits } from '../repos/vocab';
import { UserError, nowIso } from '../util';
import { getCall } from './call-reads';

// The calls for submissions (征集): the record, the units asked, and the tracker of what each unit sent.
// Reading them is in call-reads.ts (no zod, for the command line's start); its functions are exported here too.
export { chaseText, computeTracker, getCall, getCallDetail, isLate, listCalls, listSubmissions, localDay } from './call-reads';

export function createCall(db: Db, input: CallInput): Call {
  const c = callInputSchema.parse(input);
  assertUnitsExist(db, c.units.map((u) => u.unitId));
  return db.transaction(() => {
    const now = nowIso();
    const info = db
      .prepare('INSERT INTO calls (title, kind, deadline, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.title, c.kind, c.deadline, c.note, now, now);
    const id = Number(info.lastInsertRowid);
    writeUnits(db, id, c.units);
    return getCall(db, id);
  })();
}

export function updateCall(db: Db, id: number, input: CallInput): Call {
  const c = callInputSchema.parse(input);
  assertUnitsExist(db, c.units.map((u) => u.unitId));
  return db.transaction(() => {
    getCall(db, id);
    db.prepare('UPDATE calls SET title = ?, kind = ?, deadline = ?, note = ?, updated_at = ? WHERE id = ?').run(c.title, c.kind, c.deadline, c.note, nowIso(), id);
    db.prepare('DELETE FROM call_units WHERE call_id = ?').run(id);
    writeUnits(db, id, c.units);
    return getCall(db, id);
  })();
}

/** Deleting a call keeps the cases it received (they are the units' work); only the call's records go. */
export function deleteCall(db: Db, id: number): void {
  getCall(db, id);
  db.prepare('DELETE FROM calls WHERE id = ?').run(id);
}

function assertUnitsExist(db: Db, ids: number[]): void {
  if (new Set(ids).size !== ids.length) throw new UserError('报送单位重复', 'invalid_input');
  const known = new Set(listUnits(db).map((u) => u.id));
  const missing = ids.filter((u) => !known.has(u));
  if (missing.length) throw new UserError(`报送单位不存在：${missing.join('、')}`, 'not_found');
}

function writeUnits(db: Db, callId: number, units: { unitId: number; expected: number }[]): void {
  const insert = db.prepare('INSERT INTO call_units (call_id, unit_id, expected) VALUES (?, ?, ?)');
  for (const u of units) insert.run(callId, u.unitId, u.expected);
}
