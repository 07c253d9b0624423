// The command line over the core: npm run cli -- [--db FILE] [--no-seed] COMMAND … [--json]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { printBlocks, headingLine } from '../../shared/body';
import { BATCH_STATUS_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '../../shared/domain-constants';
import { formatDocNumber } from '../../shared/docnumber';
import { openExistingCasebook, type Casebook } from '../core/casebook-open';
import { listBatches } from '../core/repos/batch-reads';
import { getCase, listCases } from '../core/repos/case-reads';
import { defaultDbFile } from '../core/paths';
import { optionId, optionString, parseArgs, positiveInt, UsageError, type ParsedArgs } from './args';
import { formatTable } from './table';
import { DatabaseCorruptError } from '../core/db/connection';

// What only some commands need loads when one of them runs (the bundled command line splits at each import()),
// so `list batches` starts without the import, export, proofreading and contract code.
const extraCommands = () => import('./commands');
const exportCommands = () => import('./export-commands');
const backupCommands = () => import('./backup-commands');
const importer = () => import('../core/import/import-circular');
/**
 * better-sqlite3's Node build in node_modules, handed to it directly: its own lookup (the `bindings` package, which
 * reads a stack trace and tries a dozen paths) costs a start several milliseconds. Without that file, its lookup.
 */
function nodeSqliteBinding(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
    const file = path.join(path.dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
    return fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The message of any error, as every transport words it (the contract's error code and Chinese text). */
const apiError = async (err: unknown) => (await import('../core/api/dispatch')).toApiError(err);

/** The help text; the commands' own lines come from their modules. */
export async function usage(): Promise<string> {
  const [{ CLI_EXTRA_COMMANDS }, { CLI_BACKUP_COMMANDS }] = await Promise.all([extraCommands(), backupCommands()]);
  return `用法：npm run cli -- [--db 文件] [--no-seed] 命令 … [--json]

命令：
  import 文件…                          导入通知或案例（Word .docx/.doc/.wps、文字版 PDF、.txt/.md 文本）
  list batches                           列出批次
  list cases [--batch ID]                列出案例
  show case ID                           显示一个案例
${CLI_EXTRA_COMMANDS}${CLI_BACKUP_COMMANDS}
选项：
  --db 文件     数据库文件（默认：${defaultDbFile()}）
  --no-seed     新建数据库时不载入示例数据
  --json        以一个 JSON 文档输出到标准输出`;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(String(e));
    return 2;
  }
  if (args.options.has('help') || args.words.length === 0) {
    io.out(await usage());
    return args.words.length === 0 && !args.options.has('help') ? 2 : 0;
  }
  const json = args.options.has('json');
  let book: Casebook | null = null;
  try {
    const dbFile = optionString(args, 'db') ?? defaultDbFile();
    // data safety (safety-core): backup/restore work on the file itself, a damaged one included
    const safety = ['backup', 'restore'].includes(args.words[0] ?? '') ? await (await backupCommands()).runBackupCommand(dbFile, args) : null;
    if (safety) {
      io.out(json ? JSON.stringify(safety.data, null, 2) : safety.text);
      return 0;
    }
    const options = { seed: !args.options.has('no-seed'), nativeBinding: nodeSqliteBinding() };
    // a new file gets the default vocabularies and the demo batch, which only casebook.ts loads
    book = openExistingCasebook(dbFile, options) ?? (await import('../core/casebook')).openCasebook(dbFile, options);
    const result = await runCommand(book, args);
    io.out(json ? JSON.stringify(result.data, null, 2) : result.text);
    return result.exitCode ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${await usage()}`);
      return 2;
    }
    const error = await apiError(e);
    if (e instanceof DatabaseCorruptError) error.message = (await import('../core/backup/recovery')).corruptReport(e.file, e.detail, 'cli');
    io.err(json ? JSON.stringify({ error }) : `错误：${error.message}`);
    return 1;
  } finally {
    book?.close();
  }
}

export interface CommandResult {
  data: unknown;
  text: string;
  exitCode?: number;
}

async function runCommand(book: Casebook, args: ParsedArgs): Promise<CommandResult> {
  const { db } = book;
  const [command, sub, arg] = args.words;
  switch (command) {
    case 'import': {
      const files = args.words.slice(1);
      if (files.length === 0) throw new UsageError('import 需要至少一个文件');
      // Each file on its own: a refused file is reported by name and the rest of the files are still imported.
      const reports = [];
      const refused: { fileName: string; error: string }[] = [];
      for (const f of files) {
        try {
          reports.push(await (await importer()).importFile(db, fs.readFileSync(f), path.basename(f)));
        } catch (err) {
          if (files.length === 1) throw err;
          refused.push({ fileName: path.basename(f), error: (await apiError(err)).message });
        }
      }
      const text = [
        ...reports.map((r) => {
          const head = r.duplicateOf
            ? `${r.fileName}：已导入过（批次 ${r.duplicateOf}），未重复导入`
            : `${r.fileName}：批次 ${r.batchId ?? '（无）'} ${r.batchTitle}，${r.caseCount} 个案例`;
          const errors = r.findings.filter((f) => f.severity === 'error').length;
          const check = r.findings.length ? [`  规范检查：${r.findings.length} 处（错误 ${errors}），用 check ${r.fileName} 查看`] : [];
          return [head, ...r.warnings.map((w) => `  警告：${w.message}`), ...check].join('\n');
        }),
        ...refused.map((r) => `${r.fileName}：未导入。${r.error}`),
      ].join('\n');
      return { data: refused.length ? { reports, refused } : reports, text, exitCode: refused.length ? 2 : 0 };
    }
    case 'list': {
      if (sub === 'batches') {
        const rows = listBatches(db).map((b) => ({
          id: b.id,
          title: b.title,
          ordinal: b.ordinal,
          kind: b.kind,
          docNumber:
            b.circular.docYear != null && b.circular.docSeq != null
              ? formatDocNumber({ code: b.circular.docCode, year: b.circular.docYear, seq: b.circular.docSeq })
              : null,
          caseCount: b.itemCount,
          status: b.status,
        }));
        return {
          data: rows,
          text: formatTable(
            ['ID', '标题', '批次', '类型', '发文字号', '案例数', '状态'],
            rows.map((r) => [r.id, r.title, r.ordinal, CASE_TYPE_LABELS[r.kind], r.docNumber, r.caseCount, BATCH_STATUS_LABELS[r.status]]),
          ),
        };
      }
      if (sub === 'cases') {
        const batchId = optionId(args, 'batch');
        const rows = listCases(db, batchId ? { batchId } : {}).map((c) => ({
          id: c.id,
          seq: batchId ? (c.batches.find((b) => b.id === batchId)?.seq ?? null) : null,
          title: c.title,
          unitName: c.unitName,
          fieldName: c.fieldName,
          type: c.type,
          status: c.status,
        }));
        return {
          data: rows,
          text: formatTable(
            ['ID', '序号', '案例名称', '提供单位', '领域', '类型', '状态'],
            rows.map((r) => [r.id, r.seq, r.title, r.unitName, r.fieldName, CASE_TYPE_LABELS[r.type], CASE_STATUS_LABELS[r.status]]),
          ),
        };
      }
      throw new UsageError('list 后应为 batches 或 cases');
    }
    case 'show': {
      if (sub !== 'case') throw new UsageError('show 后应为 case ID');
      const c = getCase(db, positiveInt(arg, '案例 ID'));
      const lines = [c.title, `（${c.unitName}提供）`, ...c.lead];
      for (const b of printBlocks(c.body)) {
        if (b.kind === 'paragraph') lines.push(b.text);
        else {
          const h = headingLine(b.heading, b.text);
          lines.push(`${b.ordinal}${h.heading}${h.rest}`);
        }
      }
      return { data: c, text: lines.join('\n') };
    }
    case 'export':
    case 'export-case':
      return (await exportCommands()).runExportCommand(book, args);
    default: {
      const extra = await (await extraCommands()).runExtraCommand(book, args);
      if (extra) return extra;
      throw new UsageError(`未知命令：${command}`);
    }
  }
}
