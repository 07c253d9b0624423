import fs from 'node:fs';
import path from 'node:path';
import { EXPERIENCE_KIND_LABELS, REPLICATION_STATUSES, REPLICATION_STATUS_LABELS, STAT_DIMS, STAT_DIM_LABELS, formatRate, type StatDim } from '../../shared/register-constants';
import type { Casebook } from '../core/casebook-open';
import { listExperiences } from '../core/register/catalogue-reads';
import { crossTable, isStatDim } from '../core/register/crosstab';
import { isReplicationStatus, rateReport, setReplications } from '../core/register/ledger';
import { optionId, optionString, positiveInt, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './main';
import { formatTable } from './table';

// The register's commands: the experience catalogue, the replication ledger and its rates, the cross-tables.
// The catalogue's import (zod, fflate, papaparse, exceljs) and the workbooks load with the commands that use them:
// `experiences list`, `replication report` and the cross-table start as light as `list batches` (issue 13).
const catalogue = () => import('../core/register/catalogue');
const workbooks = () => import('../core/register/exports');
const dim = (args: ParsedArgs, key: 'rows' | 'cols'): StatDim => {
  const v = optionString(args, key);
  if (!v) throw new UsageError('stats 交叉统计需要 --rows 和 --cols');
  if (!isStatDim(v)) throw new UsageError(`--${key} 应为 ${STAT_DIMS.join('、')} 之一：${v}`);
  return v;
};

async function exported(file: string, build: () => Promise<{ bytes: Buffer }>): Promise<CommandResult> {
  const built = await build();
  const { writeFileAtomic } = await import('../core/export/service'); // docx stays out of every start (issue 13)
  writeFileAtomic(file, built.bytes);
  const data = { path: path.resolve(file), bytes: built.bytes.length };
  return { data, text: `已导出：${data.path}（${Math.round(data.bytes / 1024)} KB）` };
}

export async function runRegisterCommand(book: Casebook, args: ParsedArgs): Promise<CommandResult> {
  const { db } = book;
  const [command, sub, ...rest] = args.words;
  if (command === 'stats') {
    const rows = dim(args, 'rows');
    const cols = dim(args, 'cols');
    const options = { rows, cols, from: optionString(args, 'from') ?? null, to: optionString(args, 'to') ?? null };
    const xlsx = optionString(args, 'xlsx');
    if (xlsx) return exported(xlsx, async () => (await workbooks()).buildCrossTableXlsx(db, options));
    const t = crossTable(db, options);
    const text = formatTable(
      [`${STAT_DIM_LABELS[rows]}＼${STAT_DIM_LABELS[cols]}`, ...t.colKeys, '合计'],
      [...t.rowKeys.map((k, i) => [k, ...t.cells[i]!, t.rowTotals[i]!]), ['合计', ...t.colTotals, t.total]],
    );
    return { data: t, text };
  }
  if (command === 'experiences') {
    if (sub === 'list') {
      const xlsx = optionString(args, 'xlsx');
      if (xlsx) return exported(xlsx, async () => (await workbooks()).buildCatalogueXlsx(db));
      const list = listExperiences(db);
      return {
        data: list,
        text: formatTable(['ID', '名称', '类别', '批次', '领域', '原创新负责部门（单位）', '年份', '案例'], list.map((e) => [e.id, e.name, EXPERIENCE_KIND_LABELS[e.kind], e.batchLabel, e.area, e.origin, e.year, e.caseCount])),
      };
    }
    if (sub === 'import') {
      // `--yes FILE` reads FILE as the option's value: take it back as the file.
      const yes = args.options.get('yes');
      const file = rest[0] ?? (typeof yes === 'string' ? yes : undefined);
      if (!file) throw new UsageError('experiences import 需要一个 .xlsx 或 .csv 文件');
      const bytes = fs.readFileSync(file);
      const name = path.basename(file);
      if (!yes) {
        const preview = await (await catalogue()).previewCatalogue(db, bytes, name);
        if (preview.bad > 0) {
          const lines = preview.rows.flatMap((r) => r.errors);
          return {
            data: { imported: false, ...preview },
            text: [...(preview.notice ? [preview.notice] : []), ...lines, `${name}：${preview.bad} 行有误，未导入任何内容；正确的 ${preview.good} 行可加 --yes 导入`].join('\n'),
            exitCode: 1,
          };
        }
      }
      const r = await (await catalogue()).importCatalogue(db, bytes, name, { acceptGoodRows: Boolean(yes) });
      return {
        data: { imported: true, created: r.created, updated: r.updated, skipped: r.skipped, errors: r.preview.rows.flatMap((x) => x.errors), notice: r.preview.notice },
        text: [...(r.preview.notice ? [r.preview.notice] : []), ...r.preview.rows.flatMap((x) => x.errors), `${name}：新增 ${r.created} 条，更新 ${r.updated} 条${r.skipped ? `，跳过有误的 ${r.skipped} 行` : ''}`].join('\n'),
      };
    }
    throw new UsageError('experiences 后应为 import 或 list');
  }
  if (command === 'replication') {
    if (sub === 'set') {
      const [unit, experience, status] = rest;
      const unitId = positiveInt(unit, '单位 ID');
      const experienceId = positiveInt(experience, '经验 ID');
      if (!status || !isReplicationStatus(status)) {
        throw new UsageError(`状态应为 ${REPLICATION_STATUSES.map((s) => `${s}（${REPLICATION_STATUS_LABELS[s]}）`).join('、')}：${status ?? '(缺少)'}`);
      }
      const cell = {
        unitId,
        experienceId,
        status,
        date: optionString(args, 'date'),
        note: optionString(args, 'note'),
        contact: optionString(args, 'contact'),
        responsible: optionString(args, 'responsible'),
      };
      setReplications(db, [cell]);
      const report = rateReport(db, { unitId, ...(cell.date ? { at: cell.date } : {}) });
      const u = report.units[0]!;
      return { data: { ...cell, rate: u }, text: `已登记：${u.unitName} ${REPLICATION_STATUS_LABELS[status]}；复制推广率 ${u.copied}/${u.applicable}（${formatRate(u.rate)}）` };
    }
    if (sub === 'report') {
      const at = optionString(args, 'at');
      const xlsx = optionString(args, 'xlsx');
      if (xlsx) return exported(xlsx, async () => (await workbooks()).buildLedgerXlsx(db, at));
      const report = rateReport(db, { at, unitId: optionId(args, 'unit') });
      const text = [
        `复制推广率（截至 ${report.at}，经验 ${report.experiences} 项）`,
        formatTable(
          ['单位', '应复制', '已复制', '推进中', '不适用', '复制推广率'],
          [
            ...report.units.map((u) => [u.unitName, u.applicable, u.copied, u.inProgress, u.notApplicable, formatRate(u.rate)]),
            ['合计', report.total.applicable, report.total.copied, report.total.inProgress, report.total.notApplicable, formatRate(report.total.rate)],
          ],
        ),
      ].join('\n');
      return { data: report, text };
    }
    throw new UsageError('replication 后应为 set 或 report');
  }
  throw new UsageError(`未知命令：${command}`);
}
