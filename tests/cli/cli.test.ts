import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { readDocx } from '../helpers/docx';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { parseCircular } from '../../electron/core/import/parse-circular';
import { titleKey } from '../../electron/core/import/text';
import { SEED_CIRCULAR, seedText, tempDir } from '../helpers/tmp';

describe('command line', () => {
  it('lists the demo batch of 28 cases on a fresh file', async () => {
    const db = path.join(tempDir(), 'a.db');
    const r = await cli('--db', db, 'list', 'batches', '--json');
    expect(r.code).toBe(0);
    const batches = JSON.parse(r.out);
    expect(batches).toEqual([
      { id: 1, title: '第三批复制推广自贸试验区制度创新成果典型案例', ordinal: 3, kind: 'replication', docNumber: '黑自贸工办函〔2023〕55号', caseCount: 28, status: 'issued' },
    ]);
  });

  it('imports the seed into an empty file and lists its cases in 汇总表 order', async () => {
    const db = path.join(tempDir(), 'b.db');
    const imp = await cli('--db', db, '--no-seed', 'import', SEED_CIRCULAR, '--json');
    expect(imp.code).toBe(0);
    const [report] = JSON.parse(imp.out);
    expect(report).toMatchObject({ caseCount: 28, duplicateOf: null });
    const list = await cli('--db', db, 'list', 'cases', '--batch', String(report.batchId), '--json');
    const rows = JSON.parse(list.out) as { seq: number; title: string; unitName: string }[];
    const table = parseCircular(seedText()).table!;
    // each case in its own wording, the same title as the 汇总表's (issue 10.10: case 20 keeps ‘全通版’)
    expect(rows.map((r) => [r.seq, titleKey(r.title), r.unitName])).toEqual(table.map((t) => [t.seq, titleKey(t.title), t.unit]));

    const again = await cli('--db', db, 'import', SEED_CIRCULAR);
    expect(again.out).toMatch(/已导入过/u);
    const case20 = (JSON.parse(list.out) as { id: number; seq: number }[]).find((r) => r.seq === 20)!;
    const show = await cli('--db', db, 'show', 'case', String(case20.id));
    expect(show.out).toMatch(/三、实践效果\n（一）开办时间进一步缩短。“一业一证/u);
    expect(show.out).toMatch(/\n四、下一步工作思路\n/u);
  });

  it('sends errors to stderr with a non-zero exit, as JSON when asked', async () => {
    const db = path.join(tempDir(), 'c.db');
    const missing = await cli('--db', db, 'show', 'case', '999', '--json');
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(JSON.parse(missing.err).error).toMatchObject({ code: 'not_found' });
    const usage = await cli('--db', db, 'frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/未知命令/u);
    const bad = await cli('--db', db, 'list', 'cases', '--batch', 'x');
    expect(bad.code).toBe(2);
  });

  it('runs as npm run cli and prints exactly one JSON document', () => {
    const db = path.join(tempDir(), 'd.db');
    const out = execFileSync('npm', ['run', '-s', 'cli', '--', '--db', db, 'list', 'batches', '--json'], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)[0].caseCount).toBe(28);
    const fail = spawnSync('npm', ['run', '-s', 'cli', '--', '--db', db, 'show', 'case', '0'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
    expect(fail.status).not.toBe(0);
    expect(fail.stderr).toMatch(/案例 ID/u);
  });
});

describe('command line: exports, search, stats, check', () => {
  const db = path.join(tempDir(), 'e.db');

  it('exports the demo circular in both layouts, the 汇总表 and the library', async () => {
    const dir = tempDir('cli-export-');
    for (const layout of ['letter', 'file']) {
      const file = path.join(dir, `c-${layout}.docx`);
      const r = await cli('--db', db, 'export', '1', '--docx', file, '--layout', layout, '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ path: file });
      const doc = readDocx(fs.readFileSync(file));
      expect(doc.part('footer', 'first') !== null).toBe(layout === 'letter');
    }
    const xlsx = path.join(dir, 's.xlsx');
    expect((await cli('--db', db, 'export', '1', '--xlsx', xlsx)).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('--db', db, 'export-case', '13', '--docx', path.join(dir, 'one.docx'), '--fonts', 'system')).code).toBe(0);
    expect((await cli('--db', db, 'export-library', '--xlsx', path.join(dir, 'lib.xlsx'), '--type', 'replication')).code).toBe(0);
    const bad = await cli('--db', db, 'export', '1', '--docx', path.join(dir, 'x.docx'), '--layout', 'poster');
    expect(bad.code).toBe(2);
  });

  it('search 退税 --json finds 出口退税无纸化, with snippets and tookMs', async () => {
    const r = await cli('--db', db, 'search', '退税', '--json');
    const result = JSON.parse(r.out);
    expect(result.results[0]).toMatchObject({ title: '“出口退税无纸化”复制推广典型案例', unitName: '黑河片区' });
    expect(result.results[0].snippetText).toContain('退税');
    expect(typeof result.tookMs).toBe('number');
  });

  it('stats and check', async () => {
    const stats = JSON.parse((await cli('--db', db, 'stats', '--json')).out);
    expect(stats.total).toBe(28);
    const check = await cli('--db', db, 'check', SEED_CIRCULAR, '--json');
    const { findings } = JSON.parse(check.out) as { findings: { rule: string; place: { caseSeq: number } }[] };
    expect(findings.filter((f) => f.rule === 'ordinal-sequence').map((f) => f.place.caseSeq)).toEqual([9, 20]);
    const text = await cli('--db', db, 'check', SEED_CIRCULAR);
    expect(text.code).toBe(3); // errors found
    expect(text.out).toMatch(/共 \d+ 处：错误 \d+/u);
  });
});
