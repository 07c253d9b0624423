import os from 'node:os';
import path from 'node:path';

// Where the casebook lives by default: the same folder Electron's userData points at, so that the command
// line and the app open the same file.
export const APP_DIR_NAME = 'FTZ Casebook';
export const DB_FILE_NAME = 'casebook.db';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

/** The folder of the command line's caches: $XDG_CACHE_HOME (or ~/.cache), %LOCALAPPDATA% on Windows. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const base = platform === 'win32' ? (env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local')) : env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, APP_DIR_NAME);
}

export function defaultDbFile(): string {
  return path.join(appDataDir(), APP_DIR_NAME, DB_FILE_NAME);
}
