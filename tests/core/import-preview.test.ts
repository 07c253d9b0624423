import { describe, expect, it } from 'vitest';
import { importCasesOnly, importFile, previewFile } from '../../electron/core/import/import-circular';
import { listBatches } from '../../electron/core/repos/batches';
import { listCases } from '../../electron/core/repos/cases';
import { dbChecksum } from '../safety/db-checksum';
import { seedText, tempCasebook } from '../helpers/tmp';
import { wordFile } from '../helpers/word-samples';

// Issue 17.9 and 14.5: a preview writes nothing and shows what an import would; a circular imported before is named
// by its batch's title, and its cases can still go into the library without a second batch.

describe('preview and cases-only import', () => {
  it('previews a Word file without writing, with its cases and notes', async () => {
    const { db } = tempCasebook();
    const before = dbChecksum(db);
    const preview = await previewFile(db, await wordFile('numbering', undefined, { revisions: true }), '案例.docx');
    expect(preview.cases).toHaveLength(2);
    expect(preview.batchTitle).toBe('');
    expect(preview.duplicate).toBeNull();
    expect(preview.warnings[0]!.message).toMatch(/未接受的修订/u);
    expect(dbChecksum(db)).toBe(before);
  });

  it('names the earlier batch by its title; the cases alone can still be imported, once per request, without a batch', async () => {
    const { db } = tempCasebook(); // the demo holds 第三批 already
    const bytes = Buffer.from(seedText());
    const preview = await previewFile(db, bytes, '第三批.txt');
    expect(preview.duplicate).toEqual({ id: expect.any(Number), title: '第三批复制推广自贸试验区制度创新成果典型案例' });
    const again = await importFile(db, bytes, '第三批.txt');
    expect(again.duplicateOf).toBe(preview.duplicate!.id);
    expect(again.warnings[0]!.message).toBe('该通知已导入过，即批次“第三批复制推广自贸试验区制度创新成果典型案例”，未重复导入');
    const batches = listBatches(db).length;
    const cases = listCases(db, {}).length;
    const report = await importCasesOnly(db, bytes, '第三批.txt');
    expect(report.caseCount).toBe(28);
    expect(report.batchId).toBeNull();
    expect(listCases(db, {}).length).toBe(cases + 28);
    expect(listBatches(db).length).toBe(batches);
  });
});
