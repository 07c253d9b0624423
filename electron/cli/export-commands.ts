import path from 'node:path';
import { FONT_PROFILES, LAYOUTS } from '../../shared/domain-constants';
import type { Casebook } from '../core/casebook-open';
import type { Built } from '../core/export/service';
import { withSegmentStore } from '../core/export/segment-store';
import { optionString, positiveInt, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './main';

// `export` and `export-case` on their own (issue 13): an export of an existing batch loads the export code and
// nothing else — not commands.ts with its search, proofreading, import and zod (a third of the process's time).
// Their usage lines stay in commands.ts (CLI_EXTRA_COMMANDS) with the other commands'.

export function oneOf<T extends string>(args: ParsedArgs, key: string, allowed: readonly T[]): T | undefined {
  const v = optionString(args, key);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${key} 应为 ${allowed.join(' 或 ')}：${v}`);
  return v as T;
}

// The exports (docx, exceljs) load only for the commands that export: the bundled command line splits here.
const exportService = () => import('../core/export/service');

/** Builds and writes one export; tookMs is what the clerk waited for, the build included. */
export async function write(build: (service: Awaited<ReturnType<typeof exportService>>) => Promise<Built>, file: string): Promise<CommandResult> {
  const t0 = performance.now();
  const service = await exportService();
  // the title breaks' word boundaries kept from earlier exports (ICU's start is a tenth of an export's time)
  const built = await withSegmentStore(() => build(service));
  service.writeFileAtomic(file, built.bytes);
  const data = { path: path.resolve(file), bytes: built.bytes.length, tookMs: Math.round(performance.now() - t0), warnings: built.warnings };
  return { data, text: [`已导出：${data.path}（${Math.round(data.bytes / 1024)} KB）`, ...built.warnings.map((w) => `警告：${w}`)].join('\n') };
}

export async function runExportCommand(book: Casebook, args: ParsedArgs): Promise<CommandResult> {
  const { db } = book;
  const [command, target] = args.words;
  if (command === 'export-case') {
    const file = optionString(args, 'docx');
    if (!file) throw new UsageError('export-case 需要 --docx 文件');
    const caseId = positiveInt(target, '案例 ID');
    const fonts = oneOf(args, 'fonts', FONT_PROFILES);
    return write((s) => s.buildCaseDocx(db, caseId, { fonts }), file);
  }
  const id = positiveInt(target, '批次 ID');
  const docx = optionString(args, 'docx');
  const xlsx = optionString(args, 'xlsx');
  const pdf = optionString(args, 'pdf');
  if ([docx, xlsx, pdf].filter(Boolean).length !== 1) throw new UsageError('export 需要 --docx 文件、--xlsx 文件 或 --pdf 文件 之一');
  if (pdf) {
    const part = oneOf(args, 'part', ['circular', 'attachment'] as const);
    const options = { layout: oneOf(args, 'layout', LAYOUTS), fonts: oneOf(args, 'fonts', FONT_PROFILES), part };
    return write((s) => s.buildBatchPdf(db, id, options), pdf);
  }
  if (docx) {
    const part = oneOf(args, 'part', ['circular', 'attachment'] as const);
    const options = { layout: oneOf(args, 'layout', LAYOUTS), fonts: oneOf(args, 'fonts', FONT_PROFILES), part };
    return write((s) => s.buildBatchDocx(db, id, options), docx);
  }
  return write((s) => s.buildBatchXlsx(db, id), xlsx!);
}
