import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { CASE_LINES, PNG_BYTES, caseDocx } from '../helpers/submissions';
import { tempDir } from '../helpers/tmp';

describe('command line: calls', () => {
  it('creates a call, receives files, shows the tracker and makes the batch in the units’ order', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    const units = JSON.parse((await cli('--db', db, '--no-seed', 'list', 'batches', '--json')).out) as unknown[];
    expect(units).toEqual([]);
    // Default units: 哈尔滨市 (1), 齐齐哈尔市 (2), …; pick three by name through a call of our own.
    const created = await cli('--db', db, 'calls', 'create', '--title', '2026年征集', '--kind', 'replication', '--deadline', '2099-12-31', '--units', '4,5,14', '--json');
    expect(created.code).toBe(0);
    const call = JSON.parse(created.out) as { id: number; unitCount: number };
    expect(call.unitCount).toBe(3);

    const show0 = JSON.parse((await cli('--db', db, 'calls', 'show', String(call.id), '--json')).out) as { units: { unitName: string }[] };
    const names = show0.units.map((u) => u.unitName);
    const a = path.join(dir, 'submission-a.docx');
    const b = path.join(dir, `${names[2]}-案例.docx`);
    const bad = path.join(dir, '照片.png');
    fs.writeFileSync(a, await caseDocx('“跨境电商监管新模式”复制推广典型案例', `（${names[0]}提供）`, CASE_LINES('跨境电商监管新模式')));
    fs.writeFileSync(b, await caseDocx('“企业开办一网通办”复制推广典型案例', null, CASE_LINES('企业开办一网通办')));
    fs.writeFileSync(bad, PNG_BYTES);
    const received = await cli('--db', db, 'calls', 'receive', String(call.id), a, b, bad, path.join(dir, 'missing.docx'), '--json');
    expect(received.code).toBe(0);
    const results = JSON.parse(received.out) as { outcome: string; message: string }[];
    expect(results.map((r) => r.outcome)).toEqual(['received', 'received', 'refused', 'refused']);
    expect(results[3]!.message).toMatch(/文件不存在/u);

    const show = await cli('--db', db, 'calls', 'show', String(call.id), '--json');
    const tracker = JSON.parse(show.out) as { totals: { received: number; missing: number }; units: { unitName: string; expected: number; received: number; returned: number; late: number }[]; chase: { unitName: string }[] };
    expect(tracker.totals).toMatchObject({ received: 2, missing: 1 });
    expect(tracker.units.map((u) => [u.unitName, u.expected, u.received, u.returned, u.late])).toEqual([
      [names[0], 1, 1, 0, 0],
      [names[1], 1, 0, 0, 0],
      [names[2], 1, 1, 0, 0],
    ]);
    expect(tracker.chase.map((c) => c.unitName)).toEqual([names[1]]);
    const plain = await cli('--db', db, 'calls', 'show', String(call.id));
    expect(plain.out).toMatch(/尚未报送|未报送/u);

    const batch = await cli('--db', db, 'calls', 'batch', String(call.id), '--json');
    expect(batch.code).toBe(0);
    const made = JSON.parse(batch.out) as { status: string; items: { seq: number; unitName: string }[] };
    expect(made.status).toBe('draft');
    expect(made.items.map((i) => i.unitName)).toEqual([names[0], names[2]]);

    const xlsx = path.join(dir, 'r.xlsx');
    expect((await cli('--db', db, 'calls', 'export', String(call.id), '--xlsx', xlsx)).code).toBe(0);
    expect(fs.statSync(xlsx).size).toBeGreaterThan(4000);
    const docx = path.join(dir, 'n.docx');
    expect((await cli('--db', db, 'calls', 'export', String(call.id), '--docx', docx)).code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('says what is wrong with a bad call in Chinese', async () => {
    const db = path.join(tempDir(), 'd.db');
    const r = await cli('--db', db, '--no-seed', 'calls', 'create', '--title', 'x', '--kind', 'other', '--deadline', '2026-01-01', '--units', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--kind 应为/u);
    const r2 = await cli('--db', db, 'calls', 'create', '--title', 'x', '--kind', 'innovation', '--deadline', '2026-02-30', '--units', '1');
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/不是有效的日期/u);
    const r3 = await cli('--db', db, 'calls', 'show', '99');
    expect(r3.code).toBe(1);
    expect(r3.err).toMatch(/征集不存在/u);
  });
});
