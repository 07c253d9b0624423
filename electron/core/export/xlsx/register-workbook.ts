import { EXPERIENCE_KIND_LABELS, REPLICATION_STATUS_LABELS, STAT_DIM_LABELS, formatRate, type CrossTable, type Experience, type Ledger } from '../../../../shared/register';
import { writeTableSheet, type Cell, type Column } from './table-sheet';
import { newWorkbook as workbook, packWorkbook } from './workbooks';
import { addColumnChart } from './chart-part';
import { displayWidth } from '../../../../shared/width';
import { finishXlsx } from './package';

// The register's print-ready workbooks: the experience catalogue, the replication ledger with its rates, and a
// cross-table. Every stamp comes from the data (the ledger's date), so the same register gives the same bytes.

/** The same headers the catalogue import reads, so an exported catalogue imports back unchanged. */
export const CATALOGUE_COLUMNS: Column[] = [
  { header: '序号', min: 6, max: 6, align: 'center' },
  { header: '名称', min: 24, max: 50 },
  { header: '类别', min: 12, max: 22, align: 'center' },
  { header: '批次', min: 12, max: 30, align: 'center' },
  { header: '领域', min: 10, max: 16, align: 'center' },
  { header: '原创新负责部门（单位）', min: 16, max: 30 },
  { header: '年份', min: 6, max: 6, align: 'center' },
  { header: '来源文件', min: 12, max: 30 },
  { header: '引用案例数', min: 8, max: 10, align: 'center' },
];

export async function catalogueWorkbook(experiences: Experience[], stamp: Date): Promise<Buffer> {
  const wb = workbook(stamp);
  const rows: Cell[][] = experiences.map((e, i) => [
    i + 1,
    e.name,
    EXPERIENCE_KIND_LABELS[e.kind],
    e.batchLabel,
    e.area,
    e.origin,
    e.year,
    e.sourceDoc,
    e.caseCount,
  ]);
  writeTableSheet(wb.addWorksheet('经验目录'), '自贸试验区改革试点经验及创新成果目录', CATALOGUE_COLUMNS, rows, { landscape: true });
  return packWorkbook(wb);
}

export async function ledgerWorkbook(ledger: Ledger, stamp: Date): Promise<Buffer> {
  const wb = workbook(stamp);
  const r = ledger.rates;
  const rateRows: Cell[][] = r.units.map((u) => [u.unitName, u.applicable + u.notApplicable, u.notApplicable, u.applicable, u.copied, u.inProgress, formatRate(u.rate)]);
  rateRows.push(['合计', r.total.applicable + r.total.notApplicable, r.total.notApplicable, r.total.applicable, r.total.copied, r.total.inProgress, formatRate(r.total.rate)]);
  writeTableSheet(
    wb.addWorksheet('复制推广率'),
    `复制推广情况统计（截至 ${ledger.at}）`,
    [
      { header: '单位', min: 14, max: 24 },
      { header: '经验总数', min: 8, align: 'center' },
      { header: '不适用', min: 8, align: 'center' },
      { header: '应复制数', min: 8, align: 'center' },
      { header: '已复制', min: 8, align: 'center' },
      { header: '推进中', min: 8, align: 'center' },
      { header: '复制推广率', min: 10, align: 'center' },
    ],
    rateRows,
  );

  // The ledger itself, one row per recorded cell: a grid of 349 experiences across would not print.
  const units = new Map(ledger.units.map((u) => [u.id, u.name]));
  const experiences = new Map(ledger.experiences.map((e) => [e.id, e]));
  const cellRows: Cell[][] = ledger.cells.map((c) => {
    const e = experiences.get(c.experienceId);
    return [units.get(c.unitId) ?? '', e?.name ?? '', e?.batchLabel || (e ? EXPERIENCE_KIND_LABELS[e.kind] : ''), REPLICATION_STATUS_LABELS[c.status], c.date, c.responsible, c.contact, c.note];
  });
  writeTableSheet(
    wb.addWorksheet('复制推广台账'),
    `复制推广台账（截至 ${ledger.at}）`,
    [
      { header: '单位', min: 12, max: 20 },
      { header: '经验名称', min: 24, max: 44 },
      { header: '批次', min: 12, max: 30 },
      { header: '状态', min: 8, max: 8, align: 'center' },
      { header: '日期', min: 11, max: 11, align: 'center' },
      { header: '责任单位', min: 10, max: 20 },
      { header: '联络员', min: 8, max: 14 },
      { header: '佐证说明', min: 16, max: 40 },
    ],
    cellRows,
    { landscape: true },
  );
  return packWorkbook(wb);
}

export function crossTableTitle(t: CrossTable): string {
  const span = t.from && t.to ? `（${t.from} 至 ${t.to}）` : t.to ? `（截至 ${t.to}）` : t.from ? `（${t.from} 以来）` : '';
  return `案例统计：${STAT_DIM_LABELS[t.rows]} × ${STAT_DIM_LABELS[t.cols]}${span}`;
}

/** A 16 pt title character is as wide as this many 11 pt column units (half-width = 1). */
const TITLE_TO_DATA = 1.6;

export async function crossTableWorkbook(t: CrossTable, stamp: Date): Promise<Buffer> {
  const wb = workbook(stamp);
  const rows: Cell[][] = t.rowKeys.map((k, i) => [k, ...t.cells[i]!, t.rowTotals[i]!]);
  rows.push(['合计', ...t.colTotals, t.total]);
  writeTableSheet(
    wb.addWorksheet('统计表'),
    crossTableTitle(t),
    [
      // The merged title spans the table: widen the first column when the table is narrower than the title.
      { header: `${STAT_DIM_LABELS[t.rows]}＼${STAT_DIM_LABELS[t.cols]}`, min: Math.max(14, Math.min(60, Math.ceil(displayWidth(crossTableTitle(t)) * TITLE_TO_DATA) - 6 * (t.colKeys.length + 1))), max: 60 },
      ...t.colKeys.map((k): Column => ({ header: k, min: 6, max: 20, align: 'center' })),
      { header: '合计', min: 6, align: 'center' },
    ],
    rows,
    { landscape: t.colKeys.length > 6 },
  );
  if (t.rowKeys.length === 0) return packWorkbook(wb);
  // A chart of the table below it: one series per column, or only the totals when the columns are too many to tell apart.
  const perColumn = t.colKeys.length <= CHART_MAX_SERIES;
  const series = perColumn
    ? t.colKeys.map((name, j) => ({ name, values: t.cells.map((r) => r[j]!), col: j + 1 }))
    : [{ name: '合计', values: t.rowTotals, col: t.colKeys.length + 1 }];
  const bytes = addColumnChart(new Uint8Array(await wb.xlsx.writeBuffer()), {
    sheetName: '统计表',
    title: crossTableTitle(t),
    categories: t.rowKeys,
    firstRow: 3,
    series,
    anchorRow: t.rowKeys.length + 4,
    widthCols: t.colKeys.length + 2, // as wide as the table, so the page is not shrunk for it
    heightRows: 20,
  });
  return finishXlsx(bytes, stamp);
}

/** More series than this and the bars are too thin and the colours too alike to read. */
const CHART_MAX_SERIES = 12;
