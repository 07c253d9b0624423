import fs from 'node:fs';
import path from 'node:path';

// Files are written as `.NAME.PID.tmp` beside their target and renamed into place (exports, backups). A process
// killed between the two leaves the temporary file; it is removed later, once its writer is known to be gone.
// Only names of our kinds of file (.docx, .xlsx, .db): the folder may be Documents, where other programs write too.
const TEMP_NAME = /^\..+\.(?:docx|xlsx|db)\.(\d+)\.tmp$/u;

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
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
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

/** Removes this app's temporary files in `dir` whose writer process no longer runs; returns their names. */
export function removeOrphanTemps(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // a file we cannot remove is left for the next time
    }
  }
  return removed;
}
