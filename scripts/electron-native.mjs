// Makes better-sqlite3 available to Electron without touching the Node build in node_modules, so that
// `npm test` (Node) and `npm start` (Electron) both work, in either order, with no manual rebuild.
// The Electron build goes to build/native/electron-<version>-<platform>-<arch>/better_sqlite3.node and the
// main process passes it to better-sqlite3 as `nativeBinding`.
//   node scripts/electron-native.mjs [--platform win32] [--arch x64]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

export function electronVersion() {
  return JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

export function nativeDir(version, platform = process.platform, arch = process.arch) {
  return path.join(root, 'build', 'native', `electron-${version}-${platform}-${arch}`);
}

function run(cmd, args, cwd, env) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env });
  return r.status === 0;
}

export function ensureElectronNative({ platform = process.platform, arch = process.arch } = {}) {
  const version = electronVersion();
  const dir = nativeDir(version, platform, arch);
  const target = path.join(dir, 'better_sqlite3.node');
  if (fs.existsSync(target)) return target;

  // Work on a copy so the Node build in node_modules is never replaced.
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bsqlite-electron-'));
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  const env = { ...process.env };
  delete env.npm_config_nodedir; // a nodedir meant for Node headers must not leak into an Electron build

  const prebuild = path.join(path.dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  let ok = run(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', arch, '--platform', platform], work, env);
  if (!ok && platform === process.platform) {
    const npmDir = process.env.npm_execpath ? path.resolve(path.dirname(process.env.npm_execpath), '..') : null;
    const gyp = npmDir ? path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : null;
    if (gyp && fs.existsSync(gyp)) {
      ok = run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'], work, env);
    }
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !fs.existsSync(built)) {
    fs.rmSync(work, { recursive: true, force: true });
    throw new Error(`could not get better-sqlite3 for Electron ${version} (${platform}-${arch}): no prebuilt binary and no way to compile one`);
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(built, target);
  fs.rmSync(work, { recursive: true, force: true });
  return target;
}

/** Whether the Electron binary itself is installed (it is not where ELECTRON_SKIP_BINARY_DOWNLOAD was set). */
export function electronBinaryPresent() {
  try {
    const bin = require('electron'); // from Node, the package resolves to the binary's path
    return typeof bin === 'string' && fs.existsSync(bin);
  } catch {
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  if (!electronBinaryPresent() && !arg('platform')) {
    console.error('Electron is not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?).');
    console.error('Run `npm install` with internet access, or use `npm run web` to run the app in a browser.');
    process.exit(1);
  }
  try {
    console.log(ensureElectronNative({ platform: arg('platform'), arch: arg('arch') }));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
