import { expect } from 'vitest';
import type { ApiError } from '../../shared/contract';
import type { Db } from '../../electron/core/db/connection';
import { dispatch } from '../../electron/core/api/dispatch';
import type { createHandlers } from '../../electron/core/api/handlers';
import { dbChecksum } from './db-checksum';

type Handlers = ReturnType<typeof createHandlers>;

/** Calls a method that must be refused in Chinese (no English of zod or SQLite) with every row of the database unchanged. */
export async function apiRefused(db: Db, handlers: Handlers, name: string, input: unknown, withinMs = 5_000): Promise<ApiError> {
  const before = dbChecksum(db);
  const started = performance.now();
  const envelope = await dispatch(handlers, name, input);
  expect(envelope.ok, `${name} should be refused`).toBe(false);
  if (envelope.ok) throw new Error('accepted');
  expect(envelope.error.message).toMatch(/\p{Script=Han}/u);
  expect(envelope.error.message).not.toMatch(/Too big|expected|constraint failed|SQLITE_|object Object|程序内部出错/u);
  expect(performance.now() - started).toBeLessThan(withinMs);
  expect(dbChecksum(db)).toBe(before);
  return envelope.error;
}

/** Calls a method that must succeed, returning its value. */
export async function apiOk<T = unknown>(handlers: Handlers, name: string, input: unknown): Promise<T> {
  const envelope = await dispatch(handlers, name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value as T;
}
