import { describe, expect, it } from 'vitest';
import * as batches from '../../electron/core/repos/batches';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { batchDocxName } from '../../electron/core/export/file-names';
import { tempCasebook } from '../helpers/tmp';

// Issue 14: the next free 文号 does not skip the asking draft's own number; refusals name their field;
// the two layouts of one circular export under distinct names.
describe('ui-polish core', () => {
  it('offers a draft its own 文号 again, and the next one past the others', () => {
    const { db } = tempCasebook({ seed: false });
    const draft = batches.createBatch(db, { kind: 'replication', ordinal: 4 });
    const { docCode, docYear, docSeq } = draft.circular;
    expect(docSeq).toBe(1);
    expect(batches.nextDocSeq(db, docCode, docYear!, draft.id)).toBe(1); // was 2: the draft's own number counted
    expect(batches.nextDocSeq(db, docCode, docYear!)).toBe(2); // a new batch still gets the next one
    const other = batches.createBatch(db, { kind: 'replication', ordinal: 5 });
    expect(other.circular.docSeq).toBe(2);
    expect(batches.nextDocSeq(db, docCode, docYear!, draft.id)).toBe(3);
  });

  it('returns a duplicate 文号 and a duplicate 第N批 as errors on their fields', async () => {
    const { db, file } = tempCasebook({ seed: false });
    const handlers = createHandlers({ db, dbFile: file, host: { transport: 'http', version: 't', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} } });
    const a = batches.createBatch(db, { kind: 'replication', ordinal: 4 });
    const b = batches.createBatch(db, { kind: 'replication', ordinal: 5 });
    const dupNumber = await dispatch(handlers, 'batches.update', { id: b.id, circular: { docSeq: a.circular.docSeq } });
    expect(dupNumber).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'circular.docSeq', message: expect.stringMatching(/已被「.+」使用/u) }] } });
    const dupOrdinal = await dispatch(handlers, 'batches.create', { kind: 'replication', ordinal: 4 });
    expect(dupOrdinal).toMatchObject({ ok: false, error: { issues: [{ path: 'ordinal', message: expect.stringMatching(/已存在/u) }] } });
    const longTitle = await dispatch(handlers, 'batches.update', { id: b.id, circular: { title: '长'.repeat(501) } });
    expect(longTitle).toMatchObject({ ok: false, error: { issues: [{ path: 'circular.title', message: '不能超过 500 个字' }] } });
    expect(batches.getBatch(db, b.id).circular.docSeq).toBe(b.circular.docSeq); // the database unchanged
  });

  it('names the 信函格式 and 文件格式 exports of one circular apart', () => {
    const { db } = tempCasebook({ seed: false });
    const batch = batches.createBatch(db, { kind: 'replication', ordinal: 4 });
    const letter = batchDocxName(batch, 'circular', 'letter');
    const file = batchDocxName(batch, 'circular', 'file');
    expect(letter).toMatch(/（信函格式）\.docx$/u);
    expect(file).toMatch(/（文件格式）\.docx$/u);
    expect(batchDocxName(batch)).toBe(batch.circular.layout === 'letter' ? letter : file);
  });
});
