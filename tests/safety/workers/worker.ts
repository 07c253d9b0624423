// Child processes for the fault tests (writers; first-start.ts opens a new casebook), bundled once by tests/safety/spawn.ts and run with plain node.
//   counter FILE N         N read-then-write transactions on one counter; prints {"failures":n,"lockErrors":[…]}
//   cases FILE             creates cases until killed; prints each id once its transaction has committed
import { openDatabase } from '../../../electron/core/db/connection';
import { createCase } from '../../../electron/core/repos/cases';
import { listUnits } from '../../../electron/core/repos/vocab';
import { draftCase } from '../../helpers/case-content';

const [mode, file, arg] = process.argv.slice(2);
const out = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'counter') {
  const { db } = openDatabase(file!);
  const read = db.prepare(`SELECT value FROM settings WHERE key = 'safety.counter'`).pluck();
  const write = db.prepare(`INSERT INTO settings (key, value) VALUES ('safety.counter', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  // read, then write in the same transaction: with a deferred BEGIN the upgrade from reader to writer fails at
  // once (SQLITE_BUSY) whenever the other process committed in between; IMMEDIATE waits for the lock instead
  const bump = db.transaction(() => {
    const v = Number(read.get() ?? '0');
    write.run(String(v + 1));
  });
  let failures = 0;
  const lockErrors: string[] = [];
  for (let i = 0; i < Number(arg); i++) {
    try {
      bump();
    } catch (err) {
      failures++;
      if (lockErrors.length < 3) lockErrors.push(String(err));
    }
  }
  db.close();
  out(JSON.stringify({ failures, lockErrors }));
} else if (mode === 'cases') {
  const book = openDatabase(file!);
  const unitId = listUnits(book.db)[0]!.id;
  for (let i = 1; ; i++) {
    const c = createCase(
      book.db,
      draftCase({
        title: `故障注入案例${i}`,
        unitId,
        lead: [`第${i}个案例的导语。`.repeat(1 + (i % 20))],
        body: [{ heading: '主要做法', text: '', paragraphs: [`正文${i}。`.repeat(1 + (i % 50))], items: [] }],
      }),
    );
    out(String(c.id)); // after the commit: the parent may rely on this id
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
