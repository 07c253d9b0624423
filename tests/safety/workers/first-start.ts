// first-start FILE: prints "opening", then opens (creates) the casebook with its demo, then "done".
import { openCasebook } from '../../../electron/core/casebook';

const file = process.argv[2]!;
process.stdout.write('opening\n');
openCasebook(file).close();
process.stdout.write('done\n');
