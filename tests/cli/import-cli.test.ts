import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { SAMPLE_CASES, typedText, wordFile } from '../helpers/word-samples';
import { tempDir } from '../helpers/tmp';

// Issue 17.9 and its bad input: `import` and `check` take every format; a refused file is named with its reason and
// the other files of the same command are still imported.

describe('import and check on the command line', () => {
  it('imports the good files of a batch of files and names the refused one', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    fs.writeFileSync(path.join(dir, '案例.docx'), await wordFile('numbering', SAMPLE_CASES.slice(0, 1)));
    fs.writeFileSync(path.join(dir, 'OA导出.doc'), '{\\rtf1\\ansi 案例}');
    fs.writeFileSync(path.join(dir, '记事本.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(typedText(SAMPLE_CASES.slice(1)), 'utf16le')]));
    const r = await cli('--db', db, '--no-seed', 'import', ...['案例.docx', 'OA导出.doc', '记事本.txt'].map((f) => path.join(dir, f)));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/案例.docx：.*1 个案例/u);
    expect(r.out).toMatch(/记事本.txt：.*1 个案例/u);
    expect(r.out).toMatch(/OA导出.doc：未导入。OA导出.doc其实是 RTF 文件/u);
    const list = await cli('--db', db, 'list', 'cases', '--json');
    expect(JSON.parse(list.out).map((c: { title: string }) => c.title)).toEqual(expect.arrayContaining([SAMPLE_CASES[0]!.title, SAMPLE_CASES[1]!.title]));
  });

  it('checks a Word file without importing it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '案例.docx'), await wordFile('numbering', SAMPLE_CASES.slice(1)));
    const r = await cli('--db', path.join(dir, 'd.db'), 'check', path.join(dir, '案例.docx'));
    expect(r.out).toContain('共 0 处');
    expect(r.code).toBe(0);
  });
});
