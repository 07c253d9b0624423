import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { testHost } from '../helpers/host';
import { SHARED, tempCasebook, tempDir } from '../helpers/tmp';

// 《自贸动态》 through the handler table as both transports call it: refusals come back as Chinese messages
// at the field they concern, and leave the database as it was.

const dir = tempDir('nl-exports-');
const host = testHost(dir);

describe('newsletter handlers', () => {
  const book = tempCasebook();
  const handlers = createHandlers({ db: book.db, dbFile: book.file, host });
  const call = (name: string, input: unknown) => dispatch(handlers, name, input);

  it('imports, saves, refuses a used number and an over-long title at their fields, and exports', async () => {
    const base64 = fs.readFileSync(path.join(SHARED, 'seeds/004_cd0724b20db28bbc.txt')).toString('base64');
    const imported = await call('newsletters.import', { fileName: '245.txt', base64 });
    expect(imported).toMatchObject({ ok: true, value: { newsletter: { number: 245 }, warnings: [] } });
    expect(await call('newsletters.nextNumber', {})).toEqual({ ok: true, value: { number: 246 } });
    expect(await call('newsletters.import', { fileName: '245.txt', base64 })).toMatchObject({ ok: false, error: { code: 'duplicate' } });

    const created = await call('newsletters.create', { number: 246, date: '2024-11-01', sections: [{ name: '龙江板块', items: [] }] });
    expect(created.ok).toBe(true);
    const used = await call('newsletters.create', { number: 245, date: '2024-11-01', sections: [] });
    expect(used).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/第245期已经存在.*第247期/u) } });
    const long = await call('newsletters.create', { number: 250, date: '2024-11-01', sections: [{ name: '龙江板块', items: [{ title: '长'.repeat(301) }] }] });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'sections.0.items.0.title', message: '标题不能超过 300 个字' }] } });
    const badDate = await call('newsletters.create', { number: 250, date: '2024-02-30', sections: [] });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'date' }] } });
    expect(await call('newsletters.list', {})).toMatchObject({ ok: true, value: [{ number: 246 }, { number: 245 }] });

    const notNewsletter = await call('newsletters.import', { fileName: 'x.txt', base64: Buffer.from('会议纪要\n今天开会。').toString('base64') });
    expect(notNewsletter).toMatchObject({ ok: false, error: { message: expect.stringMatching(/不像一期《自贸动态》/u) } });

    const id = imported.ok ? (imported.value as { newsletter: { id: number } }).newsletter.id : 0;
    const saved = await call('export.newsletterDocx', { id });
    expect(saved).toMatchObject({ ok: true, value: { canceled: false, path: path.join(dir, '自贸动态第245期.docx') } });
    const empty = await call('export.newsletterDocx', { id: (created as { value: { id: number } }).value.id });
    expect(empty).toMatchObject({ ok: false, error: { message: '第246期还没有文章，无法导出' } });
    expect(await call('newsletters.figures', { id })).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ stated: 254 })]) });
  });

  it('drafts items from a case and from pasted text', async () => {
    const fromText = await call('newsletters.itemFromText', { text: '（三）标题一　标题二\n新华社北京9月30日电 正文第一段。\n1. 小标题\n小标题下的段落。' });
    expect(fromText).toMatchObject({ ok: true, value: { title: '标题一　标题二', credit: '新华社北京9月30日电', paragraphs: ['正文第一段。'], parts: [{ heading: '小标题', paragraphs: ['小标题下的段落。'] }] } });
    expect(await call('newsletters.itemFromText', { text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('newsletters.itemFromCase', { caseId: 1 })).toMatchObject({ ok: true, value: { caseIds: [1] } });
    expect(await call('newsletters.itemFromCase', { caseId: 99999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
