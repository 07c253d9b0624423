// npm run web -- [--db FILE] [--port N] [--no-seed]: serves the app on 127.0.0.1 with a per-start token.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, optionString } from '../cli/args';
import { openCasebook } from '../core/casebook';
import { createHandlers } from '../core/api/handlers';
import type { Host } from '../core/api/host';
import { defaultDbFile } from '../core/paths';
import { startLoopbackServer } from './server';
import { corruptReport } from '../core/backup/recovery';
import { DatabaseCorruptError } from '../core/db/connection';
import { removeOrphanTemps } from '../core/orphan-temps';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(root, 'out', 'renderer');

/** Builds the renderer when it is missing or older than its sources. */
function ensureBuilt(): void {
  const index = path.join(rendererDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  // the build's own inputs count too: a change of the vite config or the antd stylesheet step alone rebuilds
  const inputs = ['electron.vite.config.ts', 'scripts/antd-css.ts', 'package.json'].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
  const newestInput = Math.max(newest(path.join(root, 'renderer')), newest(path.join(root, 'shared')), ...inputs.map((f) => fs.statSync(f).mtimeMs));
  if (built > newestInput) return;
  process.stderr.write('正在构建界面…\n');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('界面构建失败');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  ensureBuilt();
  const dbFile = optionString(args, 'db') ?? defaultDbFile();
  let book: ReturnType<typeof openCasebook>;
  try {
    book = openCasebook(dbFile, { seed: !args.options.has('no-seed'), dailyBackup: true });
  } catch (err) {
    // a damaged file: say so, with the command-line ways out; the file itself is left as it is
    if (err instanceof DatabaseCorruptError) throw new Error(corruptReport(err.file, err.detail, 'cli'));
    throw err;
  }
  const exportDir = path.join(path.dirname(path.resolve(dbFile)), 'exports');
  fs.mkdirSync(exportDir, { recursive: true });
  removeOrphanTemps(exportDir);
  let server: Awaited<ReturnType<typeof startLoopbackServer>> | null = null;
  const host: Host = {
    transport: 'http',
    version: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    async chooseSavePath(defaultName) {
      // No dialog in a browser: save into the exports folder under a name not yet taken.
      const ext = path.extname(defaultName);
      const stem = defaultName.slice(0, defaultName.length - ext.length);
      let candidate = path.join(exportDir, defaultName);
      for (let i = 2; fs.existsSync(candidate); i++) candidate = path.join(exportDir, `${stem}（${i}）${ext}`);
      return candidate;
    },
    downloadUrl: (p) => (path.dirname(path.resolve(p)) === exportDir ? `/download/${encodeURIComponent(path.basename(p))}` : null),
    async openPath() {
      // the browser downloads instead
    },
    async showInFolder() {},
  };
  const handlers = createHandlers({ db: book.db, dbFile: path.resolve(dbFile), host });
  const port = optionString(args, 'port');
  server = await startLoopbackServer({ handlers, rendererDir, exportDir, port: port ? Number(port) : 0 });
  process.stdout.write(`${server.url}\n`);
  const stop = async () => {
    await server?.close();
    book.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`错误：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
