// Regenerates seeds/demo.json from the user's seed circular with the project's own parser:
//   npm run seed [-- PATH_TO_SEED_TEXT]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCircular } from '../electron/core/import/parse-circular';
import { decodeText } from '../electron/core/import/text';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEED_CIRCULAR = path.resolve(here, '../../shared/seeds/001_687212a8bc2a322c.txt');
export const DEMO_FILE = path.join(here, 'demo.json');

export function buildDemo(seedPath = SEED_CIRCULAR) {
  const parsed = parseCircular(decodeText(fs.readFileSync(seedPath), path.basename(seedPath)));
  return { fileName: path.basename(seedPath), parsed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = buildDemo(process.argv[2]);
  fs.writeFileSync(DEMO_FILE, `${JSON.stringify(demo, null, 1)}\n`);
  console.log(`${DEMO_FILE}: ${demo.parsed.cases.length} cases, ${demo.parsed.warnings.length} warnings`);
}
