import { Packer } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { circularDocument } from '../../electron/core/export/docx/document';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { tempCasebook } from '../helpers/tmp';

// The .docx is zipped with Node's zlib instead of docx's own packer (speed, issue 13): the same parts, in the
// same order, with the same content, as Packer.toBuffer gives.
describe('docx packing', () => {
  it('zips the very parts docx packs, in its order, byte for byte', async () => {
    const book = tempCasebook();
    const demo = getBatch(book.db, listBatches(book.db)[0]!.id);
    const ours = unzipSync(await exportBatchDocx(demo, { layout: 'letter' }));
    const theirs = unzipSync(Buffer.from(await Packer.toBuffer(circularDocument(demo, { layout: 'letter' }))));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const [name, data] of Object.entries(ours)) {
      if (name === 'docProps/core.xml') continue; // ours carries the document's own date and title
      expect(Buffer.from(data).equals(Buffer.from(theirs[name]!)), name).toBe(true);
    }
  });
});
