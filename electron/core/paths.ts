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

export function defaultDbFile(): string {
  return path.join(appDataDir(), APP_DIR_NAME, DB_FILE_NAME);
}
