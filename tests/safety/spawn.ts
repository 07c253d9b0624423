import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { tempDir } from '../helpers/tmp';

// The fault tests start many short child processes. tsx would compile the core at every start (about a second);
// instead the worker is bundled once and run with plain node (better-sqlite3 stays external, found through
// NODE_PATH).
const root = path.resolve(__dirname, '../..');
const bundles = new Map<string, string>();

export function workerBundle(name: string): string {
  const built = bundles.get(name);
  if (built) return built;
  const out = path.join(tempDir('safety-worker-'), `${name}.cjs`);
  buildSync({
    entryPoints: [path.join(__dirname, `workers/${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  bundles.set(name, out);
  return out;
}

/** args[0] names the worker: `first-start`, or a mode of workers/worker.ts. */
export function startWorker(args: string[]): ChildProcess {
  const entry = args[0] === 'first-start' ? workerBundle('first-start') : workerBundle('worker');
  return spawn(process.execPath, [entry, ...(args[0] === 'first-start' ? args.slice(1) : args)], {
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a worker to its end; resolves with its stdout lines (rejects on a non-zero exit). */
export function runWorker(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = startWorker(args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolve(stdout.split('\n').filter(Boolean)) : reject(new Error(`worker exited ${code}: ${stderr}`))));
  });
}

/**
 * Starts a worker and SIGKILLs it `delayMs` after its first stdout line; resolves with every complete line it
 * printed before dying. A line counts only when its newline arrived: a half-written one was not reported.
 */
export function killAfter(args: string[], delayMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = startWorker(args);
    let stdout = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (!timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      const lines = stdout.split('\n');
      lines.pop(); // after the last newline: incomplete
      resolve(lines.filter(Boolean));
    });
  });
}
