import fs from 'node:fs';
import path from 'node:path';

// Files are written as `.NAME.PID.tmp` beside their target and renamed into place (exports, backups, caches). A process
// killed between the two leaves the temporary file; it is removed later, once its writer is known to be gone.
// Only names of our kinds of file (.docx, .xlsx, .db): the folder may be Documents, where other programs write too.
const TEMP_NAME = /^\..+\.(?:docx|xlsx|db)\.(\d+)\.tmp$/u;
// The cache folder (userCacheDir: fc-list.json, title-segments.json) is the app's own; its files are .json.
const CACHE_TEMP_NAME = /^\..+\.json\.(\d+)\.tmp$/u;
/**
 * A cache write takes milliseconds: its temporary older than this is left over even when a process of its number
 * runs (the number reused since), so it goes too. Exports and backups (a VACUUM INTO of a large file) take longer
 * and keep the writer-gone rule alone.
 */
export const CACHE_TEMP_MAX_AGE_MS = 10 * 60_000;

export function tempNameFor(target: string, pid = process.pid): string {
  return path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${pid}.tmp`);
}

/**
 * Writes a cache file through a temporary beside it, renamed into place; false when it could not be written (a
 * read-only home), the temporary then removed: a cache that cannot be kept only costs the next run its work.
 */
export function writeCacheFile(file: string, text: string): boolean {
  const tmp = tempNameFor(file);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // left by a cache write killed before its rename (any of the folder's cache files)
    removeOrphanTemps(path.dirname(file), { name: CACHE_TEMP_NAME, maxAgeMs: CACHE_TEMP_MAX_AGE_MS });
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}

function olderThan(file: string, ms: number): boolean {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return st !== undefined && Date.now() - st.mtimeMs > ms;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Removes this app's temporary files in `dir` (named as `name` matches, the writer's process number its group)
 * whose writer process no longer runs, or, given `maxAgeMs`, that are older than that; returns their names.
 */
export function removeOrphanTemps(dir: string, rules: { name?: RegExp; maxAgeMs?: number } = {}): string[] {
  const { name: pattern = TEMP_NAME, maxAgeMs } = rules;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    try {
      if (alive(Number(m[1])) && !(maxAgeMs !== undefined && olderThan(path.join(dir, name), maxAgeMs))) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // a file we cannot remove is left for the next time
    }
  }
  return removed;
}
