import ExcelJS from 'exceljs';
import {
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  HONOUR_LABELS,
  type BatchDetail,
  type Case,
  type CaseRow,
  type Field,
  type Stats,
  type Unit,
} from '../../../../shared/domain';
import { finishXlsx } from './package';
import { writeTableSheet, type Cell, type Column } from './table-sheet';

// The 汇总表 workbook of a batch, and the library export for the office's own reporting.

const BAR = '█';
const BAR_MAX = 20;

/** A count table with a total that is a real SUM (its result cached, so no reader has to recalculate) and a bar column. */
function countSheet(wb: ExcelJS.Workbook, name: string, title: string, label: string, counts: [string, number][]): void {
  const ws = wb.addWorksheet(name);
  const max = Math.max(1, ...counts.map(([, n]) => n));
  const first = 3;
  const last = first + counts.length - 1;
  const total = counts.reduce((s, [, n]) => s + n, 0);
  const rows: Cell[][] = counts.map(([k, n], i) => {
    const len = Math.max(n > 0 ? 1 : 0, Math.round((n / max) * BAR_MAX));
    return [k, n, { formula: `REPT("${BAR}",ROUND(B${first + i}/MAX(B$${first}:B$${last})*${BAR_MAX},0))`, result: BAR.repeat(len) }];
  });
  rows.push(['合计', counts.length ? { formula: `SUM(B${first}:B${last})`, result: total } : 0, '']);
  const columns: Column[] = [
    { header: label, min: 14, max: 40 },
    { header: '案例数', min: 8, align: 'center' },
    { header: '图示', min: BAR_MAX * 2 + 2, max: BAR_MAX * 2 + 2 },
  ];
  writeTableSheet(ws, title, columns, rows);
  const totalRow = ws.getRow(ws.rowCount);
  totalRow.eachCell((c) => (c.font = { ...c.font, name: '黑体' }));
  ws.getColumn(3).eachCell((c, n) => {
    if (n > 2) c.font = { name: '宋体', size: 9, color: { argb: 'FF2F5597' } };
  });
}

export function newWorkbook(stamp: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FTZ Casebook';
  wb.lastModifiedBy = 'FTZ Casebook';
  wb.created = stamp;
  wb.modified = stamp;
  return wb;
}

/** The package with its entries stamped with the workbook's own date: the same data gives the same bytes. */
export async function packWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  return finishXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), wb.created);
}

export function countByUnit(cases: Pick<Case, 'unitId'>[], units: Unit[]): [string, number][] {
  return units.map((u) => [u.name, cases.filter((c) => c.unitId === u.id).length] as [string, number]).filter(([, n]) => n > 0);
}

export function countByField(cases: Pick<Case, 'fieldId'>[], fields: Field[]): [string, number][] {
  const out = fields.map((f) => [f.name, cases.filter((c) => c.fieldId === f.id).length] as [string, number]).filter(([, n]) => n > 0);
  const none = cases.filter((c) => c.fieldId === null).length;
  return none ? [...out, ['未分类', none]] : out;
}

export async function batchWorkbook(batch: BatchDetail, units: Unit[], fields: Field[]): Promise<Buffer> {
  const wb = newWorkbook(new Date(batch.circular.date ? `${batch.circular.date}T00:00:00Z` : batch.updatedAt));
  const ws = wb.addWorksheet('汇总表');
  const columns: Column[] = [
    { header: '序号', min: 6, max: 6, align: 'center' },
    { header: '案例名称', min: 30, max: 66 },
    { header: '提供单位', min: 12, max: 20, align: 'center' },
    { header: '领域', min: 12, max: 22, align: 'center' },
    { header: '类型', min: 12, max: 18, align: 'center' },
    { header: '复制推广来源', min: 16, max: 34 },
    { header: '状态', min: 8, max: 8, align: 'center' },
    { header: '联系人', min: 10, max: 14, align: 'center' },
  ];
  const rows: Cell[][] = batch.items.map(({ seq, case: c }) => [
    seq,
    c.title,
    c.unitName,
    c.fieldName,
    CASE_TYPE_LABELS[c.type],
    c.sourceName,
    CASE_STATUS_LABELS[c.status],
    [c.contactName, c.contactPhone].filter(Boolean).join(' '),
  ]);
  writeTableSheet(ws, `${batch.title}汇总表`, columns, rows, { landscape: true });
  const cases = batch.items.map((i) => i.case);
  countSheet(wb, '按单位统计', `${batch.title}按单位统计`, '提供单位', countByUnit(cases, units));
  countSheet(wb, '按领域统计', `${batch.title}按领域统计`, '领域', countByField(cases, fields));
  return packWorkbook(wb);
}

export async function libraryWorkbook(cases: (CaseRow & { contactPhone?: string })[], units: Unit[], fields: Field[], title: string, stamp: Date): Promise<Buffer> {
  const wb = newWorkbook(stamp);
  const ws = wb.addWorksheet('案例库');
  const columns: Column[] = [
    { header: 'ID', min: 6, max: 8, align: 'center' },
    { header: '案例名称', min: 30, max: 56 },
    { header: '提供单位', min: 12, max: 20, align: 'center' },
    { header: '领域', min: 12, max: 16, align: 'center' },
    { header: '类型', min: 12, max: 18, align: 'center' },
    { header: '复制推广来源', min: 16, max: 28 },
    { header: '年度', min: 6, max: 6, align: 'center' },
    { header: '状态', min: 8, max: 8, align: 'center' },
    { header: '荣誉', min: 10, max: 20 },
    { header: '联系人', min: 8, max: 12, align: 'center' },
    { header: '所在批次', min: 20, max: 48 },
    { header: '创建日期', min: 12, max: 12, align: 'center' },
    { header: '修改日期', min: 12, max: 12, align: 'center' },
  ];
  const rows: Cell[][] = cases.map((c) => [
    c.id,
    c.title,
    c.unitName,
    c.fieldName,
    CASE_TYPE_LABELS[c.type],
    c.sourceName,
    c.year,
    CASE_STATUS_LABELS[c.status],
    c.honours.map((h) => HONOUR_LABELS[h]).join('、'),
    c.contactName,
    c.batches.map((b) => `${b.title}（序号${b.seq}）`).join('；'),
    c.createdAt.slice(0, 10),
    c.updatedAt.slice(0, 10),
  ]);
  writeTableSheet(ws, title, columns, rows, { landscape: true });
  countSheet(wb, '按单位统计', '按单位统计', '提供单位', countByUnit(cases, units));
  countSheet(wb, '按领域统计', '按领域统计', '领域', countByField(cases, fields));
  return packWorkbook(wb);
}

/** Every count of the 统计 page, a sheet per dimension, each with its total and bars. */
export async function statsWorkbook(stats: Stats, stamp: Date): Promise<Buffer> {
  const wb = newWorkbook(stamp);
  const sheets: [string, string, Stats['byUnit']][] = [
    ['按单位', '提供单位', stats.byUnit],
    ['按单位类别', '单位类别', stats.byUnitKind],
    ['按领域', '领域', stats.byField],
    ['按类型', '类型', stats.byType],
    ['按状态', '状态', stats.byStatus],
    ['按年度', '年度', stats.byYear],
    ['按批次', '批次', stats.byBatch],
    ['按荣誉', '荣誉', stats.byHonour],
  ];
  for (const [name, label, counts] of sheets) countSheet(wb, name, `${stats.scope}${name}统计（共 ${stats.total} 个案例）`, label, counts.map((c) => [c.label, c.count]));
  return packWorkbook(wb);
}
