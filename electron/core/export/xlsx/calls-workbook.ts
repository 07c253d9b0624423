import ExcelJS from 'exceljs';
import type { CallDetail } from '../../../../shared/calls';
import { finishXlsx } from './package';
import { writeTableSheet, type Cell, type Column } from './table-sheet';

// The 评选结果 of a call as the office files it: the ranking with each reviewer's score and the total, then
// what each unit sent (报送情况) with the 催报 list, ready to print.

export async function callWorkbook(call: CallDetail, stamp: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FTZ Casebook';
  wb.lastModifiedBy = 'FTZ Casebook';
  wb.created = stamp;
  wb.modified = stamp;

  const ranking = wb.addWorksheet('评选结果');
  const columns: Column[] = [
    { header: '名次', min: 6, max: 6, align: 'center' },
    { header: '案例名称', min: 30, max: 56 },
    { header: '提供单位', min: 12, max: 20, align: 'center' },
    ...call.reviewers.map((r): Column => ({ header: r.name, min: 8, max: 14, align: 'center' })),
    { header: '总分', min: 8, max: 10, align: 'center' },
    { header: '入选', min: 6, max: 6, align: 'center' },
  ];
  const rows: Cell[][] = call.ranking.map((r) => [
    r.rank,
    r.title,
    r.unitName,
    ...r.byReviewer.map((b) => b.score),
    r.total,
    r.selected ? '是' : '',
  ]);
  const criteria = call.criteria.map((c) => `${c.name}（权重 ${c.weight}）`).join('、');
  writeTableSheet(ranking, `${call.title}评选结果`, columns, rows, { landscape: columns.length > 6 });
  if (criteria) {
    const note = ranking.addRow([`评分项：${criteria}。各评审人得分为其各评分项的加权平均（百分制），总分为各评审人得分的平均。`]);
    ranking.mergeCells(note.number, 1, note.number, columns.length);
    note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    note.height = 36;
  }

  const tracker = wb.addWorksheet('报送情况');
  const t = call.tracker;
  const trackerRows: Cell[][] = t.rows.map((r) => [r.unitName, r.expected, r.received, r.returned, r.late, r.missing]);
  trackerRows.push(['合计', t.totals.expected, t.totals.received, t.totals.returned, t.totals.late, t.totals.missing]);
  writeTableSheet(
    tracker,
    `${call.title}报送情况（截止 ${call.deadline}）`,
    [
      { header: '单位', min: 14, max: 24 },
      { header: '应报', min: 6, align: 'center' },
      { header: '已收', min: 6, align: 'center' },
      { header: '退回', min: 6, align: 'center' },
      { header: '逾期', min: 6, align: 'center' },
      { header: '未报', min: 6, align: 'center' },
    ],
    trackerRows,
  );
  if (t.chase.length) {
    const chase = tracker.addRow([`${t.overdue ? '催报' : '尚未报送'}：${t.chase.map((c) => c.unitName).join('、')}`]);
    tracker.mergeCells(chase.number, 1, chase.number, 6);
    chase.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    chase.height = 36;
  }
  return finishXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), stamp);
}
