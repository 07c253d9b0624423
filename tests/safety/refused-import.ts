import { expect } from 'vitest';
import type { Db } from '../../electron/core/db/connection';
import { importFile } from '../../electron/core/import/import-circular';
import { dbChecksum } from './db-checksum';

/** Imports a file that must be refused quickly, in Chinese naming the file, with every row of the database unchanged. */
export async function refusedImport(db: Db, fileName: string, bytes: Uint8Array): Promise<string> {
  const before = dbChecksum(db);
  const started = performance.now();
  const error = await importFile(db, bytes, fileName).then(
    () => null,
    (e: Error) => e,
  );
  expect(error, `${fileName} should be refused`).not.toBeNull();
  expect(error!.message).toContain(fileName);
  expect(error!.message).toMatch(/\p{Script=Han}{4}/u);
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(dbChecksum(db)).toBe(before);
  return error!.message;
}
