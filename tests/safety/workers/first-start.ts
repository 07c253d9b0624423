// first-start FILE: prints "opening", then opens (creates) the casebook with its demo, then "done <ms the opening took>".
import { openCasebook } from '../../../electron/core/casebook';

const file = process.argv[2]!;
process.stdout.write('opening\n');
const t0 = performance.now();
openCasebook(file).close();
// the time the opening itself took, so the test can aim its kills inside it (process start-up is not part of it)
process.stdout.write(`done ${Math.round(performance.now() - t0)}\n`);
