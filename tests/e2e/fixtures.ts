import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

// Each test gets its own database file and its own `npm run web` server on 127.0.0.1.
export interface WebApp {
  url: string;
  dbFile: string;
  dir: string;
  consoleErrors: string[];
}

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `root`: another checkout to serve (the typing bench's previous build, side by side); this one by default. */
export async function startWeb(options: { seed?: boolean; root?: string } = {}): Promise<{ app: Omit<WebApp, 'consoleErrors'>; child: ChildProcess }> {
  const root = options.root ?? here;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-e2e-'));
  const dbFile = path.join(dir, 'e2e.db');
  const args = ['electron/web/main.ts', '--db', dbFile, ...(options.seed === false ? ['--no-seed'] : [])];
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/u.exec(out);
      if (m) (clearTimeout(timer), resolve(m[1]!));
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return { app: { url, dbFile, dir }, child };
}

export const test = base.extend<{ web: WebApp }>({
  web: async ({ page }, use) => {
    const { app, child } = await startWeb();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await use({ ...app, consoleErrors });
    child.kill('SIGTERM');
    fs.rmSync(app.dir, { recursive: true, force: true });
  },
});

export { expect };
export type { Page };
