import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { colophonNote, estimateCircular } from '../../electron/core/export/docx/pagination';
import { buildBatchDocx } from '../../electron/core/export/service';
import { importFile } from '../../electron/core/import/import-circular';
import { getBatch } from '../../electron/core/repos/batches';
import { tempCasebook } from '../helpers/tmp';

// An export estimates its pages once (buildBatchDocx) and hands the 版记's place to the document and to the
// result's note; the document alone (exportBatchDocx without it) estimates for itself. Both give the same bytes,
// and the note says what the document did.
describe('the page estimate of an export', () => {
  it('made once and handed over gives the bytes the document makes by itself, and the matching note', async () => {
    const book = tempCasebook({ seed: false });
    const report = await importFile(book.db, fs.readFileSync(path.resolve(__dirname, '../fixtures/innovation-six-cases.txt')), 'six.txt');
    const six = getBatch(book.db, report.batchId!);
    for (const layout of ['letter', 'file'] as const) {
      const built = await buildBatchDocx(book.db, six.id, { layout, fonts: 'gb' });
      expect(built.bytes.equals(await exportBatchDocx(six, { layout, fonts: 'gb' })), layout).toBe(true);
      const plan = estimateCircular(six, layout).colophon;
      expect(plan?.placement, layout).toBe('next-even');
      expect(built.warnings).toContain(colophonNote(plan));
      // a different plan handed over changes the document: the one handed over is the one used
      const other = await exportBatchDocx(six, { layout, fonts: 'gb', colophon: { ...plan!, placement: 'below', colophonPage: plan!.textPages } });
      expect(other.equals(built.bytes), layout).toBe(false);
    }
    // the attachment alone has no 版记 and no note
    const attachment = await buildBatchDocx(book.db, six.id, { part: 'attachment', fonts: 'gb' });
    expect(attachment.warnings.filter((w) => w.startsWith('版记'))).toEqual([]);
    book.close();
  });
});
