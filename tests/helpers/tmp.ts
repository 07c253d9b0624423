import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openCasebook, type Casebook, type OpenCasebookOptions } from '../../electron/core/casebook';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh folder under the system temp dir, removed after the test file. */
export function tempDir(prefix = 'casebook-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A real database file built by the real migrations. */
export function tempCasebook(options: OpenCasebookOptions = {}): Casebook {
  return openCasebook(path.join(tempDir(), 'test.db'), options);
}

export const SHARED = path.resolve(__dirname, '../../../shared');
export const SEED_CIRCULAR = path.join(SHARED, 'seeds/001_687212a8bc2a322c.txt');
export const seedText = () => fs.readFileSync(SEED_CIRCULAR, 'utf8');
