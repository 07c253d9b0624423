import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('command line: the register', () => {
  it('imports a catalogue (refusing, then accepting the good rows), sets statuses and reports rates and cross-tables as JSON', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.db');
    const csv = path.join(dir, '目录.csv');
    fs.writeFileSync(csv, '类别,名称,批次,原创新负责部门（单位）\r\n改革试点经验,区外保税展示交易模式,国务院第6批,海关总署\r\n,冰鲜水产品两段准入监管模式,第六批,海关总署\r\n改革试点经验,,第六批,\r\n');
    const refused = await cli('--db', db, 'experiences', 'import', csv, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ imported: false, good: 2, bad: 1 });
    expect(refused.out).toMatch(/第4行：缺少名称/u);
    const accepted = await cli('--db', db, 'experiences', 'import', csv, '--yes', '--json');
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.out)).toMatchObject({ imported: true, created: 0, updated: 2, skipped: 1 });

    const list = JSON.parse((await cli('--db', db, 'experiences', 'list', '--json')).out) as { id: number; name: string; batchLabel: string }[];
    // The demo's catalogue had both (from seed 003) without a batch: the sheet gives them theirs.
    const mine = ['区外保税展示交易模式', '冰鲜水产品两段准入监管模式'].map((name) => list.find((e) => e.name === name)!);
    expect(mine.map((e) => e.batchLabel)).toEqual(['自贸试验区第六批改革试点经验', '自贸试验区第六批改革试点经验']);
    const [a, b] = mine.map((e) => String(e.id));

    // Units 14 and 15 are 哈尔滨片区 and 黑河片区 in the default order.
    expect((await cli('--db', db, 'replication', 'set', '14', a!, 'copied', '--date', '2024-05-01', '--note', '已落地', '--json')).code).toBe(0);
    expect((await cli('--db', db, 'replication', 'set', '14', b!, 'not_applicable', '--date', '2024-05-01')).code).toBe(0);
    expect((await cli('--db', db, 'replication', 'set', '15', a!, 'in_progress', '--date', '2024-06-01')).code).toBe(0);
    const bad = await cli('--db', db, 'replication', 'set', '999', a!, 'copied', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err).error.message).toMatch(/提供单位不存在：999/u);
    expect((await cli('--db', db, 'replication', 'set', '14', a!, 'done')).code).toBe(2);

    const report = JSON.parse((await cli('--db', db, 'replication', 'report', '--at', '2024-12-31', '--json')).out) as {
      experiences: number;
      units: { unitName: string; applicable: number; copied: number; rate: number | null }[];
      total: { applicable: number; copied: number };
    };
    const n = report.experiences; // the demo's batch-level entries are in the catalogue too
    expect(report.units.map((u) => [u.unitName, u.applicable, u.copied])).toEqual([
      ['哈尔滨片区', n - 1, 1],
      ['黑河片区', n, 0],
    ]);
    expect(report.total).toMatchObject({ applicable: 2 * n - 1, copied: 1 });
    const one = JSON.parse((await cli('--db', db, 'replication', 'report', '--unit', '14', '--at', '2024-04-30', '--json')).out) as { units: { copied: number }[] };
    expect(one.units[0]!.copied).toBe(0);

    const table = JSON.parse((await cli('--db', db, 'stats', '--rows', 'unit', '--cols', 'year', '--from', '2023-01-01', '--to', '2023-12-31', '--json')).out) as {
      colKeys: string[];
      total: number;
      rowTotals: number[];
    };
    expect(table.colKeys).toEqual(['2023年']);
    expect(table.total).toBe(28);
    expect(table.rowTotals.reduce((x, y) => x + y, 0)).toBe(28);
    const plain = await cli('--db', db, 'stats', '--rows', 'level', '--cols', 'kind');
    expect(plain.out).toMatch(/未定级/u);
    expect((await cli('--db', db, 'stats', '--rows', 'unit', '--cols', 'colour')).code).toBe(2);

    const xlsx = path.join(dir, 'ledger.xlsx');
    expect((await cli('--db', db, 'replication', 'report', '--at', '2024-12-31', '--xlsx', xlsx)).code).toBe(0);
    expect(fs.statSync(xlsx).size).toBeGreaterThan(5000);
  }, 60_000);
});
