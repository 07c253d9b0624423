import path from 'node:path';
import type { Host } from '../../electron/core/api/host';

/** A host for the handler table in tests: exports go into `dir` without a dialog; opening does nothing. */
export function testHost(dir: string): Host {
  return {
    transport: 'http',
    version: '0.0.0-test',
    chooseSavePath: async (name) => path.join(dir, name),
    downloadUrl: (p) => `/download/${path.basename(p)}`,
    openPath: async () => {},
    showInFolder: async () => {},
  };
}
