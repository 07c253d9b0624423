import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCasebook } from '../../electron/core/casebook';
import { openExistingCasebook } from '../../electron/core/casebook-open';
import { listBatches } from '../../electron/core/repos/batches';
import { tempDir } from '../helpers/tmp';

// The command line opens a file through openExistingCasebook, which leaves out the demo batch and the import
// code (issue 13: a start loads only what `list batches` needs); a new file is then opened by openCasebook.
describe('opening an existing casebook without the seeding code', () => {
  it('declines a new file, leaving it for openCasebook to fill, and opens a filled one', () => {
    const file = path.join(tempDir(), 'fresh.db');
    expect(openExistingCasebook(file)).toBeNull();
    // the declined open rolled back: the next open still sees a new file and loads the demo into it
    const book = openCasebook(file);
    expect(book.created).toBe(true);
    expect(listBatches(book.db).map((b) => b.itemCount)).toEqual([28]);
    book.close();
    const again = openExistingCasebook(file)!;
    expect(again.created).toBe(false);
    expect(listBatches(again.db).map((b) => b.itemCount)).toEqual([28]);
    again.close();
    expect(fs.existsSync(`${file}.checked`)).toBe(true); // closed cleanly: the next start skips quick_check
  });

  it('declines an empty file the same way (a start killed before its first commit)', () => {
    const file = path.join(tempDir(), 'empty.db');
    fs.writeFileSync(file, '');
    expect(openExistingCasebook(file, { seed: false })).toBeNull();
    const book = openCasebook(file, { seed: false });
    expect(book.created).toBe(true);
    expect(listBatches(book.db)).toEqual([]);
    book.close();
  });
});
