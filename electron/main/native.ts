import fs from 'node:fs';
import path from 'node:path';

// better-sqlite3 is built once per runtime: node_modules holds the Node build (tests, command line); the app
// loads the Electron build kept beside it (scripts/electron-native.mjs), or, packaged, from resources/.
export function electronNativeBinding(appRoot: string, resourcesPath: string, electronVersion: string): string | undefined {
  const candidates = [
    path.join(resourcesPath, 'native', 'better_sqlite3.node'),
    path.join(appRoot, 'build', 'native', `electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}
