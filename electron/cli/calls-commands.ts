import fs from 'node:fs';
import path from 'node:path';
import { CALL_KINDS, CALL_KIND_LABELS, SUBMISSION_STATE_LABELS } from '../../shared/calls-constants';
import type { Casebook } from '../core/casebook-open';
import { chaseText, getCallDetail, listCalls } from '../core/calls/call-reads';
import { optionString, positiveInt, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './main';
import { formatTable } from './table';

// The 征集 commands: create a call, receive the files units send, show the tracker, make the batch.
// What writes (zod's schemas) and what reads files or proofreads (the import code, xmldom) loads with the command
// that needs it: `calls list` starts as light as `list batches` (issue 13).
const writes = () => import('../core/calls/calls');
const receive = () => import('../core/calls/receive');
export const CLI_CALLS_COMMANDS = `  calls create --title 名称 --kind replication|innovation --deadline YYYY-MM-DD --units ID,ID,… [--expected N]
                                         新建征集（向所列单位征集案例，每单位应报 N 个，默认 1）
  calls list                             列出征集
  calls receive 征集ID 文件…             接收单位报送的文件（.docx/.doc/.wps/.pdf/.txt/.md），每个文件单独处理
  calls show 征集ID                      报送情况：每单位应报、已收、退回、逾期，以及催报名单
  calls batch 征集ID [--order rank|unit] 由入选案例生成草稿批次（未选时为全部已收未退回案例，按单位顺序）
  calls export 征集ID --docx 文件|--xlsx 文件
                                         导出征集通知（Word）或评选结果（Excel）
`;

export async function runCallsCommand(book: Casebook, args: ParsedArgs): Promise<CommandResult> {
  const { db } = book;
  const [, sub, target, ...rest] = args.words;
  switch (sub) {
    case 'create': {
      const title = optionString(args, 'title');
      const kind = optionString(args, 'kind');
      const deadline = optionString(args, 'deadline');
      const units = optionString(args, 'units');
      if (!title || !kind || !deadline || !units) throw new UsageError('calls create 需要 --title、--kind、--deadline 和 --units');
      if (!(CALL_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind 应为 ${CALL_KINDS.join(' 或 ')}：${kind}`);
      const expected = optionString(args, 'expected');
      const perUnit = expected === undefined ? 1 : positiveInt(expected, '--expected');
      const unitIds = units.split(/[,，]/u).filter(Boolean).map((u) => positiveInt(u.trim(), '单位 ID'));
      const call = (await writes()).createCall(db, { title, kind: kind as (typeof CALL_KINDS)[number], deadline, units: unitIds.map((unitId) => ({ unitId, expected: perUnit })) });
      return { data: call, text: `已新建征集 ${call.id}：${call.title}（${CALL_KIND_LABELS[call.kind]}，截止 ${call.deadline}，${call.unitCount} 个单位）` };
    }
    case 'list': {
      const calls = listCalls(db);
      return {
        data: calls,
        text: formatTable(['ID', '征集', '类型', '截止日期', '单位', '应报', '已收'], calls.map((c) => [c.id, c.title, CALL_KIND_LABELS[c.kind], c.deadline, c.unitCount, c.expected, c.received])),
      };
    }
    case 'receive': {
      const id = positiveInt(target, '征集 ID');
      if (rest.length === 0) throw new UsageError('calls receive 需要至少一个文件');
      const files = rest.map((f) => {
        try {
          return { fileName: path.basename(f), bytes: fs.readFileSync(f) as Uint8Array };
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          return { fileName: path.basename(f), bytes: new Uint8Array(0), unreadable: code === 'ENOENT' ? `文件不存在：${f}` : `无法读取文件：${f}` };
        }
      });
      const results = await (await receive()).receiveFiles(db, id, files);
      const refused = results.filter((r) => r.outcome === 'refused').length;
      return {
        data: results,
        text: results.map((r) => `${r.fileName}：${r.message}`).join('\n'),
        exitCode: refused === results.length ? 1 : 0,
      };
    }
    case 'show': {
      const id = positiveInt(target, '征集 ID');
      const { findingCounts, firstCheck } = await import('../core/calls/first-check');
      const call = getCallDetail(db, id, findingCounts(firstCheck(db, id)));
      const t = call.tracker;
      const data = {
        id: call.id,
        title: call.title,
        kind: call.kind,
        deadline: call.deadline,
        units: t.rows,
        totals: t.totals,
        chase: t.chase,
        overdue: t.overdue,
        pendingUnit: t.pendingUnit,
        submissions: call.submissions.map((s) => ({ id: s.id, unitName: s.unitName, title: s.title, fileName: s.fileName, state: s.state, late: s.late, caseId: s.caseId })),
        ranking: call.ranking.map((r) => ({ rank: r.rank, title: r.title, unitName: r.unitName, total: r.total, selected: r.selected })),
      };
      const text = [
        `${call.title}（${CALL_KIND_LABELS[call.kind]}，截止 ${call.deadline}）`,
        formatTable(
          ['单位', '应报', '已收', '退回', '逾期', '未报'],
          [...t.rows.map((r) => [r.unitName, r.expected, r.received, r.returned, r.late, r.missing]), ['合计', t.totals.expected, t.totals.received, t.totals.returned, t.totals.late, t.totals.missing]],
        ),
        chaseText(call, t),
        ...(t.pendingUnit ? [`另有 ${t.pendingUnit} 份材料待确认报送单位。`] : []),
        ...call.submissions.map((s) => `  ${s.id}\t${s.unitName ?? '（待确认）'}\t${s.title}\t${SUBMISSION_STATE_LABELS[s.state]}${s.late ? '（逾期）' : ''}`),
      ].join('\n');
      return { data, text };
    }
    case 'batch': {
      const id = positiveInt(target, '征集 ID');
      const order = optionString(args, 'order');
      if (order !== undefined && order !== 'rank' && order !== 'unit') throw new UsageError(`--order 应为 rank 或 unit：${order}`);
      const batch = (await import('../core/calls/selection')).batchFromCall(db, id, order);
      return {
        data: { id: batch.id, title: batch.title, status: batch.status, items: batch.items.map((i) => ({ seq: i.seq, caseId: i.caseId, title: i.case.title, unitName: i.case.unitName })) },
        text: [`已生成草稿批次 ${batch.id}：${batch.title}（${batch.items.length} 个案例）`, ...batch.items.map((i) => `  ${i.seq}. ${i.case.title}（${i.case.unitName}）`)].join('\n'),
      };
    }
    case 'export': {
      const id = positiveInt(target, '征集 ID');
      const docx = optionString(args, 'docx');
      const xlsx = optionString(args, 'xlsx');
      if (!docx === !xlsx) throw new UsageError('calls export 需要 --docx 文件 或 --xlsx 文件 之一');
      const t0 = performance.now();
      // docx and exceljs load only for this command (the bundled command line splits at these imports)
      const [{ buildCallNoticeDocx, buildCallXlsx }, { writeFileAtomic }] = await Promise.all([import('../core/calls/exports'), import('../core/export/service')]);
      const built = docx ? await buildCallNoticeDocx(db, id) : await buildCallXlsx(db, id);
      const file = (docx ?? xlsx)!;
      writeFileAtomic(file, built.bytes);
      const data = { path: path.resolve(file), bytes: built.bytes.length, tookMs: Math.round(performance.now() - t0) };
      return { data, text: `已导出：${data.path}（${Math.round(data.bytes / 1024)} KB）` };
    }
    default:
      throw new UsageError('calls 后应为 create、list、receive、show、batch 或 export');
  }
}
