import { ZodError } from 'zod';
import { API, isApiName, type ApiError, type ApiName, type ApiOutput, type ApiParsedInput, type Envelope } from '../../../shared/contract';
import { pathLabel } from '../../../shared/zod-zh';
import { DatabaseCorruptError, DatabaseNewerThanAppError } from '../db/connection';
import { sqliteApiError } from '../db/errors';
import { UserError } from '../util';

export type Handler<N extends ApiName> = (input: ApiParsedInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>>;
export type HandlerTable = { [N in ApiName]: Handler<N> };

/**
 * The single entry for every transport: checks the method exists, validates the input against the contract,
 * runs the handler and returns an envelope. Nothing thrown escapes, the validation included (a pathological
 * input must not take the transport down): errors become data the UI can show.
 */
export async function dispatch(handlers: HandlerTable, name: string, raw: unknown): Promise<Envelope<unknown>> {
  try {
    if (typeof name !== 'string' || !isApiName(name)) return { ok: false, error: { code: 'unknown_method', message: `未知的接口：${String(name).slice(0, 100)}` } };
    const parsed = API[name].input.safeParse(raw ?? {});
    if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
    const handler = handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    try {
      return { ok: false, error: toApiError(err) };
    } catch {
      return { ok: false, error: { code: 'internal', message: '程序内部出错，操作未完成' } }; // an error that cannot even be read
    }
  }
}

function describe(err: unknown): string {
  try {
    return err instanceof Error ? err.message : String(err);
  } catch {
    return Object.prototype.toString.call(err);
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof UserError) return { code: err.code, message: err.message, ...(err.field ? { issues: [{ path: err.field, message: err.message }] } : {}) };
  if (err instanceof ZodError) return zodError(err);
  if (err instanceof DatabaseNewerThanAppError) return { code: 'db_newer', message: err.message };
  if (err instanceof DatabaseCorruptError) return { code: 'corrupt', message: err.message };
  const sqlite = sqliteApiError(err);
  if (sqlite) return sqlite;
  if (err instanceof RangeError && /call stack/iu.test(err.message)) return { code: 'invalid_input', message: '输入的层次过深，无法处理' };
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOSPC') return { code: 'disk_full', message: '磁盘空间已满，未能写入。请清理磁盘后重试。' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'forbidden', message: '没有权限写入或读取该文件。' };
  if (code === 'ENOENT') return { code: 'not_found', message: '找不到文件或文件夹。' };
  const message = describe(err);
  // Anything else is our fault, not the clerk's: a Chinese sentence first, the detail for a report after it.
  return { code: 'internal', message: /[\p{Script=Han}]/u.test(message) ? message : `程序内部出错，操作未完成（${message.slice(0, 300)}）` };
}

function zodError(error: ZodError): ApiError {
  const issues = error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message, label: pathLabel(i.path) }));
  const text = issues.map((i) => (i.label ? `${i.label}：${i.message}` : i.message)).join('；');
  return { code: 'invalid_input', message: `输入不正确：${text}`, issues: issues.map(({ path, message }) => ({ path, message })) };
}
