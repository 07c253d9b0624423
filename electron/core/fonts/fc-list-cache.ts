import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCacheFile } from '../orphan-temps';
import { userCacheDir } from '../paths';

// fc-list's answer kept between processes (issue 13): starting it from a command-line export costs that process
// more than a tenth of its time (the spawn from a large process, then fc-list reading its caches). fontconfig
// itself trusts a font folder's cache while the folder's modification time is unchanged, so its answer is kept
// under the same condition: the times of every font folder (recursively) and of the configuration, taken before
// fc-list runs. A font installed or removed changes its folder's time, and fc-list runs again. Linux only (the
// folders below are fontconfig's there); elsewhere fc-list runs every time as before.

/** Bounds: folders looked at (beyond them nothing is cached), bytes of fc-list's answer kept. */
const MAX_DIRS = 2000;
const MAX_OUTPUT = 1024 * 1024;

/** The font folders and configuration of a standard fontconfig (/etc/fonts/fonts.conf), home and XDG included. */
export function fontconfigInputs(env: NodeJS.ProcessEnv = process.env): { dirs: string[]; files: string[] } {
  const home = os.homedir();
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local/share');
  const cacheHome = env.XDG_CACHE_HOME || path.join(home, '.cache');
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', path.join(dataHome, 'fonts'), path.join(home, '.fonts')];
  // the configuration (with conf.d's files), and fontconfig's own caches, which fc-cache rewrites
  const files = ['/etc/fonts', '/etc/fonts/fonts.conf', '/etc/fonts/local.conf', '/etc/fonts/conf.d', '/var/cache/fontconfig', path.join(cacheHome, 'fontconfig'), path.join(home, '.fontconfig')];
  for (const extra of [env.FONTCONFIG_FILE, env.FONTCONFIG_PATH, env.FONTCONFIG_SYSROOT]) if (extra) files.push(extra);
  try {
    for (const name of fs.readdirSync('/etc/fonts/conf.d').sort()) files.push(path.join('/etc/fonts/conf.d', name));
  } catch {
    // no conf.d: its absence is in the stamp already
  }
  return { dirs, files };
}

/** The modification times of the folders (recursively) and files; null beyond MAX_DIRS folders. */
export function fontconfigStamp(inputs: { dirs: string[]; files: string[] }): string | null {
  const parts: string[] = [];
  const mtime = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? '-';
  for (const f of inputs.files) parts.push(`${f}\t${mtime(f)}`);
  const queue = [...inputs.dirs];
  for (let n = 0; n < queue.length; n++) {
    if (n >= MAX_DIRS) return null;
    const dir = queue[n]!;
    parts.push(`${dir}\t${mtime(dir)}`);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    // folders only, as fontconfig scans them; a symbolic link to a folder is followed once by its path
    for (const e of entries) if (e.isDirectory() || (e.isSymbolicLink() && fs.statSync(path.join(dir, e.name), { throwIfNoEntry: false })?.isDirectory())) queue.push(path.join(dir, e.name));
  }
  return parts.join('\n');
}

export interface FcListCache {
  /** fc-list's kept answer, when the fonts and configuration are as they were; undefined otherwise. */
  read(): string | undefined;
  /** Keeps a fresh answer (a failure to write only costs the next export the spawn). */
  write(stdout: string): void;
}

/** The cache of fc-list's answer to `args` under `stamp`; null where nothing is cached (not Linux, too many folders). */
export function fcListCache(args: readonly string[], env: NodeJS.ProcessEnv = process.env, platform = process.platform): FcListCache | null {
  if (platform !== 'linux') return null;
  const stamp = fontconfigStamp(fontconfigInputs(env));
  if (stamp === null) return null;
  const key = `${args.join(' ')}\n${env.PATH ?? ''}\n${stamp}`;
  const file = path.join(userCacheDir(env, platform), 'fc-list.json');
  return {
    read() {
      try {
        const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: unknown; stdout?: unknown };
        return kept.key === key && typeof kept.stdout === 'string' ? kept.stdout : undefined;
      } catch {
        return undefined;
      }
    },
    write(stdout) {
      if (stdout.length > MAX_OUTPUT) return;
      writeCacheFile(file, JSON.stringify({ key, stdout })); // a read-only home: fc-list runs every time, as before
    },
  };
}
