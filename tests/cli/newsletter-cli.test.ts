import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { SHARED, tempDir } from '../helpers/tmp';

const SEED = path.join(SHARED, 'seeds/004_cd0724b20db28bbc.txt');

describe('command line: newsletter', () => {
  it('imports the seed, lists and shows the issue, exports it, and refuses the same issue twice', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const imported = await cli('--db', db, 'newsletter', 'import', SEED);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/已导入 第245期（ID \d+，2024-10-15）：4 个栏目，10 篇/u);

    const list = JSON.parse((await cli('--db', db, 'newsletter', 'list', '--json')).out) as { id: number; number: number; date: string; sections: string[]; items: number }[];
    expect(list).toEqual([{ id: list[0]!.id, number: 245, date: '2024-10-15', sections: ['龙江板块', '制度创新', '自贸建设', '自贸观察'], items: 10 }]);
    expect((await cli('--db', db, 'newsletter', 'list')).out).toMatch(/第245期\s+2024-10-15\s+龙江板块、制度创新、自贸建设、自贸观察\s+10/u);

    const shown = await cli('--db', db, 'newsletter', 'show', String(list[0]!.id));
    expect(shown.out).toMatch(/^一、龙江板块$/mu);
    expect(shown.out).toMatch(/^（十）《求是》杂志/mu);
    expect(shown.out).toMatch(/^新华社北京9月30日电　10月1日出版的/mu);
    const json = JSON.parse((await cli('--db', db, 'newsletter', 'show', String(list[0]!.id), '--json')).out) as { sections: { items: { ordinal: string }[] }[] };
    expect(json.sections.flatMap((s) => s.items.map((i) => i.ordinal))).toHaveLength(10);

    const file = path.join(dir, 'out', '第245期.docx');
    const exported = await cli('--db', db, 'newsletter', 'export', String(list[0]!.id), '--docx', file);
    expect(exported.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    const again = await cli('--db', db, 'newsletter', 'import', SEED);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/已经导入过/u);
  });

  it('refuses text that is not a newsletter and explains the usage', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const bad = path.join(dir, 'x.txt');
    fs.writeFileSync(bad, '会议纪要\n今天开会。\n');
    const r = await cli('--db', db, 'newsletter', 'import', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/不像一期《自贸动态》/u);
    expect((await cli('--db', db, 'newsletter', 'export', '1')).code).toBe(2);
    expect((await cli('--db', db, 'newsletter', 'show', '99')).err).toMatch(/不存在/u);
  });
});
