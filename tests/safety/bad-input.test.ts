import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/contract';
import { dispatch, toApiError } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { openCasebook } from '../../electron/core/casebook';
import { buildCaseDocx } from '../../electron/core/export/service';
import { contentOf, getCase } from '../../electron/core/repos/cases';
import { tempDir } from '../helpers/tmp';
import { dbChecksum } from './db-checksum';

// The bad-input corpus: each input is refused with a Chinese message that says what is wrong, at the call that
// brought it, and the database is exactly as before (every row compared).

const file = path.join(tempDir(), 'bad.db');
const book = openCasebook(file, { busyTimeoutMs: 150 });
const { db } = book;
const handlers = createHandlers({
  db,
  dbFile: file,
  host: { transport: 'http', version: 't', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} },
});
const content = contentOf(getCase(db, 1));
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

function nest(depth: number) {
  let node = { heading: '层', text: '', paragraphs: [] as string[], items: [] as unknown[] };
  for (let i = 1; i < depth; i++) node = { heading: '层', text: '', paragraphs: [], items: [node] };
  return [node];
}

async function refused(name: string, input: unknown): Promise<ApiError> {
  const before = dbChecksum(db);
  const envelope = await dispatch(handlers, name, input);
  expect(envelope.ok, `${name} should be refused`).toBe(false);
  if (envelope.ok) throw new Error('accepted');
  expect(envelope.error.message).toMatch(/\p{Script=Han}/u);
  expect(envelope.error.message).not.toMatch(/Too big|expected|constraint failed|SQLITE_|database is locked/u);
  expect(dbChecksum(db)).toBe(before);
  return envelope.error;
}

describe('bad input is refused in Chinese and changes nothing', () => {
  it('validation: lengths, types, unknown fields and methods, in plain words with the field named', async () => {
    const long = await refused('cases.create', { ...content, title: '案'.repeat(250) });
    expect(long.message).toContain('标题：不能超过 200 个字');
    expect((await refused('cases.create', { ...content, title: '   ' })).message).toContain('标题：不能为空');
    expect((await refused('cases.get', { id: 'x' })).message).toContain('编号：应为数字，收到的是文字');
    expect((await refused('cases.get', { id: 1, extra: 1 })).message).toContain('不认识的字段：extra');
    expect((await refused('cases.create', { ...content, type: 'other' })).message).toMatch(/类型：应为以下之一：.*replication/u);
    expect((await refused('no.such', {})).code).toBe('unknown_method');
    expect((await refused('cases.create', null)).code).toBe('invalid_input');
    // the snippets the library asks for after a search: at most a hundred cases a call
    const many = await refused('search.snippets', { query: '退税', caseIds: Array.from({ length: 101 }, (_, i) => i + 1) });
    expect(many.message).toMatch(/100/u);
  });

  it('a body nested 5 or 2,000 levels deep', async () => {
    const five = await refused('cases.create', { ...content, body: nest(5) });
    expect(five.message).toContain('正文最多 4 级标题');
    const deep = await refused('cases.create', { ...content, body: nest(2000) });
    expect(deep.code).toBe('invalid_input');
    expect(deep.message).toContain('正文最多 4 级标题');
    expect((await refused('proofread.case', { content: { ...content, body: nest(100_000) } })).code).toBe('invalid_input');
    expect((await dispatch(handlers, 'cases.create', { ...content, body: nest(4) })).ok).toBe(true); // four levels are fine
  });

  it('database rules: duplicates and missing references named in words', async () => {
    expect((await refused('units.save', { name: '哈尔滨市', kind: 'city' })).message).toMatch(/已存在|重复/u);
    expect((await refused('cases.create', { ...content, unitId: 99_999 })).message).toMatch(/不存在|引用/u);
    expect((await refused('batches.create', { kind: 'replication', ordinal: 3 })).message).toMatch(/已存在|已有|重复/u);
  });

  it('import: empty, binary, GBK, truncated .docx and an old .doc', async () => {
    const docx = (await buildCaseDocx(db, 1)).bytes;
    const cases: [string, Buffer, RegExp][] = [
      ['空.txt', Buffer.alloc(0), /空文件/u],
      ['图片.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /二进制/u],
      ['旧通知.txt', fs.readFileSync(path.resolve(__dirname, '../fixtures/gbk-circular.txt')), /UTF-8|GBK/u],
      ['截断.docx', docx.subarray(0, Math.floor(docx.length / 3)), /Word|docx/u],
      ['旧格式.doc', Buffer.from('whatever'), /旧版 Word/u],
    ];
    for (const [fileName, bytes, message] of cases) expect((await refused('import.file', { fileName, base64: b64(bytes) })).message).toMatch(message);
  });

  it('SQLite faults in words: a lock held past the timeout, a full disk, a read-only file', async () => {
    // another process holds the write lock longer than this connection waits
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const busy = await refused('cases.update', { id: 1, content: { ...content, title: '改' } });
      expect(busy).toMatchObject({ code: 'busy' });
      expect(busy.message).toContain('另一个程序');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // no room for the write: SQLITE_FULL, rolled back
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    try {
      const full = await refused('cases.create', { ...content, lead: Array.from({ length: 40 }, (_, i) => `${i}${'满'.repeat(19_000)}`) });
      expect(full.code).toBe('disk_full');
      expect(full.message).toContain('磁盘空间已满');
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    // a file opened read-only refuses writes in words too
    const ro = new Database(file, { readonly: true });
    try {
      ro.prepare(`UPDATE settings SET value = value`).run();
      expect.unreachable();
    } catch (err) {
      expect(toApiError(err)).toMatchObject({ code: 'readonly' });
    } finally {
      ro.close();
    }
  });
});
