import path from 'node:path';
import fs from 'node:fs';
import { CASE_STATUSES, CASE_TYPES, FONT_PROFILE_LABELS, SEVERITY_LABELS } from '../../shared/domain-constants';
import type { CaseFilter, Finding, Stats } from '../../shared/domain';
import { detectFonts } from '../core/fonts/detect';
import type { Casebook } from '../core/casebook-open';
import { getCase } from '../core/repos/case-reads';
import { searchCases } from '../core/search/search';
import { computeStats } from '../core/stats/stats';
import { formatTable } from './table';
import { optionId, optionString, positiveInt, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './main';
import { CLI_CALLS_COMMANDS, runCallsCommand } from './calls-commands';
import { oneOf, write } from './export-commands';
import { CLI_NEWSLETTER_COMMANDS, CLI_REGISTER_COMMANDS } from './feature-usage';

// The proofreader, the file readers (xmldom, fflate) and the settings' schema (zod) load with `check`, the one
// command here that needs them: search, stats, fonts and `calls list` start as light as `list batches` (issue 13).
const checker = () =>
  Promise.all([import('../core/import/file-text'), import('../core/import/parse-circular'), import('../core/proofread/batch'), import('../core/proofread/check'), import('../core/repos/settings')]);

// The commands later parts of the app add: exports, search, statistics, the proofreader.
export const CLI_EXTRA_COMMANDS = `  search 关键词 [--unit ID] [--field ID] [--type T] [--status S] [--year Y] [--batch ID] [--limit N]
                                         全文检索（标题、单位和正文）
  stats [--batch ID]                     统计：按单位、领域、类型、状态、年度、批次、荣誉
  check 文件|--batch ID|--case ID       规范检查（文件只检查，不导入；.docx/.doc/.wps/.pdf/.txt/.md）
  export 批次ID --docx 文件 [--layout letter|file] [--fonts gb|system] [--part attachment]
                                         导出通知（Word）；--part attachment 只导出附件
  export 批次ID --xlsx 文件              导出汇总表（Excel）
  export 批次ID --pdf 文件 [--layout letter|file] [--fonts gb|system] [--part attachment]
                                         导出通知（PDF，需本机装有 LibreOffice）
  fonts                                  本机已安装的公文字体，建议的字体方案
  export-case 案例ID --docx 文件 [--fonts gb|system]
                                         导出单个案例（Word）
  export-library --xlsx 文件 [--unit ID] [--field ID] [--type replication|innovation]
                 [--status 状态] [--year 年] [--batch ID]
                                         导出案例库（Excel）
${CLI_CALLS_COMMANDS}${CLI_NEWSLETTER_COMMANDS}${CLI_REGISTER_COMMANDS}`;

export async function runExtraCommand(book: Casebook, args: ParsedArgs): Promise<CommandResult | null> {
  const { db } = book;
  const [command, target] = args.words;
  switch (command) {
    case 'fonts': {
      const status = detectFonts();
      const text = [
        ...status.profiles.map((p) => `${p.label}：${p.fonts.map((f) => `${f.font}${f.installed ? '✓' : '（未安装）'}`).join('、')}`),
        `建议：${FONT_PROFILE_LABELS[status.recommended]}${status.method === 'unknown' ? '（无法读取本机字体）' : ''}`,
      ].join('\n');
      return { data: status, text };
    }
    case 'export-library': {
      const file = optionString(args, 'xlsx');
      if (!file) throw new UsageError('export-library 需要 --xlsx 文件');
      const filter = filterFrom(args);
      return write((s) => s.buildLibraryXlsx(db, filter), file);
    }
    case 'search': {
      const query = args.words.slice(1).join(' ');
      if (!query.trim()) throw new UsageError('search 需要关键词');
      const limit = optionString(args, 'limit');
      const result = searchCases(db, query, filterFrom(args), limit ? positiveInt(limit, '--limit') : 50);
      const text = [
        `“${query}”：${result.total} 个结果（${result.tookMs} ms）`,
        ...result.results.map((h) => `${h.caseId}\t${h.title}\t${h.unitName}\n\t${h.snippet.map((s) => (s.hit ? `【${s.text}】` : s.text)).join('')}`),
      ].join('\n');
      return {
        data: { ...result, results: result.results.map((h) => ({ ...h, snippetText: h.snippet.map((s) => s.text).join('') })) },
        text,
      };
    }
    case 'stats': {
      if (args.options.has('rows') || args.options.has('cols')) return (await import('./register-commands')).runRegisterCommand(book, args); // the register's cross-table
      const stats = computeStats(db, { batchId: optionId(args, 'batch') });
      return { data: stats, text: statsText(stats) };
    }
    case 'check': {
      const batchId = optionId(args, 'batch');
      const caseId = optionId(args, 'case');
      const [{ readFileText }, { parseCircular }, { checkBatch }, { checkCase, checkRawText }, { getSettings }] = await checker();
      let findings: Finding[];
      if (batchId) findings = checkBatch(db, batchId);
      else if (caseId) {
        const c = getCase(db, caseId);
        findings = checkCase(c, { caseId, caseSeq: null }, getSettings(db));
      } else {
        if (!target) throw new UsageError('check 需要 文件、--batch ID 或 --case ID');
        const { text: fileText, exactParagraphs } = await readFileText(fs.readFileSync(target), path.basename(target));
        findings = checkRawText(fileText, getSettings(db), parseCircular(fileText, { exactParagraphs }));
      }
      const counts = Object.fromEntries((['error', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length]));
      const text = [
        ...findings.map((f) => `[${SEVERITY_LABELS[f.severity]}] ${f.place.label}：${f.message}${f.excerpt ? `　“${f.excerpt}”` : ''}${f.suggestion ? `　→ ${f.suggestion}` : ''}${f.waived ? '（已忽略）' : ''}`),
        `共 ${findings.length} 处：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`,
      ].join('\n');
      return { data: { findings, counts }, text, exitCode: counts.error! > 0 && !args.options.has('json') ? 3 : 0 };
    }
    case 'calls':
      return runCallsCommand(book, args);
    case 'newsletter': // docx loads with the command
      return (await import('./newsletter-commands')).runNewsletterCommand(book, args);
    case 'experiences': // exceljs loads with the command
    case 'replication':
      return (await import('./register-commands')).runRegisterCommand(book, args);
    default:
      return null;
  }
}

function filterFrom(args: ParsedArgs): CaseFilter {
  const year = optionString(args, 'year');
  return {
    unitId: optionId(args, 'unit'),
    fieldId: optionId(args, 'field'),
    type: oneOf(args, 'type', CASE_TYPES),
    status: oneOf(args, 'status', CASE_STATUSES),
    year: year ? positiveInt(year, '--year') : undefined,
    batchId: optionId(args, 'batch'),
  };
}

function statsText(stats: Stats): string {
  const block = (title: string, rows: Stats['byUnit']) => `${title}\n${formatTable(['', '案例数'], rows.map((r) => [r.label, r.count]))}`;
  return [
    `${stats.scope}：共 ${stats.total} 个案例`,
    block('按单位', stats.byUnit),
    block('按领域', stats.byField),
    block('按类型', stats.byType),
    block('按状态', stats.byStatus),
    block('按年度', stats.byYear),
    block('按批次', stats.byBatch),
    block('按荣誉', stats.byHonour),
  ].join('\n\n');
}
