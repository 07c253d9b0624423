import { describe, expect, it } from 'vitest';
import { exportBatchDocx, exportCaseDocx } from '../../electron/core/export/docx';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { readDocx } from '../helpers/docx';
import { tempCasebook } from '../helpers/tmp';

// Widow and orphan control (two lines at least on either side of a page break) in the styles' paragraph defaults:
// LibreOffice applies it to every paragraph whether asked or not (its PDF of the demo letter is the same with the
// default and without it, and differs when it is turned off), and the page estimate (pagination.ts) assumes it.
// Word applies it only where asked: without the default, Word could set a lone line where the estimate does not.

const book = tempCasebook();

describe('widow control', () => {
  it('is on in the paragraph defaults of every Word document the app writes', async () => {
    const demo = getBatch(book.db, listBatches(book.db)[0]!.id);
    const docs = [
      await exportBatchDocx(demo, { layout: 'letter' }),
      await exportBatchDocx(demo, { layout: 'file' }),
      await exportBatchDocx(demo, { part: 'attachment' }),
      await exportCaseDocx(demo.items[0]!.case),
    ];
    for (const bytes of docs) {
      const styles = readDocx(bytes).files['word/styles.xml']!;
      const defaults = /<w:pPrDefault><w:pPr>([\s\S]*?)<\/w:pPr><\/w:pPrDefault>/u.exec(styles)![1]!;
      // before the spacing, as the schema orders w:pPr
      expect(defaults).toMatch(/^<w:widowControl\/><w:spacing [^>]*w:lineRule="exact"\/>$/u);
      // and no paragraph turns it off
      expect(readDocx(bytes).document).not.toMatch(/<w:widowControl w:val="(false|0)"\/>/u);
    }
  });
});
