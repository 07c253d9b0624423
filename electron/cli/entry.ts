// The command line's process entry, for the bundled build (scripts/build-cli.mjs): main.ts stays importable by tests.
import { runCli } from './main';

runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
}).then((code) => {
  process.exitCode = code;
});
