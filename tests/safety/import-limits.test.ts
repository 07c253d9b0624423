import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildCaseDocx } from '../../electron/core/export/service';
import { importFile } from '../../electron/core/import/import-circular';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_TEXT_CHARS, MAX_ZIP_PART_BYTES } from '../../electron/core/import/limits';
import { listCases } from '../../electron/core/repos/cases';
import { seedText, tempCasebook } from '../helpers/tmp';
import { refusedImport as refusedOf } from './refused-import';

// Issue 9.11 and the UTF-16 part of 9.15: every import is bounded before it can take the memory or the time, the
// refusal is Chinese and names the file, and nothing is written.

const book = tempCasebook();
const { db } = book;

const refusedImport = (fileName: string, bytes: Uint8Array) => refusedOf(db, fileName, bytes);

describe('import resource limits', () => {
  it('refuses a small .docx that unpacks to 100 MB before unpacking it (a zip bomb)', async () => {
    const real = unzipSync((await buildCaseDocx(db, 1)).bytes);
    const open = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
    const close = '</w:t></w:r></w:p></w:body></w:document>';
    const size = 100 * 1024 * 1024;
    const xml = new Uint8Array(size).fill(0x20);
    xml.set(Buffer.from(open), 0);
    xml.set(Buffer.from(close), size - close.length);
    const bomb = zipSync({ ...real, 'word/document.xml': [xml, { level: 9 }] });
    expect(bomb.length).toBeLessThan(300 * 1024); // a few hundred KB on disk
    expect(size).toBeGreaterThan(MAX_ZIP_PART_BYTES);
    const heapBefore = process.memoryUsage().rss;
    const message = await refusedImport('炸弹.docx', bomb);
    expect(message).toMatch(/解压后过大（100 MB）.*超过导入上限/u);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(size / 2); // never unpacked
  });

  it('refuses a 50 MB text file at once, with the limit in the message', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, Buffer.from('自贸试验区制度创新案例。\n'));
    expect(big.length).toBeGreaterThan(MAX_IMPORT_FILE_BYTES);
    expect(await refusedImport('大文件.txt', big)).toMatch(/太大（50 MB），导入上限为 30 MB/u);
  });

  it('refuses a file under the size limit whose text is too long to parse in reasonable time', async () => {
    const long = Buffer.alloc(MAX_IMPORT_TEXT_CHARS + 10, 'a');
    expect(await refusedImport('长文本.txt', long)).toMatch(/文字太多.*导入上限为 200 万字/u);
  });
});

describe('UTF-16 text files with a byte-order mark', () => {
  const utf16be = (s: string) => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  };
  it.each([
    ['通知（UTF-16 LE）.txt', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText(), 'utf16le')])],
    ['通知（UTF-16 BE）.txt', () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(seedText())])],
  ])('%s imports as the same 28 cases as the UTF-8 text', async (fileName, bytes) => {
    const fresh = tempCasebook({ seed: false });
    const before = listCases(fresh.db, {}).length;
    const report = await importFile(fresh.db, bytes(), fileName);
    expect(report.caseCount).toBe(28);
    expect(report.batchTitle).toBe('第三批复制推广自贸试验区制度创新成果典型案例');
    expect(listCases(fresh.db, {}).length).toBe(before + 28);
    fresh.close();
  });

  it('a truncated UTF-16 file (odd length) gets a Chinese message, not «binary»', async () => {
    const cut = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('案例', 'utf16le'), Buffer.from([0x41])]);
    const message = await refusedImport('半截.txt', cut);
    expect(message).toMatch(/UTF-16/u);
    expect(message).not.toMatch(/二进制/u);
  });
});
