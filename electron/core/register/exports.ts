import type { StatDim } from '../../../shared/register';
import type { Db } from '../db/connection';
import { safeFileName } from '../export/file-names';
import type { Built } from '../export/service';
import { catalogueWorkbook, crossTableWorkbook, ledgerWorkbook } from '../export/xlsx/register-workbook';
import { CATALOGUE_STAMP, listExperiences } from './catalogue';
import { crossTable } from './crosstab';
import { localToday } from '../util';
import { ledgerAt } from './ledger';

// The register's files. Their zip times come from the date the table is read for (never the clock), so
// exporting the same register for the same date twice gives the same bytes.

const dayStamp = (date: string) => new Date(`${date}T00:00:00Z`);

export async function buildCatalogueXlsx(db: Db): Promise<Built> {
  return { bytes: await catalogueWorkbook(listExperiences(db), CATALOGUE_STAMP), defaultName: '经验目录.xlsx', kind: 'xlsx', warnings: [] };
}

export async function buildLedgerXlsx(db: Db, at = localToday()): Promise<Built> {
  const ledger = ledgerAt(db, at);
  return { bytes: await ledgerWorkbook(ledger, dayStamp(at)), defaultName: safeFileName(`复制推广台账 ${at}.xlsx`), kind: 'xlsx', warnings: [] };
}

export async function buildCrossTableXlsx(db: Db, options: { rows: StatDim; cols: StatDim; from?: string | null; to?: string | null }): Promise<Built> {
  const t = crossTable(db, options);
  const stamp = dayStamp(t.to ?? t.from ?? '2020-01-01');
  return { bytes: await crossTableWorkbook(t, stamp), defaultName: safeFileName(`案例统计 ${t.rows}×${t.cols}.xlsx`), kind: 'xlsx', warnings: [] };
}
