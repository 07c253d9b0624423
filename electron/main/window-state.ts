import fs from 'node:fs';
import path from 'node:path';

// Remembers the window's size and position between starts.
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1366, height: 768, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    if (typeof s.width === 'number' && typeof s.height === 'number') return { ...DEFAULT_STATE, ...s };
  } catch {
    // first start, or an unreadable file: fall back to the default size
  }
  return DEFAULT_STATE;
}

export function saveWindowState(dir: string, state: WindowState): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(state));
}
