import type { Db } from '../db/connection';
import { chaseText, createCall, deleteCall, getCallDetail, listCalls, updateCall } from '../calls/calls';
import { assignUnit, findingCounts, firstCheck, receiveFiles, returnSubmission } from '../calls/receive';
import { setPanel, setScores, setSelected } from '../calls/scoring';
import { batchFromCall, honourSubmissions } from '../calls/selection';
import { UserError } from '../util';
import type { HandlerTable } from './dispatch';

type CallNames = Extract<keyof HandlerTable, `calls.${string}`>;

/** The call is read with the first check's counts on each submission, as every page of it shows them. */
const detail = (db: Db, id: number) => getCallDetail(db, id, findingCounts(firstCheck(db, id)));

export function callHandlers(db: Db): Pick<HandlerTable, CallNames> {
  return {
    'calls.list': () => listCalls(db),
    'calls.get': ({ id }) => detail(db, id),
    'calls.create': (input) => createCall(db, input),
    'calls.update': ({ id, ...input }) => updateCall(db, id, input),
    'calls.delete': ({ id }) => (deleteCall(db, id), { ok: true as const }),
    'calls.receive': ({ id, files }) => receiveFiles(db, id, files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64') }))),
    'calls.assignUnit': ({ submissionId, unitId }) => assignUnit(db, submissionId, unitId),
    'calls.return': ({ submissionId, reason }) => (returnSubmission(db, submissionId, reason), { ok: true as const }),
    'calls.check': ({ submissionId }) => {
      const row = db.prepare('SELECT call_id FROM call_submissions WHERE id = ?').get(submissionId) as { call_id: number } | undefined;
      if (!row) throw new UserError(`报送材料不存在：${submissionId}`, 'not_found');
      return firstCheck(db, row.call_id).get(submissionId) ?? [];
    },
    'calls.setPanel': ({ id, reviewers, criteria }) => (getCallDetail(db, id), setPanel(db, id, { reviewers, criteria }), detail(db, id)),
    'calls.setScores': ({ id, scores }) => (setScores(db, id, scores), detail(db, id)),
    'calls.select': ({ id, submissionIds, selected }) => (setSelected(db, id, submissionIds, selected), detail(db, id)),
    'calls.makeBatch': ({ id, order }) => batchFromCall(db, id, order),
    'calls.honour': ({ id, submissionIds, honour }) => ({ changed: honourSubmissions(db, id, submissionIds, honour) }),
    'calls.chaseText': ({ id }) => {
      const d = getCallDetail(db, id);
      return { text: chaseText(d, d.tracker) };
    },
  };
}
