// electron-builder hook: puts better-sqlite3 built for the target's Electron, platform and arch where the
// packaged app looks for it (resources/native/better_sqlite3.node, outside the asar).
const fs = require('node:fs');
const path = require('node:path');

const ARCHS = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

exports.default = async function beforePack(context) {
  const { ensureElectronNative } = await import('../scripts/electron-native.mjs');
  const binary = ensureElectronNative({ platform: context.electronPlatformName, arch: ARCHS[context.arch] ?? 'x64' });
  const staged = path.join(__dirname, 'native', 'current');
  fs.mkdirSync(staged, { recursive: true });
  fs.copyFileSync(binary, path.join(staged, 'better_sqlite3.node'));
};
