import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCasebook } from '../../electron/core/casebook';
import { DatabaseCorruptError, openDatabase } from '../../electron/core/db/connection';
import { tempDir } from '../helpers/tmp';

// issue 13: quick_check at every open cost a start 50 ms on the demo file and seconds on a large library. A file
// closed cleanly after a passed check is vouched for by a stamp beside it until it changes or the day ends.

function damage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16 * 4096, 0xa5), 0, 16 * 4096, 8 * 4096);
  fs.closeSync(fd);
}

const checkedBy = (file: string) => {
  const opened = openDatabase(file);
  opened.db.close();
  return opened.checked;
};

describe('the check at open', () => {
  it('skips quick_check for a file unchanged since a clean close today, and only then', () => {
    const file = path.join(tempDir(), 'casebook.db');
    openCasebook(file).close();
    expect(fs.existsSync(`${file}.checked`)).toBe(true);
    const book = openCasebook(file);
    expect(fs.existsSync(`${file}.checked`)).toBe(false); // open: the file may change from now on
    book.close();
    expect(checkedBy(file)).toBe('unchanged'); // a plain close (not Casebook.close) leaves no stamp…
    expect(checkedBy(file)).toBe('quick_check'); // …so the next open checks
    openCasebook(file).close();
    const stamp = JSON.parse(fs.readFileSync(`${file}.checked`, 'utf8'));
    fs.writeFileSync(`${file}.checked`, JSON.stringify({ ...stamp, checkedOn: '2000-01-01' }));
    expect(checkedBy(file)).toBe('quick_check'); // once a day regardless
  });

  it('still recognises a damaged file, its modification time set back included', () => {
    const file = path.join(tempDir(), 'casebook.db');
    openCasebook(file).close();
    const before = fs.statSync(file);
    damage(file);
    fs.utimesSync(file, before.atime, before.mtime); // the stamp's mtime again; the ctime cannot be set back
    expect(fs.statSync(file).size).toBe(before.size);
    expect(() => openCasebook(file)).toThrow(DatabaseCorruptError);
    expect(() => openCasebook(file)).toThrow(DatabaseCorruptError); // and at every later open
  });

  it('checks a file a crash left with its -wal', () => {
    const file = path.join(tempDir(), 'casebook.db');
    openCasebook(file).close();
    fs.writeFileSync(`${file}-wal`, Buffer.alloc(0));
    expect(checkedBy(file)).toBe('unchanged'); // an empty -wal is what a clean close may leave
    openCasebook(file).close();
    const book = openCasebook(file);
    book.db.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").run();
    fs.copyFileSync(`${file}-wal`, `${file}.wal-copy`); // the -wal as a killed process leaves it
    book.close();
    openCasebook(file).close();
    fs.copyFileSync(`${file}.wal-copy`, `${file}-wal`);
    expect(checkedBy(file)).toBe('quick_check');
  });
});
