import path from 'node:path';
import { CASE_STATUSES, CASE_TYPES, FONT_PROFILES, LAYOUTS, type CaseFilter } from '../../shared/domain';
import type { Casebook } from '../core/casebook';
import { buildBatchDocx, buildBatchXlsx, buildCaseDocx, buildLibraryXlsx, writeFileAtomic, type Built } from '../core/export/service';
import { optionId, optionString, positiveInt, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './main';

// The commands later parts of the app add: exports, search, statistics, the proofreader.
export const CLI_EXTRA_COMMANDS = `  export 批次ID --docx 文件 [--layout letter|file] [--fonts gb|system] [--part attachment]
                                         导出通知（Word）；--part attachment 只导出附件
  export 批次ID --xlsx 文件              导出汇总表（Excel）
  export-case 案例ID --docx 文件 [--fonts gb|system]
                                         导出单个案例（Word）
  export-library --xlsx 文件 [--unit ID] [--field ID] [--type replication|innovation]
                 [--status 状态] [--year 年] [--batch ID]
                                         导出案例库（Excel）
`;

function oneOf<T extends string>(args: ParsedArgs, key: string, allowed: readonly T[]): T | undefined {
  const v = optionString(args, key);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${key} 应为 ${allowed.join(' 或 ')}：${v}`);
  return v as T;
}

async function write(built: Built, file: string): Promise<CommandResult> {
  const t0 = performance.now();
  writeFileAtomic(file, built.bytes);
  const data = { path: path.resolve(file), bytes: built.bytes.length, tookMs: Math.round(performance.now() - t0) };
  return { data, text: `已导出：${data.path}（${Math.round(data.bytes / 1024)} KB）` };
}

export async function runExtraCommand(book: Casebook, args: ParsedArgs): Promise<CommandResult | null> {
  const { db } = book;
  const [command, target] = args.words;
  switch (command) {
    case 'export': {
      const id = positiveInt(target, '批次 ID');
      const docx = optionString(args, 'docx');
      const xlsx = optionString(args, 'xlsx');
      if (!docx === !xlsx) throw new UsageError('export 需要 --docx 文件 或 --xlsx 文件 之一');
      if (docx) {
        const part = oneOf(args, 'part', ['circular', 'attachment'] as const);
        return write(await buildBatchDocx(db, id, { layout: oneOf(args, 'layout', LAYOUTS), fonts: oneOf(args, 'fonts', FONT_PROFILES), part }), docx);
      }
      return write(await buildBatchXlsx(db, id), xlsx!);
    }
    case 'export-case': {
      const file = optionString(args, 'docx');
      if (!file) throw new UsageError('export-case 需要 --docx 文件');
      return write(await buildCaseDocx(db, positiveInt(target, '案例 ID'), { fonts: oneOf(args, 'fonts', FONT_PROFILES) }), file);
    }
    case 'export-library': {
      const file = optionString(args, 'xlsx');
      if (!file) throw new UsageError('export-library 需要 --xlsx 文件');
      const year = optionString(args, 'year');
      const filter: CaseFilter = {
        unitId: optionId(args, 'unit'),
        fieldId: optionId(args, 'field'),
        type: oneOf(args, 'type', CASE_TYPES),
        status: oneOf(args, 'status', CASE_STATUSES),
        year: year ? positiveInt(year, '--year') : undefined,
        batchId: optionId(args, 'batch'),
      };
      return write(await buildLibraryXlsx(db, filter), file);
    }
    default:
      return null;
  }
}
