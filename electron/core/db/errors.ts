import type { ApiError } from '../../../shared/contract';

// SQLite's own messages («database is locked», «UNIQUE constraint failed: units.name») are English and name
// tables; a clerk sees these plain Chinese sentences instead. The original code stays in the error code.

const UNIQUE_WHAT: Record<string, string> = {
  'units.name': '同名的提供单位已存在',
  'fields.name': '同名的领域已存在',
  'source_experiences.name': '同名的来源经验已存在',
  'batches.kind, batches.ordinal': '同类型、同批次号的批次已存在',
  'batches.import_hash': '这个文件已经导入过',
  'batches.doc_code, batches.doc_year, batches.doc_seq': '这个发文字号已被其他批次使用',
  'batch_items.batch_id, batch_items.seq': '批次中的序号重复',
  'batch_items.batch_id, batch_items.case_id': '同一个案例在批次中出现了两次',
};

const BY_CODE: Record<string, { code: string; message: string }> = {
  SQLITE_BUSY: { code: 'busy', message: '数据库正被另一个程序（例如命令行或另一个窗口）占用，等待超时。请稍后重试。' },
  SQLITE_LOCKED: { code: 'busy', message: '数据库正被占用，请稍后重试。' },
  SQLITE_FULL: { code: 'disk_full', message: '磁盘空间已满，未能保存。请清理磁盘后重试，已有数据未受影响。' },
  SQLITE_READONLY: { code: 'readonly', message: '数据库文件是只读的，无法保存。请检查文件权限或是否在只读位置。' },
  SQLITE_CORRUPT: { code: 'corrupt', message: '数据库文件已损坏。请在“设置 → 数据备份”或命令行中从备份恢复。' },
  SQLITE_NOTADB: { code: 'corrupt', message: '文件不是本程序的数据库或已损坏。' },
  SQLITE_IOERR: { code: 'io_error', message: '读写数据库文件时出错（磁盘或网络盘故障）。请检查存储后重试。' },
  SQLITE_CANTOPEN: { code: 'io_error', message: '无法打开数据库文件，请检查路径和权限。' },
  SQLITE_PERM: { code: 'readonly', message: '没有写入数据库文件的权限。' },
  SQLITE_TOOBIG: { code: 'too_big', message: '内容过大，无法保存。' },
  SQLITE_CONSTRAINT_CHECK: { code: 'invalid', message: '内容不符合数据规则（取值不在允许范围内）。' },
  SQLITE_CONSTRAINT_NOTNULL: { code: 'invalid', message: '缺少必填的内容。' },
  SQLITE_CONSTRAINT_FOREIGNKEY: { code: 'conflict', message: '引用的记录不存在或仍被使用。' },
};

/** The Chinese error for a better-sqlite3 SqliteError (by its extended code), or null when it is not one. */
export function sqliteApiError(err: unknown): ApiError | null {
  if (!(err instanceof Error) || err.name !== 'SqliteError') return null;
  const code = String((err as Error & { code?: unknown }).code ?? '');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const columns = /constraint failed: (.+)$/u.exec(err.message)?.[1]?.trim() ?? '';
    return { code: 'conflict', message: UNIQUE_WHAT[columns] ?? '与已有记录重复，未保存。' };
  }
  const known = BY_CODE[code] ?? BY_CODE[code.replace(/_[A-Z]+$/u, '')] ?? (code.startsWith('SQLITE_CONSTRAINT') ? { code: 'invalid', message: '内容不符合数据规则，未保存。' } : null);
  return known ? { ...known } : { code: 'internal', message: `数据库出错（${code || '未知'}），未保存。` };
}
