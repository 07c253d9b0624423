// npm run cli: runs the bundled command line (out/cli/cli.mjs), rebuilding it first when a source file is newer
// than the bundle (or it is missing), so a clerk or a test never runs stale code and never waits for tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out/cli/cli.mjs');
// Everything the command line bundles comes from these folders (renderer/ and tests/ do not reach it).
const SOURCES = ['electron/cli', 'electron/core', 'shared', 'seeds', 'scripts/build-cli.mjs', 'package.json'];

/** True when some file under `p` was modified after `since` (ms); stops at the first. */
function newerThan(p, since) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return false;
  }
  if (!st.isDirectory()) return st.mtimeMs > since;
  return fs.readdirSync(p).some((name) => newerThan(path.join(p, name), since));
}

function builtAt() {
  try {
    return fs.statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * True when a file the bundle was built from (out/cli/inputs.json, written by the build) is newer than it or gone.
 * Stats those files only (a walk of the source folders cost a tenth of a start); null without the list.
 */
function inputsNewerThan(since) {
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(path.join(root, 'out/cli/inputs.json'), 'utf8'));
  } catch {
    return null;
  }
  // `${root}/${f}` rather than path.join: normalizing ~130 paths showed in a start's profile; f is a clean relative path
  return [...inputs, 'scripts/build-cli.mjs', 'package.json'].some((f) => {
    const st = fs.statSync(`${root}/${f}`, { throwIfNoEntry: false });
    return !st || st.mtimeMs > since;
  });
}

const at = builtAt();
if (at < 0 || (inputsNewerThan(at) ?? SOURCES.some((s) => newerThan(path.join(root, s), at)))) {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}
await import(pathToFileURL(bundle).href);
