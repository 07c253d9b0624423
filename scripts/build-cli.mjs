// Bundles the command line into out/cli/ (minified ES modules, split at every dynamic import), so that
// `npm run cli` starts without compiling TypeScript and loads docx/exceljs only for the commands that export.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = path.join(root, 'out/cli');
export const CLI_BUNDLE = path.join(CLI_OUT, 'cli.mjs');
export const CLI_INPUTS = path.join(CLI_OUT, 'inputs.json');

// Packages the core imports at the top of a module that every command loads (e.g. word-extractor, through the demo
// seeding's import path), but uses only inside functions: they become a proxy that requires the package on
// first use, so `list batches` never loads them (exceljs and papaparse: the register's catalogue import).
const LAZY_DEFAULT = ['word-extractor', 'exceljs', 'papaparse'];

/** @type {import('esbuild').Plugin} */
const lazyDefault = {
  name: 'lazy-default',
  setup(b) {
    const filter = new RegExp(`^(${LAZY_DEFAULT.join('|')})$`); // Go regexps: no flags
    // the proxy's own require of the package is Node's, at run time: resolved here, it would name the proxy itself
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy-default' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-default' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-default' }, (args) => ({
      contents:
        `let m; const load = () => (m ??= require(${JSON.stringify(args.path)}));\n` +
        // a function as the target, so that a package whose export is a class (word-extractor) can be `new`ed
        'export default new Proxy(function () {}, { get: (_, key) => load()[key], has: (_, key) => key in load(),\n' +
        '  construct: (_, args) => Reflect.construct(load(), args), apply: (_, self, args) => Reflect.apply(load(), self, args) });\n',
      loader: 'js',
    }));
  },
};

// better-sqlite3 is CommonJS: imported from an ES module, Node first scans its source for the names it exports
// (cjs-module-lexer) and wraps it in a facade, a few milliseconds of every start; required, it just loads.
/** @type {import('esbuild').Plugin} */
const requireSqlite = {
  name: 'require-sqlite',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
      args.kind === 'require-call' ? { path: args.path, external: true } : { path: args.path, namespace: 'require-sqlite' },
    );
    b.onLoad({ filter: /.*/, namespace: 'require-sqlite' }, () => ({ contents: "export default require('better-sqlite3');\n", loader: 'js' }));
  },
};

// The demo batch (seeds/demo.json, 290 KB) is needed only when a new file is created: as a JavaScript object
// literal it costs every start its compile time, as a string parsed on first use it costs nothing.
/** @type {import('esbuild').Plugin} */
const lazyJson = {
  name: 'lazy-json',
  setup(b) {
    b.onLoad({ filter: /seeds[\\/]demo\.json$/ }, async (args) => ({
      contents:
        `const text = ${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))))};\n` +
        'let value; const load = () => (value ??= JSON.parse(text));\n' +
        'export default new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(load(), key) });\n',
      loader: 'js',
    }));
  },
};

// zod bundles every one of its ~50 locales (260 KB of its 450 KB, a third of a start's compile time) because
// `z.locales` names them all; the app uses only zh-CN (shared/zod-zh.ts) and English, zod's default. Any other
// `z.locales.X` would be undefined here: the build refuses such a use (see the check after the build).
const ZOD_LOCALES = { en: 'en', zhCN: 'zh-CN' };
/** @type {import('esbuild').Plugin} */
const zodLocales = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(path.dirname(args.importer), args.path), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: Object.entries(ZOD_LOCALES).map(([name, file]) => `export { default as ${name} } from ${JSON.stringify(`./${file}.js`)};`).join('\n'),
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/** Builds out/cli; returns how long it took and esbuild's metafile (what each output file holds). */
export async function buildCli() {
  const t0 = performance.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'electron/cli/entry.ts' },
    outdir: CLI_OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: !process.env.CLI_NO_MINIFY,
    legalComments: 'none',
    chunkNames: 'chunks/[name]-[hash]',
    // better-sqlite3 is a native addon, loaded from node_modules as it is.
    // pdfjs-dist starts its worker from a file beside its own module: bundled, that file is not there
    external: ['better-sqlite3', 'pdfjs-dist'],
    // Bundled CommonJS packages (exceljs) call require for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [lazyDefault, lazyJson, zodLocales, requireSqlite],
    logLevel: 'warning',
    metafile: true,
    write: false,
  });
  // Two commands may start at once and both rebuild: each file is renamed into place whole, the chunks (named
  // by their content) before the entry that imports them, so a start never reads a half-written bundle.
  const entry = result.outputFiles.find((f) => f.path === CLI_BUNDLE);
  for (const f of [...result.outputFiles.filter((o) => o !== entry), entry]) {
    mkdirSync(path.dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  // The project files the bundle was built from, for the launcher's staleness check (scripts/cli.mjs): it stats
  // these ~120 files instead of walking the source folders. A new file matters only once an existing one imports
  // it, and that edit makes the importer newer than the bundle.
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules') && !f.includes(':'));
  for (const f of inputs) {
    const missing = [...(await readFile(path.join(root, f), 'utf8')).matchAll(/\blocales\.(\w+)/gu)].map((m) => m[1]).filter((n) => !(n in ZOD_LOCALES));
    if (missing.length) throw new Error(`${f} uses zod's locale ${missing.join(', ')}: add it to ZOD_LOCALES in scripts/build-cli.mjs`);
  }
  const list = `${CLI_OUT}/inputs.json.${process.pid}.tmp`;
  writeFileSync(list, JSON.stringify(inputs));
  renameSync(list, CLI_INPUTS);
  // Chunks of former builds: removed once no start can still be loading them.
  const current = new Set(result.outputFiles.map((f) => f.path));
  const chunks = path.join(CLI_OUT, 'chunks');
  for (const name of readdirSync(chunks)) {
    const file = path.join(chunks, name);
    if (!current.has(file) && Date.now() - statSync(file).mtimeMs > 10 * 60_000) rmSync(file, { force: true });
  }
  return { ms: performance.now() - t0, metafile: result.metafile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ms } = await buildCli();
  console.log(`out/cli built in ${Math.round(ms)} ms`);
}
