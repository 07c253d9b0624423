import { ZodError } from 'zod';
import { API, isApiName, type ApiError, type ApiName, type ApiOutput, type ApiParsedInput, type Envelope } from '../../../shared/contract';
import { DatabaseNewerThanAppError } from '../db/connection';
import { UserError } from '../util';

export type Handler<N extends ApiName> = (input: ApiParsedInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>>;
export type HandlerTable = { [N in ApiName]: Handler<N> };

/**
 * The single entry for every transport: checks the method exists, validates the input against the contract,
 * runs the handler and returns an envelope. Nothing thrown escapes: errors become data the UI can show.
 */
export async function dispatch(handlers: HandlerTable, name: string, raw: unknown): Promise<Envelope<unknown>> {
  if (!isApiName(name)) return { ok: false, error: { code: 'unknown_method', message: `未知的接口：${name}` } };
  const parsed = API[name].input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof UserError) return { code: err.code, message: err.message };
  if (err instanceof ZodError) return zodError(err);
  if (err instanceof DatabaseNewerThanAppError) return { code: 'db_newer', message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  if (/UNIQUE constraint failed/u.test(message)) return { code: 'conflict', message: `与已有记录重复：${message}` };
  if (/FOREIGN KEY constraint failed/u.test(message)) return { code: 'conflict', message: '引用的记录不存在或仍被使用' };
  return { code: 'internal', message };
}

function zodError(error: ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { code: 'invalid_input', message: `输入不正确：${issues.map((i) => `${i.path || '(根)'} ${i.message}`).join('；')}`, issues };
}
